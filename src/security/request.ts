/** Who and where a request comes from, and the security log as handlers write to it. */
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { recordSecurityEvent, type SecurityEvent, type SecurityEventKind } from "./events.ts";

/**
 * The client's address: the socket's peer, or with TRUST_PROXY=1 the last address in
 * X-Forwarded-For (the one our own proxy appended; earlier entries are whatever the client claimed).
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.config.trustProxy) {
    const forwarded = c.req.header("x-forwarded-for");
    const last = forwarded?.split(",").at(-1)?.trim();
    if (last) return last.slice(0, 100);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}

/**
 * Records a security event for this request: the signed-in person (if any) as the actor, the
 * client address and the request id filled in.
 */
export function logSecurityEvent(
  c: Context<AppEnv>,
  kind: SecurityEventKind,
  event: Omit<SecurityEvent, "kind" | "address" | "requestId"> = {},
): Promise<void> {
  const user = c.var.user;
  return recordSecurityEvent(c.var.db, c.var.logger, {
    actor: user ? { id: user.id, label: user.email } : null,
    ...event,
    kind,
    address: clientAddress(c),
    requestId: c.var.requestId,
  });
}
