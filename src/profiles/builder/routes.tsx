/**
 * The profile builder (issue 14): /{lang}/orgs/:org/profiles/:profile/builder (browse, search, tick;
 * the chosen list with levels, importance, KSAs, order; edition changes) and …/builder/preview; its
 * forms post to …/:profile/requirements[/:requirement[/move|remove|take|keep]] and come back to the
 * builder with what was done. No JavaScript is needed.
 *
 * Access: `profile.edit` (the organisation's administrators and managers); a member refused gets 403,
 * a profile of another organisation is unknown (404). A form shown before someone else saved the
 * profile is refused with 409 and the page as it is now, the refused input shown again.
 */
import { type Context, Hono } from "hono";
import { messages } from "../../i18n/index.ts";
import { type OrganisationEnv, requireInOrganisation } from "../../people/context.ts";
import { frameOf } from "../../people/organisations/routes.tsx";
import type { FieldErrors, FormValues } from "../../ui/forms/index.ts";
import { parseForm } from "../../ui/forms/index.ts";
import { renderPrivatePage, type Status } from "../../ui/private-page.ts";
import { loadJobDocument } from "../jobs/description.tsx";
import { findProfile as findJobProfile } from "../jobs/store.ts";
import {
  addRequirements,
  editionChanges,
  findProfile,
  keepWording,
  moveRequirement,
  type ProfileRef,
  RequirementInputError,
  RequirementNotFoundError,
  readRequirements,
  removeRequirement,
  StaleProfileError,
  takeChange,
  updateRequirement,
} from "../requirements/store.ts";
import { readScale } from "../scales/read.ts";
import { type ChosenProps, entryKey, entryScope } from "./chosen.tsx";
import type { Place } from "./find.tsx";
import { browseModel, chosenEntries, searchModel } from "./model.ts";
import { BuilderPage, type BuilderPageProps, PreviewPage } from "./page.tsx";
import { addForm, moveForm, settingsForm, versionForm } from "./schemas.ts";
import { builderUrls, parseRequirementParam, type RequirementAction, requirementAnchor } from "./urls.ts";

type Ctx = Context<OrganisationEnv>;
type Profile = NonNullable<Awaited<ReturnType<typeof findProfile>>>;

const ref = (c: Ctx): ProfileRef => ({
  organisationId: c.var.organisation.id,
  profileId: c.req.param("profile") ?? "",
});
const actorId = (c: Ctx) => c.var.orgActor?.id ?? null;
const title = (c: Ctx, p: Profile) => (c.var.lang === "fr" ? p.title_fr : p.title_en);

/** Every value of each field (checkbox groups send several). */
async function allFields(c: Ctx): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
    result[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return result;
}

const asList = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? "") : (value ?? ""));

interface PageState {
  notice?: string;
  message?: string;
  kept?: ChosenProps["kept"];
  ticked?: string[];
  itemError?: boolean;
  errors?: BuilderPageProps["errors"];
  place?: Partial<Place>;
}

async function renderBuilder(c: Ctx, profile: Profile, state: PageState, status: Status = 200) {
  const db = c.var.db;
  const lang = c.var.lang;
  const requirements = await readRequirements(db, profile.id);
  const scale = await readScale(db, profile.scale_id);
  if (!scale) throw new Error(`scale ${profile.scale_id} is missing`);
  const chosen = await chosenEntries(db, scale, lang, requirements, await editionChanges(db, requirements));
  const chosenKeys = new Set(requirements.map(entryKey));
  const place: Place = {
    framework: state.place?.framework ?? c.req.query("framework") ?? "",
    node: state.place?.node ?? c.req.query("node") ?? "",
    q: (state.place?.q ?? c.req.query("q") ?? "").slice(0, 200),
    page: state.place?.page ?? c.req.query("page") ?? "",
  };
  const query = place.q.trim();
  const find: BuilderPageProps["find"] = {
    browse: await browseModel(c.var.catalog, chosenKeys, place),
    ...(query ? { search: await searchModel(c.var.catalog, lang, chosenKeys, query, place.page) } : {}),
    ticked: state.ticked,
    itemError: state.itemError,
  };
  const page = (
    <BuilderPage
      lang={lang}
      org={c.var.organisation.slug}
      profile={{ id: profile.id, title: title(c, profile), version: Number(profile.version), summary: "" }}
      chosen={chosen}
      find={find}
      place={place}
      notice={state.notice}
      message={state.message}
      kept={state.kept}
      errors={state.errors}
    />
  );
  return renderPrivatePage(c, page, messages(lang).builderTitle(title(c, profile)), status);
}

