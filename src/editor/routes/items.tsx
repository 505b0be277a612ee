/** The outline and the item pages: add and edit (with preview and stale-save refusal). Reorder, move: item-moves.tsx; delete: item-delete.tsx. */
import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { upstreamWaiting } from "../../adoption/report.ts";
import type { AppEnv } from "../../app-env.ts";
import { isEditorError } from "../../frameworks/errors.ts";
import type { TreeNode } from "../../frameworks/tree.ts";
import { messages } from "../../i18n/index.ts";
import { requirePermission } from "../../policy/guard.ts";
import { type FieldErrors, parseForm, withoutHidden } from "../../ui/forms/index.ts";
import { addItem, type Conflict, editItem } from "../commands/items.ts";
import { outdatedOf } from "../flags-store.ts";
import { addItemSchema, editItemSchema } from "../schemas.ts";
import { confirmationsOf, ITEM_TEXTS, missingTranslations } from "../translations.ts";
import { editorUrls } from "../urls.ts";
import { ItemForm, type ItemValues } from "../views/item-form.tsx";
import { Outline } from "../views/outline.tsx";
import { plainStatement } from "../views/parts.tsx";
import { flagNotes } from "../views/translations.tsx";
import {
  ancestorsIn,
  commandMessage,
  type Draft,
  type EditorContext,
  formFields,
  latestEditionInfo,
  loadDraft,
  loadFramework,
  noticeOf,
  redirectDone,
  statusOf,
} from "./context.ts";

const valuesOf = (fields: Record<string, string>): ItemValues => ({
  type: fields.type ?? null,
  code: fields.code ?? null,
  statement_en: fields.statement_en ?? null,
  statement_fr: fields.statement_fr ?? null,
  description_en: fields.description_en ?? null,
  description_fr: fields.description_fr ?? null,
});

