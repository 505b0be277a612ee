/**
 * Start-up as users and operators run it: `skillshelf` (bin/skillshelf.js) builds dist/ when it is
 * missing or older than the sources, then runs the compiled code; the compiled server finds its
 * stylesheets, scripts and starter framework, and the compiled CLI reads uploads in its worker.
 */
import assert from "node:assert/strict";
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** A variable, so TypeScript does not look for the plain JavaScript module's types. */
const BUILD_SCRIPT = "../../scripts/build.mjs";
const { staleReason } = (await import(BUILD_SCRIPT)) as { staleReason(root?: string): string | undefined };

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "skillshelf-compiled-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe("the staleness check", () => {
  /** A project folder with a source file and a build stamp, each with the given age in seconds. */
  function project(sourceAge: number, buildAge: number | undefined, withSources = true): string {
    const root = mkdtempSync(join(dir, "project-"));
    const now = Date.now() / 1000;
    if (withSources) {
      mkdirSync(join(root, "src", "cli"), { recursive: true });
      writeFileSync(join(root, "src", "cli", "main.ts"), "");
      for (const path of [join(root, "src", "cli", "main.ts"), join(root, "src", "cli"), join(root, "src")])
        utimesSync(path, now - sourceAge, now - sourceAge);
    }
    if (buildAge !== undefined) {
      mkdirSync(join(root, "dist"));
      writeFileSync(join(root, "dist", "build.json"), "{}");
      utimesSync(join(root, "dist", "build.json"), now - buildAge, now - buildAge);
    }
    return root;
  }

  test("no build yet, a source newer than the build, an up-to-date build, a build without sources", () => {
    assert.equal(staleReason(project(100, undefined)), "no build yet");
    assert.match(staleReason(project(10, 100)) ?? "", /^src changed since the last build$/);
    assert.equal(staleReason(project(100, 10)), undefined);
    assert.equal(staleReason(project(0, 10, false)), undefined, "an image without sources runs the build it has");
  });
});

describe("the compiled command and server", () => {
  let server: ChildProcess | undefined;
  after(() => {
    server?.kill("SIGTERM");
  });

  test("skillshelf --help builds when needed, then answers from dist/", { timeout: 120_000 }, async () => {
    const help = await run(["bin/skillshelf.js", "--help"]);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^Usage: skillshelf <command>/);
    assert.match(help.stdout, /backup {8}copy the database/);
    const check = await run(["scripts/build.mjs", "--check"]);
    assert.equal(check.code, 0, check.stdout);
    assert.match(check.stdout, /up to date/);
  });

  test("the compiled server serves the area page, its stylesheet and /readyz", { timeout: 120_000 }, async () => {
    const child = spawn(process.execPath, ["dist/cli.js", "serve"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATABASE_URL: join(dir, "serve.db"), LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server = child;
    let output = "";
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout?.on("data", (chunk) => {
        output += chunk;
        const found = /"url":"http:\/\/localhost:(\d+)"/.exec(output)?.[1];
        if (found) resolve(Number(found));
      });
      child.stderr?.on("data", (chunk) => {
        output += chunk;
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    const origin = `http://127.0.0.1:${port}`;
    const page = await fetch(`${origin}/en/frameworks/public-library-staff/items/ML.CR`);
    assert.equal(page.status, 200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    assert.ok(
      assets.some((a) => a.includes(".css")),
      "the page links its stylesheet",
    );
    for (const asset of assets) {
      const response = await fetch(`${origin}${asset.replaceAll("&amp;", "&")}`);
      assert.equal(response.status, 200, asset);
      assert.ok((await response.arrayBuffer()).byteLength > 0, asset);
    }
    assert.equal((await fetch(`${origin}/readyz`)).status, 200);
    child.kill("SIGTERM");
    assert.equal(await new Promise((resolve) => child.once("exit", resolve)), 0);
    server = undefined;
  });

  test("the compiled CLI reads a spreadsheet in its worker thread", { timeout: 120_000 }, async () => {
    const env = { DATABASE_URL: join(dir, "cli.db") };
    const loaded = await run(["dist/cli.js", "load-starter"], env);
    assert.equal(loaded.code, 0, loaded.stderr);
    const sheet = join(dir, "starter.xlsx");
    const exported = await run(["dist/cli.js", "export", "--format", "xlsx", "--out", sheet], env);
    assert.equal(exported.code, 0, exported.stderr);
    const imported = await run(["dist/cli.js", "import", sheet, "--dry-run"], env);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /dry run: nothing was written/);
    assert.match(imported.stdout, /items: 0 added, 0 updated, 0 removed, \d+ unchanged/);
  });
});