/** What a redirect back to the builder says was done. */
const DONE = ["added", "saved", "moved", "removed", "taken", "kept"] as const;

function noticeFor(c: Ctx): string | undefined {
  const t = messages(c.var.lang);
  const done = c.req.query("done");
  const n = Number.parseInt(c.req.query("n") ?? "0", 10) || 0;
  const edition = Number.parseInt(c.req.query("edition") ?? "0", 10) || 0;
  switch (done) {
    case "added":
      return t.builderAdded(n);
    case "saved":
      return t.builderSaved;
    case "moved":
      return t.builderMoved(n);
    case "removed":
      return t.builderRemoved;
    case "taken":
      return n > 0 ? t.builderTakenDropped(edition, n) : t.builderTaken(edition);
    case "kept":
      return t.builderKept;
    default:
      return undefined;
  }
}

function backToBuilder(
  c: Ctx,
  done: (typeof DONE)[number],
  extra: Record<string, string> = {},
  anchor = "chosen-heading",
) {
  const url = builderUrls.builder(c.var.lang, c.var.organisation.slug, ref(c).profileId, { done, ...extra });
  return c.redirect(`${url}#${anchor}`, 303);
}

export function builderRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  const edit = requireInOrganisation("profile.edit");

  /** The profile of the address, in this organisation; undefined: 404. */
  const profileOf = (c: Ctx) => findProfile(c.var.db, ref(c));

  app.get("/:profile/builder", edit, async (c) => {
    const profile = await profileOf(c);
    if (!profile) return c.notFound();
    return renderBuilder(c, profile, { notice: noticeFor(c) });
  });

  app.get("/:profile/builder/preview", edit, async (c) => {
    const profile = await profileOf(c);
    if (!profile) return c.notFound();
    const full = await findJobProfile(c.var.db, c.var.organisation.id, profile.id);
    if (!full) return c.notFound();
    const lang = c.var.lang;
    const doc = await loadJobDocument(c.var.db, {
      organisationId: c.var.organisation.id,
      organisation: frameOf(c).name,
      profile: full,
      lang,
    });
    const summary = lang === "fr" ? profile.summary_fr : profile.summary_en;
    const view = (
      <PreviewPage
        lang={lang}
        org={c.var.organisation.slug}
        profile={{ id: profile.id, title: title(c, profile), version: Number(profile.version), summary }}
        doc={doc}
      />
    );
    return renderPrivatePage(c, view, messages(lang).builderPreviewTitle(title(c, profile)));
  });

  /** Answers a write that the store refused: stale (409), unknown (404), or a value the rules refuse (400). */
  const refused = async (c: Ctx, profile: Profile, error: unknown, state: PageState) => {
    const t = messages(c.var.lang);
    if (error instanceof StaleProfileError) {
      const fresh = (await profileOf(c)) ?? profile;
      return renderBuilder(c, fresh, { ...state, message: t.builderStale, errors: undefined }, 409);
    }
    if (error instanceof RequirementNotFoundError) return c.notFound();
    if (error instanceof RequirementInputError) return renderBuilder(c, profile, state, 400);
    throw error;
  };

  app.post("/:profile/requirements", edit, async (c) => {
    const profile = await profileOf(c);
    if (!profile) return c.notFound();
    const body = await allFields(c);
    const ticked = asList(body.item);
    const place = { framework: one(body.framework), node: one(body.node), q: one(body.q), page: one(body.page) };
    const parsed = parseForm(addForm, body);
    if (!parsed.ok) {
      const outdated = parsed.errors.version !== undefined;
      return renderBuilder(
        c,
        profile,
        {
          place,
          ticked,
          itemError: parsed.errors.item !== undefined,
          message: outdated ? messages(c.var.lang).formOutdated : undefined,
          errors: { scope: "add", errors: parsed.errors.item ? { item: "builderErrItems" } : {} },
        },
        400,
      );
    }
    const picks = [];
    for (const value of parsed.data.item) {
      const key = parseRequirementParam(value);
      if (key) picks.push(key);
    }
    const state: PageState = { place, ticked, message: messages(c.var.lang).builderErrItemsInvalid };
    if (picks.length !== parsed.data.item.length) return renderBuilder(c, profile, state, 400);
    try {
      const { added } = await addRequirements(c.var.db, ref(c), parsed.data.version, picks, actorId(c));
      const back = Object.fromEntries(Object.entries(place).filter(([, v]) => v !== ""));
      return backToBuilder(c, "added", { n: String(added), ...back }, "find");
    } catch (error) {
      return refused(c, profile, error, state);
    }
  });

  app.post("/:profile/requirements/:requirement", edit, async (c) => {
    const profile = await profileOf(c);
    const key = parseRequirementParam(c.req.param("requirement") ?? "");
    if (!profile || !key) return c.notFound();
    const body = await allFields(c);
    const values: FormValues = { level: one(body.level), importance: one(body.importance) };
    const ksa = asList(body.ksa);
    const requirements = await readRequirements(c.var.db, profile.id);
    const index = requirements.findIndex((r) => r.frameworkId === key.frameworkId && r.itemId === key.itemId);
    if (index < 0) return c.notFound();
    const scope = entryScope(index);
    const keep = (errors?: FieldErrors): PageState => ({
      kept: { key: `${key.frameworkId}~${key.itemId}`, values, ksa, errors },
      errors: errors ? { scope, errors } : undefined,
    });
    const parsed = parseForm(settingsForm, body);
    if (!parsed.ok) {
      const outdated = parsed.errors.version !== undefined;
      const state = keep(parsed.errors);
      return renderBuilder(
        c,
        profile,
        outdated ? { ...state, message: messages(c.var.lang).formOutdated } : state,
        400,
      );
    }
    try {
      await updateRequirement(
        c.var.db,
        ref(c),
        parsed.data.version,
        key,
        { targetLevel: parsed.data.level, importance: parsed.data.importance, ksaIds: parsed.data.ksa },
        actorId(c),
      );
      return backToBuilder(c, "saved", {}, requirementAnchor(key.itemId));
    } catch (error) {
      const field = error instanceof RequirementInputError ? error.field : undefined;
      const errors: FieldErrors | undefined =
        field === "level"
          ? { level: "builderErrLevel" }
          : field === "ksa"
            ? { ksa: "builderErrKsa" }
            : field === "importance"
              ? { importance: "formChoose" }
              : undefined;
      return refused(c, profile, error, keep(errors));
    }
  });

  const action = (name: RequirementAction) =>
    app.post(`/:profile/requirements/:requirement/${name}`, edit, async (c) => {
      const profile = await profileOf(c);
      const key = parseRequirementParam(c.req.param("requirement") ?? "");
      if (!profile || !key) return c.notFound();
      const body = await allFields(c);
      const parsed = parseForm(name === "move" ? moveForm : versionForm, body);
      const moving = name === "move" ? parseForm(moveForm, body) : undefined;
      const t = messages(c.var.lang);
      if (!parsed.ok || moving?.ok === false) return renderBuilder(c, profile, { message: t.formOutdated }, 400);
      const version = parsed.data.version;
      const db = c.var.db;
      try {
        if (name === "move") {
          const direction = moving?.ok ? moving.data.direction : "up";
          const { position } = await moveRequirement(db, ref(c), version, key, direction, actorId(c));
          return backToBuilder(c, "moved", { n: String(position) }, requirementAnchor(key.itemId));
        }
        if (name === "remove") {
          await removeRequirement(db, ref(c), version, key, actorId(c));
          return backToBuilder(c, "removed");
        }
        if (name === "take") {
          const { dropped, edition } = await takeChange(db, ref(c), version, key, actorId(c));
          return backToBuilder(
            c,
            "taken",
            { n: String(dropped.length), edition: String(edition) },
            requirementAnchor(key.itemId),
          );
        }
        await keepWording(db, ref(c), version, key, actorId(c));
        return backToBuilder(c, "kept", {}, requirementAnchor(key.itemId));
      } catch (error) {
        const message = error instanceof RequirementInputError ? t.builderErrRetired : undefined;
        return refused(c, profile, error, { message });
      }
    });
  for (const name of ["move", "remove", "take", "keep"] as const) action(name);

  return app;
}
