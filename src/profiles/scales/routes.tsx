/**
 * The organisation's proficiency scale (issue 14): pages under /{lang}/orgs/:org/scale and the API
 * under /api/v1/orgs/:org/scale. Everyone of the organisation reads (scale.read); its administrators
 * choose and define the scale and write level descriptors (scale.edit). The policy decides, through
 * requireInOrganisation; another organisation's members get 404, as for every organisation page.
 */
import { type Context, Hono } from "hono";
import { messages } from "../../i18n/index.ts";
import { messageCall } from "../../i18n/message-ref.ts";
import type { OrganisationEnv } from "../../people/context.ts";
import { requireInOrganisation } from "../../people/context.ts";
import { authorOf } from "../../people/organisations/changes.ts";
import { bodyOf, frameOf } from "../../people/organisations/routes.tsx";
import { can } from "../../policy/index.ts";
import { type FieldErrors, parseForm } from "../../ui/forms/index.ts";
import { renderPrivatePage, type Status } from "../../ui/private-page.ts";
import { scaleApiRoutes } from "./api.ts";
import { scaleFromCaseRubric } from "./case-rubric.ts";
import { findCompetency, searchCompetencies } from "./competencies.ts";
import { applyLevelAction, type LevelForm, levelFormToSave, readLevelAction, readLevelForm } from "./level-form.ts";
import { type Bilingual, levelDescriptors, organisationScale } from "./read.ts";
import { chooseForm } from "./schemas.ts";
import {
  chooseScale,
  LevelInUseError,
  ScaleConflictError,
  ScaleInvalidError,
  saveLevelDescriptors,
  saveOwnScale,
} from "./store.ts";
import { scaleUrls } from "./urls.ts";
import { problemsByField } from "./validate.ts";
import { CompetencyLevelsPage, competencyStatement, ScalePage, type ScalePageProps } from "./views.tsx";

type Ctx = Context<OrganisationEnv>;

/** Routes past `requireInOrganisation` have an actor: the change history names them. */
const actor = (c: Ctx) => authorOf(c.var.orgActor as NonNullable<OrganisationEnv["Variables"]["orgActor"]>);
const mayEdit = (c: Ctx) =>
  c.var.orgActor !== null &&
  can(c.var.orgActor, "scale.edit", { kind: "organisation", organisationId: c.var.organisation.id });

const DONE = { default: "scaleChosenDefault", own: "scaleChosenOwn", saved: "scaleSaved" } as const;

