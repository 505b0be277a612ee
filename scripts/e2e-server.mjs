#!/usr/bin/env node
// The server the browser tests run against (started by Playwright's `webServer`, see
// playwright.config.ts): the real app, `skillshelf serve`, on a fresh SQLite file, so every run
// starts from the starter framework exactly as a newcomer's first start does.
//
//   E2E_DATABASE  the SQLite file to delete and recreate (default: <tmp>/skillshelf-e2e/e2e.db)
//   PORT, BASE_URL, LOG_LEVEL are passed through to the server.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const database = resolve(process.env.E2E_DATABASE ?? join(tmpdir(), "skillshelf-e2e", "e2e.db"));

mkdirSync(dirname(database), { recursive: true });
// WAL mode leaves two companion files; a stale one would replay an old run's writes.
for (const file of [database, `${database}-wal`, `${database}-shm`, `${database}-journal`])
  rmSync(file, { force: true });

const server = spawn(process.execPath, ["--import", "tsx", join(root, "src", "cli", "main.ts"), "serve"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: database, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
});

// Playwright stops the web server with a signal: pass it on so the app closes its database cleanly.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => {
  rmSync(database, { force: true });
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${database}${suffix}`, { force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
