/**
 * An assessment's printable page and PDF (issue 15, decision 045):
 * /{lang}/orgs/:org/assessments/:assessment/print and …/:assessment/pdf. `assessment.read` decides
 * (the person, their managers up the chain, the reviewer, the organisation's administrators); anyone
 * else, and any id of another organisation, gets 404 as for an unknown assessment. Every view or
 * download by someone other than the person is written to the access log.
 */
import { type Context, Hono } from "hono";
import { recordAccess } from "../../people/access-log.ts";
import { type OrganisationEnv, organisationTimeZone, refuse } from "../../people/context.ts";
import { frameOf } from "../../people/organisations/routes.tsx";
import { can } from "../../policy/index.ts";
import { renderPrivatePage } from "../../ui/private-page.ts";
import { docTitle } from "./labels.ts";
import { type AssessmentResource, assessmentResource, loadAssessmentDocument } from "./load.ts";
import { type AssessmentDocument, assessmentFileName } from "./model.ts";
import { AssessmentDocumentArticle } from "./page.tsx";
import { renderAssessmentPdf } from "./pdf.ts";

type Ctx = Context<OrganisationEnv>;

/** The document's addresses, for links from other pages (the assessment's page, the waiting list). */
export const assessmentDocumentUrls = {
  print: (lang: string, org: string, assessment: string) =>
    `/${lang}/orgs/${org}/assessments/${encodeURIComponent(assessment)}/print`,
  pdf: (lang: string, org: string, assessment: string) =>
    `/${lang}/orgs/${org}/assessments/${encodeURIComponent(assessment)}/pdf`,
};

export function assessmentDocumentRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();

  /** The assessment's document, once the policy allows it and the view is logged; 404 otherwise. */
  const onDocument =
    (send: (c: Ctx, doc: AssessmentDocument) => Promise<Response> | Response) =>
    async (c: Ctx): Promise<Response> => {
      const organisationId = c.var.organisation.id;
      const assessmentId = c.req.param("assessment") ?? "";
      const actor = c.var.orgActor;
      const unknown: AssessmentResource = {
        kind: "assessment",
        organisationId,
        personId: "",
        managerChain: [],
        reviewerId: null,
      };
      if (!actor) return refuse(c, unknown);
      const resource = await assessmentResource(c.var.db, organisationId, assessmentId);
      if (!resource || !can(actor, "assessment.read", resource)) return refuse(c, resource ?? unknown);
      const doc = await loadAssessmentDocument(c.var.db, {
        organisationId,
        organisation: frameOf(c).name,
        assessmentId,
        lang: c.var.lang,
        timeZone: organisationTimeZone(c),
      });
      if (!doc) return c.notFound();
      await recordAccess(c.var.db, {
        actor,
        resource: { kind: "person", organisationId, personId: resource.personId, managerChain: resource.managerChain },
        what: "assessment",
        path: c.req.path,
        requestId: c.var.requestId,
      });
      return send(c, doc);
    };

  app.get(
    "/:assessment/print",
    onDocument(async (c, doc) => {
      const { lang, organisation } = c.var;
      const title = docTitle(doc);
      const page = await renderPrivatePage(
        c,
        <>
          <h1>{title}</h1>
          <AssessmentDocumentArticle
            doc={doc}
            pdfUrl={assessmentDocumentUrls.pdf(lang, organisation.slug, c.req.param("assessment") ?? "")}
          />
        </>,
        title,
      );
      // Signed-in pages are private as well as never stored (renderPrivatePage says only no-store).
      c.header("cache-control", "private, no-store");
      return page;
    }),
  );

  app.get(
    "/:assessment/pdf",
    onDocument(async (c, doc) => {
      const file = await renderAssessmentPdf(doc);
      return c.body(new Uint8Array(file), 200, {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${assessmentFileName(doc)}"`,
        "cache-control": "private, no-store",
      });
    }),
  );

  return app;
}
