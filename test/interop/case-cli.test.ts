/** `skillshelf import` and `skillshelf export` as a person runs them: real processes, a real SQLite file. */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { syntheticCasePackage } from "../../bench/case/synthetic.ts";
import { runSkillshelf } from "../support/cli.ts";
import { caseSkip, MALFORMED, validatePackage } from "./case-support.ts";

const samples = fileURLToPath(new URL("../../../shared/case/samples/", import.meta.url));

describe("skillshelf import / export (CASE)", () => {
  let dir: string;
  let database: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "skillshelf-case-cli-"));
    database = join(dir, "skillshelf.db");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const env = () => ({ DATABASE_URL: database, BASE_URL: "https://skills.example.org", LOG_LEVEL: "silent" });
  // In-process (test/support/cli.ts); test/cli/cli.test.ts runs the real binary.
  const cli = (...args: string[]) => runSkillshelf(args, env());

  it("refuses a file over the 200 MB default at once, without reading it", async () => {
    const big = join(dir, "big.json");
    writeFileSync(big, "");
    truncateSync(big, 201_000_000); // sparse: nothing is written, nothing could be read quickly
    const run = await cli("import", big);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /201 MB; CASE packages of at most 200 MB/);
    assert.match(run.stderr, /nothing was imported/);
    assert.equal(existsSync(database), false, "no database was even created");
  });

  it("guesses the format from the extension and refuses what it cannot tell", async () => {
    const odd = join(dir, "framework.bin");
    writeFileSync(odd, "{}");
    const run = await cli("import", odd);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cannot tell the format/);
  });

  it("reports the malformed sample with JSON pointers and writes nothing", { skip: caseSkip }, async () => {
    const run = await cli("import", join(samples, MALFORMED), "--lang", "fr");
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      /error at \/CFItems\/0\/identifier: Le champ obligatoire «\s?identifier\s?» est absent ou vide\./,
    );
    assert.match(run.stderr, /\/CFAssociations\/0\/originNodeURI/);
    assert.equal(existsSync(database), false);
  });

  it("prints the parsed tree and its problems with --dry-run --json, writing nothing", async () => {
    const file = join(dir, "small.json");
    writeFileSync(file, syntheticCasePackage(30, { seed: "cli:" }));
    const run = await cli("import", file, "--dry-run", "--json");
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.equal(json.type, "framework");
    assert.equal(json.children.length, 10);
    assert.deepEqual(json.problems, []);
    assert.equal(json.case.associations, 31);
    assert.equal(existsSync(database), false, "a dry run creates no database");
  });

  it("reads pasted text as an area of a new framework (dry run)", async () => {
    const file = join(dir, "area.txt");
    writeFileSync(
      file,
      "Community Relations\n\nCompetency: Builds partnerships with local groups.\nAssociated Knowledge, Skills and Abilities\n- Knows the community and its organisations.\n- Plans outreach with partners.\n",
    );
    const run = await cli("import", file, "--dry-run", "--json", "--title", "Pasted");
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(json.title, { en: "Pasted", fr: null });
    const [area] = json.children;
    assert.equal(area.children.length, 1);
    assert.equal(area.children[0].children.length, 2);
    assert.equal((await cli("import", file)).status, 2, "a real import needs --framework or --title");
  });

  it("imports, publishes, re-imports in place and exports a strictly valid package", async () => {
    const file = join(dir, "small-again.json");
    writeFileSync(file, syntheticCasePackage(30, { seed: "cli:" }));
    const english = await cli("import", file, "--publish", "First import");
    assert.equal(english.status, 2, "an edition's summary is needed in French too");
    assert.match(english.stderr, /--publish needs --publish-fr/);
    const first = await cli("import", file, "--publish", "First import", "--publish-fr", "Première importation");
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /created framework “.+” \(.+\)\n {2}items: 30 added, 0 updated, 0 removed, 0 unchanged/);
    assert.match(first.stdout, /published as edition 1/);

    const dry = await cli("import", file, "--dry-run", "--json");
    assert.equal(dry.status, 0, dry.stderr);
    assert.deepEqual(JSON.parse(dry.stdout).changes.items, { added: 0, updated: 0, removed: 0, unchanged: 30 });

    const again = await cli("import", file);
    assert.match(
      again.stdout,
      /updated framework “.+” \(.+\)\n {2}nothing changed\n {2}items: 0 added, 0 updated, 0 removed, 30 unchanged/,
    );

    const slug = /framework “.+” \(([^)]+)\)/.exec(first.stdout)?.[1] as string;
    const out = join(dir, "export.json");
    const exported = await cli("export", "--framework", slug, "--format", "case", "--out", out);
    assert.equal(exported.status, 0, exported.stderr);
    const pkg = JSON.parse(readFileSync(out, "utf8"));
    assert.equal(pkg.CFItems.length, 30);
    assert.equal(pkg.CFDocument.version, "1", "the published edition's number is its version");
    if (!caseSkip) assert.ok(validatePackage(pkg).ok, validatePackage(pkg).errors);

    const csv = await cli("export", "--framework", slug, "--format", "csv");
    assert.equal(csv.status, 0, csv.stderr);
    assert.ok(csv.stdout.split("\n").length > 30);
  });
});