/** Pages under /{lang}/orgs/:org/scale. */
export function scaleRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  const read = requireInOrganisation("scale.read");
  const edit = requireInOrganisation("scale.edit");
  const t = (c: Ctx) => messages(c.var.lang);

  const scalePage = async (
    c: Ctx,
    props: Pick<ScalePageProps, "notice" | "message" | "editor" | "errors">,
    status: Status = 200,
  ) => {
    const query = (c.req.query("q") ?? "").slice(0, 200);
    const results = query.trim() ? await searchCompetencies(c.var.db, query) : undefined;
    return renderPrivatePage(
      c,
      <ScalePage
        {...frameOf(c)}
        scale={await organisationScale(c.var.db, c.var.organisation.id)}
        edit={mayEdit(c)}
        query={query}
        results={results}
        {...props}
      />,
      t(c).scaleTitle,
      status,
    );
  };

  const backToScale = (c: Ctx, done: keyof typeof DONE, anchor: string) =>
    c.redirect(`${scaleUrls.page(c.var.lang, c.var.organisation.slug)}?done=${done}#${anchor}`, 303);

  app.get("/", read, async (c) => {
    const done = c.req.query("done");
    const notice = done && done in DONE ? t(c)[DONE[done as keyof typeof DONE]] : undefined;
    return scalePage(c, { notice });
  });

  app.post("/choose", edit, async (c) => {
    const parsed = parseForm(chooseForm, await bodyOf(c));
    if (!parsed.ok) return scalePage(c, { errors: parsed.errors }, 400);
    await chooseScale(c.var.db, c.var.organisation.id, parsed.data.scale, actor(c));
    return backToScale(c, parsed.data.scale, parsed.data.scale === "own" ? "levels" : "choose");
  });

  app.post("/levels", edit, async (c) => {
    const body = await bodyOf(c);
    const form = readLevelForm(body);
    const action = readLevelAction(body.action, form.rows.length);
    if (action.kind !== "save") {
      const editor: LevelForm = { ...form, rows: applyLevelAction(form.rows, action) };
      return scalePage(c, { editor, notice: t(c).scaleUnsaved });
    }
    const current = await organisationScale(c.var.db, c.var.organisation.id);
    // Only the organisation's own scale is edited here; on the default, the form is not shown.
    if (current.organisationId === null) return scalePage(c, { message: t(c).scaleOutdated }, 409);
    try {
      await saveOwnScale(c.var.db, c.var.organisation.id, levelFormToSave(form), actor(c));
      return backToScale(c, "saved", "levels");
    } catch (error) {
      if (error instanceof ScaleInvalidError)
        return scalePage(c, { editor: form, errors: problemsByField(error.problems) as FieldErrors }, 400);
      if (error instanceof ScaleConflictError) return scalePage(c, { message: t(c).scaleOutdated }, 409);
      if (error instanceof LevelInUseError)
        return scalePage(c, { editor: form, message: t(c).scaleLevelsInUse(error.levels.join(", ")) }, 409);
      throw error;
    }
  });

  // A CASE CFRubric's levels become the organisation's own scale's (all or nothing, as any save).
  app.post("/import-rubric", edit, async (c) => {
    const body = await bodyOf(c);
    const pasted = typeof body.rubric === "string" ? body.rubric : "";
    const reading = scaleFromCaseRubric(pasted);
    if (!reading.ok) {
      const message = reading.problem === "json" ? "scaleRubricNotJson" : "scaleRubricMissing";
      return scalePage(c, { errors: { rubric: message } }, 400);
    }
    const current = await organisationScale(c.var.db, c.var.organisation.id);
    const scale = reading.scale;
    const name = scale.name.en ? scale.name : current.name;
    const description = scale.description.en ? scale.description : current.description;
    try {
      await saveOwnScale(c.var.db, c.var.organisation.id, { ...scale, name, description }, actor(c));
    } catch (error) {
      if (error instanceof ScaleInvalidError)
        return scalePage(c, { errors: { rubric: messageCall("scaleRubricInvalid", error.problems.length) } }, 400);
      if (error instanceof LevelInUseError)
        return scalePage(c, { message: t(c).scaleLevelsInUse(error.levels.join(", ")) }, 409);
      throw error;
    }
    return backToScale(c, "saved", "levels");
  });

  const competencyPage = async (
    c: Ctx,
    props: { notice?: string; values?: Record<string, string>; errors?: FieldErrors },
    status: Status = 200,
  ) => {
    const frameworkId = c.req.param("framework") ?? "";
    const itemId = c.req.param("item") ?? "";
    const competency = await findCompetency(c.var.db, frameworkId, itemId);
    if (!competency) return c.notFound();
    const scale = await organisationScale(c.var.db, c.var.organisation.id);
    const descriptors = (await levelDescriptors(c.var.db, scale.id, frameworkId, [itemId])).get(itemId) ?? new Map();
    const editor = mayEdit(c);
    return renderPrivatePage(
      c,
      <CompetencyLevelsPage
        {...frameOf(c)}
        scale={scale}
        competency={competency}
        descriptors={descriptors}
        edit={editor && scale.organisationId !== null}
        onDefault={editor && scale.organisationId === null}
        defaultEditUrl={
          can(c.var.user, "framework.edit") ? scaleUrls.defaultCompetency(c.var.lang, frameworkId, itemId) : undefined
        }
        {...props}
      />,
      t(c).scaleCompetencyTitle(competencyStatement(competency, c.var.lang)),
      status,
    );
  };

  app.get("/competencies/:framework/:item", read, (c) => competencyPage(c, {}));

  app.post("/competencies/:framework/:item", edit, async (c) => {
    const frameworkId = c.req.param("framework");
    const itemId = c.req.param("item");
    if (!(await findCompetency(c.var.db, frameworkId, itemId))) return c.notFound();
    const body = await bodyOf(c);
    const scale = await organisationScale(c.var.db, c.var.organisation.id);
    // The form names the scale it was drawn for: a change of scale since then must not write
    // descriptors onto the other one; the default's descriptors are not the organisation's.
    if (scale.organisationId === null || body.scale !== scale.id)
      return competencyPage(c, { notice: t(c).scaleOutdated }, 409);
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
      await saveLevelDescriptors(c.var.db, scale.id, frameworkId, itemId, descriptors, actor(c));
    } catch (error) {
      if (!(error instanceof ScaleInvalidError)) throw error;
      return competencyPage(c, { values, errors: problemsByField(error.problems) as FieldErrors }, 400);
    }
    return competencyPage(c, { notice: t(c).scaleCompetencySaved });
  });

  return app;
}

/** API under /api/v1/orgs/:org/scale. */
export function scaleApi(): Hono<OrganisationEnv> {
  return scaleApiRoutes();
}
