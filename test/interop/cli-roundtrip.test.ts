/**
 * `skillshelf export` then `skillshelf import` as a person runs them (real processes, a real SQLite
 * file): every export format imports back into its framework with nothing changed and nothing to
 * publish, and as a new framework; a CSV without a target is refused naming the framework by its
 * title; a file whose extension says nothing is read by its content; an edited file reports exactly
 * the edit.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { runSkillshelf } from "../support/cli.ts";

const TITLE = "Public Library Staff Competencies — starter edition";
const TITRE = "Compétences du personnel des bibliothèques publiques — édition de départ";

describe("skillshelf export → import, every format", () => {
  let dir: string;
  let database: string;
  const env = () => ({ DATABASE_URL: database, BASE_URL: "https://skills.example.org", LOG_LEVEL: "silent" });
  // In-process (test/support/cli.ts); test/cli/cli.test.ts runs the real binary.
  const cli = (...args: string[]) => runSkillshelf(args, env());
  const file = (name: string) => join(dir, name);
  let starterItems = 0;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "skillshelf-cli-roundtrip-"));
    database = join(dir, "skillshelf.db");
    assert.equal((await cli("load-starter")).status, 0);
    for (const format of ["json", "case", "xlsx", "csv"]) {
      // The CASE package is written under a name that says nothing of its format.
      const out = file(format === "case" ? "starter.case" : `starter.${format}`);
      const run = await cli("export", "--framework", "public-library-staff", "--format", format, "--out", out);
      assert.equal(run.status, 0, run.stderr);
    }
    starterItems = (JSON.parse(readFileSync(file("starter.case"), "utf8")).CFItems as unknown[]).length;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("each export imports back into its framework: nothing changed, nothing to publish", async () => {
    for (const name of ["starter.case", "starter.json", "starter.xlsx", "starter.csv"]) {
      const run = await cli(
        "import",
        file(name),
        "--framework",
        "public-library-staff",
        "--publish",
        "Again",
        "--publish-fr",
        "De nouveau",
      );
      assert.equal(run.status, 0, `${name}: ${run.stderr}`);
      assert.match(
        run.stdout,
        new RegExp(`updated framework “${TITLE}” \\(public-library-staff\\)\\n {2}nothing changed`),
      );
      assert.match(run.stdout, /items: 0 added, 0 updated, 0 removed, \d+ unchanged/);
      assert.match(run.stdout, /nothing to publish/, name);
      assert.doesNotMatch(run.stdout, /published as edition/);
    }
    // The files that name their framework go back to it without being told.
    const json = await cli("import", file("starter.json"), "--dry-run");
    assert.match(json.stdout, /would update framework .+\n {2}nothing changed/);
  });

  it("a CSV names no framework: without a target it is refused, naming the framework by title", async () => {
    const run = await cli("import", file("starter.csv"), "--lang", "fr");
    assert.equal(run.status, 1);
    // French typography puts narrow no-break spaces inside « » and before ":": read them as spaces.
    const stderr = run.stderr.replace(/[\u00a0\u202f]/g, " ");
    assert.match(
      stderr,
      new RegExp(`appartiennent déjà au référentiel « ${TITRE} » \\(public-library-staff\\) : \\d+ en tout`),
    );
    assert.equal(
      run.stderr.split("\n").filter((l) => l.startsWith("error")).length,
      1,
      "one problem, not one per item",
    );
  });

  it("each export imports as a new framework with new identifiers", async () => {
    for (const format of ["case", "json", "xlsx", "csv"]) {
      const name = format === "case" ? "starter.case" : `starter.${format}`;
      const run = await cli("import", file(name), "--as-new", `copy-${format}`, "--json");
      assert.equal(run.status, 0, `${format}: ${run.stderr}`);
      const report = JSON.parse(run.stdout).changes;
      assert.equal(report.created, true);
      assert.equal(report.slug, `copy-${format}`);
      assert.ok(report.items.added > 1000);
      assert.equal(report.items.added, starterItems);
    }
    const again = await cli("import", file("starter.json"), "--as-new", "copy-json");
    assert.equal(again.status, 1, "a short name is used once");
    assert.match(again.stderr, /already the framework/);
    assert.equal((await cli("import", file("starter.json"), "--as-new", "Not A Slug")).status, 2);
  });

  it("an edited CSV reports exactly the edit, field by field", async () => {
    const rows = parse(readFileSync(file("starter.csv")), { bom: true }) as string[][];
    assert.equal(rows[0][5], "statement_en");
    const id = rows[1][0];
    rows[1][5] = "An edited statement";
    writeFileSync(file("edited.csv"), stringify(rows, { bom: true, record_delimiter: "windows" }));
    const run = await cli("import", file("edited.csv"), "--framework", "public-library-staff", "--dry-run", "--json");
    assert.equal(run.status, 0, run.stderr);
    const { changes } = JSON.parse(run.stdout);
    assert.deepEqual(changes.items, { added: 0, updated: 1, removed: 0, unchanged: starterItems - 1 });
    assert.deepEqual(
      changes.changes.map((c: { id: string; fields: { field: string; after: unknown }[] }) => [
        c.id,
        c.fields.map((f) => [f.field, f.after]),
      ]),
      [[id, [["statement.en", "An edited statement"]]]],
    );
    const text = await cli("import", file("edited.csv"), "--framework", "public-library-staff", "--dry-run");
    assert.match(text.stdout, /changes:\n {4}item “.+” \(.+\): statement.en ".+" → "An edited statement"/);
  });
});
