/**
 * The published frameworks as readers see them, built once per content revision and shared by the
 * pages, the search index and the API. Content rarely changes, so reads cost no query at all except
 * a throttled check of the revision counter (another process — the CLI — may have changed it).
 */
import type { Kysely } from "kysely";
import type { DB, Framework, ItemType } from "../db/schema.ts";
import { findFrameworkBySlug, listFrameworks, listItemRows, listItemTypes, readContentRevision } from "./store.ts";
import { buildTree, type Tree, type TreeNode, urlKeys } from "./tree.ts";

export interface FrameworkView {
  framework: Framework;
  types: Map<string, ItemType>;
  tree: Tree;
  /** item id → the key used in its URL (human code when unique, else id). */
  keys: Map<string, string>;
  byKey: Map<string, TreeNode>;
  itemCount: number;
  /** Newest change anywhere in the framework. */
  lastUpdated: string;
}

export interface Catalog {
  /** Current content revision; changes whenever any framework changes. */
  revision(): Promise<number>;
  list(): Promise<Framework[]>;
  get(slug: string): Promise<FrameworkView | undefined>;
  /** The framework the home page shows: the first published one. */
  primary(): Promise<FrameworkView | undefined>;
  /** Forget everything now (after a write in this process). */
  invalidate(): void;
}

export const PUBLIC_STATUSES = new Set(["published"]);

export async function buildFrameworkView(db: Kysely<DB>, framework: Framework): Promise<FrameworkView> {
  const [types, rows] = await Promise.all([listItemTypes(db, framework.id), listItemRows(db, framework.id)]);
  const tree = buildTree(rows);
  const keys = urlKeys(tree);
  const byKey = new Map<string, TreeNode>();
  let lastUpdated = framework.updated_at;
  for (const node of tree.byId.values()) {
    byKey.set(keys.get(node.id) as string, node);
    if (node.updatedAt > lastUpdated) lastUpdated = node.updatedAt;
  }
  return {
    framework,
    types: new Map(types.map((t) => [t.code, t])),
    tree,
    keys,
    byKey,
    itemCount: tree.byId.size,
    lastUpdated,
  };
}

export function createCatalog(db: Kysely<DB>, options: { checkIntervalMs?: number } = {}): Catalog {
  const checkInterval = options.checkIntervalMs ?? 1000;
  let knownRevision = -1;
  let checkedAt = 0;
  let pendingCheck: Promise<number> | null = null;
  let frameworks: Promise<Framework[]> | null = null;
  const views = new Map<string, Promise<FrameworkView | undefined>>();

  const reset = () => {
    frameworks = null;
    views.clear();
  };

  const revision = async (): Promise<number> => {
    if (Date.now() - checkedAt < checkInterval && knownRevision >= 0) return knownRevision;
    pendingCheck ??= readContentRevision(db)
      .then((current) => {
        if (current !== knownRevision) reset();
        knownRevision = current;
        checkedAt = Date.now();
        return current;
      })
      .finally(() => {
        pendingCheck = null;
      });
    return pendingCheck;
  };

  const list = async () => {
    await revision();
    frameworks ??= listFrameworks(db)
      .then((all) => all.filter((f) => PUBLIC_STATUSES.has(f.status)))
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
      view = findFrameworkBySlug(db, slug)
        .then((f) => (f && PUBLIC_STATUSES.has(f.status) ? buildFrameworkView(db, f) : undefined))
        .catch((error) => {
          views.delete(slug);
          throw error;
        });
      views.set(slug, view);
    }
    return view;
  };

  return {
    revision,
    list,
    get,
    async primary() {
      const [first] = await list();
      return first ? get(first.slug) : undefined;
    },
    invalidate() {
      reset();
      checkedAt = 0;
    },
  };
}
