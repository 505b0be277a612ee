/**
 * Why an editor command refused, as stable codes. Routes turn them into translated messages and
 * HTTP statuses; "not yours" and "not there" are both `not_found`.
 */
export type EditorErrorCode =
  | "not_found"
  | "stale"
  | "invalid"
  | "slug_taken"
  | "under_itself"
  | "under_descendant"
  | "unknown_parent"
  | "unknown_type"
  | "stale_order"
  | "nothing_to_restore"
  | "restore_parent_missing"
  | "already_present"
  | "not_adopted"
  | "upstream_gone"
  | "title_same_as_source";

export class EditorError extends Error {
  constructor(
    readonly code: EditorErrorCode,
    /** Extra facts the message shows (e.g. what changed meanwhile). */
    readonly details?: unknown,
  ) {
    super(code);
    this.name = "EditorError";
  }
}

export const HTTP_STATUS: Record<EditorErrorCode, 400 | 404 | 409 | 422> = {
  not_found: 404,
  stale: 409,
  stale_order: 409,
  already_present: 409,
  slug_taken: 409,
  invalid: 422,
  under_itself: 422,
  under_descendant: 422,
  unknown_parent: 422,
  unknown_type: 422,
  nothing_to_restore: 409,
  restore_parent_missing: 409,
  not_adopted: 404,
  upstream_gone: 409,
  title_same_as_source: 422,
};

export const isEditorError = (error: unknown): error is EditorError => error instanceof EditorError;
