/**
 * Errors of the JSON API: a stable machine-readable `error` id plus a message in the caller's
 * language (Accept-Language). Clients branch on `error`, people read `message`.
 */
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { messages } from "../i18n/index.ts";

export type ApiErrorId = "not_found" | "bad_request";

export interface ApiErrorBody {
  error: ApiErrorId;
  message: string;
}

const statusOf: Record<ApiErrorId, 400 | 404> = { not_found: 404, bad_request: 400 };

export function apiError(c: Context<AppEnv>, error: ApiErrorId, message: string) {
  const body: ApiErrorBody = { error, message };
  c.header("vary", "Accept-Language");
  return c.json(body, statusOf[error]);
}

/** Unknown and unpublished frameworks answer the same way, so drafts cannot be probed. */
export function frameworkNotFound(c: Context<AppEnv>) {
  return apiError(c, "not_found", messages(c.var.lang).apiFrameworkNotFound);
}
