/** The assessments list's page: one's own, one's reports' (or HR's whole organisation), in pages. */
import type { Context } from "hono";
import { messages } from "../../i18n/index.ts";
import type { OrganisationEnv } from "../../people/context.ts";
import { reportsOf } from "../../people/manager-lines.ts";
import { frameOf } from "../../people/organisations/routes.tsx";
import { can } from "../../policy/index.ts";
import { renderPrivatePage } from "../../ui/private-page.ts";
import { ASSESSMENT_PAGE_SIZE, assessmentListParams, type ListScope, listAssessments, listableCycles } from "./list.ts";
import { AssessmentListPage } from "./list-view.tsx";
import type { Actor } from "./loaders.ts";

export async function showAssessmentList(c: Context<OrganisationEnv>) {
  const actor = c.var.orgActor as Actor;
  const organisationId = c.var.organisation.id;
  const all = can(actor, "cycles.manage", { kind: "organisation", organisationId });
  const personId = actor.membership?.personId ?? null;
  const filters = assessmentListParams(c.req.query());
  const mine = personId
    ? (await listAssessments(c.var.db, organisationId, { personIds: [personId] }, { pageSize: 200 })).rows
    : [];
  let scope: ListScope | undefined;
  if (all) scope = { all: true, except: personId };
  else if (personId) {
    const lines = await c.var.db
      .selectFrom("people")
      .select(["id", "manager_id as managerId"])
      .where("organisation_id", "=", organisationId)
      .execute();
    const reports = reportsOf(personId, lines);
    scope = { personIds: reports, reviewerId: personId, except: personId };
  }
  const empty = { rows: [], total: 0, page: filters.page, pageSize: ASSESSMENT_PAGE_SIZE };
  const [others, cycles] = scope
    ? await Promise.all([
        listAssessments(c.var.db, organisationId, scope, filters),
        listableCycles(c.var.db, organisationId),
      ])
    : [empty, []];
  // With filters or past page 1, an empty page does not say whether there is anything to filter.
  const narrowed = filters.q || filters.cycle || filters.state || filters.page > 1;
  const hasOthers =
    others.total > 0 ||
    (scope !== undefined &&
      Boolean(narrowed) &&
      (await listAssessments(c.var.db, organisationId, scope, { pageSize: 1 })).total > 0);
  return renderPrivatePage(
    c,
    <AssessmentListPage
      {...frameOf(c)}
      mine={mine}
      others={others}
      all={all}
      hasOthers={hasOthers}
      filters={filters}
      cycles={cycles}
    />,
    messages(c.var.lang).awListTitle,
  );
}
