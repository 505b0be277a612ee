import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import type { DB } from "./db/schema.ts";
import type { Catalog } from "./frameworks/catalog.ts";
import type { Lang } from "./i18n/index.ts";

/** What every request handler can reach through `c.var`. */
export interface AppEnv {
  Variables: {
    lang: Lang;
    config: Config;
    db: Kysely<DB>;
    catalog: Catalog;
    logger: Logger;
  };
}
