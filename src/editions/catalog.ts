/**
 * The published frameworks as readers see them, built once per content revision and shared by the
 * pages, the search index and the API. Readers see each framework's latest published edition (the
 * live rows are the editors' draft). Content rarely changes, so reads cost no query at all except
 * a throttled check of the revision counter (another process — the CLI — may have changed it).
 */
import type { Kysely } from "kysely";
import type { DB, Framework } from "../db/schema.ts";
import {
  findFrameworkBySlug,
  listFrameworks,
  listItemRows,
  listItemTypes,
  readContentRevision,
} from "../frameworks/store.ts";
import type { FrameworkView } from "../frameworks/view.ts";
import { inSlices } from "../slices.ts";
import { assembleView, viewFromContentSteps } from "./content.ts";
import { editionLabel } from "./label.ts";
import { withProvenance } from "./provenance.ts";
import {
  type EditionSummary,
  findEditionSummary,
  listEditions,
  readEditionForReaders,
  type StoredEdition,
} from "./store.ts";

// Defined apart so the edition snapshots (which build views) need not import the catalog.
export type { FrameworkView } from "../frameworks/view.ts";

export interface Catalog {
  /** Current content revision; changes whenever any framework changes. */
  revision(): Promise<number>;
  /**
   * The revision `revision()` would give, when known without waiting: the database's counter was
   * read less than the check interval ago and the live generation is that revision. Otherwise
   * undefined (ask `revision()`). For the page cache's front door, which then needs no await.
   */
  revisionNow?(): number | undefined;
  /** The published frameworks: the starter first, then in the order they were created. */
  list(): Promise<Framework[]>;
  /** The latest published edition of a framework. */
  get(slug: string): Promise<FrameworkView | undefined>;
  /** An earlier (or the latest) edition by number; undefined when the framework or edition is not public. */
  edition(slug: string, number: number): Promise<FrameworkView | undefined>;
  /** A public framework's editions, newest first. */
  editions(slug: string): Promise<EditionSummary[] | undefined>;
  /** The framework the home page shows: the first published one (the starter when it is published). */
  primary(): Promise<FrameworkView | undefined>;
  /**
   * Something changed (the change bus heard of a write elsewhere): look again at the next read, and
   * rebuild even if the revision counter has not moved. Serving stale, readers keep the current
   * frameworks until the rebuild is done.
   */
  invalidate(): void;
  /**
   * After a write in this process: resolves once readers are served what it wrote (read-your-writes),
   * or once building it has failed (reported through `onBuildError`; the previous revision stays).
   */
  refresh(): Promise<void>;
  /**
   * A value computed from the published frameworks (in readers' order), kept with them: built once
   * per revision, and for later revisions as part of the build, before they go live.
   */
  derive<T>(key: unknown, derive: Deriver<T>): Promise<T>;
}

export const PUBLIC_STATUSES = new Set(["published"]);

/**
 * Readers' order of frameworks: the one named first (the starter) leads, the others keep their
 * order (creation time, then slug). Pure, so the home page and search agree on it.
 */
export function readerOrder<T extends { slug: string }>(frameworks: readonly T[], first: string | undefined): T[] {
  const lead = frameworks.filter((f) => f.slug === first);
  return [...lead, ...frameworks.filter((f) => f.slug !== first)];
}

/** A view of the live rows (the draft), as readers would see it if it were published now. */
export async function buildFrameworkView(db: Kysely<DB>, framework: Framework): Promise<FrameworkView> {
  const [types, rows] = await Promise.all([listItemTypes(db, framework.id), listItemRows(db, framework.id)]);
  return assembleView(framework, types, rows);
}

/** An edition as the catalog needs it: its record without the cached snapshot (see readEditionForReaders). */
type EditionRecord = Pick<StoredEdition, "id" | "number" | "published_at" | "summary_en" | "summary_fr">;

/**
 * An edition as readers see it, built a slice at a time (src/slices.ts) from its rows read in pages.
 * Its number is the framework's public version everywhere (pages, printouts, APIs, exports: decision 008).
 */
async function editionView(db: Kysely<DB>, framework: Framework, edition: EditionRecord): Promise<FrameworkView> {
  const content = await readEditionForReaders(db, edition.id);
  if (!content) throw new Error(`edition ${edition.id} has no record`);
  const view = await inSlices(
    viewFromContentSteps(content, { slug: framework.slug, version: editionLabel(edition.number) }),
  );
  return {
    ...view,
    edition: {
      number: edition.number,
      publishedAt: edition.published_at,
      summary: { en: edition.summary_en, fr: edition.summary_fr },
    },
  };
}

