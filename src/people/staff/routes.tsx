/**
 * The staff pages under /{lang}/orgs/:org (decision 024): the people list (administrators: everyone;
 * managers: their team), a person's record (access-logged when it is someone else's), adding and
 * editing a person (administrators), and a manager's team. Every decision is the policy's; a person
 * the reader may not see answers exactly as one who does not exist.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { AppEnv } from "../../app-env.ts";
import { messages, otherLang } from "../../i18n/index.ts";
import { requirePermission } from "../../policy/guard.ts";
import { can, type OrganisationAction, type OrganisationResource } from "../../policy/index.ts";
import { formBody } from "../../security/form-body.ts";
import { type FieldErrors, type FormValues, fieldErrors } from "../../ui/forms/index.ts";
import { switchLangPath } from "../../ui/urls.ts";
import { recordAccess } from "../access-log.ts";
import { type OrganisationEnv, organisationTimeZone, refuse, requireInOrganisation } from "../context.ts";
import { personResource } from "../membership.ts";
import type { LandingLinks } from "../services.ts";
import { personFields } from "./fields.ts";
import { forgivingListParams } from "./list-params.ts";
import { myOrganisations } from "./my-organisations.ts";
import { renderStaffPage } from "./page.ts";
import { changeActorOf } from "./record-change.ts";
import {
  createPerson,
  findPerson,
  findPersonByEmployeeNumber,
  listPeople,
  personProfile,
  unitChoices,
  updatePerson,
} from "./store.ts";
import { teamMembers } from "./team.ts";
import { staffUrls } from "./urls.ts";
import { displayName, unitOptions } from "./views/common.tsx";
import { PersonForm } from "./views/edit.tsx";
import { PeopleListPage } from "./views/list.tsx";
import { ProfilePage } from "./views/profile.tsx";
import { MyOrganisationsPage, TeamPage } from "./views/team.tsx";

type PersonEnv = OrganisationEnv & {
  Variables: OrganisationEnv["Variables"] & { person: OrganisationResource & { kind: "person" } };
};

/** Lets the request through only when the policy allows the action on the person in `:person`. */
export function requireOnPerson(action: OrganisationAction): MiddlewareHandler<PersonEnv> {
  return async function guardPerson(c, next) {
    const organisationId = c.var.organisation.id;
    const personId = c.req.param("person") ?? "";
    const resource = (await personResource(c.var.db, organisationId, personId)) ?? {
      kind: "person" as const,
      organisationId,
      personId,
      managerChain: [],
    };
    if (c.var.orgActor && can(c.var.orgActor, action, resource)) {
      c.set("person", resource);
      return next();
    }
    return refuse(c as unknown as Context<OrganisationEnv>, resource);
  };
}

const orgName = (c: Context<OrganisationEnv>) =>
  c.var.lang === "fr" ? c.var.organisation.name_fr : c.var.organisation.name_en;

