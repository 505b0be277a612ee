/** Changing an item's place: reorder among its siblings, move under another parent, and drag and drop. */
import { Hono } from "hono";
import type { AppEnv } from "../../app-env.ts";
import { isEditorError } from "../../frameworks/errors.ts";
import { walk } from "../../frameworks/tree.ts";
import { messages } from "../../i18n/index.ts";
import { requirePermission } from "../../policy/guard.ts";
import { type FieldErrors, FORM_PROBLEM, parseForm, withoutHidden } from "../../ui/forms/index.ts";
import { moveItem, reorderItem, setChildOrder } from "../commands/items.ts";
import { descendantsOf } from "../moves.ts";
import { moveSchema, orderSchema, reorderSchema } from "../schemas.ts";
import { editorUrls } from "../urls.ts";
import { plainStatement } from "../views/parts.tsx";
import { MovePage } from "../views/structure.tsx";
import {
  ancestorsIn,
  commandMessage,
  type Draft,
  type EditorContext,
  formFields,
  loadDraft,
  redirectDone,
  statusOf,
} from "./context.ts";

export function itemMoveRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // ── reorder and move ─────────────────────────────────────────────────────────────────────────
  app.post("/frameworks/:slug/items/:id/reorder", requirePermission("framework.edit"), async (c) => {
    const draft = await loadDraft(c);
    const item = draft?.items.get(c.req.param("id"));
    if (!draft || !item) return c.notFound();
    const parsed = parseForm(reorderSchema, await formFields(c));
    if (!parsed.ok) {
      const { errors, outdated } = withoutHidden(parsed.errors, ["direction", "from", FORM_PROBLEM]);
      return renderMove(
        c,
        draft,
        item.id,
        { errors, message: outdated ? messages(c.var.lang).formOutdated : undefined },
        422,
      );
    }
    const move =
      parsed.data.direction === "to"
        ? { kind: "to" as const, position: parsed.data.position }
        : { kind: parsed.data.direction };
    try {
      const result = await reorderItem(c.var.db, c.var.user, draft.framework.id, item.id, move, parsed.data.from);
      return redirectDone(
        c,
        editorUrls.outline(c.var.lang, draft.framework.slug, item.parent_id),
        result.outcome === "done" ? "moved" : "unchanged",
        `item-${item.id}`,
      );
    } catch (error) {
      if (!isEditorError(error)) throw error;
      return renderMove(c, draft, item.id, { message: commandMessage(messages(c.var.lang), error) }, statusOf(error));
    }
  });

  const renderMove = (
    c: EditorContext,
    draft: Draft,
    id: string,
    extra: { message?: string; errors?: FieldErrors; parentErrors?: FieldErrors } = {},
    status?: number,
  ) => {
    const node = draft.tree.byId.get(id);
    if (!node) return c.notFound();
    const siblings = node.parentId ? (draft.tree.byId.get(node.parentId)?.children ?? []) : draft.tree.roots;
    const excluded = new Set([id, ...descendantsOf([...draft.items.values()], id)]);
    // Items of the framework's last level (KSAs) hold nothing: offering them as places is noise.
    const deepestType = draft.types.at(-1)?.code;
    if (status) c.status(status as 409);
    return c.render(
      <MovePage
        lang={c.var.lang}
        framework={draft.framework}
        node={node}
        ancestors={ancestorsIn(draft.tree, node)}
        place={siblings.findIndex((s) => s.id === id) + 1}
        siblings={siblings.length}
        parents={[...walk(draft.tree.roots)].filter(
          (n) => !excluded.has(n.id) && (n.children.length > 0 || n.type !== deepestType),
        )}
        types={draft.types}
        {...extra}
      />,
      { lang: c.var.lang, title: messages(c.var.lang).editorMoveTitle(plainStatement(c.var.lang, node.statement)) },
    );
  };

  app.get("/frameworks/:slug/items/:id/move", requirePermission("framework.edit"), async (c) => {
    const draft = await loadDraft(c);
    return draft ? renderMove(c, draft, c.req.param("id")) : c.notFound();
  });

  app.post("/frameworks/:slug/items/:id/move", requirePermission("framework.edit"), async (c) => {
    const draft = await loadDraft(c);
    const item = draft?.items.get(c.req.param("id"));
    if (!draft || !item) return c.notFound();
    const parsed = parseForm(moveSchema, await formFields(c));
    if (!parsed.ok) return renderMove(c, draft, item.id, { parentErrors: parsed.errors }, 422);
    const parentId = parsed.data.parent === "root" ? null : parsed.data.parent;
    try {
      const result = await moveItem(c.var.db, c.var.user, draft.framework.id, item.id, parentId, parsed.data.position);
      return redirectDone(
        c,
        editorUrls.outline(c.var.lang, draft.framework.slug, parentId),
        result.outcome === "done" ? "moved" : "unchanged",
        `item-${item.id}`,
      );
    } catch (error) {
      if (!isEditorError(error)) throw error;
      return renderMove(c, draft, item.id, { message: commandMessage(messages(c.var.lang), error) }, statusOf(error));
    }
  });

  /** Drag and drop (editor.js): the new order of one parent's children. Answers JSON. */
  app.post("/frameworks/:slug/order", requirePermission("framework.edit"), async (c) => {
    const draft = await loadDraft(c);
    const t = messages(c.var.lang);
    if (!draft) return c.json({ error: "not_found", message: t.editorErrNotFound }, 404);
    const body = await c.req.parseBody({ all: true });
    const order = ([] as unknown[]).concat(body.order ?? []).filter((v): v is string => typeof v === "string");
    const parsed = orderSchema.safeParse({ parent: body.parent, order });
    if (!parsed.success) return c.json({ error: "invalid", message: t.formOutdated }, 422);
    try {
      const result = await setChildOrder(
        c.var.db,
        c.var.user,
        draft.framework.id,
        parsed.data.parent === "root" ? null : parsed.data.parent,
        parsed.data.order,
      );
      return c.json({ outcome: result.outcome, message: t.editorOrderSaved });
    } catch (error) {
      if (!isEditorError(error)) throw error;
      return c.json(
        { error: error.code, message: error.code === "stale_order" ? t.editorOrderFailed : commandMessage(t, error) },
        statusOf(error),
      );
    }
  });

  return app;
}
