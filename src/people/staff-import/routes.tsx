/**
 * The staff import pages under /{lang}/orgs/:org/import, for the organisation's administrators:
 *   GET  /            choose the file and the options
 *   POST /            read it, keep it (uploads.ts), go to its preview
 *   GET  /:token      columns (changeable: a GET form, so the choice is in the address) and what
 *                     the import would do: counts, errors by row and column, changes
 *   POST /:token      import with those columns, all or nothing — if the plan is still the one shown
 *   GET  /done        what was done
 * Every page is the administrator's own: never cached.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { messages, otherLang } from "../../i18n/index.ts";
import type { BodyRule } from "../../security/body-limit.ts";
import type { FieldErrors, MessageRef } from "../../ui/forms/index.ts";
import { switchLangPath } from "../../ui/urls.ts";
import { type OrganisationEnv, requireInOrganisation } from "../context.ts";
import { changeActorOf } from "../staff/record-change.ts";
import { importStaff, planFingerprint } from "./apply.ts";
import { type ColumnMapping, guessMapping, STAFF_FIELDS, type StaffField } from "./columns.ts";
import { MAX_STAFF_FILE_BYTES, MAX_STAFF_FILE_MB } from "./limits.ts";
import { readStaffFile, type StaffTable, UnreadableStaffFile } from "./read.ts";
import { loadStaffUpload, removeStaffUpload, type StaffUploadMeta, saveStaffUpload } from "./uploads.ts";
import { DonePage, importUrl, PreviewPage, StartPage } from "./views.tsx";

/** The upload may carry the file (the app's body limits list this before their default). */
export const STAFF_IMPORT_BODY_RULES: readonly BodyRule[] = [
  {
    route: /^POST \/(?:en|fr)\/orgs\/[^/]+\/import$/,
    maxBytes: MAX_STAFF_FILE_BYTES + 256 * 1024,
    tooLarge: (t) => t.staffImportErrTooLarge(MAX_STAFF_FILE_MB),
  },
];

type Status = 200 | 404 | 409 | 413 | 422;
type C = Context<OrganisationEnv>;

function render(c: C, view: Child, title: string, status: Status = 200) {
  const lang = c.var.lang;
  c.status(status);
  c.header("cache-control", "private, no-store");
  const alternate = c.req.method === "GET" ? switchLangPath(c.req.path, otherLang(lang)) : undefined;
  return c.render(view, { lang, title, alternate, hideHeaderSearch: true });
}

const orgName = (c: C) => (c.var.lang === "fr" ? c.var.organisation.name_fr : c.var.organisation.name_en);

function start(c: C, status: Status, errors?: FieldErrors, message?: string) {
  const t = messages(c.var.lang);
  return render(
    c,
    <StartPage
      lang={c.var.lang}
      slug={c.var.organisation.slug}
      orgName={orgName(c)}
      errors={errors}
      message={message}
    />,
    t.staffImportTitle,
    status,
  );
}

function unreadable(error: UnreadableStaffFile): MessageRef {
  if (error.code === "empty") return "staffImportErrEmpty";
  if (error.code === "unpacks_too_large") return "staffImportErrUnpacked";
  if (error.code === "too_many_rows") return { key: "staffImportErrTooManyRows", args: [error.params.max ?? 0] };
  return "staffImportErrUnreadable";
}

/** The columns the form chose (`col_FIELD` = column index or ""), or the guess when it chose none. */
function mappingFrom(values: Record<string, unknown>, table: StaffTable): ColumnMapping {
  if (!STAFF_FIELDS.some((f) => typeof values[`col_${f}`] === "string")) return guessMapping(table.headers);
  const mapping: ColumnMapping = {};
  for (const field of STAFF_FIELDS) {
    const value = values[`col_${field}`];
    if (typeof value === "string" && /^\d{1,3}$/.test(value)) mapping[field] = Number(value);
  }
  return mapping;
}

const columnsOf = (mapping: ColumnMapping) =>
  Object.fromEntries(STAFF_FIELDS.map((f) => [f, mapping[f] === undefined ? "" : String(mapping[f])])) as Record<
    StaffField,
    string
  >;

