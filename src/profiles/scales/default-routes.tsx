/**
 * The instance's default scale's per-competency descriptors, written by the instance's editors
 * (the policy's "framework.edit": they keep the frameworks these descriptors describe). They
 * belong to no organisation; every organisation on the default scale reads them, and the public
 * CASE export carries them as CFRubrics. Mounted under /{lang}/editor/scale.
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../../app-env.ts";
import { messages } from "../../i18n/index.ts";
import { authorOf } from "../../people/organisations/changes.ts";
import { requirePermission } from "../../policy/guard.ts";
import { formBody } from "../../security/form-body.ts";
import type { FieldErrors } from "../../ui/forms/index.ts";
import { renderPrivatePage, type Status } from "../../ui/private-page.ts";
import { findCompetency } from "./competencies.ts";
import { type Bilingual, DEFAULT_SCALE_ID, levelDescriptors, readScale } from "./read.ts";
import { ScaleInvalidError, saveLevelDescriptors } from "./store.ts";
import { scaleUrls } from "./urls.ts";
import { problemsByField } from "./validate.ts";
import { competencyStatement, DefaultCompetencyLevelsPage } from "./views.tsx";

type Ctx = Context<AppEnv>;

export function defaultScaleRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const t = (c: Ctx) => messages(c.var.lang);

  const page = async (
    c: Ctx,
    props: { notice?: string; values?: Record<string, string>; errors?: FieldErrors },
    status: Status = 200,
  ) => {
    const frameworkId = c.req.param("framework") ?? "";
    const itemId = c.req.param("item") ?? "";
    const competency = await findCompetency(c.var.db, frameworkId, itemId);
    const scale = await readScale(c.var.db, DEFAULT_SCALE_ID);
    if (!competency || !scale) return c.notFound();
    const descriptors =
      (await levelDescriptors(c.var.db, DEFAULT_SCALE_ID, frameworkId, [itemId])).get(itemId) ?? new Map();
    return renderPrivatePage(
      c,
      <DefaultCompetencyLevelsPage
        lang={c.var.lang}
        scale={scale}
        competency={competency}
        descriptors={descriptors}
        action={scaleUrls.defaultCompetency(c.var.lang, frameworkId, itemId)}
        {...props}
      />,
      t(c).scaleDefaultCompetencyTitle(competencyStatement(competency, c.var.lang)),
      status,
    );
  };

  app.get("/competencies/:framework/:item", requirePermission("framework.edit"), (c) => page(c, {}));

  app.post("/competencies/:framework/:item", requirePermission("framework.edit"), async (c) => {
    const frameworkId = c.req.param("framework");
    const itemId = c.req.param("item");
    const scale = await readScale(c.var.db, DEFAULT_SCALE_ID);
    if (!scale || !(await findCompetency(c.var.db, frameworkId, itemId))) return c.notFound();
    const body = await formBody(c);
    // The form names the scale it was drawn for, as the organisation's page does.
    if (body.scale !== scale.id) return page(c, { notice: t(c).scaleOutdated }, 409);
    const descriptors = new Map<number, Bilingual>();
    const values: Record<string, string> = {};
    for (const level of scale.levels) {
      const text = (lang: "en" | "fr") => {
        const value = body[`level_${level.number}_${lang}`];
        return typeof value === "string" ? value.slice(0, 4000) : "";
      };
      descriptors.set(level.number, { en: text("en"), fr: text("fr") });
      values[`level_${level.number}_en`] = text("en");
      values[`level_${level.number}_fr`] = text("fr");
    }
    try {
      const user = c.var.user as NonNullable<AppEnv["Variables"]["user"]>;
      await saveLevelDescriptors(c.var.db, scale.id, frameworkId, itemId, descriptors, authorOf(user));
    } catch (error) {
      if (!(error instanceof ScaleInvalidError)) throw error;
      return page(c, { values, errors: problemsByField(error.problems) as FieldErrors }, 400);
    }
    return page(c, { notice: t(c).scaleCompetencySaved });
  });

  return app;
}
