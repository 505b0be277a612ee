/**
 * Privacy pages under /{lang}/orgs/{org}/ (decision 029): the privacy notice and its editor, the
 * access log (the organisation's; a person's "who viewed my record"), everything held about a
 * person (a page and a JSON download), retention settings, and the organisation's export and
 * deletion (organisation-routes.tsx). Every decision is the policy's; every view of another
 * person's data is access-logged.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import { messages } from "../../i18n/index.ts";
import { can, type OrganisationAction } from "../../policy/index.ts";
import type { BodyRule } from "../../security/body-limit.ts";
import { type FieldErrors, parseForm } from "../../ui/forms/index.ts";
import { recordAccess } from "../access-log.ts";
import { type OrganisationEnv, organisationTimeZone, refuse, requireInOrganisation } from "../context.ts";
import { personResource } from "../membership.ts";
import { changeActorOf, recordChange } from "../staff/record-change.ts";
import { displayName, listAccessLog } from "./access-log-store.ts";
import { OrganisationAccessLogPage, PersonAccessLogPage } from "./access-log-views.tsx";
import { OwnDataPage } from "./data-views.tsx";
import { accessLogFilter, noticeForm, retentionForm } from "./forms.ts";
import { RetentionPage } from "./manage-views.tsx";
import { NOTICE_MAX_LENGTH, NoticeEditPage, NoticePage } from "./notice.tsx";
import { ORGANISATION_EXPORT_SECTIONS } from "./organisation-data.ts";
import type { OrganisationExportSection } from "./organisation-export.ts";
import { organisationDataRoutes } from "./organisation-routes.tsx";
import { collectOwnData, OWN_DATA_SECTIONS, type OwnDataSection } from "./own-data.tsx";
import { downloadHeaders, organisationName, renderPersonalPage } from "./page.ts";
import { purge } from "./retention.ts";
import { privacyUrls } from "./urls.ts";

const PAGE_SIZE = 50;

/**
 * The notice form may carry two long texts (NOTICE_MAX_LENGTH characters each, escaped in the form
 * encoding): more than the default body limit allows, so it has its own (listed in src/app.tsx).
 */
export const PRIVACY_NOTICE_BODY_RULE: BodyRule = {
  route: /^POST \/(?:en|fr)\/orgs\/[^/]+\/privacy\/edit$/,
  maxBytes: 12 * NOTICE_MAX_LENGTH * 2,
};

type Ctx = Context<OrganisationEnv>;

export interface PrivacyOptions {
  /** What "everything held about a person" holds; later capabilities add their sections. */
  sections?: readonly OwnDataSection[];
  /** What the organisation's export holds and its deletion counts; later capabilities add theirs. */
  organisationSections?: readonly OrganisationExportSection[];
}