/** What a build hands to values derived from the published frameworks (the search index). */
export type Deriver<T> = (views: readonly FrameworkView[]) => Promise<T>;

export interface CatalogOptions {
  /** How often (ms) the content revision is read again; another process may have changed it. */
  checkIntervalMs?: number;
  /** The framework readers see first (start-up names the starter, src/content/starter-slug.ts). */
  firstSlug?: string;
  /**
   * While a new revision is being built, keep serving the one before (pages, search, API) instead
   * of making readers wait for it (decision 022). The server sets it; tests that write behind the
   * catalog's back and read at once leave it off.
   */
  serveStale?: boolean;
  /** Told of a build that failed (the previous revision keeps being served). */
  onBuildError?: (error: unknown, revision: number) => void;
  /**
   * Told when a built revision goes live: the one it replaces, and what building it left behind,
   * are garbage from then on (the server asks for a collection: src/ops/heap.ts).
   */
  onLive?: (revision: number) => void;
  /** Awaited by each build just before it goes live: lets a test hold a rebuild under way. */
  beforeLive?: (revision: number) => Promise<void>;
}

/** One revision's published frameworks, ready to serve. */
interface Generation {
  revision: number;
  /** Public frameworks in readers' order, as their latest editions show them. */
  frameworks: Framework[];
  /** Latest edition of each public framework, by slug. */
  views: Map<string, FrameworkView>;
  /** The same before provenance was added, by edition id and slug: reused by the next build. */
  built: Map<string, FrameworkView>;
  /** Earlier editions asked for, by slug and number (built on demand, dropped with the generation). */
  editions: Map<string, Promise<FrameworkView | undefined>>;
  /** Values derived from `views` (the search index), by key. */
  derived: Map<unknown, Promise<unknown>>;
  /** Set by invalidate(): rebuild even if the revision has not moved. */
  outdated: boolean;
}

/** A build that failed is tried again after this long, or at once on invalidate()/refresh(). */
const RETRY_MS = 30_000;

/**
 * The catalog of published frameworks. Each content revision's frameworks (views and derived values
 * such as the search index) are built together, in slices, as one generation; it goes live whole.
 * With `serveStale` readers keep the live generation while the next one is built; writers in this
 * process await refresh() so their own next page shows what they wrote.
 */