export function itemRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const renderOutline = async (c: EditorContext, draft: Draft, node: TreeNode | null) => {
    const lang = c.var.lang;
    const missing = missingTranslations([...draft.items.values()]);
    const title = node
      ? plainStatement(lang, node.statement)
      : plainStatement(lang, { en: draft.framework.title_en, fr: draft.framework.title_fr });
    return c.render(
      <Outline
        lang={lang}
        framework={draft.framework}
        types={draft.types}
        node={node}
        ancestors={ancestorsIn(draft.tree, node)}
        levelItems={node ? node.children : draft.tree.roots}
        items={draft.items}
        latestEdition={await latestEditionInfo(c, draft.framework.id)}
        missing={{ french: missing.french.length, english: missing.english.length }}
        upstream={await upstreamWaiting(c.var.db, draft.framework.id)}
        notice={noticeOf(c)}
      />,
      { lang, title: `${title} — ${messages(lang).editorTitle}` },
    );
  };

  app.get("/frameworks/:slug", async (c) => {
    const draft = await loadDraft(c);
    return draft ? renderOutline(c, draft, null) : c.notFound();
  });

  app.get("/frameworks/:slug/items/:id", async (c) => {
    const draft = await loadDraft(c);
    const node = draft?.tree.byId.get(c.req.param("id"));
    return draft && node ? renderOutline(c, draft, node) : c.notFound();
  });

  // ── add ──────────────────────────────────────────────────────────────────────────────────────
  const renderAdd = (
    c: EditorContext,
    draft: Draft,
    parent: TreeNode | null,
    id: string,
    values: ItemValues,
    extra: { errors?: FieldErrors; message?: string; preview?: boolean } = {},
  ) =>
    c.render(
      <ItemForm
        lang={c.var.lang}
        framework={draft.framework}
        types={draft.types}
        mode={{ kind: "add", parent, id }}
        ancestors={ancestorsIn(draft.tree, parent)}
        values={values}
        {...extra}
      />,
      { lang: c.var.lang, title: messages(c.var.lang).editorAddTitle },
    );

  /** The type a new child most likely has: its siblings', else the level below its parent's. */
  const likelyType = (draft: Draft, parent: TreeNode | null): string | null => {
    const siblings = parent ? parent.children : draft.tree.roots;
    if (siblings.length > 0) return siblings[0].type;
    if (!parent) return draft.types[0]?.code ?? null;
    const index = draft.types.findIndex((t) => t.code === parent.type);
    return draft.types[Math.min(index + 1, draft.types.length - 1)]?.code ?? null;
  };

  app.get("/frameworks/:slug/new-item", requirePermission("framework.edit"), async (c) => {
    const draft = await loadDraft(c);
    if (!draft) return c.notFound();
    const parentId = c.req.query("parent") ?? "root";
    const parent = parentId === "root" ? null : draft.tree.byId.get(parentId);
    if (parent === undefined) return c.notFound();
    return renderAdd(c, draft, parent, randomUUID(), { type: likelyType(draft, parent) });
  });

  app.post("/frameworks/:slug/items", requirePermission("framework.edit"), async (c) => {
    const draft = await loadDraft(c);
    if (!draft) return c.notFound();
    const fields = await formFields(c);
    const parentId = fields.parent && fields.parent !== "root" ? fields.parent : null;
    const parent = parentId ? (draft.tree.byId.get(parentId) ?? null) : null;
    const id = /^[0-9a-f-]{36}$/i.test(fields.id ?? "") ? (fields.id as string) : randomUUID();
    const values = valuesOf(fields);
    const parsed = parseForm(addItemSchema, fields);
    if (!parsed.ok) {
      c.status(422);
      const { errors, outdated } = withoutHidden(parsed.errors, ["id", "parent"]);
      return renderAdd(c, draft, parent, id, values, {
        errors,
        message: outdated ? messages(c.var.lang).formOutdated : undefined,
      });
    }
    if (fields.intent === "preview")
      return renderAdd(c, draft, parent, id, { ...values, ...parsed.data }, { preview: true });
    try {
      await addItem(c.var.db, c.var.user, draft.framework.id, parsed.data);
      return redirectDone(
        c,
        editorUrls.outline(
          c.var.lang,
          draft.framework.slug,
          parsed.data.parent === "root" || parsed.data.parent === "" ? null : parsed.data.parent,
        ),
        "added",
        `item-${parsed.data.id}`,
      );
    } catch (error) {
      if (!isEditorError(error)) throw error;
      c.status(statusOf(error));
      return renderAdd(c, draft, parent, id, values, { message: commandMessage(messages(c.var.lang), error) });
    }
  });

  // ── edit ─────────────────────────────────────────────────────────────────────────────────────
  const renderEdit = async (
    c: EditorContext,
    draft: Draft,
    node: TreeNode,
    version: number,
    values: ItemValues,
    extra: { errors?: FieldErrors; message?: string; conflicts?: Conflict[]; preview?: boolean } = {},
    checked: Record<string, string | undefined> = {},
  ) =>
    c.render(
      <ItemForm
        lang={c.var.lang}
        framework={draft.framework}
        types={draft.types}
        mode={{ kind: "edit", node, version }}
        ancestors={ancestorsIn(draft.tree, node)}
        values={values}
        notes={flagNotes(c.var.lang, await outdatedOf(c.var.db, draft.framework.id, node.id), checked)}
        {...extra}
      />,
      { lang: c.var.lang, title: messages(c.var.lang).editorEditTitle(plainStatement(c.var.lang, node.statement)) },
    );

  app.get("/frameworks/:slug/items/:id/edit", requirePermission("framework.edit"), async (c) => {
    const draft = await loadDraft(c);
    const item = draft?.items.get(c.req.param("id"));
    const node = item && draft?.tree.byId.get(item.id);
    if (!draft || !item || !node) return c.notFound();
    return renderEdit(c, draft, node, item.version, item);
  });

  /** Saving is the common path: it reads only the framework row; the whole draft only to show a form again. */
  app.post("/frameworks/:slug/items/:id/edit", requirePermission("framework.edit"), async (c) => {
    const framework = await loadFramework(c);
    const t = messages(c.var.lang);
    if (!framework) return c.notFound();
    const id = c.req.param("id");
    const fields = await formFields(c);
    const values = valuesOf(fields);
    const parsed = parseForm(editItemSchema, fields);
    /** The form again, over the current draft, with what went wrong. */
    const again = async (status: number, version: number | undefined, extra: Parameters<typeof renderEdit>[5]) => {
      const draft = await loadDraft(c);
      const item = draft?.items.get(id);
      const node = item && draft?.tree.byId.get(id);
      if (!draft || !item || !node) return c.notFound();
      c.status(status as 409);
      return renderEdit(c, draft, node, version ?? item.version, values, extra, fields);
    };
    if (!parsed.ok) {
      const { errors, outdated } = withoutHidden(parsed.errors, ["version"]);
      const version = Number.isSafeInteger(Number(fields.version)) ? Number(fields.version) : undefined;
      return again(422, version, { errors, message: outdated ? t.formOutdated : undefined });
    }
    if (fields.intent === "preview") return again(200, parsed.data.version, { preview: true });
    try {
      const result = await editItem(
        c.var.db,
        c.var.user,
        framework.id,
        id,
        parsed.data,
        confirmationsOf(parsed.data, ITEM_TEXTS),
      );
      return redirectDone(
        c,
        editorUrls.item(c.var.lang, framework.slug, id),
        result.outcome === "done" ? "saved" : "unchanged",
      );
    } catch (error) {
      if (!isEditorError(error)) throw error;
      if (error.code === "not_found") return c.notFound();
      if (error.code === "stale" && (error.details as { deleted?: boolean } | undefined)?.deleted) {
        // Deleted meanwhile: a clear 409, nothing saved, and where to bring it back from.
        c.status(409);
        return c.render(
          <>
            <h1>{t.editorErrDeleted}</h1>
            <p>
              <a href={editorUrls.changes(c.var.lang, framework.slug)}>{t.editorChangeLog}</a>
            </p>
          </>,
          { lang: c.var.lang, title: t.editorErrDeleted },
        );
      }
      const conflicts = (error.details as { conflicts?: Conflict[] } | undefined)?.conflicts;
      // The form now carries the current version: saving again is a deliberate choice to replace theirs.
      return again(statusOf(error), error.code === "stale" ? undefined : parsed.data.version, {
        message: commandMessage(t, error),
        conflicts,
      });
    }
  });

  return app;
}