export function staffImportRoutes(): Hono<OrganisationEnv> {
  const app = new Hono<OrganisationEnv>();
  app.use("*", requireInOrganisation("organisation.administer"));
  const actor = (c: C) => c.var.orgActor as NonNullable<OrganisationEnv["Variables"]["orgActor"]>;

  app.get("/", (c) => start(c, 200));

  app.post("/", async (c) => {
    let body: Record<string, string | File>;
    try {
      body = (await c.req.parseBody()) as Record<string, string | File>;
    } catch {
      return start(c, 422, { file: "staffImportErrNoFile" });
    }
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return start(c, 422, { file: "staffImportErrNoFile" });
    if (file.size > MAX_STAFF_FILE_BYTES)
      return start(c, 413, { file: { key: "staffImportErrTooLarge", args: [MAX_STAFF_FILE_MB] } });
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      await readStaffFile(bytes);
    } catch (error) {
      if (error instanceof UnreadableStaffFile) return start(c, 422, { file: unreadable(error) });
      return start(c, 422, { file: "staffImportErrUnreadable" });
    }
    const meta: StaffUploadMeta = {
      organisationId: c.var.organisation.id,
      name: file.name.slice(0, 200),
      createUnits: body.create_units === "1",
      markMissingAsLeft: body.mark_left === "1",
      dateOrder: body.date_order === "mdy" ? "mdy" : "dmy",
    };
    const token = await saveStaffUpload(c.var.db, actor(c).id, meta, bytes);
    return c.redirect(importUrl(c.var.lang, c.var.organisation.slug, `/${token}`), 303);
  });

  app.get("/done", (c) => {
    const t = messages(c.var.lang);
    const count = (name: string) => {
      const n = Number(c.req.query(name));
      return Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? n : 0;
    };
    return render(
      c,
      <DonePage
        lang={c.var.lang}
        slug={c.var.organisation.slug}
        created={count("created")}
        updated={count("updated")}
        left={count("left")}
      />,
      t.staffImportDoneTitle,
    );
  });

  /** Reads the waiting upload and plans it with the chosen columns: the preview, or the import itself. */
  async function run(c: C, values: Record<string, unknown>, write: boolean) {
    const t = messages(c.var.lang);
    const token = c.req.param("token") ?? "";
    const upload = await loadStaffUpload(c.var.db, token, actor(c).id, c.var.organisation.id);
    if (!upload) return start(c, 404, undefined, t.staffImportErrExpired);
    let table: StaffTable;
    try {
      table = await readStaffFile(upload.bytes);
    } catch {
      return start(c, 422, { file: "staffImportErrUnreadable" });
    }
    const mapping = mappingFrom(values, table);
    const fingerprint = typeof values.fingerprint === "string" ? values.fingerprint : "";
    const result = await importStaff(c.var.db, {
      organisationId: c.var.organisation.id,
      table,
      mapping,
      dateOrder: upload.meta.dateOrder,
      markMissingAsLeft: upload.meta.markMissingAsLeft,
      createUnits: upload.meta.createUnits,
      actor: changeActorOf(actor(c)),
      dryRun: !write,
      expectedFingerprint: write ? fingerprint : undefined,
      instanceZone: c.var.config.timeZone,
    });
    if (result.applied) {
      await removeStaffUpload(c.var.db, token);
      const { creates, updates, leaving } = result.plan.counts;
      return c.redirect(
        importUrl(c.var.lang, c.var.organisation.slug, `/done?created=${creates}&updated=${updates}&left=${leaving}`),
        303,
      );
    }
    const status: Status = result.stale ? 409 : result.plan.errors.length > 0 && write ? 422 : 200;
    return render(
      c,
      <PreviewPage
        lang={c.var.lang}
        slug={c.var.organisation.slug}
        token={token}
        fileName={upload.meta.name}
        headers={table.headers}
        rowCount={table.rows.length}
        columns={columnsOf(mapping)}
        plan={result.plan}
        fingerprint={planFingerprint(result.plan)}
        message={result.stale ? t.staffImportErrChanged : undefined}
      />,
      t.staffImportTitle,
      status,
    );
  }

  app.get("/:token", (c) => run(c, c.req.query(), false));
  app.post("/:token", async (c) => {
    let body: Record<string, unknown>;
    try {
      body = await c.req.parseBody();
    } catch {
      body = {};
    }
    return run(c, body, true);
  });

  return app;
}
