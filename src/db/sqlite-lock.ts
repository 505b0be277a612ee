/**
 * SQLite serves one server process (decision 020): each process keeps its own caches and search
 * index, and only PostgreSQL tells the others when content changes at once. So `skillshelf serve`
 * holds a lock file beside the database (`FILE.server-lock`, naming the pid, host and start time),
 * and a second server on the same file refuses to start and says why. A lock left by a server that
 * died is noticed and taken over: on this host its pid no longer runs (or is this very process, as
 * when a container restarts as pid 1); from another host (a container recreated under a new name)
 * its holder stopped touching it a minute ago. Short CLI commands (import,
 * publish, export) do not take it: they may run beside the server, which notices their writes
 * through its revision check within a second.
 */
import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { resolve } from "node:path";

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export class DatabaseInUseError extends Error {
  constructor(
    readonly lockFile: string,
    readonly owner: LockOwner,
  ) {
    super(
      `another Skillshelf server (pid ${owner.pid} on ${owner.host}, since ${owner.startedAt}) is already serving this SQLite database. ` +
        "SQLite serves one server process: stop that one first, or use PostgreSQL (DATABASE_URL=postgres://…) to run several. " +
        `If no such server is running, delete ${lockFile}.`,
    );
    this.name = "DatabaseInUseError";
  }
}

export interface ServerLock {
  file: string;
  release(): void;
}

export const lockFileOf = (databasePath: string): string => `${resolve(databasePath)}.server-lock`;

function readOwner(file: string): LockOwner | undefined {
  try {
    const value = JSON.parse(readFileSync(file, "utf8"));
    if (typeof value?.pid === "number" && typeof value?.host === "string" && typeof value?.startedAt === "string")
      return value;
  } catch {
    // unreadable or half written by hand: treated as stale below
  }
  return undefined;
}

/** The holder touches its lock this often; a lock untouched for STALE_MS is a dead server's. */
const HEARTBEAT_MS = 10_000;
const STALE_MS = 60_000;

/** Whether the server that wrote the lock still runs. */
function alive(file: string, owner: LockOwner): boolean {
  if (owner.host !== hostname()) {
    const touched = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    return Date.now() - touched < STALE_MS;
  }
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the server lock of a SQLite database file, or throws DatabaseInUseError. The lock is
 * released by `release()` and, as a last resort, when the process exits.
 */
export function lockSqliteForServer(databasePath: string): ServerLock {
  const file = lockFileOf(databasePath);
  const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  const text = JSON.stringify(owner);
  // Written whole under a private name, then linked into place: link fails if the lock exists, so
  // of two servers starting together exactly one wins, and nobody ever reads a half-written lock.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, text, { mode: 0o644 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const current = readOwner(file);
      if (current && alive(file, current)) throw new DatabaseInUseError(file, current);
      if (attempt > 0) throw new Error(`cannot take the server lock ${file}: it keeps coming back`);
      // Stale (its server died) or unreadable: remove it and try once more.
      try {
        unlinkSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  } finally {
    unlinkSync(draft);
  }

  let held = true;
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // removed by hand: nothing to keep fresh
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const release = () => {
    if (!held) return;
    held = false;
    clearInterval(heartbeat);
    process.off("exit", release);
    // Only our own lock: never one another server took over after we were thought dead.
    if (readOwner(file)?.pid === owner.pid && readOwner(file)?.startedAt === owner.startedAt) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
  };
  process.on("exit", release);
  return { file, release };
}
