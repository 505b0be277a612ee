/** Deleting an item and everything under it, after a page that says how much goes with it. */
import { Hono } from "hono";
import type { AppEnv } from "../../app-env.ts";
import { isEditorError } from "../../frameworks/errors.ts";
import { messages } from "../../i18n/index.ts";
import { requirePermission } from "../../policy/guard.ts";
import { deleteItem, deletionSet } from "../commands/items.ts";
import { editorUrls } from "../urls.ts";
import { plainStatement } from "../views/parts.tsx";
import { DeletePage } from "../views/structure.tsx";
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

export function itemDeleteRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // ── delete ───────────────────────────────────────────────────────────────────────────────────
  const renderDelete = async (c: EditorContext, draft: Draft, id: string, message?: string, status?: number) => {
    const node = draft.tree.byId.get(id);
    const found = await deletionSet(c.var.db, draft.framework.id, id);
    if (!node || !found) return c.notFound();
    const counts = new Map<string, number>();
    for (const n of found.subtree) counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
    const lang = c.var.lang;
    if (status) c.status(status as 409);
    return c.render(
      <DeletePage
        lang={lang}
        framework={draft.framework}
        node={node}
        ancestors={ancestorsIn(draft.tree, node)}
        subtree={node.children}
        count={found.subtree.length}
        byType={draft.types
          .filter((t) => counts.has(t.code))
          .map((t) => ({
            label: (lang === "fr" ? t.label_fr : t.label_en) ?? t.code,
            count: counts.get(t.code) as number,
          }))}
        types={draft.types}
        message={message}
      />,
      { lang, title: messages(lang).editorDeleteTitle(plainStatement(lang, node.statement)) },
    );
  };

  app.get("/frameworks/:slug/items/:id/delete", requirePermission("framework.edit"), async (c) => {
    const draft = await loadDraft(c);
    return draft ? renderDelete(c, draft, c.req.param("id")) : c.notFound();
  });

  app.post("/frameworks/:slug/items/:id/delete", requirePermission("framework.edit"), async (c) => {
    const draft = await loadDraft(c);
    if (!draft) return c.notFound();
    const id = c.req.param("id");
    const count = Number((await formFields(c)).count);
    const parentId = draft.items.get(id)?.parent_id ?? null;
    try {
      const result = await deleteItem(
        c.var.db,
        c.var.user,
        draft.framework.id,
        id,
        Number.isSafeInteger(count) ? count : -1,
      );
      return redirectDone(
        c,
        editorUrls.outline(c.var.lang, draft.framework.slug, parentId),
        result.outcome === "done" ? "deleted" : "unchanged",
      );
    } catch (error) {
      if (!isEditorError(error)) throw error;
      return renderDelete(
        c,
        (await loadDraft(c)) ?? draft,
        id,
        commandMessage(messages(c.var.lang), error),
        statusOf(error),
      );
    }
  });

  return app;
}
