/**
 * `skillshelf people import FILE --org SLUG`, run in-process against a SQLite file: dry run, import,
 * errors by row and column (nothing written), column choices, JSON report.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { openDatabase } from "../../src/db/connect.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { runSkillshelf } from "../support/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "skillshelf-people-cli-"));
const databaseUrl = join(dir, "skillshelf.db");
const env = { DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" };

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function staff(): Promise<
  { employee_number: string; family_name: string; manager_id: string | null; status: string }[]
> {
  const database = await openDatabase(databaseUrl);
  try {
    return await database.db
      .selectFrom("people")
      .select(["employee_number", "family_name", "manager_id", "status"])
      .orderBy("employee_number")
      .execute();
  } finally {
    await database.close();
  }
}

describe("skillshelf people import", () => {
  before(async () => {
    const database = await openDatabase(databaseUrl);
    await migrateToLatest(database.db);
    const at = new Date().toISOString();
    await database.db
      .insertInto("organisations")
      .values({
        id: "org-1",
        slug: "ottawa",
        name_en: "Ottawa",
        name_fr: "Ottawa",
        default_lang: "en",
        settings: "{}",
        created_at: at,
        updated_at: at,
      })
      .execute();
    await database.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const good = () =>
    file("staff.csv", "\uFEFFEmployee ID;First name;Last name;Reports to\n10;Ada;Byron;\n11;Alan;Turing;10\n");

  it("--dry-run --json reports what would change and writes nothing", async () => {
    const run = await runSkillshelf(["people", "import", good(), "--org", "ottawa", "--dry-run", "--json"], env);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.equal(report.applied, false);
    assert.equal(report.counts.creates, 2);
    assert.deepEqual(report.errors, []);
    assert.deepEqual(await staff(), []);
  });

  it("imports, then reports the same file as unchanged", async () => {
    const first = await runSkillshelf(["people", "import", good(), "--org", "ottawa"], env);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Imported: 2 people added/);
    const rows = await staff();
    assert.deepEqual(
      rows.map((r) => r.employee_number),
      ["10", "11"],
    );
    assert.ok(rows[1].manager_id);
    const again = await runSkillshelf(["people", "import", good(), "--org", "ottawa", "--json"], env);
    assert.equal(JSON.parse(again.stdout).counts.unchanged, 2);
  });

  it("a file with errors is not imported: each error names its row and column, exit 1", async () => {
    const bad = file("bad.csv", "Employee ID,First name,Last name,Reports to\n12,Grace,Hopper,99\n13,,Lovelace,\n");
    const run = await runSkillshelf(["people", "import", bad, "--org", "ottawa"], env);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /row 2, column "Reports to": No one has the employee number 99/);
    assert.match(run.stderr, /row 3, column "First name": This cell is empty/);
    assert.equal((await staff()).length, 2);
  });

  it("--map reads a field from another column; --mark-left marks the missing", async () => {
    const other = file("other.csv", "Employee ID,First name,Last name,Maiden name\n10,Ada,Byron,King\n");
    const run = await runSkillshelf(
      ["people", "import", other, "--org", "ottawa", "--map", "familyName=Maiden name", "--mark-left"],
      env,
    );
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      (await staff()).map((r) => [r.employee_number, r.family_name, r.status]),
      [
        ["10", "King", "active"],
        ["11", "Turing", "left"],
      ],
    );
  });

  it("bad arguments are usage errors (exit 2)", async () => {
    assert.equal((await runSkillshelf(["people", "import", good()], env)).status, 2);
    assert.equal((await runSkillshelf(["people", "import", good(), "--org", "nowhere"], env)).status, 2);
    assert.equal((await runSkillshelf(["people", "export", good(), "--org", "ottawa"], env)).status, 2);
    assert.equal(
      (await runSkillshelf(["people", "import", good(), "--org", "ottawa", "--map", "shoe=size"], env)).status,
      2,
    );
  });
});