export function privacyRoutes(options: PrivacyOptions = {}): Hono<OrganisationEnv> {
  const sections = options.sections ?? OWN_DATA_SECTIONS;
  const organisationSections = options.organisationSections ?? ORGANISATION_EXPORT_SECTIONS;
  const app = new Hono<OrganisationEnv>();

  // The notice: for anyone with standing in the organisation.
  app.get("/privacy", requireInOrganisation("organisation.read"), (c) => {
    const organisation = c.var.organisation;
    const view = (
      <NoticePage
        lang={c.var.lang}
        organisation={organisation}
        administers={administers(c)}
        hasRecord={Boolean(c.var.orgActor?.membership?.personId)}
        saved={c.req.query("saved") === "1"}
      />
    );
    return renderPersonalPage(c, view, messages(c.var.lang).privacyNoticeTitle(organisationName(c)));
  });

  app.get("/privacy/edit", requireInOrganisation("organisation.administer"), (c) => {
    const o = c.var.organisation;
    const values = { notice_en: o.privacy_notice_en, notice_fr: o.privacy_notice_fr };
    const view = <NoticeEditPage lang={c.var.lang} organisation={o} values={values} />;
    return renderPersonalPage(c, view, messages(c.var.lang).privacyEditNoticeTitle(organisationName(c)));
  });

  app.post("/privacy/edit", requireInOrganisation("organisation.administer"), async (c) => {
    const body = await c.req.parseBody();
    const parsed = parseForm(noticeForm, body);
    const o = c.var.organisation;
    if (!parsed.ok) {
      const values = { notice_en: String(body.notice_en ?? ""), notice_fr: String(body.notice_fr ?? "") };
      const view = <NoticeEditPage lang={c.var.lang} organisation={o} values={values} errors={parsed.errors} />;
      return renderPersonalPage(c, view, messages(c.var.lang).privacyEditNoticeTitle(organisationName(c)), 400);
    }
    const after = { privacyNoticeEn: parsed.data.notice_en || null, privacyNoticeFr: parsed.data.notice_fr || null };
    const before = { privacyNoticeEn: o.privacy_notice_en, privacyNoticeFr: o.privacy_notice_fr };
    await updateOrganisation(
      c,
      { privacy_notice_en: after.privacyNoticeEn, privacy_notice_fr: after.privacyNoticeFr },
      before,
      after,
    );
    return c.redirect(`${privacyUrls.notice(c.var.lang, o.slug)}?saved=1`, 303);
  });

  app.get("/privacy/retention", requireInOrganisation("organisation.administer"), async (c) => {
    const o = c.var.organisation;
    const values = {
      left_months: o.retention_left_months?.toString() ?? "",
      assessment_years: o.retention_assessment_years?.toString() ?? "",
    };
    return renderRetention(c, values, undefined, c.req.query("saved") === "1");
  });

  app.post("/privacy/retention", requireInOrganisation("organisation.administer"), async (c) => {
    const body = await c.req.parseBody();
    const parsed = parseForm(retentionForm, body);
    if (!parsed.ok) {
      const values = {
        left_months: String(body.left_months ?? ""),
        assessment_years: String(body.assessment_years ?? ""),
      };
      return renderRetention(c, values, parsed.errors, false, 400);
    }
    const o = c.var.organisation;
    const before = {
      retentionLeftMonths: o.retention_left_months,
      retentionAssessmentYears: o.retention_assessment_years,
    };
    const after = {
      retentionLeftMonths: parsed.data.left_months,
      retentionAssessmentYears: parsed.data.assessment_years,
    };
    await updateOrganisation(
      c,
      { retention_left_months: after.retentionLeftMonths, retention_assessment_years: after.retentionAssessmentYears },
      before,
      after,
    );
    return c.redirect(`${privacyUrls.retention(c.var.lang, o.slug)}?saved=1`, 303);
  });

  // The organisation's access log, for its administrators.
  app.get("/access-log", requireInOrganisation("organisation.administer"), async (c) => {
    const o = c.var.organisation;
    const query = {
      personId: c.req.query("personId"),
      person: c.req.query("person"),
      viewer: c.req.query("viewer"),
      from: c.req.query("from"),
      to: c.req.query("to"),
    };
    const parsed = parseForm(accessLogFilter, query);
    // A filter that cannot be read is said to be wrong, and the whole log is shown meanwhile.
    const filter = parsed.ok ? parsed.data : {};
    let personName: string | undefined;
    if (filter.personId) {
      const resource = await personResource(c.var.db, o.id, filter.personId);
      if (!resource) return c.notFound();
      personName = await nameOf(c.var.db, o.id, filter.personId);
      // Reading one person's log is a view of their record's history.
      await logView(c, resource, "access-log");
    }
    const before = c.req.query("before")?.slice(0, 100);
    const page = await listAccessLog(
      c.var.db,
      o.id,
      { ...filter, timeZone: organisationTimeZone(c) },
      { limit: PAGE_SIZE, before },
    );
    const view = (
      <OrganisationAccessLogPage
        lang={c.var.lang}
        organisation={o}
        timeZone={organisationTimeZone(c)}
        filter={parsed.ok ? filter : stringsOf(query)}
        personName={personName}
        errors={parsed.ok ? undefined : parsed.errors}
        entries={page.entries}
        next={page.next}
        paged={Boolean(before)}
      />
    );
    return renderPersonalPage(c, view, messages(c.var.lang).privacyAccessLogTitle, parsed.ok ? 200 : 400);
  });

  // The signed-in person's own pages, whatever their id.
  for (const [path, target] of [
    ["/me/access-log", privacyUrls.personAccessLog],
    ["/me/data", privacyUrls.personData],
  ] as const) {
    app.get(path, async (c) => {
      const personId = c.var.orgActor?.membership?.personId;
      if (!personId) return refuse(c, { kind: "organisation", organisationId: c.var.organisation.id });
      return c.redirect(target(c.var.lang, c.var.organisation.slug, personId), 303);
    });
  }

  app.get("/people/:person/access-log", async (c) => {
    const found = await allowedPerson(c, "person.accessLog");
    if (found instanceof Response) return found;
    const { resource, self } = found;
    await logView(c, resource, "access-log");
    const before = c.req.query("before")?.slice(0, 100);
    const o = c.var.organisation;
    const page = await listAccessLog(c.var.db, o.id, { personId: resource.personId }, { limit: PAGE_SIZE, before });
    const personName = await nameOf(c.var.db, o.id, resource.personId);
    const t = messages(c.var.lang);
    const view = (
      <PersonAccessLogPage
        lang={c.var.lang}
        organisation={o}
        timeZone={organisationTimeZone(c)}
        personId={resource.personId}
        personName={personName}
        self={self}
        entries={page.entries}
        next={page.next}
        paged={Boolean(before)}
      />
    );
    return renderPersonalPage(c, view, self ? t.privacyMyAccessLogTitle : t.privacyPersonAccessLogTitle(personName));
  });

  app.get("/people/:person/data", async (c) => {
    const found = await allowedPerson(c, "person.export");
    if (found instanceof Response) return found;
    const { resource, self } = found;
    await logView(c, resource, "export");
    const o = c.var.organisation;
    const document = await collectOwnData(c.var.db, o, resource.personId, sections, new Date(), c.var.lang);
    const personName = await nameOf(c.var.db, o.id, resource.personId);
    const t = messages(c.var.lang);
    const view = (
      <OwnDataPage
        lang={c.var.lang}
        organisation={o}
        personName={personName}
        self={self}
        document={document}
        sections={sections}
        timeZone={organisationTimeZone(c)}
      />
    );
    return renderPersonalPage(c, view, self ? t.privacyMyDataTitle : t.privacyPersonDataTitle(personName));
  });

  app.get("/people/:person/data.json", async (c) => {
    const found = await allowedPerson(c, "person.export");
    if (found instanceof Response) return found;
    await logView(c, found.resource, "export");
    const o = c.var.organisation;
    const document = await collectOwnData(c.var.db, o, found.resource.personId, sections, new Date(), c.var.lang);
    return download(c, document, `${o.slug}-person-${found.resource.personId}.json`);
  });

  app.route("/", organisationDataRoutes(organisationSections));

  return app;
}