export function staffRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  const t = (c: Context<OrganisationEnv>) => messages(c.var.lang);
  const organisationResource = (c: Context<OrganisationEnv>) =>
    ({ kind: "organisation", organisationId: c.var.organisation.id }) as const;
  const administers = (c: Context<OrganisationEnv>) =>
    c.var.orgActor !== null && can(c.var.orgActor, "organisation.administer", organisationResource(c));
  const units = async (c: Context<OrganisationEnv>) =>
    unitOptions(await unitChoices(c.var.db, c.var.organisation.id), c.var.lang);

  app.get("/people", requireInOrganisation("people.list"), async (c) => {
    const params = forgivingListParams(c.req.query());
    const organisationId = c.var.organisation.id;
    const everyone = administers(c);
    const query = {
      q: params.q,
      unitId: params.unit,
      status: params.status,
      managerId: params.manager,
      sort: params.sort,
      descending: params.desc,
      page: params.page,
      pageSize: params.size,
      lang: c.var.lang,
      // A manager who is not an administrator lists their own team only.
      teamOf: everyone ? undefined : (c.var.orgActor?.membership?.personId ?? undefined),
    };
    const [result, unitList, managers] = await Promise.all([
      listPeople(c.var.db, organisationId, query),
      units(c),
      everyone ? managerChoices(c) : Promise.resolve([]),
    ]);
    const done = c.req.query("done");
    return renderStaffPage(
      c,
      <PeopleListPage
        lang={c.var.lang}
        org={c.var.organisation.slug}
        organisationName={orgName(c)}
        scope={everyone ? "organisation" : "team"}
        canAdd={everyone}
        filters={{ ...params }}
        result={result}
        units={unitList}
        managers={managers}
        notice={done === "added" ? t(c).staffPersonAdded : undefined}
      />,
      t(c).staffPeopleTitleIn(orgName(c)),
    );
  });

  app.get("/people/new", requireInOrganisation("organisation.administer"), async (c) =>
    renderStaffPage(
      c,
      <PersonForm
        lang={c.var.lang}
        org={c.var.organisation.slug}
        title={t(c).staffNewTitle}
        values={{ status: "active", preferredLang: c.var.organisation.default_lang }}
        units={await units(c)}
      />,
      t(c).staffNewTitle,
    ),
  );

  app.post("/people", requireInOrganisation("organisation.administer"), async (c) => {
    const body = await formBody(c as never);
    const parsed = await parsePersonForm(c, body);
    const values = formValues(body);
    const showErrors = async (errors: FieldErrors, status: 400 | 409) =>
      renderStaffPage(
        c,
        <PersonForm
          lang={c.var.lang}
          org={c.var.organisation.slug}
          title={t(c).staffNewTitle}
          values={values}
          errors={errors}
          units={await units(c)}
        />,
        t(c).staffNewTitle,
        status,
      );
    if (!parsed.ok) return showErrors(parsed.errors, 400);
    const actor = changeActorOf(c.var.orgActor as NonNullable<typeof c.var.orgActor>);
    const result = await createPerson(c.var.db, c.var.organisation.id, parsed.data, actor);
    if (!result.ok) return showErrors(formErrorsOf(result.errors), 409);
    return c.redirect(`${staffUrls.person(c.var.lang, c.var.organisation.slug, result.person.id)}?done=added`, 303);
  });

  const person = new Hono<PersonEnv>();

  person.get("/", requireOnPerson("person.read"), async (c) => {
    const organisationId = c.var.organisation.id;
    const profile = await personProfile(c.var.db, organisationId, c.var.person.personId);
    if (!profile) return c.notFound();
    const actor = c.var.orgActor as NonNullable<typeof c.var.orgActor>;
    const logged = await recordAccess(c.var.db, {
      actor,
      resource: c.var.person,
      what: "record",
      path: c.req.path,
      requestId: c.var.requestId,
    });
    const resources = new Map<string, boolean>();
    // A link to a manager or report only where the reader could open it: the chain of each is the
    // viewed person's own (upwards) or the viewed person plus theirs (downwards).
    const chain = c.var.person.managerChain;
    for (const [index, manager] of profile.managerLine.entries())
      resources.set(
        manager.id,
        can(actor, "person.read", {
          kind: "person",
          organisationId,
          personId: manager.id,
          managerChain: chain.slice(index + 1),
        }),
      );
    for (const report of profile.directReports)
      resources.set(
        report.id,
        can(actor, "person.read", {
          kind: "person",
          organisationId,
          personId: report.id,
          managerChain: [c.var.person.personId, ...chain],
        }),
      );
    const done = c.req.query("done");
    const lang = c.var.lang;
    return renderStaffPage(
      c as unknown as Context<OrganisationEnv>,
      <ProfilePage
        lang={lang}
        org={c.var.organisation.slug}
        timeZone={organisationTimeZone(c)}
        profile={profile}
        canOpen={(id) => resources.get(id) === true}
        canEdit={can(actor, "person.edit", c.var.person)}
        canSeeInsights={can(actor, "insights.person", c.var.person)}
        canList={can(actor, "people.list", { kind: "organisation", organisationId })}
        canReadPlans={can(actor, "plan.read", c.var.person)}
        self={actor.membership?.personId === c.var.person.personId}
        logged={logged}
        notice={
          done === "added"
            ? messages(lang).staffPersonAdded
            : done === "saved"
              ? messages(lang).staffRecordUpdated
              : undefined
        }
      />,
      displayName(profile.person),
    );
  });

  const editPage = async (
    c: Context<PersonEnv>,
    values: FormValues,
    errors: FieldErrors | undefined,
    status: 200 | 400 | 409,
  ) => {
    const record = await findPerson(c.var.db, c.var.organisation.id, c.var.person.personId);
    const manager = record?.manager_id
      ? await findPerson(c.var.db, c.var.organisation.id, record.manager_id)
      : undefined;
    const name = record
      ? displayName({
          givenName: record.given_name,
          familyName: record.family_name,
          preferredName: record.preferred_name,
        })
      : "";
    const title = messages(c.var.lang).staffEditTitle(name);
    const oc = c as unknown as Context<OrganisationEnv>;
    return renderStaffPage(
      oc,
      <PersonForm
        lang={c.var.lang}
        org={c.var.organisation.slug}
        personId={c.var.person.personId}
        title={title}
        values={values}
        errors={errors}
        units={await units(oc)}
        currentManager={
          manager
            ? displayName({
                givenName: manager.given_name,
                familyName: manager.family_name,
                preferredName: manager.preferred_name,
              })
            : undefined
        }
      />,
      title,
      status,
    );
  };

  person.get("/edit", requireOnPerson("person.edit"), async (c) => {
    const record = await findPerson(c.var.db, c.var.organisation.id, c.var.person.personId);
    if (!record) return c.notFound();
    const manager = record.manager_id
      ? await findPerson(c.var.db, c.var.organisation.id, record.manager_id)
      : undefined;
    return editPage(
      c,
      {
        givenName: record.given_name,
        familyName: record.family_name,
        preferredName: record.preferred_name,
        email: record.email,
        employeeNumber: record.employee_number,
        unitId: record.unit_id ?? "",
        managerNumber: manager?.employee_number ?? "",
        status: record.status,
        statusSince: record.status_since,
        preferredLang: record.preferred_lang,
      },
      undefined,
      200,
    );
  });

  person.post("/", requireOnPerson("person.edit"), async (c) => {
    const oc = c as unknown as Context<OrganisationEnv>;
    const body = await formBody(oc as never);
    const parsed = await parsePersonForm(oc, body);
    if (!parsed.ok) return editPage(c, formValues(body), parsed.errors, 400);
    const actor = changeActorOf(c.var.orgActor as NonNullable<typeof c.var.orgActor>);
    const result = await updatePerson(c.var.db, c.var.organisation.id, c.var.person.personId, parsed.data, actor, {
      timeZone: organisationTimeZone(c),
    });
    if (!result) return c.notFound();
    if (!result.ok) return editPage(c, formValues(body), formErrorsOf(result.errors), 409);
    return c.redirect(`${staffUrls.person(c.var.lang, c.var.organisation.slug, result.person.id)}?done=saved`, 303);
  });

  app.route("/people/:person", person as unknown as Hono<OrganisationEnv>);

  app.get("/team", requireInOrganisation("team.read"), async (c) => {
    const page = forgivingListParams({ page: c.req.query("page") ?? "" }).page;
    const pageSize = 100;
    const managerId = c.var.orgActor?.membership?.personId as string;
    const { members, total } = await teamMembers(c.var.db, c.var.organisation.id, managerId, { page, pageSize });
    return renderStaffPage(
      c,
      <TeamPage
        lang={c.var.lang}
        org={c.var.organisation.slug}
        organisationName={orgName(c)}
        members={members}
        page={page}
        lastPage={Math.max(1, Math.ceil(total / pageSize))}
      />,
      t(c).staffTeamTitle,
    );
  });

  return app;
}

