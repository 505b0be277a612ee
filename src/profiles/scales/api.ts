/**
 * The organisation's scale in the signed-in API (/api/v1/orgs/:org/scale): everyone of the
 * organisation reads it; its administrators choose the default or define their own (PUT), through
 * the same store and checks as the page. Documented in src/api/openapi.ts (ProficiencyScale,
 * ProficiencyScaleInput).
 */
import { type Context, Hono } from "hono";
import { messages } from "../../i18n/index.ts";
import { type OrganisationEnv, requireInOrganisation } from "../../people/context.ts";
import { authorOf } from "../../people/organisations/changes.ts";
import { type FieldErrors, fieldErrors, translateErrors } from "../../ui/forms/index.ts";
import { organisationScale, type Scale } from "./read.ts";
import { scaleJsonInput } from "./schemas.ts";
import { chooseScale, LevelInUseError, ScaleConflictError, ScaleInvalidError, saveOwnScale } from "./store.ts";
import { problemsByField } from "./validate.ts";

type Ctx = Context<OrganisationEnv>;

export interface ScaleJson {
  organisation: { slug: string };
  uses: "default" | "own";
  scale: {
    id: string;
    name: { en: string; fr: string };
    description: { en: string; fr: string };
    caseIdentifier: string;
    version: number;
    levels: Scale["levels"];
  };
}

export function scaleJson(slug: string, scale: Scale): ScaleJson {
  return {
    organisation: { slug },
    uses: scale.organisationId === null ? "default" : "own",
    scale: {
      id: scale.id,
      name: scale.name,
      description: scale.description,
      caseIdentifier: scale.caseIdentifier,
      version: scale.version,
      levels: scale.levels,
    },
  };
}

const noStore = (c: Ctx) => c.header("cache-control", "private, no-store");

function refused(c: Ctx, status: 400 | 409, errors: FieldErrors, message?: string) {
  noStore(c);
  return c.json(
    {
      error: status === 400 ? "invalid" : "conflict",
      message: message ?? messages(c.var.lang).formErrorSummary,
      fields: translateErrors(c.var.lang, errors).fields,
    },
    status,
  );
}

export function scaleApiRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();

  app.get("/", requireInOrganisation("scale.read"), async (c) => {
    noStore(c);
    return c.json(scaleJson(c.var.organisation.slug, await organisationScale(c.var.db, c.var.organisation.id)));
  });

  app.put("/", requireInOrganisation("scale.edit"), async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      body = undefined;
    }
    const parsed = scaleJsonInput.safeParse(body ?? {});
    if (!parsed.success) return refused(c, 400, fieldErrors(parsed.error));
    const organisationId = c.var.organisation.id;
    const by = authorOf(c.var.orgActor as NonNullable<OrganisationEnv["Variables"]["orgActor"]>);
    const input = parsed.data;
    if (input.uses === "default") {
      const scale = await chooseScale(c.var.db, organisationId, "default", by);
      noStore(c);
      return c.json(scaleJson(c.var.organisation.slug, scale));
    }
    const none = { en: "", fr: "" };
    try {
      const scale = await saveOwnScale(
        c.var.db,
        organisationId,
        {
          name: input.name,
          description: input.description ?? none,
          levels: input.levels.map((level) => ({ ...level, descriptor: level.descriptor ?? none })),
          expectedVersion: input.version,
        },
        by,
      );
      noStore(c);
      return c.json(scaleJson(c.var.organisation.slug, scale));
    } catch (error) {
      const t = messages(c.var.lang);
      if (error instanceof ScaleInvalidError) return refused(c, 400, problemsByField(error.problems) as FieldErrors);
      if (error instanceof ScaleConflictError) return refused(c, 409, {}, t.scaleOutdated);
      if (error instanceof LevelInUseError) return refused(c, 409, {}, t.scaleLevelsInUse(error.levels.join(", ")));
      throw error;
    }
  });

  return app;
}
