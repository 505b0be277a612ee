/** Publishing editions (an adopted framework's upstream changes: upstream.tsx). */
import { Hono } from "hono";
import type { AppEnv } from "../../app-env.ts";
import type { Framework } from "../../db/schema.ts";
import { diffEditions, freezeDraft } from "../../editions/content.ts";
import { latestEdition, listEditions, readEditionContent } from "../../editions/store.ts";
import { listDraftItems } from "../../frameworks/draft-store.ts";
import { isEditorError } from "../../frameworks/errors.ts";
import { listItemRows, listItemTypes } from "../../frameworks/store.ts";
import { messages } from "../../i18n/index.ts";
import { requirePermission } from "../../policy/guard.ts";
import { type FieldErrors, parseForm, withoutHidden } from "../../ui/forms/index.ts";
import { publishEdition } from "../commands/publish.ts";
import { countOutdated } from "../flags-store.ts";
import { publishSchema } from "../schemas.ts";
import { missingTranslations } from "../translations.ts";
import { editorUrls } from "../urls.ts";
import { PublishPage, type SummaryValues } from "../views/publish.tsx";
import {
  commandMessage,
  type EditorContext,
  formFields,
  loadFramework,
  noticeOf,
  redirectDone,
  statusOf,
} from "./context.ts";

export function publishRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** What the next edition would change: the draft against the latest edition. */
  const pendingChanges = async (c: EditorContext, framework: Framework) => {
    const [types, rows, latest] = await Promise.all([
      listItemTypes(c.var.db, framework.id),
      listItemRows(c.var.db, framework.id),
      latestEdition(c.var.db, framework.id),
    ]);
    const draft = freezeDraft(framework, types, rows);
    const base = latest ? await readEditionContent(c.var.db, latest) : { items: [] };
    const changes = diffEditions(base, draft);
    return {
      added: changes.filter((x) => x.kind === "added").length,
      changed: changes.filter((x) => x.kind === "changed").length,
      removed: changes.filter((x) => x.kind === "removed").length,
    };
  };

  /** What still needs a translator: items lacking a language, texts that may be out of date. */
  const translationCounts = async (c: EditorContext, framework: Framework) => {
    const [items, outdated] = await Promise.all([
      listDraftItems(c.var.db, framework.id),
      countOutdated(c.var.db, framework.id),
    ]);
    const missing = missingTranslations(items);
    return { missing: new Set([...missing.french, ...missing.english]).size, outdated };
  };

  const renderPublish = async (
    c: EditorContext,
    framework: Framework,
    extra: { summary?: SummaryValues; errors?: FieldErrors; message?: string } = {},
  ) =>
    c.render(
      <PublishPage
        lang={c.var.lang}
        framework={framework}
        editions={await listEditions(c.var.db, framework.id)}
        pending={await pendingChanges(c, framework)}
        translations={await translationCounts(c, framework)}
        notice={noticeOf(c)}
        {...extra}
      />,
      { lang: c.var.lang, title: messages(c.var.lang).editorPublishTitle },
    );

  app.get("/frameworks/:slug/publish", requirePermission("framework.publish"), async (c) => {
    const framework = await loadFramework(c);
    return framework ? renderPublish(c, framework) : c.notFound();
  });

  app.post("/frameworks/:slug/publish", requirePermission("framework.publish"), async (c) => {
    const framework = await loadFramework(c);
    if (!framework) return c.notFound();
    const fields = await formFields(c);
    const parsed = parseForm(publishSchema, fields);
    if (!parsed.ok) {
      c.status(422);
      const { errors, outdated } = withoutHidden(parsed.errors, ["seen"]);
      return renderPublish(c, framework, {
        summary: fields,
        errors,
        message: outdated ? messages(c.var.lang).formOutdated : undefined,
      });
    }
    const latest = (await listEditions(c.var.db, framework.id))[0]?.number ?? 0;
    // The page showed an older latest edition: this form was already submitted (or someone published).
    if (latest > parsed.data.seen) return redirectDone(c, editorUrls.publish(c.var.lang, framework.slug), "published");
    try {
      await publishEdition(c.var.db, framework.id, c.var.user, {
        en: parsed.data.summary_en,
        fr: parsed.data.summary_fr,
      });
      await c.var.catalog.refresh();
      return redirectDone(c, editorUrls.publish(c.var.lang, framework.slug), "published");
    } catch (error) {
      if (!isEditorError(error)) throw error;
      c.status(statusOf(error));
      return renderPublish(c, framework, {
        summary: fields,
        message: commandMessage(messages(c.var.lang), error),
      });
    }
  });

  return app;
}
