/**
 * The editor under /{lang}/editor. Every route asks the policy first (editor.use for reading,
 * a framework.* or history.restore action for each change); every answer is private.
 */
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../../app-env.ts";
import { messages } from "../../i18n/index.ts";
import { requirePermission } from "../../policy/guard.ts";
import type { BodyRule } from "../../security/body-limit.ts";
import { registerEditorAssets } from "../assets.ts";
import { findRoutes } from "./find.tsx";
import { frameworkRoutes } from "./frameworks.tsx";
import { historyRoutes } from "./history.tsx";
import { itemDeleteRoutes } from "./item-delete.tsx";
import { itemMoveRoutes } from "./item-moves.tsx";
import { itemRoutes } from "./items.tsx";
import { publishRoutes } from "./publish.tsx";
import { translationRoutes } from "./translations.tsx";
import { upstreamRoutes } from "./upstream.tsx";

/** Forms are small: anything bigger is refused before it is parsed. */
export const MAX_FORM_BYTES = 256 * 1024;

/** The editor's forms may be that large (src/security/body-limit.ts applies it before a body is read). */
export const EDITOR_BODY_RULE: BodyRule = { route: /^POST \/(?:en|fr)\/editor(?:\/|$)/, maxBytes: MAX_FORM_BYTES };

/** Editor pages show drafts and people's names: never stored by a shared cache. */
const privateAnswer: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header("cache-control", "private, no-store");
};

export function editorRoutes(): Hono<AppEnv> {
  registerEditorAssets();
  const app = new Hono<AppEnv>();
  // Scoped to the editor's own paths: other capabilities mounted under /editor (the import wizard)
  // keep their own guards and upload limits.
  const guarded = [
    requirePermission("editor.use"),
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: (c) => c.text(messages(c.var.lang).formTooLong(MAX_FORM_BYTES), 413),
    }),
    privateAnswer,
  ];
  for (const path of ["/", "/new", "/adopt", "/frameworks", "/frameworks/*"]) app.use(path, ...guarded);
  app.route("/", frameworkRoutes());
  app.route("/", itemRoutes());
  app.route("/", itemMoveRoutes());
  app.route("/", itemDeleteRoutes());
  app.route("/", historyRoutes());
  app.route("/", publishRoutes());
  app.route("/", upstreamRoutes());
  app.route("/", findRoutes());
  app.route("/", translationRoutes());
  return app;
}
