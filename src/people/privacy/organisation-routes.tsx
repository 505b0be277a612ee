/**
 * The whole organisation's data, for its administrators: its export (every person in it is an
 * export's view, logged as such) and its deletion, with what each holds counted by section.
 */
import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import { Hono } from "hono";
import { messages } from "../../i18n/index.ts";
import { type FieldErrors, parseForm } from "../../ui/forms/index.ts";
import { type OrganisationEnv, requireInOrganisation } from "../context.ts";
import { deleteForm } from "./forms.ts";
import { DeleteOrganisationPage, OrganisationDeletedPage } from "./manage-views.tsx";
import { deleteOrganisation, personIdPages } from "./organisation-data.ts";
import {
  countOrganisation,
  documentStream,
  type OrganisationExportSection,
  organisationDocument,
} from "./organisation-export.ts";
import { downloadHeaders, organisationName, renderPersonalPage } from "./page.ts";

type Ctx = Context<OrganisationEnv>;

export function organisationDataRoutes(
  organisationSections: readonly OrganisationExportSection[],
): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();

  // The whole organisation, for its administrators: every person in it is an export's view. The
  // document is written out as it is read, page by page (decision 052): never held whole in memory.
  app.get("/export.json", requireInOrganisation("organisation.administer"), async (c) => {
    const o = c.var.organisation;
    await logExportOfEveryone(c);
    const pieces = organisationDocument(c.var.db, o, organisationSections, c.var.lang);
    const body = documentStream(pieces, (error) =>
      c.var.logger.error(
        { err: error, organisation: o.slug, requestId: c.var.requestId },
        "organisation export failed",
      ),
    );
    return c.body(body, 200, {
      "content-type": "application/json; charset=utf-8",
      ...downloadHeaders(`${o.slug}-organisation.json`),
    });
  });

  app.get("/delete", requireInOrganisation("organisation.administer"), async (c) => {
    const o = c.var.organisation;
    const view = (
      <DeleteOrganisationPage
        lang={c.var.lang}
        organisation={o}
        counts={await countOrganisation(c.var.db, o.id, organisationSections)}
      />
    );
    return renderPersonalPage(c, view, messages(c.var.lang).privacyDeleteTitle(organisationName(c)));
  });

  app.post("/delete", requireInOrganisation("organisation.administer"), async (c) => {
    const o = c.var.organisation;
    const parsed = parseForm(deleteForm, await c.req.parseBody());
    const counts = await countOrganisation(c.var.db, o.id, organisationSections);
    if (!parsed.ok || parsed.data.confirm !== o.slug) {
      const errors: FieldErrors = parsed.ok
        ? { confirm: { key: "privacyDeleteMismatch", args: [o.slug] } }
        : parsed.errors;
      const view = <DeleteOrganisationPage lang={c.var.lang} organisation={o} counts={counts} errors={errors} />;
      return renderPersonalPage(c, view, messages(c.var.lang).privacyDeleteTitle(organisationName(c)), 400);
    }
    const name = organisationName(c);
    const deleted = await deleteOrganisation(c.var.db, o.id);
    if (!deleted) return c.notFound();
    // The organisation's own history goes with it: the process log keeps that it went (counts, no names).
    c.var.logger.info(
      {
        organisation: o.slug,
        organisationId: o.id,
        by: c.var.user?.id,
        requestId: c.var.requestId,
        counts: Object.fromEntries(counts.map((count) => [count.key, count.n])),
      },
      "organisation deleted",
    );
    const view = <OrganisationDeletedPage lang={c.var.lang} name={name} counts={counts} />;
    return renderPersonalPage(c, view, messages(c.var.lang).privacyDeletedTitle(name));
  });

  return app;
}

/** One access-log entry per person exported (the administrator's own record excepted), page by page. */
async function logExportOfEveryone(c: Ctx) {
  const actor = c.var.orgActor;
  if (!actor) return;
  const at = new Date().toISOString();
  const organisationId = c.var.organisation.id;
  await c.var.db.transaction().execute(async (trx) => {
    for await (const personIds of personIdPages(trx, organisationId)) {
      const rows = personIds
        .filter((id) => id !== actor.membership?.personId)
        .map((personId) => ({
          id: randomUUID(),
          organisation_id: organisationId,
          at,
          actor_id: actor.id,
          actor_label: actor.name ?? actor.email,
          person_id: personId,
          what: "export",
          path: c.req.path.slice(0, 500),
          request_id: c.var.requestId,
        }));
      if (rows.length > 0) await trx.insertInto("access_log").values(rows).execute();
    }
  });
}
