/**
 * The paste-in half of the wizard, under /{lang}/editor/import/paste: the pasted text is read into an
 * area the person can correct (title, description, date, competencies, KSAs) and check again as
 * often as they like; "Import" checks the corrected fields once more and writes them in one
 * transaction. The original text travels in a hidden field only so the reader's notes on it stay
 * visible; what is imported is the corrected area, validated here, never taken on trust.
 */
import { randomBytes } from "node:crypto";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { AppEnv } from "../../app-env.ts";
import type { DB } from "../../db/schema.ts";
import type { Bilingual } from "../../frameworks/tree.ts";
import { type Lang, messages, otherLang } from "../../i18n/index.ts";
import { requirePermission } from "../../policy/guard.ts";
import { customIssue, type FieldErrors, hasErrors, parseForm } from "../../ui/forms/index.ts";
import { findDraftFramework, listImportTargets, loadDraftAsImport, targetExists } from "../draft-store.ts";
import { importFramework } from "../import.ts";
import type { ImportedFramework, ImportedItem, Problem } from "../model.ts";
import { type PastedArea, parsePastedText } from "../text/index.ts";
import { newFrameworkWithArea, placeArea, seededIds } from "../text/place.ts";
import {
  checkDraft,
  decodeTarget,
  draftFromArea,
  isSeed,
  type PasteDraft,
  type PasteTarget,
  readDraft,
  titleRefusal,
} from "./paste.ts";
import { countByType } from "./prepare.ts";
import { type Outcome, PastePreviewPage, type ReadSummary } from "./preview-view.tsx";
import { MAX_PASTE_BODY, readBody, renderPage, str } from "./render.ts";
import { renderStart } from "./start.tsx";
import { frameworkTitle } from "./start-view.tsx";
import { wizardUrls } from "./urls.ts";

type DoneUrl = (c: Context<AppEnv>, slug: string, items: { added: number; updated: number; removed: number }) => string;

const hiddenFields = z.object({
  text: z.preprocess((v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : ""), z.string().max(1024 * 1024)),
  text_lang: z.enum(["en", "fr"]).catch("en"),
  target: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(400)),
  new_title: z.preprocess((v) => (typeof v === "string" ? v.replace(/\s+/g, " ").trim() : ""), z.string().max(300)),
});
type Hidden = z.infer<typeof hiddenFields>;

/** The start page's paste form, once read: text to read, and a place for it that can exist. */
const pasteStartForm = hiddenFields.superRefine((form, ctx) => {
  if (form.text.trim() === "") ctx.addIssue(customIssue("importErrText", ["text"]));
  const target = decodeTarget(form.target);
  if (!target) ctx.addIssue(customIssue("importErrTarget", ["target"]));
  else if (target.kind === "new") {
    const refusal = form.new_title === "" ? "importErrNewTitle" : titleRefusal(form.new_title);
    if (refusal) ctx.addIssue(customIssue(refusal, ["new_title"]));
  }
});

/** What an import of this area would write: the whole framework it lands in, with the area in place. */
async function buildImport(
  db: Kysely<DB>,
  target: PasteTarget,
  hidden: Hidden,
  seed: string,
  area: PastedArea,
): Promise<{ input: ImportedFramework; title: Bilingual } | undefined> {
  const lang = hidden.text_lang as Lang;
  if (target.kind === "new") {
    const input = newFrameworkWithArea(seed, hidden.new_title, lang, area);
    return { input, title: input.title };
  }
  const framework = await findDraftFramework(db, target.slug);
  if (!framework) return undefined;
  const draft = await loadDraftAsImport(db, framework);
  const input = placeArea(draft, target.parentId, area, lang, seed);
  return input && { input, title: draft.title };
}

/** The new area alone, for the counts and the outline. */
function areaSummary(input: ImportedFramework, seed: string): ReadSummary {
  const areaId = seededIds(seed)();
  const stack: ImportedItem[] = [...input.children];
  let area: ImportedItem | undefined;
  while (stack.length > 0 && !area) {
    const node = stack.pop() as ImportedItem;
    if (node.id === areaId) area = node;
    else stack.push(...node.children);
  }
  const items = area ? [area] : [];
  return { ...countByType({ ...input, children: items }), items };
}

