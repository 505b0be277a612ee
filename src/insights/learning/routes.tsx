/**
 * The learning resources catalogue under /{lang}/orgs/:org/learning (issue 16, decision 042).
 * Everyone of the organisation reads it (`learning.read`); its administrators (HR) and managers add,
 * edit, tag, import and delete (`learning.edit`). Another organisation's members get 404, as on
 * every organisation page; a resource id of another organisation is unknown here (404).
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../../app-env.ts";
import { messages } from "../../i18n/index.ts";
import { type OrganisationEnv, requireInOrganisation } from "../../people/context.ts";
import { frameOf } from "../../people/organisations/routes.tsx";
import { can } from "../../policy/index.ts";
import { findCompetency, searchCompetencies } from "../../profiles/scales/competencies.ts";
import type { BodyRule } from "../../security/body-limit.ts";
import { formBody } from "../../security/form-body.ts";
import type { FieldErrors, FormValues } from "../../ui/forms/index.ts";
import { renderPrivatePage, type Status } from "../../ui/private-page.ts";
import { CSV_HEADERS, MAX_IMPORT_BYTES, resourcesCsv } from "./csv.ts";
import {
  createResource,
  deleteResource,
  exportedResources,
  findResource,
  importResources,
  listResources,
  type Resource,
  ResourceNotFoundError,
  StaleResourceError,
  tagCompetencies,
  UnknownCompetencyError,
  untagCompetency,
  updateResource,
} from "./store.ts";
import { learningUrls, parseCompetencyValue } from "./urls.ts";
import { checkFields, costText, hoursText, type RawFields } from "./values.ts";
import { DeletePage, ImportPage, ListPage, ResourceFormPage, ResourcePage, resourceTitle } from "./views.tsx";

const MAX_IMPORT_MB = MAX_IMPORT_BYTES / (1024 * 1024);

/** The import may carry a file (the app's body limits list this before their default). */
export const LEARNING_IMPORT_BODY_RULES: readonly BodyRule[] = [
  {
    route: /^POST \/(?:en|fr)\/orgs\/[^/]+\/learning\/import$/,
    maxBytes: MAX_IMPORT_BYTES + 64 * 1024,
    tooLarge: (t) => t.learningErrCsvTooLarge(MAX_IMPORT_MB),
  },
];

type Ctx = Context<OrganisationEnv>;
const t = (c: Ctx) => messages(c.var.lang);
const orgId = (c: Ctx) => c.var.organisation.id;
const slug = (c: Ctx) => c.var.organisation.slug;
const actorId = (c: Ctx) => c.var.orgActor?.id ?? null;
const bodyOf = (c: Ctx) => formBody(c as unknown as Context<AppEnv>);
const text = (value: unknown) => (typeof value === "string" ? value : "");
const mayEdit = (c: Ctx) =>
  c.var.orgActor !== null && can(c.var.orgActor, "learning.edit", { kind: "organisation", organisationId: orgId(c) });

const FIELDS = ["title_en", "title_fr", "url", "provider", "format", "hours", "cost", "currency"] as const;
const rawOf = (body: Record<string, unknown>): RawFields =>
  Object.fromEntries(FIELDS.map((name) => [name, text(body[name]).slice(0, 4000)])) as RawFields;

const valuesOf = (r: Resource): FormValues => ({
  title_en: r.fields.titleEn,
  title_fr: r.fields.titleFr,
  url: r.fields.url,
  provider: r.fields.provider,
  format: r.fields.format,
  hours: hoursText(r.fields.durationMinutes),
  cost: costText(r.fields.costCents),
  currency: r.fields.currency,
});

const DONE = {
  saved: "learningSaved",
  tagged: "learningTagged",
  untagged: "learningUntagged",
  deleted: "learningDeleted",
} as const;

const versionOf = (value: unknown) => {
  const n = Number(text(value));
  return Number.isInteger(n) && n >= 1 ? n : undefined;
};

