/**
 * The `skillshelf` CLI as a user runs it: a child process of bin/skillshelf.js over a temporary
 * SQLite file. `export --format json` must give exactly what GET /api/v1/frameworks/:id gives.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { createApp } from "../../src/app.tsx";
import { readConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connect.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import { createLogger } from "../../src/log.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin", "skillshelf.js");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function skillshelf(args: string[], databaseUrl: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

describe("skillshelf CLI", () => {
  let dir: string;
  let dbFile: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "skillshelf-cli-"));
    dbFile = join(dir, "cli.db");
    const loaded = await skillshelf(["load-starter"], dbFile);
    assert.equal(loaded.code, 0, loaded.stderr);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test("--help lists the commands and exits 0; each command has its own --help", async () => {
    const help = await skillshelf(["--help"], dbFile);
    assert.equal(help.code, 0, help.stderr);
    for (const command of ["serve", "migrate", "load-starter", "export"])
      assert.match(help.stdout, new RegExp(`\\b${command}\\b`));
    for (const command of ["serve", "migrate", "load-starter", "export"]) {
      const own = await skillshelf([command, "--help"], dbFile);
      assert.equal(own.code, 0, `${command} --help: ${own.stderr}`);
      assert.match(own.stdout, new RegExp(`Usage: skillshelf ${command}`));
    }
  });

  test("export --format json gives the same tree as the API", async () => {
    const exported = await skillshelf(["export", "--format", "json"], dbFile);
    assert.equal(exported.code, 0, exported.stderr);
    const tree = JSON.parse(exported.stdout);

    const database = await openDatabase(dbFile);
    try {
      const app = createApp({
        config: readConfig({}),
        db: database.db,
        catalog: createCatalog(database.db),
        logger: createLogger("silent"),
      });
      const res = await app.request(`/api/v1/frameworks/${tree.slug}`);
      assert.equal(res.status, 200);
      assert.deepEqual(tree, await res.json());
      assert.equal(tree.children.length, 6);
    } finally {
      await database.close();
    }
  });

  test("export --out writes the same JSON to a file", async () => {
    const out = join(dir, "export.json");
    const written = await skillshelf(
      ["export", "--format", "json", "--framework", "public-library-staff", "--out", out],
      dbFile,
    );
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stdout, "");
    const printed = await skillshelf(["export"], dbFile);
    assert.deepEqual(JSON.parse(readFileSync(out, "utf8")), JSON.parse(printed.stdout));
  });

  test("usage errors exit 2 with a message: unknown command, unknown format, unknown option", async () => {
    const unknown = await skillshelf(["frobnicate"], dbFile);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "frobnicate"/);

    const format = await skillshelf(["export", "--format", "xml"], dbFile);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /unsupported format "xml"/);
    assert.equal(format.stdout, "");

    const option = await skillshelf(["export", "--bogus"], dbFile);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /bogus/);
  });

  test("a missing framework exits 1 with a message", async () => {
    const missing = await skillshelf(["export", "--format", "json", "--framework", "no-such-framework"], dbFile);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no-such-framework/);
    assert.equal(missing.stdout, "");

    const empty = await skillshelf(["export", "--format", "json"], join(dir, "empty.db"));
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /no framework/);
  });
});
