/**
 * People in the signed-in JSON API, under /api/v1/orgs/:org/people (described in the OpenAPI
 * document, src/api/openapi-people.ts): list (administrators: everyone; managers: their team), one
 * record (access-logged when it is someone else's), create and update (administrators). The same
 * policy as the pages decides; refusals say nothing about who exists.
 */
import { type Context, Hono } from "hono";
import { type Lang, messages } from "../../i18n/index.ts";
import { can } from "../../policy/index.ts";
import { type FieldErrors, fieldErrors, translateErrors } from "../../ui/forms/index.ts";
import { recordAccess } from "../access-log.ts";
import { type OrganisationEnv, organisationTimeZone, requireInOrganisation } from "../context.ts";
import { personFields, personPatch } from "./fields.ts";
import { peopleListParams } from "./list-params.ts";
import { changeActorOf } from "./record-change.ts";
import { requireOnPerson } from "./routes.tsx";
import { createPerson, listPeople, type PersonRow, type PersonSummary, personProfile, updatePerson } from "./store.ts";
import { displayName } from "./views/common.tsx";

/** A person as the API gives them. */
export function personJson(person: PersonRow) {
  return {
    id: person.id,
    givenName: person.givenName,
    familyName: person.familyName,
    preferredName: person.preferredName,
    displayName: displayName(person),
    email: person.email,
    employeeNumber: person.employeeNumber,
    unit: person.unitId === null ? null : { id: person.unitId, name: { en: person.unitNameEn, fr: person.unitNameFr } },
    managerId: person.managerId,
    managerName: person.managerName,
    status: person.status,
    statusSince: person.statusSince,
    preferredLang: person.preferredLang,
    hasAccount: person.hasAccount,
  };
}

const summaryJson = (person: PersonSummary) => ({
  id: person.id,
  displayName: displayName(person),
  status: person.status,
});

function invalid(c: Context<OrganisationEnv>, status: 400 | 409, errors: FieldErrors) {
  const lang: Lang = c.var.lang;
  c.header("cache-control", "private, no-store");
  return c.json(
    {
      error: status === 400 ? "invalid" : "conflict",
      message: messages(lang).formErrorSummary,
      fields: translateErrors(lang, errors).fields,
    },
    status,
  );
}

async function jsonBody(c: Context<OrganisationEnv>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

export function staffApi(): Hono<OrganisationEnv> {
  const api = new Hono<OrganisationEnv>();
  api.use("*", async (c, next) => {
    await next();
    c.header("cache-control", "private, no-store");
  });

  api.get("/people", requireInOrganisation("people.list"), async (c) => {
    const parsed = peopleListParams.safeParse(c.req.query());
    if (!parsed.success) return invalid(c, 400, fieldErrors(parsed.error));
    const params = parsed.data;
    const actor = c.var.orgActor as NonNullable<OrganisationEnv["Variables"]["orgActor"]>;
    const everyone = can(actor, "organisation.administer", {
      kind: "organisation",
      organisationId: c.var.organisation.id,
    });
    const result = await listPeople(c.var.db, c.var.organisation.id, {
      q: params.q,
      unitId: params.unit,
      status: params.status,
      managerId: params.manager,
      sort: params.sort,
      descending: params.desc,
      page: params.page,
      pageSize: params.size,
      lang: c.var.lang,
      teamOf: everyone ? undefined : (actor.membership?.personId ?? undefined),
    });
    return c.json({
      items: result.rows.map(personJson),
      total: result.total,
      page: result.page,
      pageSize: result.pageSize,
    });
  });

  api.post("/people", requireInOrganisation("organisation.administer"), async (c) => {
    const parsed = personFields.safeParse((await jsonBody(c)) ?? {});
    if (!parsed.success) return invalid(c, 400, fieldErrors(parsed.error));
    const actor = changeActorOf(c.var.orgActor as NonNullable<OrganisationEnv["Variables"]["orgActor"]>);
    const result = await createPerson(c.var.db, c.var.organisation.id, parsed.data, actor);
    if (!result.ok) return invalid(c, 409, result.errors);
    const profile = await personProfile(c.var.db, c.var.organisation.id, result.person.id);
    return c.json(personJson(profile?.person as PersonRow), 201);
  });

  api.get("/people/:person", requireOnPerson("person.read") as never, async (c) => {
    const resource = (c.var as unknown as { person: Parameters<typeof recordAccess>[1]["resource"] }).person;
    const profile = await personProfile(c.var.db, c.var.organisation.id, resource.personId);
    if (!profile) return c.notFound();
    await recordAccess(c.var.db, {
      actor: c.var.orgActor as NonNullable<OrganisationEnv["Variables"]["orgActor"]>,
      resource,
      what: "record",
      path: c.req.path,
      requestId: c.var.requestId,
    });
    return c.json({
      ...personJson(profile.person),
      managerLine: profile.managerLine.map(summaryJson),
      directReports: profile.directReports.map(summaryJson),
    });
  });

  api.patch("/people/:person", requireOnPerson("person.edit") as never, async (c) => {
    const personId = c.req.param("person");
    const parsed = personPatch.safeParse((await jsonBody(c)) ?? {});
    if (!parsed.success) return invalid(c, 400, fieldErrors(parsed.error));
    const actor = changeActorOf(c.var.orgActor as NonNullable<OrganisationEnv["Variables"]["orgActor"]>);
    const result = await updatePerson(c.var.db, c.var.organisation.id, personId, parsed.data, actor, {
      timeZone: organisationTimeZone(c),
    });
    if (!result) return c.notFound();
    if (!result.ok) return invalid(c, 409, result.errors);
    const profile = await personProfile(c.var.db, c.var.organisation.id, personId);
    return c.json(personJson(profile?.person as PersonRow));
  });

  return api;
}
