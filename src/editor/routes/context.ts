/** What every editor handler shares: loading the framework and its draft, answering refusals, notices. */
import type { Context } from "hono";
import type { AppEnv } from "../../app-env.ts";
import type { Framework, ItemType } from "../../db/schema.ts";
import { latestEdition } from "../../editions/store.ts";
import { findFrameworkForEditor, listDraftItems } from "../../frameworks/draft-store.ts";
import { type EditorError, HTTP_STATUS } from "../../frameworks/errors.ts";
import { type DraftItem, toItemRow } from "../../frameworks/item-state.ts";
import { listItemTypes } from "../../frameworks/store.ts";
import { buildTree, type Tree, type TreeNode } from "../../frameworks/tree.ts";
import { type Messages, messages } from "../../i18n/index.ts";

export type EditorContext = Context<AppEnv>;

export interface Draft {
  framework: Framework;
  types: ItemType[];
  items: Map<string, DraftItem>;
  tree: Tree;
}

export async function loadFramework(c: EditorContext): Promise<Framework | undefined> {
  const slug = c.req.param("slug");
  return slug ? findFrameworkForEditor(c.var.db, slug) : undefined;
}

export async function loadDraft(c: EditorContext): Promise<Draft | undefined> {
  const framework = await loadFramework(c);
  if (!framework) return undefined;
  const [types, items] = await Promise.all([
    listItemTypes(c.var.db, framework.id),
    listDraftItems(c.var.db, framework.id),
  ]);
  return { framework, types, items: new Map(items.map((i) => [i.id, i])), tree: buildTree(items.map(toItemRow)) };
}

export async function latestEditionInfo(c: EditorContext, frameworkId: string) {
  const latest = await latestEdition(c.var.db, frameworkId);
  return latest ? { number: latest.number, publishedAt: latest.published_at } : null;
}

export function ancestorsIn(tree: Tree, node: TreeNode | null): TreeNode[] {
  const chain: TreeNode[] = [];
  let current = node?.parentId ? tree.byId.get(node.parentId) : undefined;
  while (current) {
    chain.unshift(current);
    current = current.parentId ? tree.byId.get(current.parentId) : undefined;
  }
  return chain;
}

/** The translated message for a refused command. */
export function commandMessage(t: Messages, error: EditorError): string {
  const details = (error.details ?? {}) as { deleted?: boolean; count?: number };
  switch (error.code) {
    case "not_found":
      return t.editorErrNotFound;
    case "stale":
      if (details.deleted) return t.editorErrDeleted;
      if (typeof details.count === "number") return t.editorErrStaleDelete(details.count);
      return t.editorErrStale;
    case "stale_order":
      return t.editorErrStaleOrder;
    case "slug_taken":
      return t.editorErrSlugTaken;
    case "under_itself":
      return t.editorErrUnderItself;
    case "under_descendant":
      return t.editorErrUnderDescendant;
    case "unknown_parent":
      return t.editorErrUnknownParent;
    case "unknown_type":
      return t.editorErrUnknownType;
    case "nothing_to_restore":
      return t.editorErrNothingToRestore;
    case "restore_parent_missing":
      return t.editorErrRestoreParentMissing;
    case "already_present":
      return t.editorErrAlreadyPresent;
    case "not_adopted":
      return t.editorErrNotAdopted;
    case "upstream_gone":
      return t.editorErrUpstreamGone;
    case "title_same_as_source":
      return t.adoptErrSameTitle;
    default:
      return t.formInvalid;
  }
}

export const statusOf = (error: EditorError) => HTTP_STATUS[error.code];

/** Notices a page shows after a redirect (`?done=saved`): only known words, never echoed text. */
const NOTICES = {
  saved: "editorDoneSaved",
  unchanged: "editorDoneUnchanged",
  added: "editorDoneAdded",
  moved: "editorDoneMoved",
  deleted: "editorDoneDeleted",
  restored: "editorDoneRestored",
  published: "editorDonePublished",
  created: "editorDoneCreated",
  adopted: "editorDoneAdopted",
  taken: "editorDoneTaken",
  left: "editorDoneLeft",
  merged: "adoptDoneMerged",
  confirmed: "upkeepDoneConfirmed",
} as const;
export type NoticeKey = keyof typeof NOTICES;

export function noticeOf(c: EditorContext): string | undefined {
  const done = c.req.query("done") as NoticeKey | undefined;
  const key = done && Object.hasOwn(NOTICES, done) ? NOTICES[done] : undefined;
  return key ? (messages(c.var.lang)[key] as string) : undefined;
}

/** Post/redirect/get: a successful form post lands on a page that says what happened. */
export function redirectDone(c: EditorContext, path: string, done: NoticeKey, anchor?: string) {
  const separator = path.includes("?") ? "&" : "?";
  return c.redirect(`${path}${separator}done=${done}${anchor ? `#${anchor}` : ""}`, 303);
}

/** Form fields as strings (repeated names keep their last value; files are ignored). */
export async function formFields(c: EditorContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === "string") fields[key] = value;
  return fields;
}
