/**
 * Job profiles in the signed-in JSON API, under /api/v1/orgs/:org/profiles (described in the OpenAPI
 * document, src/api/openapi-profiles.ts): list, one profile with its pinned requirements, create,
 * update (with the version the client read: `version` in the body or `If-Match: "N"`; a stale one
 * answers 409 with the current version), delete (409 while people hold it, unless
 * `?clearPositions=true`). The same policy as the pages decides.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { type Lang, messages } from "../../i18n/index.ts";
import { type OrganisationEnv, refuse, requireInOrganisation } from "../../people/context.ts";
import { authorOf } from "../../people/organisations/changes.ts";
import { can } from "../../policy/index.ts";
import { type FieldErrors, fieldErrors, translateErrors } from "../../ui/forms/index.ts";
import { profileInput } from "./fields.ts";
import { type PinnedRequirement, requirementsOf } from "./requirements.ts";
import {
  CodeTakenError,
  createProfile,
  deleteProfile,
  findProfile,
  listProfiles,
  type Profile,
  ProfileHeldError,
  ProfileNotFoundError,
  StaleProfileError,
  UnitUnknownError,
  updateProfile,
} from "./store.ts";

type Ctx = Context<OrganisationEnv>;

export function profileJson(p: Profile) {
  return {
    id: p.id,
    title: { en: p.title_en, fr: p.title_fr },
    code: p.code,
    grade: p.grade,
    summary: { en: p.summary_en, fr: p.summary_fr },
    duties: p.duties,
    qualifications: p.qualifications,
    workingConditions: { en: p.working_conditions_en, fr: p.working_conditions_fr },
    unitIds: p.unitIds,
    scaleId: p.scaleId,
    copiedFrom: p.copiedFrom,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

const requirementJson = (r: PinnedRequirement) => ({
  frameworkId: r.frameworkId,
  itemId: r.itemId,
  editionId: r.editionId,
  editionNumber: r.editionNumber,
  code: r.code,
  competency: r.competency,
  area: r.area,
  targetLevel: r.targetLevel,
  importance: r.importance,
  ksas: r.ksas.map((k) => ({ itemId: k.itemId, text: k.text })),
});

/** The API's body: the same fields as the store's, with `version` for an update. */
const updateBody = profileInput.extend({ version: z.number().int().min(1).optional() });

function invalid(c: Ctx, status: 400 | 409, errors: FieldErrors, extra: Record<string, unknown> = {}) {
  const lang: Lang = c.var.lang;
  return c.json(
    {
      error: status === 400 ? "invalid" : "conflict",
      message: messages(lang).formErrorSummary,
      fields: translateErrors(lang, errors).fields,
      ...extra,
    },
    status,
  );
}

async function jsonBody(c: Ctx): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

const storeErrors = (error: unknown): FieldErrors | undefined =>
  error instanceof CodeTakenError
    ? { code: "profileCodeTaken" }
    : error instanceof UnitUnknownError
      ? { unit_ids: "profileUnitUnknown" }
      : undefined;

/** `If-Match: "3"` (or 3, or W/"3"): the version the client read. */
export const ifMatchVersion = (header: string | undefined): number | undefined => {
  const match = header ? /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header) : null;
  return match ? Number(match[1]) : undefined;
};

export function profileApi(): Hono<OrganisationEnv> {
  const api = new Hono<OrganisationEnv>();
  api.use("*", async (c, next) => {
    await next();
    c.header("cache-control", "private, no-store");
  });
  const author = (c: Ctx) => authorOf(c.var.orgActor as NonNullable<OrganisationEnv["Variables"]["orgActor"]>);
  const orgId = (c: Ctx) => c.var.organisation.id;

  /** The profile route's gate: the policy on this profile, then 404 when it is not the organisation's. */
  const onProfile =
    (action: "profile.read" | "profile.edit", work: (c: Ctx, profile: Profile) => Promise<Response>) =>
    async (c: Ctx): Promise<Response> => {
      const profileId = c.req.param("profile") ?? "";
      const resource = { kind: "profile", organisationId: orgId(c), profileId } as const;
      if (!c.var.orgActor || !can(c.var.orgActor, action, resource)) return refuse(c, resource);
      const profile = await findProfile(c.var.db, orgId(c), profileId);
      if (!profile) return c.notFound();
      try {
        return await work(c, profile);
      } catch (error) {
        if (error instanceof ProfileNotFoundError) return c.notFound();
        throw error;
      }
    };

  api.get("/", requireInOrganisation("profiles.list"), async (c) => {
    const q = (c.req.query("q") ?? "").slice(0, 200);
    const unit = (c.req.query("unit") ?? "").slice(0, 36);
    const items = await listProfiles(c.var.db, orgId(c), { q, unitId: unit || undefined, lang: c.var.lang });
    return c.json({
      items: items.map((p) => ({
        id: p.id,
        title: { en: p.title_en, fr: p.title_fr },
        code: p.code,
        grade: p.grade,
        unitIds: p.unitIds,
        requirements: p.requirements,
        holders: p.holders,
        updatedAt: p.updatedAt,
      })),
      total: items.length,
    });
  });

  api.post("/", requireInOrganisation("profile.edit"), async (c) => {
    const parsed = profileInput.safeParse((await jsonBody(c)) ?? {});
    if (!parsed.success) return invalid(c, 400, fieldErrors(parsed.error));
    try {
      const profile = await createProfile(c.var.db, orgId(c), parsed.data, author(c));
      c.header("etag", `"${profile.version}"`);
      return c.json(profileJson(profile), 201);
    } catch (error) {
      const errors = storeErrors(error);
      if (!errors) throw error;
      return invalid(c, error instanceof CodeTakenError ? 409 : 400, errors);
    }
  });

  api.get(
    "/:profile",
    onProfile("profile.read", async (c, profile) => {
      c.header("etag", `"${profile.version}"`);
      return c.json({
        ...profileJson(profile),
        requirements: (await requirementsOf(c.var.db, profile.id)).map(requirementJson),
      });
    }),
  );

  api.put(
    "/:profile",
    onProfile("profile.edit", async (c, profile) => {
      const parsed = updateBody.safeParse((await jsonBody(c)) ?? {});
      if (!parsed.success) return invalid(c, 400, fieldErrors(parsed.error));
      const { version: bodyVersion, ...input } = parsed.data;
      const version = ifMatchVersion(c.req.header("if-match")) ?? bodyVersion;
      if (version === undefined) return invalid(c, 400, { version: "formRequired" });
      try {
        const saved = await updateProfile(c.var.db, orgId(c), profile.id, version, input, author(c));
        c.header("etag", `"${saved.version}"`);
        return c.json(profileJson(saved));
      } catch (error) {
        if (error instanceof StaleProfileError)
          return c.json(
            { error: "conflict", message: messages(c.var.lang).profileStale, currentVersion: error.current },
            409,
          );
        const errors = storeErrors(error);
        if (!errors) throw error;
        return invalid(c, error instanceof CodeTakenError ? 409 : 400, errors);
      }
    }),
  );

  api.delete(
    "/:profile",
    onProfile("profile.edit", async (c, profile) => {
      try {
        await deleteProfile(
          c.var.db,
          orgId(c),
          profile.id,
          { clearPositions: c.req.query("clearPositions") === "true" },
          author(c),
        );
        return c.body(null, 204);
      } catch (error) {
        if (!(error instanceof ProfileHeldError)) throw error;
        return c.json(
          { error: "conflict", message: messages(c.var.lang).profileDeleteClearNeeded, holders: error.holders },
          409,
        );
      }
    }),
  );

  return api;
}
