/**
 * The change bus: tells this process, at once, that content changed in another process over the same
 * PostgreSQL (decision 020). A trigger on the content revision counter (migration 009) sends
 * `NOTIFY skillshelf_changes` inside the writing transaction, so listeners hear of a publish, import,
 * restore or editor save only once it is committed, and no writer can forget to send it.
 *
 * One dedicated connection LISTENs (a pooled one would be handed to queries and lose it). When that
 * connection fails the bus says so (`live()` turns false), retries with a growing delay, and on
 * reconnecting reports one change, since notifications sent meanwhile are lost. Readers never depend
 * on it alone: the catalog still checks the revision counter about once a second, so SQLite (which
 * has no notifications) and a bus that is down only make changes arrive a little later.
 */
import type { Logger } from "../log.ts";
import { CHANGE_CHANNEL } from "./migrations/009_several_processes.ts";

export { CHANGE_CHANNEL };

export interface ChangeBus {
  /** Whether notifications are arriving now (false while connecting or reconnecting). */
  live(): boolean;
  /** Calls `listener` whenever content changed (or may have: after a reconnection). Returns an unsubscribe. */
  onChange(listener: (revision: number | undefined) => void): () => void;
  /** Stops listening and retrying. */
  close(): Promise<void>;
}

/** One listening connection, as the bus needs it (pg in production, PGlite in tests). */
export interface Subscription {
  /** The schema whose changes this process cares about (the connection's `current_schema()`). */
  schema: string;
  close(): Promise<void>;
}

export interface SubscriptionHandlers {
  onPayload(payload: string): void;
  /** The connection broke: the bus forgets this subscription and opens another. */
  onLost(error: unknown): void;
}

export type Subscribe = (handlers: SubscriptionHandlers) => Promise<Subscription>;

/**
 * The payload is `<schema> <revision>`: Skillshelfs sharing a database in different schemas (tests
 * do) share the channel too, so each keeps only its own schema's changes.
 */
export function parseChangePayload(payload: string): { schema: string; revision: number | undefined } | undefined {
  const match = /^(\S+) (\d{1,15})$/.exec(payload);
  if (!match) return undefined;
  return { schema: match[1] as string, revision: Number(match[2]) };
}

export interface ChangeBusOptions {
  logger?: Logger;
  /** First delay before reconnecting; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
}

export function createChangeBus(subscribe: Subscribe, options: ChangeBusOptions = {}): ChangeBus {
  const retryMs = options.retryMs ?? 500;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  const listeners = new Set<(revision: number | undefined) => void>();
  let current: Subscription | undefined;
  let closed = false;
  let delay = retryMs;
  let timer: NodeJS.Timeout | undefined;
  let everConnected = false;

  const emit = (revision: number | undefined) => {
    for (const listener of listeners) {
      try {
        listener(revision);
      } catch (error) {
        options.logger?.error({ err: error }, "change listener failed");
      }
    }
  };

  const retry = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, maxRetryMs);
  };

  async function connect(): Promise<void> {
    if (closed) return;
    let lost = false;
    let subscription: Subscription | undefined;
    try {
      subscription = await subscribe({
        onPayload(payload) {
          const change = parseChangePayload(payload);
          if (!change || (subscription && change.schema !== subscription.schema)) return;
          emit(change.revision);
        },
        onLost(error) {
          if (lost) return;
          lost = true;
          if (current === subscription) current = undefined;
          options.logger?.warn(
            { err: error },
            "change notifications lost; reconnecting (pages still refresh within seconds)",
          );
          subscription?.close().catch(() => undefined);
          retry();
        },
      });
    } catch (error) {
      options.logger?.warn({ err: error }, "cannot listen for changes yet; retrying");
      retry();
      return;
    }
    if (closed || lost) {
      await subscription.close().catch(() => undefined);
      return;
    }
    current = subscription;
    delay = retryMs;
    // Whatever was committed while nobody listened went unheard: look again once.
    if (everConnected) emit(undefined);
    everConnected = true;
  }

  void connect();

  return {
    live: () => current !== undefined,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      const subscription = current;
      current = undefined;
      await subscription?.close().catch(() => undefined);
    },
  };
}

/** Listens with its own `pg` client on the database (and schema) `url` names. */
export function pgSubscribe(url: string): Subscribe {
  return async (handlers) => {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url, keepAlive: true });
    client.on("error", (error) => handlers.onLost(error));
    client.on("end", () => handlers.onLost(new Error("the listening connection ended")));
    client.on("notification", (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload !== undefined) handlers.onPayload(message.payload);
    });
    try {
      await client.connect();
      const { rows } = await client.query<{ schema: string }>("select current_schema() as schema");
      await client.query(`listen ${CHANGE_CHANNEL}`);
      return {
        schema: rows[0]?.schema ?? "public",
        close: async () => {
          client.removeAllListeners("end");
          client.removeAllListeners("error");
          client.on("error", () => undefined);
          await client.end();
        },
      };
    } catch (error) {
      client.removeAllListeners("end");
      client.removeAllListeners("error");
      client.on("error", () => undefined);
      await client.end().catch(() => undefined);
      throw error;
    }
  };
}
