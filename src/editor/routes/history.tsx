/** An item's history, the framework's change log (filters, CSV export) and restoring earlier values. */

import { stringify } from "csv-stringify/sync";
import { Hono } from "hono";
import type { AppEnv } from "../../app-env.ts";
import type { Change } from "../../db/schema.ts";
import { isEditorError } from "../../frameworks/errors.ts";
import { recordedState } from "../../frameworks/history.ts";
import { messages } from "../../i18n/index.ts";
import { requirePermission } from "../../policy/guard.ts";
import { type FieldErrors, parseForm } from "../../ui/forms/index.ts";
import { listChangeActors, listChanges } from "../changes-store.ts";
import { restoreChange, restoreKind } from "../commands/restore.ts";
import { changeFilterSchema, restoreSchema } from "../schemas.ts";
import { editorUrls } from "../urls.ts";
import { ChangeLogPage, describeValue, HistoryPage, kindLabel, type LogRow } from "../views/history.tsx";
import { fieldLabel } from "../views/item-form.tsx";
import { outlineCrumbs } from "../views/outline.tsx";
import { plainStatement } from "../views/parts.tsx";
import {
  ancestorsIn,
  commandMessage,
  type Draft,
  type EditorContext,
  formFields,
  loadDraft,
  noticeOf,
  redirectDone,
  statusOf,
} from "./context.ts";

const LOG_LIMIT = 500;
const CSV_LIMIT = 100_000;

/** Rows for the tables: how to name each item, whether its change can be restored. */
function logRows(c: EditorContext, draft: Draft, changes: Change[]): LogRow[] {
  const lang = c.var.lang;
  const t = messages(lang);
  const recorded = new Map<string, string>();
  const deletedInBatch = new Map<string, Set<string>>();
  for (const change of changes) {
    const state = recordedState(change.after) ?? recordedState(change.before);
    if (state && change.item_id && !recorded.has(change.item_id)) {
      recorded.set(
        change.item_id,
        [state.code, plainStatement(lang, { en: state.statement_en, fr: state.statement_fr })]
          .filter(Boolean)
          .join(" "),
      );
    }
    if (change.kind === "delete" && change.item_id) {
      const set = deletedInBatch.get(change.batch_id) ?? new Set();
      set.add(change.item_id);
      deletedInBatch.set(change.batch_id, set);
    }
  }
  return changes.map((change) => {
    const item = change.item_id ? draft.items.get(change.item_id) : undefined;
    const kind = restoreKind(change);
    let restorable = false;
    if (kind === "field" || kind === "placement") restorable = Boolean(item);
    else if (kind === "framework") restorable = true;
    else if (kind === "undelete") {
      const parent = recordedState(change.before)?.parent_id;
      restorable = !item && !(parent && deletedInBatch.get(change.batch_id)?.has(parent));
    }
    const label = item
      ? [item.code, plainStatement(lang, { en: item.statement_en, fr: item.statement_fr })].filter(Boolean).join(" ")
      : change.item_id
        ? (recorded.get(change.item_id) ?? t.editorDeletedItem)
        : t.editorFrameworkItself;
    return {
      change,
      itemLabel: label,
      itemLink: change.item_id ? editorUrls.history(lang, draft.framework.slug, change.item_id) : null,
      version: item?.version ?? null,
      restorable,
    };
  });
}