export function pasteRoutes(options: { done: DoneUrl }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const guard = requirePermission("framework.import");
  const limit = bodyLimit({
    maxSize: MAX_PASTE_BODY,
    onError: (c) =>
      renderStart(
        c as Context<AppEnv>,
        { pasteMessage: messages((c as Context<AppEnv>).var.lang).importPasteTooLarge },
        413,
      ),
  });
  const t = (c: Context<AppEnv>) => messages(c.var.lang);

  async function targetLabel(c: Context<AppEnv>, target: PasteTarget, newTitle: string): Promise<string> {
    const lang = c.var.lang;
    if (target.kind === "new") return t(c).importTargetNewNamed(newTitle);
    const found = (await listImportTargets(c.var.db)).find((x) => x.framework.slug === target.slug);
    if (!found) return target.slug;
    const title = frameworkTitle(found.framework, lang);
    const parent = found.parents.find((p) => p.id === target.parentId);
    const parentName =
      parent &&
      ((lang === "en" ? (parent.statement.en ?? parent.statement.fr) : (parent.statement.fr ?? parent.statement.en)) ??
        parent.code ??
        parent.id);
    return parentName ? `${title} › ${parentName}` : `${title} › ${t(c).importTargetTop}`;
  }

  /**
   * The preview for this draft of the area: the reader's notes, the fields with their errors, and,
   * when everything checks out, a dry run of the import. With `write`, a clean draft is imported.
   */
  async function review(
    c: Context<AppEnv>,
    hidden: Hidden,
    target: PasteTarget,
    seed: string,
    draft: PasteDraft,
    problems: Problem[],
    mode: "read" | "review" | "confirm",
  ) {
    const write = mode === "confirm";
    const db = c.var.db;
    const checked = checkDraft(draft);
    const errors: FieldErrors = checked.ok ? {} : checked.errors;
    let message: string | undefined;
    let summary: ReadSummary | null = null;
    let outcome: Outcome | undefined;
    const shownProblems = [...problems];
    if (checked.ok) {
      const built = await buildImport(db, target, hidden, seed, checked.area);
      if (!built) return renderStart(c, { values: hidden, pasteErrors: { target: "importErrTargetGone" } }, 400);
      summary = areaSummary(built.input, seed);
      const result = await importFramework(db, built.input, { dryRun: !write });
      if (result.ok && write) {
        await c.var.catalog.refresh();
        c.var.logger.info(
          { framework: result.report.slug, items: result.report.items, by: c.var.user?.id, format: "text" },
          "area imported from pasted text",
        );
        return c.redirect(options.done(c, result.report.slug, result.report.items), 303);
      }
      if (result.ok) outcome = { title: built.title, report: result.report };
      else {
        shownProblems.push(...result.problems);
        message = t(c).importNothingWritten;
      }
    } else if (write) message = t(c).importNothingWritten;
    // A first read is no one's mistake; a corrected draft that still fails, or a refused import, is.
    const status = mode === "read" || (!message && checked.ok) ? 200 : 422;
    return renderPage(
      c,
      <PastePreviewPage
        lang={c.var.lang}
        draft={draft}
        errors={errors}
        message={message}
        problems={shownProblems}
        summary={summary}
        targetLabel={await targetLabel(c, target, hidden.new_title)}
        outcome={outcome}
        hidden={{ ...hidden, seed }}
      />,
      t(c).importPasteTitle,
      status,
      wizardUrls.start(otherLang(c.var.lang)),
    );
  }

  // First read of the pasted text, from the start page.
  app.post("/", guard, limit, async (c) => {
    const body = await readBody(c);
    if (!body) return renderStart(c, { pasteMessage: t(c).importErrUnreadable }, 400);
    const parsed = hiddenFields.safeParse(body);
    if (!parsed.success)
      return renderStart(c, { values: { text: str(body.text, 300_000) }, pasteMessage: t(c).importPasteTooLarge }, 400);
    const hidden = parsed.data;
    const checked = parseForm(pasteStartForm, hidden);
    const errors: FieldErrors = checked.ok ? {} : checked.errors;
    const target = decodeTarget(hidden.target);
    if (target?.kind === "existing" && !(await targetExists(c.var.db, target.slug, target.parentId)))
      errors.target = "importErrTargetGone";
    if (hasErrors(errors) || !target) return renderStart(c, { values: hidden, pasteErrors: errors }, 400);
    const { value, problems } = parsePastedText(hidden.text);
    const draft = value ? draftFromArea(value) : { title: "", description: "", date: "", competencies: [] };
    return review(c, hidden, target, randomBytes(18).toString("base64url"), draft, problems, "read");
  });

  // "Check again" and "Import" on the preview: the corrected fields come back and are checked anew.
  for (const mode of ["review", "confirm"] as const) {
    app.post(`/${mode}`, guard, limit, async (c) => {
      const body = await readBody(c);
      const parsed = body && hiddenFields.safeParse(body);
      const draft = body && readDraft(body);
      const seed = body?.seed;
      const target = parsed?.success ? decodeTarget(parsed.data.target) : undefined;
      if (
        !parsed?.success ||
        !draft ||
        !isSeed(seed) ||
        !target ||
        (target.kind === "new" && (parsed.data.new_title === "" || titleRefusal(parsed.data.new_title)))
      ) {
        return renderStart(c, { pasteMessage: t(c).importErrUnreadable }, 400);
      }
      const { problems } = parsePastedText(parsed.data.text);
      return review(c, parsed.data, target, seed, draft, problems, mode);
    });
  }
  return app;
}
