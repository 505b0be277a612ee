/**
 * The security log: what happened to accounts and sessions, by whom, from where, under which
 * request id. Each event is written where it happens, both as a row of `security_events` (which
 * administrators read at /{lang}/admin/security-log) and as a pino line on stdout (for the host's
 * log collection). Never a password, a token or a code: only who, what, when, where.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { DB } from "../db/schema.ts";
import { keptFieldsOrNone } from "../db/stored-json.ts";

export const SECURITY_EVENT_KINDS = [
  "sign_in.succeeded",
  "sign_in.failed",
  "sign_in.throttled",
  "sign_in.disabled_account",
  "sign_in.second_factor_required",
  "second_factor.succeeded",
  "second_factor.failed",
  "second_factor.throttled",
  "second_factor.enabled",
  "second_factor.disabled",
  "second_factor.codes_renewed",
  "sign_out",
  "sign_out.everywhere",
  "session.ended",
  "password.changed",
  "password.change_failed",
  "password.change_throttled",
  "password.confirm_failed",
  "invitation.issued",
  "invitation.accepted",
  "user.created",
  "user.role_changed",
  "user.disabled",
  "user.enabled",
  "request.refused_cross_site",
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

/** Failures and refusals are warnings in the process log; everything else is information. */
const WARNINGS = new Set<SecurityEventKind>([
  "sign_in.failed",
  "sign_in.throttled",
  "sign_in.disabled_account",
  "second_factor.failed",
  "second_factor.throttled",
  "password.change_failed",
  "password.change_throttled",
  "password.confirm_failed",
  "request.refused_cross_site",
]);

export interface SecurityEvent {
  kind: SecurityEventKind;
  actor?: { id: string; label: string } | null;
  subject?: { id?: string | null; label?: string | null } | null;
  address?: string | null;
  requestId?: string | null;
  detail?: Record<string, string | number | boolean | null>;
}

export interface StoredSecurityEvent {
  id: string;
  at: string;
  kind: SecurityEventKind;
  actorId: string | null;
  actorLabel: string | null;
  subjectId: string | null;
  subjectLabel: string | null;
  address: string | null;
  requestId: string | null;
  detail: Record<string, unknown>;
}

/**
 * Refusals anyone can provoke without limit: always in the process log, but stored at most once a
 * minute per kind and address, so a flood cannot fill the table.
 */
const NOISY = new Set<SecurityEventKind>([
  "sign_in.throttled",
  "second_factor.throttled",
  "password.change_throttled",
  "request.refused_cross_site",
]);
const SAMPLE_MS = 60_000;
/** Per database (each installation, or each test's database, samples on its own). */
const lastStoredBy = new WeakMap<Kysely<DB>, Map<string, number>>();

function shouldStore(db: Kysely<DB>, event: SecurityEvent, now: number): boolean {
  if (!NOISY.has(event.kind)) return true;
  const lastStored = lastStoredBy.get(db) ?? new Map<string, number>();
  lastStoredBy.set(db, lastStored);
  const key = `${event.kind} ${event.address ?? ""}`;
  const last = lastStored.get(key);
  if (last !== undefined && now - last < SAMPLE_MS) return false;
  lastStored.delete(key);
  lastStored.set(key, now);
  if (lastStored.size > 10_000) lastStored.delete(lastStored.keys().next().value as string);
  return true;
}

const cut = (value: string | null | undefined, max: number) => (value == null ? null : value.slice(0, max));

/**
 * Writes the event to the table and the process log. A failure to write the row is logged, never
 * thrown: the action it records has already happened and must not turn into a 500.
 */
export async function recordSecurityEvent(
  db: Kysely<DB>,
  logger: Logger | undefined,
  event: SecurityEvent,
  now: Date = new Date(),
): Promise<void> {
  const row = {
    id: randomUUID(),
    at: now.toISOString(),
    kind: event.kind,
    actor_id: event.actor?.id ?? null,
    actor_label: cut(event.actor?.label, 254),
    subject_id: cut(event.subject?.id, 36),
    subject_label: cut(event.subject?.label, 254),
    address: cut(event.address, 100),
    request_id: cut(event.requestId, 100),
    detail: event.detail ? JSON.stringify(event.detail).slice(0, 2000) : null,
  };
  const line = {
    security: {
      kind: row.kind,
      actor: row.actor_id,
      subject: row.subject_id,
      subjectLabel: row.subject_label,
      address: row.address,
      detail: event.detail,
    },
    requestId: row.request_id,
  };
  if (WARNINGS.has(event.kind)) logger?.warn(line, "security event");
  else logger?.info(line, "security event");
  try {
    if (!shouldStore(db, event, now.getTime())) return;
    await db.insertInto("security_events").values(row).execute();
  } catch (error) {
    logger?.error({ err: error, requestId: row.request_id }, "security event not stored");
  }
}

export interface EventPage {
  events: StoredSecurityEvent[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next?: string;
}

/** Newest first, `limit` at a time; `before` is the cursor of the previous page. */
export async function listSecurityEvents(
  db: Kysely<DB>,
  options: { limit?: number; before?: string; kind?: SecurityEventKind; subjectId?: string } = {},
): Promise<EventPage> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  let query = db.selectFrom("security_events").selectAll().orderBy("at", "desc").orderBy("id", "desc");
  const cursor = options.before ? decodeCursor(options.before) : undefined;
  if (cursor)
    query = query.where((eb) =>
      eb.or([eb("at", "<", cursor.at), eb.and([eb("at", "=", cursor.at), eb("id", "<", cursor.id)])]),
    );
  if (options.kind) query = query.where("kind", "=", options.kind);
  if (options.subjectId) query = query.where("subject_id", "=", options.subjectId);
  const rows = await query.limit(limit + 1).execute();
  const events = rows.slice(0, limit).map((row) => ({
    id: row.id,
    at: row.at,
    kind: row.kind as SecurityEventKind,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    subjectId: row.subject_id,
    subjectLabel: row.subject_label,
    address: row.address,
    requestId: row.request_id,
    detail: parseDetail(row.detail),
  }));
  const last = events.at(-1);
  return { events, next: rows.length > limit && last ? encodeCursor(last) : undefined };
}

function parseDetail(text: string | null): Record<string, unknown> {
  // The log must show every event, so a detail that cannot be read shows as none.
  return keptFieldsOrNone(text);
}

function encodeCursor(event: { at: string; id: string }): string {
  return Buffer.from(`${event.at}|${event.id}`).toString("base64url");
}

/** A cursor we did not make is ignored (the first page is shown), never an error. */
function decodeCursor(cursor: string): { at: string; id: string } | undefined {
  if (cursor.length > 200) return undefined;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return { at, id };
}

export function isSecurityEventKind(value: unknown): value is SecurityEventKind {
  return (SECURITY_EVENT_KINDS as readonly unknown[]).includes(value);
}
