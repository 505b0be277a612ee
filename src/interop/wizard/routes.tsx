/**
 * The editors' import wizard, mounted under /{lang}/editor: choose a file (CASE JSON, XLSX, CSV) or
 * paste text → preview (counts, problems, the parsed tree, what would change) → confirm, which
 * writes everything in one transaction or nothing. Uploads wait server-side under a random token;
 * the confirmation parses them again and checks again. Works without JavaScript.
 */
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { AppEnv } from "../../app-env.ts";
import { findFrameworkBySlug } from "../../frameworks/store.ts";
import { messages, otherLang } from "../../i18n/index.ts";
import { requirePermission } from "../../policy/guard.ts";
import type { Actor } from "../../policy/index.ts";
import { customIssue, type FieldErrors, hasErrors, parseForm } from "../../ui/forms/index.ts";
import { findDraftFramework } from "../draft-store.ts";
import { importFramework, isSlug } from "../import.ts";
import { spreadsheetTemplate } from "../sheets/index.ts";
import { titleRefusal } from "./paste.ts";
import { pasteRoutes } from "./paste-routes.tsx";
import {
  countByType,
  FORMAT_CHOICES,
  hasTitle,
  importTarget,
  prepareUpload,
  resolveFormat,
  type UploadTarget,
} from "./prepare.ts";
import { DonePage, type Outcome, UploadPreviewPage } from "./preview-view.tsx";
import { readBody, renderPage, type Status, str, tooLargeMessage, uploadLimits } from "./render.ts";
import { renderStart } from "./start.tsx";
import { createUploadStore, type UploadFormat, type UploadMeta, type UploadStore } from "./uploads.ts";
import { wizardUrls } from "./urls.ts";

export interface WizardOptions {
  /** Where uploads wait between preview and confirmation (the database unless a test passes its own). */
  uploads?: UploadStore;
}

function formatLabel(c: Context<AppEnv>, format: UploadFormat): string {
  const t = messages(c.var.lang);
  return { case: t.importFormatCase, json: t.importFormatJson, xlsx: t.importFormatXlsx, csv: t.importFormatCsv }[
    format
  ];
}

const uploadFields = z.object({
  format: z.enum(FORMAT_CHOICES).catch("auto"),
  sheet_target: z.preprocess((v) => (typeof v === "string" && v !== "" ? v.slice(0, 100) : "file"), z.string()),
  sheet_title: z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\s+/g, " ").trim().slice(0, 300) : ""),
    z.string(),
  ),
  new_slug: z.preprocess((v) => (typeof v === "string" ? v.trim().slice(0, 120) : ""), z.string()),
});

/**
 * What can be said of the upload form's fields alone (the file, its format and whether the target
 * exists are checked in the route, against the bytes and the database).
 */
const uploadChecks = uploadFields.superRefine((form, ctx) => {
  if (form.sheet_target === "new" && !isSlug(form.new_slug))
    ctx.addIssue(customIssue("importErrNewSlug", ["new_slug"]));
  const titleError = form.sheet_title === "" ? undefined : titleRefusal(form.sheet_title);
  if (titleError) ctx.addIssue(customIssue(titleError, ["sheet_title"]));
});

const doneQuery = z.object({
  added: z.coerce.number().int().min(0).max(10_000_000).catch(0),
  updated: z.coerce.number().int().min(0).max(10_000_000).catch(0),
  removed: z.coerce.number().int().min(0).max(10_000_000).catch(0),
});