export function learningRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  const read = requireInOrganisation("learning.read");
  const edit = requireInOrganisation("learning.edit");

  const noticeOf = (c: Ctx) => {
    const done = c.req.query("done");
    if (done && done in DONE) return t(c)[DONE[done as keyof typeof DONE]];
    const imported = c.req.query("imported");
    const [added, replaced] = (imported ?? "").split("-").map(Number);
    if (imported && Number.isInteger(added) && Number.isInteger(replaced))
      return t(c).learningImported(added as number, replaced as number);
    return undefined;
  };

  app.get("/", read, async (c) => {
    const query = (c.req.query("q") ?? "").slice(0, 200);
    const wanted = parseCompetencyValue(c.req.query("competency"));
    const competency = wanted ? await findCompetency(c.var.db, wanted.frameworkId, wanted.itemId) : undefined;
    return renderPrivatePage(
      c,
      <ListPage
        frame={frameOf(c)}
        resources={await listResources(c.var.db, orgId(c), { lang: c.var.lang, competency: wanted })}
        edit={mayEdit(c)}
        query={query}
        results={query.trim() ? await searchCompetencies(c.var.db, query) : undefined}
        competency={competency}
        notice={noticeOf(c)}
      />,
      t(c).learningTitle,
    );
  });

  app.get("/export.csv", read, async (c) => {
    const bytes = resourcesCsv(await exportedResources(c.var.db, orgId(c), c.var.lang), c.var.lang);
    c.header("content-type", "text/csv; charset=utf-8");
    c.header("content-disposition", `attachment; filename="${slug(c)}-learning.csv"`);
    c.header("cache-control", "no-store");
    return c.body(new Uint8Array(bytes));
  });

  const formPage = (
    c: Ctx,
    props: { resource?: Resource; values: FormValues; errors?: FieldErrors; message?: string },
    status: Status = 200,
  ) =>
    renderPrivatePage(
      c,
      <ResourceFormPage frame={frameOf(c)} {...props} />,
      props.resource ? t(c).learningEditTitle(resourceTitle(props.resource, c.var.lang)) : t(c).learningNewTitle,
      status,
    );

  app.get("/new", edit, (c) => formPage(c, { values: { format: "course" } }));

  app.post("/new", edit, async (c) => {
    const body = (await bodyOf(c)) ?? {};
    const raw = rawOf(body);
    const checked = checkFields(raw);
    if (!checked.ok) return formPage(c, { values: raw, errors: checked.problems }, 400);
    const id = await createResource(c.var.db, orgId(c), checked.fields, actorId(c));
    return c.redirect(`${learningUrls.resource(c.var.lang, slug(c), id)}?done=saved`, 303);
  });

  const importPage = (
    c: Ctx,
    props: Omit<Parameters<typeof ImportPage>[0], "frame">,
    status: Status | 413 | 422 = 200,
  ) => renderPrivatePage(c, <ImportPage frame={frameOf(c)} {...props} />, t(c).learningImportTitle, status as Status);

  app.get("/import", edit, (c) => importPage(c, {}));

  app.post("/import", edit, async (c) => {
    const body = (await bodyOf(c)) ?? {};
    const file = body.file;
    if (!(file instanceof File) || file.size === 0)
      return importPage(c, { errors: { file: "learningErrCsvNoFile" } }, 400);
    if (file.size > MAX_IMPORT_BYTES)
      return importPage(c, { errors: { file: { key: "learningErrCsvTooLarge", args: [MAX_IMPORT_MB] } } }, 400);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await importResources(c.var.db, orgId(c), bytes, actorId(c), CSV_HEADERS[c.var.lang].competencies);
    if (!result.ok) return importPage(c, { problems: result.problems }, 400);
    return c.redirect(`${learningUrls.list(c.var.lang, slug(c))}?imported=${result.created}-${result.updated}`, 303);
  });

  /** A resource route: 404 for a resource this organisation does not have. */
  const onResource =
    (work: (c: Ctx, resource: Resource) => Promise<Response>) =>
    async (c: Ctx): Promise<Response> => {
      const resource = await findResource(c.var.db, orgId(c), c.req.param("resource") ?? "");
      if (!resource) return c.notFound();
      try {
        return await work(c, resource);
      } catch (error) {
        if (error instanceof ResourceNotFoundError) return c.notFound();
        throw error;
      }
    };

  const resourcePage = async (
    c: Ctx,
    resource: Resource,
    props: { message?: string; errors?: FieldErrors; query?: string } = {},
    status: Status = 200,
  ) => {
    const query = (props.query ?? c.req.query("q") ?? "").slice(0, 200);
    const editor = mayEdit(c);
    return renderPrivatePage(
      c,
      <ResourcePage
        frame={frameOf(c)}
        resource={resource}
        edit={editor}
        query={query}
        results={editor && query.trim() ? await searchCompetencies(c.var.db, query) : undefined}
        notice={noticeOf(c)}
        message={props.message}
        errors={props.errors}
      />,
      resourceTitle(resource, c.var.lang),
      status,
    );
  };

  const backTo = (c: Ctx, resource: { id: string }, done: keyof typeof DONE) =>
    c.redirect(`${learningUrls.resource(c.var.lang, slug(c), resource.id)}?done=${done}`, 303);

  app.get(
    "/:resource",
    read,
    onResource((c, resource) => resourcePage(c, resource)),
  );

  app.get(
    "/:resource/edit",
    edit,
    onResource(async (c, resource) => formPage(c, { resource, values: valuesOf(resource) })),
  );

  app.post(
    "/:resource/edit",
    edit,
    onResource(async (c, resource) => {
      const body = (await bodyOf(c)) ?? {};
      const raw = rawOf(body);
      const version = versionOf(body.version);
      const checked = checkFields(raw);
      if (!checked.ok) return formPage(c, { resource, values: raw, errors: checked.problems }, 400);
      try {
        if (version === undefined) throw new StaleResourceError();
        await updateResource(c.var.db, orgId(c), resource.id, version, checked.fields, actorId(c));
      } catch (error) {
        if (error instanceof StaleResourceError)
          return formPage(c, { resource, values: valuesOf(resource), message: t(c).learningOutdated }, 409);
        throw error;
      }
      return backTo(c, resource, "saved");
    }),
  );

  app.get(
    "/:resource/delete",
    edit,
    onResource(async (c, resource) =>
      renderPrivatePage(
        c,
        <DeletePage frame={frameOf(c)} resource={resource} />,
        t(c).learningDeleteTitle(resourceTitle(resource, c.var.lang)),
      ),
    ),
  );

  app.post(
    "/:resource/delete",
    edit,
    onResource(async (c, resource) => {
      const version = versionOf((await bodyOf(c))?.version);
      try {
        if (version === undefined) throw new StaleResourceError();
        await deleteResource(c.var.db, orgId(c), resource.id, version);
      } catch (error) {
        if (error instanceof StaleResourceError)
          return renderPrivatePage(
            c,
            <DeletePage frame={frameOf(c)} resource={resource} message={t(c).learningOutdated} />,
            t(c).learningDeleteTitle(resourceTitle(resource, c.var.lang)),
            409,
          );
        throw error;
      }
      return c.redirect(`${learningUrls.list(c.var.lang, slug(c))}?done=deleted`, 303);
    }),
  );

  app.post(
    "/:resource/competencies",
    edit,
    onResource(async (c, resource) => {
      const all = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
      const picked = ([] as unknown[]).concat(all.competency ?? []).map(parseCompetencyValue);
      const query = text(all.q);
      const version = versionOf(all.version);
      if (picked.length === 0 || picked.length > 50 || picked.some((p) => p === undefined))
        return resourcePage(c, resource, { errors: { competency: "learningErrPick" }, query }, 400);
      try {
        if (version === undefined) throw new StaleResourceError();
        await tagCompetencies(
          c.var.db,
          orgId(c),
          resource.id,
          version,
          picked as { frameworkId: string; itemId: string }[],
          actorId(c),
        );
      } catch (error) {
        if (error instanceof UnknownCompetencyError)
          return resourcePage(c, resource, { errors: { competency: "learningErrPick" }, query }, 400);
        if (error instanceof StaleResourceError)
          return resourcePage(c, resource, { message: t(c).learningOutdated }, 409);
        throw error;
      }
      return backTo(c, resource, "tagged");
    }),
  );

  app.post(
    "/:resource/competencies/remove",
    edit,
    onResource(async (c, resource) => {
      const body = (await bodyOf(c)) ?? {};
      const ref = parseCompetencyValue(body.competency);
      const version = versionOf(body.version);
      if (!ref) return resourcePage(c, resource, { errors: { competency: "learningErrPick" } }, 400);
      try {
        if (version === undefined) throw new StaleResourceError();
        await untagCompetency(c.var.db, orgId(c), resource.id, version, ref, actorId(c));
      } catch (error) {
        if (error instanceof StaleResourceError)
          return resourcePage(c, resource, { message: t(c).learningOutdated }, 409);
        throw error;
      }
      return backTo(c, resource, "untagged");
    }),
  );

  return app;
}
