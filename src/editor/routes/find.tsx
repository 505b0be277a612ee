/** GET /{lang}/editor/frameworks/:slug/find?q=… — the jump box's answer: the item, or a list over the draft. */
import { Hono } from "hono";
import type { AppEnv } from "../../app-env.ts";
import { messages } from "../../i18n/index.ts";
import { findInDraft } from "../find.ts";
import { editorUrls } from "../urls.ts";
import { FindPage } from "../views/find.tsx";
import { ancestorsIn, loadDraft } from "./context.ts";

export function findRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/frameworks/:slug/find", async (c) => {
    const lang = c.var.lang;
    const draft = await loadDraft(c);
    if (!draft) return c.notFound();
    const found = findInDraft(draft.tree, c.req.query("q"));
    if (found.exact) return c.redirect(editorUrls.item(lang, draft.framework.slug, found.exact.id), 303);
    const t = messages(lang);
    return c.render(
      <FindPage
        lang={lang}
        framework={draft.framework}
        types={draft.types}
        query={found.query}
        hits={found.hits}
        total={found.total}
        pathOf={(node) => ancestorsIn(draft.tree, node)}
      />,
      { lang, title: found.query ? `${t.editorJumpTitle}: ${found.query}` : t.editorJumpTitle },
    );
  });

  return app;
}