export function importWizardRoutes(options: WizardOptions = {}): Hono<AppEnv> {
  // In the database, not this process: the confirmation may reach another server (decision 020).
  const uploadsOf = (c: Context<AppEnv>) =>
    options.uploads ?? createUploadStore(c.var.db, { maxBytes: c.var.config.importParse.maxBytes });
  const app = new Hono<AppEnv>();
  const guard = requirePermission("framework.import");
  const t = (c: Context<AppEnv>) => messages(c.var.lang);
  const actor = (c: Context<AppEnv>) => c.var.user as Actor;

  app.get("/import", guard, (c) => renderStart(c, {}));

  for (const format of ["xlsx", "csv"] as const) {
    app.get(`/import/template.${format}`, guard, async (c) => {
      const bytes = await spreadsheetTemplate(format, c.var.lang);
      return c.body(new Uint8Array(bytes), 200, {
        "content-type":
          format === "xlsx"
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="skillshelf-template-${c.var.lang}.${format}"`,
        "cache-control": "no-store",
      });
    });
  }

  /** Where the upload goes, as chosen on the first page; undefined when the chosen draft is gone. */
  async function uploadTarget(
    c: Context<AppEnv>,
    meta: Pick<UploadMeta, "target" | "title" | "frameworkId" | "slug">,
  ): Promise<UploadTarget | undefined> {
    const common = { title: meta.title, lang: c.var.lang, pinnedId: meta.frameworkId };
    if (meta.target === "file") return { kind: "file", ...common };
    if (meta.target === "new") return { kind: "new", slug: meta.slug, ...common };
    // "into:SLUG" (a bare slug, as earlier forms sent, means the same).
    const existing = await findDraftFramework(c.var.db, meta.target.replace(/^into:/, ""));
    return existing ? { kind: "into", existing, ...common } : undefined;
  }

  const importOptions = (c: Context<AppEnv>, target: UploadTarget) => ({
    target: importTarget(target),
    baseUrl: c.var.config.baseUrl,
  });

  function preview(
    c: Context<AppEnv>,
    meta: UploadMeta,
    prepared: Awaited<ReturnType<typeof prepareUpload>>,
    extra: { token?: string; outcome?: Outcome; message?: string },
    status: Status,
  ) {
    const framework = prepared.framework;
    const summary = framework && {
      ...countByType(framework),
      items: framework.children,
      ...(meta.format === "case" ? { associations: prepared.associations, definitions: prepared.definitions } : {}),
    };
    return renderPage(
      c,
      <UploadPreviewPage
        lang={c.var.lang}
        fileName={meta.name}
        size={meta.size}
        formatLabel={formatLabel(c, meta.format)}
        summary={summary}
        problems={prepared.problems}
        outcome={extra.outcome}
        token={extra.token}
        message={extra.message}
      />,
      t(c).importPreviewTitle,
      status,
      wizardUrls.start(otherLang(c.var.lang)),
    );
  }

  app.post(
    "/import/upload",
    guard,
    // The limit is a setting: read it per request (the app-wide body rule applies it first anyway).
    (c, next) => {
      const maxBytes = c.var.config.importParse.maxBytes;
      return bodyLimit({
        maxSize: uploadLimits(maxBytes).body,
        onError: (c) =>
          renderStart(
            c as Context<AppEnv>,
            { uploadMessage: tooLargeMessage(messages((c as Context<AppEnv>).var.lang), maxBytes) },
            413,
          ),
      })(c, next);
    },
    async (c) => {
      const body = await readBody(c);
      if (!body) return renderStart(c, { uploadMessage: t(c).importErrUnreadable }, 400);
      const fields = uploadFields.parse(body);
      const values = {
        format: fields.format,
        sheet_target: fields.sheet_target,
        sheet_title: fields.sheet_title,
        new_slug: fields.new_slug,
      };
      const checked = parseForm(uploadChecks, values);
      const errors: FieldErrors = checked.ok ? {} : checked.errors;
      const file = body.file;
      if (!(file instanceof File) || file.size === 0) errors.file = "importErrFile";
      else if (file.size > c.var.config.importParse.maxBytes)
        return renderStart(
          c,
          { values, uploadMessage: tooLargeMessage(t(c), c.var.config.importParse.maxBytes, file.size) },
          413,
        );
      const bytes = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined;
      const format = file instanceof File && bytes ? resolveFormat(fields.format, file.name, bytes) : undefined;
      if (bytes && !format) errors.format = "importErrFormat";
      if (fields.sheet_target === "new" && !errors.new_slug && (await findFrameworkBySlug(c.var.db, fields.new_slug)))
        errors.new_slug = "importErrSlugTaken";
      const meta: UploadMeta = {
        userId: actor(c).id,
        format: format ?? "case",
        name: file instanceof File ? file.name.slice(0, 200) : "",
        size: file instanceof File ? file.size : 0,
        createdAt: new Date().toISOString(),
        target: fields.sheet_target,
        title: fields.sheet_title,
        ...(fields.sheet_target === "new" ? { slug: fields.new_slug } : {}),
      };
      const target = await uploadTarget(c, meta);
      if (!target) errors.sheet_target = "importErrTargetGone";
      if (hasErrors(errors) || !bytes || !format || !target)
        return renderStart(c, { values, uploadErrors: errors }, 400);

      const prepared = await prepareUpload(bytes, format, target, c.var.config.importParse);
      if (prepared.input && target.kind !== "into" && prepared.framework && !hasTitle(prepared.framework)) {
        return renderStart(c, { values, uploadErrors: { sheet_title: "importErrNewTitle" } }, 400);
      }
      if (!prepared.input) return preview(c, meta, prepared, {}, 422);
      const dryRun = await importFramework(c.var.db, prepared.input, { dryRun: true, ...importOptions(c, target) });
      if (!dryRun.ok)
        return preview(c, meta, { ...prepared, problems: [...prepared.problems, ...dryRun.problems] }, {}, 422);
      const framework = prepared.framework;
      const token = await uploadsOf(c).save({ ...meta, frameworkId: framework?.id }, bytes);
      return preview(c, meta, prepared, { token, outcome: { title: dryRun.report.title, report: dryRun.report } }, 200);
    },
  );

  app.post(
    "/import/upload/confirm",
    guard,
    bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text("", 413) }),
    async (c) => {
      const body = await readBody(c);
      const stored = body && (await uploadsOf(c).load(str(body.token, 100), actor(c).id));
      if (!stored) return renderStart(c, { uploadMessage: t(c).importErrExpired }, 410);
      const target = await uploadTarget(c, stored.meta);
      if (!target) return renderStart(c, { uploadMessage: t(c).importErrTargetGone }, 410);
      const prepared = await prepareUpload(stored.bytes, stored.meta.format, target, c.var.config.importParse);
      if (!prepared.input) return preview(c, stored.meta, prepared, { message: t(c).importNothingWritten }, 422);
      const outcome = await importFramework(c.var.db, prepared.input, importOptions(c, target));
      if (!outcome.ok)
        return preview(
          c,
          stored.meta,
          { ...prepared, problems: [...prepared.problems, ...outcome.problems] },
          { message: t(c).importNothingWritten },
          422,
        );
      await uploadsOf(c).remove(str(body?.token, 100));
      await c.var.catalog.refresh();
      c.var.logger.info(
        { framework: outcome.report.slug, items: outcome.report.items, by: actor(c).id, format: stored.meta.format },
        "framework imported",
      );
      return c.redirect(doneUrl(c, outcome.report.slug, outcome.report.items), 303);
    },
  );

  app.get("/import/done/:slug", guard, async (c) => {
    const framework = await findDraftFramework(c.var.db, c.req.param("slug"));
    if (!framework) return c.notFound();
    const report = doneQuery.parse(c.req.query());
    const lang = c.var.lang;
    const title =
      (lang === "en" ? (framework.title_en ?? framework.title_fr) : (framework.title_fr ?? framework.title_en)) ??
      framework.slug;
    return renderPage(
      c,
      <DonePage lang={lang} title={title} slug={framework.slug} report={report} />,
      t(c).importDoneTitle,
    );
  });

  app.route("/import/paste", pasteRoutes({ done: doneUrl }));
  return app;
}

/** Where a successful import lands: a page that says what was done and leads to the editor. */
export function doneUrl(
  c: Context<AppEnv>,
  slug: string,
  items: { added: number; updated: number; removed: number },
): string {
  return `${wizardUrls.done(c.var.lang, slug)}?added=${items.added}&updated=${items.updated}&removed=${items.removed}`;
}
