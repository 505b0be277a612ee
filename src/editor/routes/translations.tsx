/** A framework's translations: what is missing, what may be out of date, and "still correct". */
import { Hono } from "hono";
import type { AppEnv } from "../../app-env.ts";
import { isEditorError } from "../../frameworks/errors.ts";
import { walk } from "../../frameworks/tree.ts";
import { messages } from "../../i18n/index.ts";
import { requirePermission } from "../../policy/guard.ts";
import { parseForm } from "../../ui/forms/index.ts";
import { confirmTranslation } from "../commands/translations.ts";
import { listOutdated } from "../flags-store.ts";
import { confirmTranslationSchema } from "../schemas.ts";
import { missingTranslations, pairOf } from "../translations.ts";
import { editorUrls } from "../urls.ts";
import { type OutdatedEntry, TranslationsPage } from "../views/translations.tsx";
import { type Draft, formFields, loadDraft, loadFramework, noticeOf, redirectDone, statusOf } from "./context.ts";

/** Flagged texts in reading order: the framework's own first, then its items as the outline shows them. */
async function outdatedEntries(c: Parameters<typeof loadDraft>[0], draft: Draft): Promise<OutdatedEntry[]> {
  const flags = await listOutdated(c.var.db, draft.framework.id);
  const order = new Map([...walk(draft.tree.roots)].map((node, index) => [node.id, index]));
  const rank = (itemId: string | null) => (itemId === null ? -1 : (order.get(itemId) ?? order.size));
  return flags
    .sort((a, b) => rank(a.itemId) - rank(b.itemId) || a.field.localeCompare(b.field))
    .flatMap((flag) => {
      const item = flag.itemId === null ? null : draft.items.get(flag.itemId);
      if (item === undefined) return [];
      return [{ flag, item, text: pairOf(item ?? draft.framework, flag.field) }];
    });
}

export function translationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/frameworks/:slug/translations", async (c) => {
    const draft = await loadDraft(c);
    if (!draft) return c.notFound();
    // In reading order, so the list follows the outline.
    const ordered = [...walk(draft.tree.roots)].map((n) => draft.items.get(n.id)).filter((i) => i !== undefined);
    const missing = missingTranslations(ordered);
    return c.render(
      <TranslationsPage
        lang={c.var.lang}
        framework={draft.framework}
        french={missing.french}
        english={missing.english}
        outdated={await outdatedEntries(c, draft)}
        notice={noticeOf(c)}
      />,
      { lang: c.var.lang, title: messages(c.var.lang).upkeepTranslationsTitle },
    );
  });

  app.post("/frameworks/:slug/translations/confirm", requirePermission("framework.edit"), async (c) => {
    const framework = await loadFramework(c);
    if (!framework) return c.notFound();
    const parsed = parseForm(confirmTranslationSchema, await formFields(c));
    // Hidden fields only: a bad value is a forged or broken form, not something to correct.
    if (!parsed.ok) return c.text(messages(c.var.lang).formOutdated, 400);
    const { item, field, lang } = parsed.data;
    try {
      const result = await confirmTranslation(c.var.db, c.var.user, framework.id, item === "framework" ? null : item, {
        field,
        lang,
      });
      return redirectDone(
        c,
        editorUrls.translations(c.var.lang, framework.slug),
        result.outcome === "done" ? "confirmed" : "unchanged",
        "outdated",
      );
    } catch (error) {
      if (!isEditorError(error)) throw error;
      if (error.code === "not_found") return c.notFound();
      return c.text(messages(c.var.lang).formInvalid, statusOf(error));
    }
  });

  return app;
}