/** The people of the organisation who manage someone, for the list's "reports to" filter. */
async function managerChoices(c: Context<OrganisationEnv>) {
  const rows = await c.var.db
    .selectFrom("people as m")
    .select(["m.id", "m.given_name", "m.family_name", "m.preferred_name", "m.employee_number"])
    .where("m.organisation_id", "=", c.var.organisation.id)
    .where((eb) => eb.exists(eb.selectFrom("people as r").select("r.id").whereRef("r.manager_id", "=", "m.id")))
    .orderBy("m.family_name")
    .orderBy("m.given_name")
    .execute();
  return rows.map((row) => ({
    value: row.id,
    label: `${displayName({ givenName: row.given_name, familyName: row.family_name, preferredName: row.preferred_name })} (${row.employee_number})`,
  }));
}

/** What a refused form held, to show again. */
function formValues(body: Record<string, string | File>): FormValues {
  return Object.fromEntries(
    Object.entries(body)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string")
      .map(([key, value]) => [key, value.slice(0, 300)]),
  );
}

/** The store names the manager by id; the form asks for their employee number. */
function formErrorsOf(errors: FieldErrors): FieldErrors {
  const { managerId, ...rest } = errors;
  return managerId ? { ...rest, managerNumber: managerId } : rest;
}

/** The form's fields through the schema, the manager's employee number resolved in this organisation. */
async function parsePersonForm(c: Context<OrganisationEnv>, body: Record<string, string | File>) {
  const managerNumber = typeof body.managerNumber === "string" ? body.managerNumber.trim() : "";
  const manager = managerNumber
    ? await findPersonByEmployeeNumber(c.var.db, c.var.organisation.id, managerNumber.slice(0, 60))
    : undefined;
  const result = personFields.safeParse({ ...body, managerId: manager?.id ?? null });
  const errors: FieldErrors = {};
  if (!result.success) {
    Object.assign(errors, fieldErrors(result.error));
  }
  if (managerNumber && !manager) errors.managerNumber = "staffManagerUnknown";
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false as const, errors };
  return { ok: true as const, data: result.data };
}

/** "My organisations" at /{lang}/orgs: where a signed-in account finds its record, its team, its people. */
export function myOrganisationsRoutes(landingLinks?: LandingLinks): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/", requirePermission("account.self") as unknown as MiddlewareHandler<AppEnv>, async (c) => {
    const user = c.var.user as NonNullable<AppEnv["Variables"]["user"]>;
    const organisations = await myOrganisations(c.var.db, user.id);
    const links = landingLinks ? await landingLinks(c.var.db, c.var.lang, organisations) : undefined;
    c.header("cache-control", "private, no-store");
    return c.render(<MyOrganisationsPage lang={c.var.lang} organisations={organisations} links={links} />, {
      lang: c.var.lang,
      title: messages(c.var.lang).staffMyOrganisationsTitle,
      alternate: switchLangPath(c.req.path, otherLang(c.var.lang)),
      hideHeaderSearch: true,
    });
  });
  return app;
}
