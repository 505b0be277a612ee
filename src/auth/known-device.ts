/**
 * Known browsers, so that guessing at an account cannot lock its owner out.
 *
 * A browser that signs in to an account with the right password gets a long-lived cookie naming a
 * random device id, with an HMAC binding it to that account's email (under a key derived from the
 * auth secret). Its later attempts at that account are counted on their own key
 * ("device:<email>:<id>") instead of the account's shared one, so strangers' wrong guesses slow only
 * strangers. Someone without the password can neither get nor forge the cookie; someone who stole it
 * still has to guess the password, on a key of their own, throttled like the others.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { AppEnv } from "../app-env.ts";
import { clientAddress } from "../security/request.ts";
import { THROTTLE_RULES, type ThrottleKey } from "./throttle.ts";

const MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

function cookieName(https: boolean): string {
  return `${https ? "__Host-" : ""}skillshelf.known_device`;
}

function mac(secret: string, email: string, id: string): string {
  const key = createHmac("sha256", secret).update("skillshelf known device v1").digest();
  return createHmac("sha256", key).update(`${email.toLowerCase()}\n${id}`).digest("base64url");
}

/** The device id this request's cookie proves for this email, if any. */
export function knownDeviceId(c: Context<AppEnv>, secret: string, email: string): string | undefined {
  const value = getCookie(c, cookieName(c.var.config.baseUrl.startsWith("https:")));
  const [id, signature] = value?.split(".") ?? [];
  if (!id || !signature || !/^[A-Za-z0-9_-]{22}$/.test(id)) return undefined;
  const expected = Buffer.from(mac(secret, email, id));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
}

/** The Set-Cookie that marks this browser as known for this email (a fresh id each sign-in). */
export function knownDeviceCookie(c: Context<AppEnv>, secret: string, email: string): string {
  const https = c.var.config.baseUrl.startsWith("https:");
  const id = randomBytes(16).toString("base64url");
  return `${cookieName(https)}=${id}.${mac(secret, email, id)}; Max-Age=${MAX_AGE_SECONDS}; Path=/; HttpOnly; SameSite=Lax${https ? "; Secure" : ""}`;
}

/** Everything from one client address shares this key, whatever the account. */
export function addressKey(c: Context<AppEnv>): ThrottleKey {
  return { key: `address:${clientAddress(c)}`, rule: THROTTLE_RULES.address };
}

/**
 * The throttle keys of an attempt at this account's password: always the client address; then the
 * account itself, or this browser's own key when it is known for the account.
 */
export function passwordAttemptKeys(c: Context<AppEnv>, email: string, deviceId: string | undefined): ThrottleKey[] {
  const account = email.trim().toLowerCase();
  return [
    addressKey(c),
    deviceId
      ? { key: `device:${account}:${deviceId}`, rule: THROTTLE_RULES.knownDevice }
      : { key: `account:${account}`, rule: THROTTLE_RULES.account },
  ];
}