const administers = (c: Ctx) =>
  c.var.orgActor !== null &&
  can(c.var.orgActor, "organisation.administer", { kind: "organisation", organisationId: c.var.organisation.id });

/** The person in the URL, if the policy lets the actor take that action on them; the refusal otherwise. */
async function allowedPerson(c: Ctx, action: OrganisationAction) {
  const organisationId = c.var.organisation.id;
  const personId = c.req.param("person") ?? "";
  const resource = /^[0-9a-f-]{36}$/i.test(personId)
    ? await personResource(c.var.db, organisationId, personId)
    : undefined;
  const actor = c.var.orgActor;
  if (!resource || !actor || !can(actor, action, resource))
    return refuse(c, resource ?? { kind: "person", organisationId, personId, managerChain: [] });
  return { resource, self: actor.membership?.personId === resource.personId };
}

async function logView(
  c: Ctx,
  resource: NonNullable<Awaited<ReturnType<typeof personResource>>>,
  what: "access-log" | "export",
) {
  const actor = c.var.orgActor;
  if (!actor) return;
  await recordAccess(c.var.db, { actor, resource, what, path: c.req.path, requestId: c.var.requestId });
}

async function nameOf(db: Kysely<DB>, organisationId: string, personId: string): Promise<string> {
  const person = await db
    .selectFrom("people")
    .select(["given_name", "family_name", "preferred_name"])
    .where("organisation_id", "=", organisationId)
    .where("id", "=", personId)
    .executeTakeFirstOrThrow();
  return displayName(person);
}

async function updateOrganisation(
  c: Ctx,
  set: Partial<{
    privacy_notice_en: string | null;
    privacy_notice_fr: string | null;
    retention_left_months: number | null;
    retention_assessment_years: number | null;
  }>,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
) {
  const o = c.var.organisation;
  const actor = c.var.orgActor;
  const now = new Date();
  await c.var.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("organisations")
      .set({ ...set, updated_at: now.toISOString() })
      .where("id", "=", o.id)
      .execute();
    await recordChange(
      trx,
      {
        organisationId: o.id,
        actor: actor ? changeActorOf(actor) : { id: null, label: "" },
        subjectKind: "organisation",
        subjectId: o.id,
        action: "update",
        before,
        after,
      },
      now,
    );
  });
}

async function renderRetention(
  c: Ctx,
  values: Record<string, string>,
  errors?: FieldErrors,
  saved = false,
  status: 200 | 400 = 200,
) {
  const o = c.var.organisation;
  const report = await purge(c.var.db, { dryRun: true, now: new Date(), organisationSlug: o.slug });
  const view = (
    <RetentionPage
      lang={c.var.lang}
      organisation={o}
      values={values}
      errors={errors}
      saved={saved}
      due={report.organisations[0]}
    />
  );
  return renderPersonalPage(c, view, messages(c.var.lang).privacyRetentionTitle, status);
}

function download(c: Ctx, document: unknown, filename: string) {
  for (const [name, value] of Object.entries(downloadHeaders(filename))) c.header(name, value);
  return c.json(document);
}

const stringsOf = (query: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v?.slice(0, 200)])) as Record<
    string,
    string | undefined
  >;
