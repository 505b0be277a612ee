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
import { assembleView, viewFromContent } from "./content.ts";
import { editionLabel } from "./label.ts";
import { withProvenance } from "./provenance.ts";
import {
  type EditionSummary,
  findEdition,
  latestEdition,
  listEditions,
  readEditionContent,
  type StoredEdition,
} from "./store.ts";

// Defined apart so the edition snapshots (which build views) need not import the catalog.
export type { FrameworkView } from "../frameworks/view.ts";

export interface Catalog {
  /** Current content revision; changes whenever any framework changes. */
  revision(): Promise<number>;
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
  /** Forget everything now (after a write in this process, or when the change bus tells of one elsewhere). */
  invalidate(): void;
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

/**
 * An edition as readers see it. Its number is the framework's public version everywhere (pages,
 * printouts, APIs, exports: decision 008).
 */
async function editionView(db: Kysely<DB>, framework: Framework, edition: StoredEdition): Promise<FrameworkView> {
  const content = await readEditionContent(db, edition);
  const view = viewFromContent(content, { slug: framework.slug, version: editionLabel(edition.number) });
  return {
    ...view,
    edition: {
      number: edition.number,
      publishedAt: edition.published_at,
      summary: { en: edition.summary_en, fr: edition.summary_fr },
    },
  };
}

/**
 * @param options.firstSlug the framework readers see first (start-up names the starter,
 * src/content/starter-slug.ts); without it, frameworks keep their order of creation
 */
export function createCatalog(db: Kysely<DB>, options: { checkIntervalMs?: number; firstSlug?: string } = {}): Catalog {
  const checkInterval = options.checkIntervalMs ?? 1000;
  const firstSlug = options.firstSlug;
  let knownRevision = -1;
  let checkedAt = 0;
  let pendingCheck: Promise<number> | null = null;
  // Bumped by invalidate(): a check already under way may have read the counter before the change
  // it was told about, so it must not vouch for the next second (decision 020).
  let generation = 0;
  let frameworks: Promise<Framework[]> | null = null;
  const views = new Map<string, Promise<FrameworkView | undefined>>();

  const reset = () => {
    frameworks = null;
    views.clear();
  };

  const revision = async (): Promise<number> => {
    if (Date.now() - checkedAt < checkInterval && knownRevision >= 0) return knownRevision;
    if (!pendingCheck) {
      const started = generation;
      const check: Promise<number> = readContentRevision(db)
        .then((current) => {
          // Superseded by invalidate(): the check started since then decides.
          if (started !== generation) return current;
          if (current !== knownRevision) reset();
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

  const list = async () => {
    await revision();
    // What readers see of each framework (title, version…) comes from its latest edition.
    frameworks ??= listFrameworks(db)
      .then((all) => Promise.all(all.filter((f) => PUBLIC_STATUSES.has(f.status)).map((f) => get(f.slug))))
      .then((found) =>
        readerOrder(
          found.filter((view) => view !== undefined).map((view) => view.framework),
          firstSlug,
        ),
      )
      .catch((error) => {
        frameworks = null;
        throw error;
      });
    return frameworks;
  };

  const get = async (slug: string) => {
    await revision();
    let view = views.get(slug);
    if (!view) {
      view = publicFramework(slug)
        .then(async (f) => {
          const latest = f && (await latestEdition(db, f.id));
          return f && latest ? withProvenance(db, await editionView(db, f, latest)) : undefined;
        })
        .catch((error) => {
          views.delete(slug);
          throw error;
        });
      views.set(slug, view);
      // Unknown slugs are not remembered, so made-up addresses cost no memory.
      view.then((v) => v ?? views.delete(slug));
    }
    return view;
  };

  const publicFramework = async (slug: string) => {
    const framework = await findFrameworkBySlug(db, slug);
    return framework && PUBLIC_STATUSES.has(framework.status) ? framework : undefined;
  };

  const edition = async (slug: string, number: number) => {
    if (!Number.isSafeInteger(number) || number < 1) return undefined;
    await revision();
    const key = `${slug}\u0000${number}`;
    let view = views.get(key);
    if (!view) {
      view = publicFramework(slug).then(async (f) => {
        const found = f && (await findEdition(db, f.id, number));
        return f && found ? withProvenance(db, await editionView(db, f, found)) : undefined;
      });
      views.set(key, view);
      // Only editions that exist stay cached, so asking for made-up numbers costs no memory.
      view.then(
        (v) => v ?? views.delete(key),
        () => views.delete(key),
      );
    }
    return view;
  };

  return {
    revision,
    list,
    get,
    edition,
    async editions(slug: string) {
      const f = await publicFramework(slug);
      return f ? listEditions(db, f.id) : undefined;
    },
    async primary() {
      const [first] = await list();
      return first ? get(first.slug) : undefined;
    },
    invalidate() {
      reset();
      checkedAt = 0;
      generation++;
      pendingCheck = null;
    },
  };
}
