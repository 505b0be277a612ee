/**
 * GET /api/v1/search?q=…&lang=en|fr&limit=…&framework=… — the search results as JSON, grouped by
 * area, over every published framework or one (by slug or UUID). Any `q` is a valid query (an empty
 * one finds nothing); a bad `lang`, `limit` or `framework` is refused (400), an unknown framework 404.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env.ts";
import { type Lang, messages } from "../i18n/index.ts";
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  type SearchArea,
  type SearchGroup,
  type SearchHit,
  type SearchIndex,
  type SearchResults,
  search,
  searchIndexFor,
} from "../search/engine.ts";
import { frameworkNotFound } from "./errors.ts";
import { frameworkIdParam } from "./params.ts";
import { findPublishedFramework } from "./resolve.ts";

/** The query string, validated at the edge. `q` is left raw: the engine cleans whatever it gets. */
export const searchApiQuery = z.object({
  q: z.string().optional(),
  lang: z.enum(["en", "fr"]).optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_LIMIT))
    .optional(),
  framework: frameworkIdParam.optional(),
});

export type SearchApiQuery = z.infer<typeof searchApiQuery>;

export interface SearchApiResponse extends Omit<SearchResults, "frameworkCounts" | "work"> {
  lang: "en" | "fr";
}

/**
 * An item's JSON as an area or a hit, serialised once and reused by every answer that lists it.
 * Kept by item id (an edition's compact views hand out a fresh statement object on every read, so
 * an identity key never hit again: decision 039, addendum 2) and checked against every field it was
 * written from, so an item whose text changed in a new edition, or another framework's item with
 * the same id, is written again, never shown as another's. The strings compared are the view's own
 * (the same string objects from one read to the next), so the check is a few pointer comparisons.
 */
interface Fragment {
  key: string;
  code: string | null;
  other: string;
  en: string | null;
  fr: string | null;
  json: string;
}

/**
 * Fragments by item id, bounded: at most two generations of `limit` entries. When the young one is
 * full it becomes the old one (the previous old one is dropped); a fragment found in the old one is
 * moved back to the young one, so the items searched often stay while a flood of rare ones passes.
 */
export class FragmentStore {
  #young = new Map<string, Fragment>();
  #old = new Map<string, Fragment>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  get size(): number {
    return this.#young.size + this.#old.size;
  }

  get(id: string): Fragment | undefined {
    const young = this.#young.get(id);
    if (young !== undefined) return young;
    const old = this.#old.get(id);
    if (old !== undefined) this.set(id, old);
    return old;
  }

  set(id: string, fragment: Fragment): void {
    if (this.#young.size >= this.#limit && !this.#young.has(id)) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(id, fragment);
  }
}

/** Entries per generation: areas are few; hits are any item searched (a fragment is ~0.2–1 kB). */
export const AREA_FRAGMENTS = 2_048;
export const HIT_FRAGMENTS = 8_192;
const areaFragments = new FragmentStore(AREA_FRAGMENTS);
const hitFragments = new FragmentStore(HIT_FRAGMENTS);

/** Fragments kept (tests and diagnostics). */
export function fragmentCounts(): { areas: number; hits: number } {
  return { areas: areaFragments.size, hits: hitFragments.size };
}

function fragment(store: FragmentStore, item: SearchArea | SearchHit, other: string, json: () => string) {
  const { statement } = item;
  const known = store.get(item.id);
  if (
    known !== undefined &&
    known.key === item.key &&
    known.code === item.code &&
    known.other === other &&
    known.en === statement.en &&
    known.fr === statement.fr
  )
    return known.json;
  const made = json();
  store.set(item.id, { key: item.key, code: item.code, other, en: statement.en, fr: statement.fr, json: made });
  return made;
}

/**
 * `{"area":…,"hits":[…]}` exactly as JSON.stringify writes a group, from the kept fragments; it
 * relies on the key order src/search/engine.ts builds areas and hits in (the tests check the text).
 */
function groupJson(group: SearchGroup): string {
  const { area } = group;
  const areaJson = fragment(areaFragments, area, area.frameworkSlug, () => JSON.stringify(area));
  const hits = group.hits.map((hit) => {
    // Everything up to the statement is the item's; matched terms and score are this query's.
    const head = fragment(hitFragments, hit, hit.type, () => {
      const whole = JSON.stringify({
        id: hit.id,
        key: hit.key,
        code: hit.code,
        type: hit.type,
        statement: hit.statement,
      });
      return whole.slice(0, -1);
    });
    return `${head},"matchedTerms":${JSON.stringify(hit.matchedTerms)},"score":${JSON.stringify(hit.score)}}`;
  });
  return `{"area":${areaJson},"hits":[${hits.join(",")}]}`;
}

/** The answer's JSON text: the same text JSON.stringify(body) gives, without re-serialising items. */
export function searchApiJson(body: SearchApiResponse): string {
  const { groups, ...rest } = body;
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)},"groups":[${groups.map(groupJson).join(",")}]}`;
}

/** A search request read from its query string: what to search, or the answer refusing it. */
export type SearchRequest =
  | {
      ok: true;
      q: string;
      lang: Lang;
      limit: number /** The framework's slug when narrowed to one. */;
      framework?: string;
    }
  | { ok: false; refuse: (c: Context<AppEnv>) => Response };

/**
 * Validates the query string (400 for a bad `lang`, `limit` or `framework`, 404 for a framework
 * that is not published). The API's route and its fast path (search-answers.ts) both read requests
 * here, so they accept and refuse the same ones.
 */
export async function readSearchRequest(c: Context<AppEnv>): Promise<SearchRequest> {
  const parsed = searchApiQuery.safeParse({
    q: c.req.query("q"),
    lang: c.req.query("lang"),
    limit: c.req.query("limit"),
    framework: c.req.query("framework"),
  });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return {
      ok: false,
      refuse: (c) => {
        const t = messages(c.var.lang);
        const message =
          field === "lang"
            ? t.apiSearchBadLang
            : field === "framework"
              ? t.apiBadFrameworkId
              : t.apiSearchBadLimit(MAX_LIMIT);
        return c.json({ error: "bad_request", message }, 400);
      },
    };
  }
  const only = parsed.data.framework;
  const view = only ? await findPublishedFramework(c.var.catalog, only) : undefined;
  if (only && !view) return { ok: false, refuse: frameworkNotFound };
  return {
    ok: true,
    q: parsed.data.q ?? "",
    lang: parsed.data.lang ?? c.var.lang,
    limit: parsed.data.limit ?? DEFAULT_LIMIT,
    ...(view ? { framework: view.framework.slug } : {}),
  };
}

/** The answer's JSON text for a request that was read successfully. */
export function searchAnswerJson(index: SearchIndex, request: Extract<SearchRequest, { ok: true }>): string {
  const results = search(index, request.q, {
    lang: request.lang,
    limit: request.limit,
    framework: request.framework,
  });
  return searchApiJson({
    query: results.query,
    ...(results.correctedQuery ? { correctedQuery: results.correctedQuery } : {}),
    ...(results.termsIgnored ? { termsIgnored: results.termsIgnored } : {}),
    lang: request.lang,
    total: results.total,
    groups: results.groups,
  });
}

export function searchApiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/", async (c) => {
    const request = await readSearchRequest(c);
    if (!request.ok) return request.refuse(c);
    const index = await searchIndexFor(c.var.catalog);
    c.header("vary", "Accept-Language");
    c.header("content-type", "application/json");
    return c.body(searchAnswerJson(index, request));
  });

  return app;
}
