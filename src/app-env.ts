import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import type { DB } from "./db/schema.ts";
import type { Catalog } from "./editions/catalog.ts";
import type { Lang } from "./i18n/index.ts";
import type { Actor } from "./policy/index.ts";

/** What every request handler can reach through `c.var`. */
export interface AppEnv {
  Variables: {
    lang: Lang;
    config: Config;
    db: Kysely<DB>;
    catalog: Catalog;
    logger: Logger;
    /** The signed-in person, or null for an anonymous reader (set by the auth middleware). */
    user: Actor | null;
    /** Set by the auth middleware when the person must choose a new password first (src/policy/guard.ts). */
    passwordChangeDue?: boolean;
    /** Set for every request (hono's requestId): written with security events and error logs. */
    requestId: string;
    /** The CSRF token for forms on this page (src/security/csrf.ts); the renderer adds it to forms. */
    csrfToken: () => string;
  };
}
