/** What the accounts routes share: how pages are answered, Retry-After, cookies, better-auth's headers. */
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { clientAddress } from "../security/request.ts";
import { CLIENT_ADDRESS_HEADER } from "./session-settings.ts";

/** An accounts page: never cached anywhere, with its other-language twin. */
export { renderPrivatePage as renderPage, type Status } from "../ui/private-page.ts";

/** "Wait N minutes" from a throttle's wait, never less than one; also sets Retry-After. */
export function retryAfter(c: Context<AppEnv>, waitMs: number): number {
  c.header("retry-after", String(Math.max(1, Math.ceil(waitMs / 1000))));
  return Math.max(1, Math.ceil(waitMs / 60_000));
}

/** The request headers better-auth sees, with the client address our routes decided on. */
export function authHeaders(c: Context<AppEnv>): Headers {
  const headers = new Headers(c.req.raw.headers);
  headers.set(CLIENT_ADDRESS_HEADER, clientAddress(c));
  return headers;
}

/** A form field as a string cut to `max` (files and missing fields are empty). */
export const text = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : "");

export function appendCookies(c: Context<AppEnv>, cookies: string[]): void {
  for (const cookie of cookies) c.header("set-cookie", cookie, { append: true });
}