export function createCatalog(db: Kysely<DB>, options: CatalogOptions = {}): Catalog {
  const checkInterval = options.checkIntervalMs ?? 1000;
  const firstSlug = options.firstSlug;
  let knownRevision = -1;
  let checkedAt = 0;
  let pendingCheck: Promise<number> | null = null;
  // Bumped by invalidate(): a check already under way may have read the counter before the change
  // it was told about, so it must not vouch for the next second (decision 020).
  let checkGeneration = 0;
  let live: Generation | null = null;
  let building: { revision: number; promise: Promise<Generation> } | null = null;
  let failed: { revision: number; at: number } | null = null;
  const derivers = new Map<unknown, Deriver<unknown>>();

  /** The database's content revision, read at most once per interval. */
  const latestRevision = async (): Promise<number> => {
    if (Date.now() - checkedAt < checkInterval && knownRevision >= 0) return knownRevision;
    if (!pendingCheck) {
      const started = checkGeneration;
      const check: Promise<number> = readContentRevision(db)
        .then((current) => {
          // Superseded by invalidate(): the check started since then decides.
          if (started !== checkGeneration) return current;
          knownRevision = current;
          checkedAt = Date.now();
          return current;
        })
        .finally(() => {
          if (pendingCheck === check) pendingCheck = null;
        });
      pendingCheck = check;
    }
    return pendingCheck;
  };

  const publicFramework = async (slug: string) => {
    const framework = await findFrameworkBySlug(db, slug);
    return framework && PUBLIC_STATUSES.has(framework.status) ? framework : undefined;
  };

  /** Builds revision `revision`'s generation, reusing the live one's views of unchanged editions. */
  const build = async (revision: number): Promise<Generation> => {
    const previous = live;
    const views = new Map<string, FrameworkView>();
    const built = new Map<string, FrameworkView>();
    for (const framework of await listFrameworks(db)) {
      if (!PUBLIC_STATUSES.has(framework.status)) continue;
      const [latest] = await listEditions(db, framework.id);
      if (!latest) continue;
      const key = `${latest.id}\u0000${framework.slug}`;
      const view = previous?.built.get(key) ?? (await editionView(db, framework, latest));
      built.set(key, view);
      views.set(framework.slug, await withProvenance(db, view));
    }
    const frameworks = readerOrder(
      [...views.values()].map((view) => view.framework),
      firstSlug,
    );
    const ordered = frameworks.map((f) => views.get(f.slug) as FrameworkView);
    const derived = new Map<unknown, Promise<unknown>>();
    for (const [key, derive] of derivers) derived.set(key, Promise.resolve(await derive(ordered)));
    await options.beforeLive?.(revision);
    return { revision, frameworks, views, built, editions: new Map(), derived, outdated: false };
  };

  /** Starts (or joins) the build of `revision`; one build at a time, each goes live when done. */
  const startBuild = (revision: number): Promise<Generation> => {
    if (building && building.revision >= revision) return building.promise;
    const before = building?.promise.catch(() => undefined);
    const promise = (async () => {
      await before;
      const next = await build(revision);
      if (!live || next.revision >= live.revision || live.outdated) {
        live = next;
        options.onLive?.(next.revision);
      }
      failed = null;
      return next;
    })();
    const entry = { revision, promise };
    building = entry;
    promise.then(
      () => {
        if (building === entry) building = null;
      },
      (error) => {
        if (building === entry) building = null;
        failed = { revision, at: Date.now() };
        options.onBuildError?.(error, revision);
      },
    );
    return promise;
  };

  /** The generation to answer from: the live one when current (or, serving stale, while the next builds). */
  const served = async (fresh = false): Promise<Generation> => {
    const latest = await latestRevision();
    if (live && live.revision >= latest && !live.outdated) return live;
    const retryLater = !fresh && failed?.revision === latest && Date.now() - failed.at < RETRY_MS;
    if (live && retryLater) return live;
    const next = startBuild(latest);
    if (live && options.serveStale && !fresh) {
      next.catch(() => undefined);
      return live;
    }
    return next;
  };

  const edition = async (slug: string, number: number) => {
    if (!Number.isSafeInteger(number) || number < 1) return undefined;
    const generation = await served();
    const key = `${slug}\u0000${number}`;
    let view = generation.editions.get(key);
    if (!view) {
      view = publicFramework(slug).then(async (f) => {
        // Its record only: the view is built from its rows in pages, never from the cached snapshot.
        const found = f && (await findEditionSummary(db, f.id, number));
        return f && found ? withProvenance(db, await editionView(db, f, found)) : undefined;
      });
      generation.editions.set(key, view);
      // Only editions that exist stay cached, so asking for made-up numbers costs no memory.
      view.then(
        (v) => v ?? generation.editions.delete(key),
        () => generation.editions.delete(key),
      );
    }
    return view;
  };

  const invalidate = () => {
    if (live) live.outdated = true;
    failed = null;
    checkedAt = 0;
    checkGeneration++;
    pendingCheck = null;
  };

  return {
    revision: async () => (await served()).revision,
    revisionNow: () => {
      if (!live || live.outdated || knownRevision < 0 || Date.now() - checkedAt >= checkInterval) return undefined;
      return live.revision >= knownRevision ? live.revision : undefined;
    },
    list: async () => (await served()).frameworks,
    get: async (slug) => (await served()).views.get(slug),
    edition,
    async editions(slug: string) {
      const f = await publicFramework(slug);
      return f ? listEditions(db, f.id) : undefined;
    },
    async primary() {
      const generation = await served();
      const [first] = generation.frameworks;
      return first ? generation.views.get(first.slug) : undefined;
    },
    invalidate,
    async refresh() {
      invalidate();
      // A failed build is reported through onBuildError; the write itself succeeded, and readers
      // keep the previous revision.
      await served(true).catch(() => undefined);
    },
    async derive<T>(key: unknown, derive: Deriver<T>): Promise<T> {
      if (!derivers.has(key)) derivers.set(key, derive as Deriver<unknown>);
      const generation = await served();
      let value = generation.derived.get(key);
      if (!value) {
        const frameworks = generation.frameworks.map((f) => generation.views.get(f.slug) as FrameworkView);
        value = derive(frameworks);
        generation.derived.set(key, value);
        value.catch(() => {
          if (generation.derived.get(key) === value) generation.derived.delete(key);
        });
      }
      return value as Promise<T>;
    },
  };
}