export function historyRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const renderItemHistory = async (c: EditorContext, draft: Draft, itemId: string, message?: string) => {
    const lang = c.var.lang;
    const t = messages(lang);
    const changes = await listChanges(c.var.db, { frameworkId: draft.framework.id, itemId, limit: LOG_LIMIT });
    const node = draft.tree.byId.get(itemId) ?? null;
    if (!node && changes.length === 0) return c.notFound();
    const rows = logRows(c, draft, changes);
    const name = node
      ? plainStatement(lang, node.statement)
      : (rows.find((r) => r.itemLabel)?.itemLabel ?? t.editorDeletedItem);
    const title = t.editorHistoryTitle(name);
    return c.render(
      <HistoryPage
        lang={lang}
        framework={draft.framework}
        crumbs={outlineCrumbs(lang, draft.framework, ancestorsIn(draft.tree, node), node)}
        title={title}
        rows={rows}
        notice={noticeOf(c)}
        message={message}
      />,
      { lang, title },
    );
  };

  app.get("/frameworks/:slug/items/:id/history", async (c) => {
    const draft = await loadDraft(c);
    return draft ? renderItemHistory(c, draft, c.req.param("id")) : c.notFound();
  });

  /** Items a change log can be narrowed to: the top two levels (categories and their areas). */
  const areaOptions = (c: EditorContext, draft: Draft) =>
    draft.tree.roots
      .flatMap((root) => [root, ...root.children])
      .map((n) => ({
        value: n.id,
        label: `${n.depth > 0 ? "— " : ""}${n.code ? `${n.code} ` : ""}${plainStatement(c.var.lang, n.statement)}`,
      }));

  const readFilter = (c: EditorContext) => {
    const query = {
      area: c.req.query("area"),
      from: c.req.query("from"),
      to: c.req.query("to"),
      person: c.req.query("person"),
    };
    const parsed = parseForm(changeFilterSchema, query);
    return { query, parsed };
  };

  const renderLog = async (c: EditorContext, draft: Draft, extra: { message?: string; status?: number } = {}) => {
    const lang = c.var.lang;
    const { query, parsed } = readFilter(c);
    const people = await listChangeActors(c.var.db, draft.framework.id);
    const areas = areaOptions(c, draft);
    let errors: FieldErrors | undefined;
    if (!parsed.ok) errors = parsed.errors;
    else if (parsed.data.area && !areas.some((a) => a.value === parsed.data.area)) errors = { area: "formChoose" };
    let rows: LogRow[] = [];
    let limited: number | null = null;
    if (errors) c.status(422);
    else if (parsed.ok) {
      const filter = parsed.data;
      const changes = await listChanges(c.var.db, {
        frameworkId: draft.framework.id,
        underItemId: filter.area,
        from: filter.from,
        to: filter.to,
        actorId: filter.person,
        limit: LOG_LIMIT + 1,
      });
      rows = logRows(c, draft, changes.slice(0, LOG_LIMIT));
      limited = changes.length > LOG_LIMIT ? LOG_LIMIT : null;
      if (extra.status) c.status(extra.status as 409);
    }
    return c.render(
      <ChangeLogPage
        lang={lang}
        framework={draft.framework}
        rows={rows}
        filter={query}
        areas={areas}
        people={people}
        limited={limited}
        errors={errors}
        notice={noticeOf(c)}
        message={extra.message}
      />,
      { lang, title: messages(lang).editorChangeLog },
    );
  };

  app.get("/frameworks/:slug/changes", async (c) => {
    const draft = await loadDraft(c);
    return draft ? renderLog(c, draft) : c.notFound();
  });

  app.get("/frameworks/:slug/changes.csv", async (c) => {
    const draft = await loadDraft(c);
    if (!draft) return c.notFound();
    const lang = c.var.lang;
    const t = messages(lang);
    const { parsed } = readFilter(c);
    if (!parsed.ok) return c.text(t.formInvalid, 422);
    const filter = parsed.data;
    const changes = await listChanges(c.var.db, {
      frameworkId: draft.framework.id,
      underItemId: filter.area,
      from: filter.from,
      to: filter.to,
      actorId: filter.person,
      limit: CSV_LIMIT,
    });
    const rows = logRows(c, draft, changes);
    // A cell starting with = + - @ would be a formula to a spreadsheet: quote it as text.
    const cell = (value: string | null | undefined) =>
      value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : (value ?? "");
    const csv = stringify(
      [
        t.editorCsvColumns.split("|"),
        ...rows.map(({ change, itemLabel }) => [
          change.at,
          cell(change.actor_label ?? t.editorSystem),
          kindLabel(t, change.kind),
          change.item_id ?? "",
          cell(itemLabel),
          change.field && change.field !== "edition" ? fieldLabel(t, change.field) : "",
          cell(describeValue(t, lang, change, "before")),
          cell(describeValue(t, lang, change, "after")),
        ]),
      ],
      { bom: true, record_delimiter: "windows" },
    );
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${draft.framework.slug}-changes.csv"`,
    });
  });

  app.post("/frameworks/:slug/changes/:changeId/restore", requirePermission("history.restore"), async (c) => {
    const draft = await loadDraft(c);
    if (!draft) return c.notFound();
    const parsed = parseForm(restoreSchema, await formFields(c));
    const version = parsed.ok ? parsed.data.version : undefined;
    try {
      const result = await restoreChange(c.var.db, c.var.user, draft.framework.id, c.req.param("changeId"), version);
      const back = result.itemId
        ? editorUrls.history(c.var.lang, draft.framework.slug, result.itemId)
        : editorUrls.changes(c.var.lang, draft.framework.slug);
      return redirectDone(c, back, result.outcome === "done" ? "restored" : "unchanged");
    } catch (error) {
      if (!isEditorError(error)) throw error;
      if (error.code === "not_found") return c.notFound();
      return renderLog(c, (await loadDraft(c)) ?? draft, {
        message: commandMessage(messages(c.var.lang), error),
        status: statusOf(error),
      });
    }
  });

  return app;
}
