/**
 * A profile's documents (issue 14, decision 033): the job description as a printable page, PDF and
 * DOCX, and a posting's document, for whoever may read the profile.
 */
import { Hono } from "hono";
import type { OrganisationEnv } from "../../people/context.ts";
import { frameOf } from "../../people/organisations/routes.tsx";
import { renderPrivatePage } from "../../ui/private-page.ts";
import { renderJobDocx } from "../documents/docx.ts";
import type { JobDocument } from "../documents/model.ts";
import { JobDocumentArticle, jobDocumentHeading } from "../documents/page.tsx";
import { renderJobPdf } from "../documents/pdf.ts";
import { loadJobDocument } from "./description.tsx";
import { documentFileName } from "./job-document.ts";
import { findPosting, type Posting } from "./postings.ts";
import { type Ctx, onProfile, orgId } from "./route-kit.ts";
import type { Profile } from "./store.ts";

export function jobDocumentRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();

  const documentOf = (c: Ctx, profile: Profile, posting?: Posting) =>
    loadJobDocument(c.var.db, {
      organisationId: orgId(c),
      organisation: frameOf(c).name,
      profile,
      lang: c.var.lang,
      posting,
    });

  const sendFile = async (c: Ctx, doc: JobDocument, extension: "pdf" | "docx") => {
    const file = extension === "pdf" ? await renderJobPdf(doc) : await renderJobDocx(doc);
    return c.body(new Uint8Array(file), 200, {
      "content-type":
        extension === "pdf"
          ? "application/pdf"
          : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="${documentFileName(doc.title, doc.lang, extension)}"`,
      "cache-control": "private, no-store",
    });
  };

  for (const extension of ["pdf", "docx"] as const) {
    app.get(
      `/:profile/description.${extension}`,
      onProfile("profile.read", async (c, profile) => sendFile(c, await documentOf(c, profile), extension)),
    );
    /** A posting's document, published or not: whoever may read the profile may read its postings. */
    app.get(
      `/:profile/postings/:posting/posting.${extension}`,
      onProfile("profile.read", async (c, profile) => {
        const posting = await findPosting(c.var.db, orgId(c), c.req.param("posting") ?? "");
        if (!posting || posting.profile_id !== profile.id) return c.notFound();
        return sendFile(c, await documentOf(c, profile, posting), extension);
      }),
    );
  }

  app.get(
    "/:profile/description",
    onProfile("profile.read", async (c, profile) => {
      const doc = await documentOf(c, profile);
      const heading = jobDocumentHeading(doc);
      return renderPrivatePage(
        c,
        <>
          <h1>{heading.title}</h1>
          <JobDocumentArticle doc={doc} />
        </>,
        `${heading.title} — ${heading.kind}`,
      );
    }),
  );

  return app;
}
