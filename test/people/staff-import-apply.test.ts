/**
 * The staff import written to the database, on every test dialect: all or nothing, upsert by
 * employee number, managers linked, people marked as left, change records in one batch per import.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.ts";
import { importStaff, planFingerprint, type StaffImportRequest } from "../../src/people/staff-import/apply.ts";
import { guessMapping } from "../../src/people/staff-import/columns.ts";
import { readStaffFile } from "../../src/people/staff-import/read.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { eightAtOnce, ROUNDS } from "../support/parallel.ts";

const NOW = new Date("2026-11-30T12:00:00Z");

/** An organisation inserted directly (this part does not own the organisations store). */
async function insertOrganisation(db: Kysely<DB>, slug: string, lang: "en" | "fr" = "en"): Promise<string> {
  const id = randomUUID();
  const at = NOW.toISOString();
  await db
    .insertInto("organisations")
    .values({
      id,
      slug,
      name_en: slug,
      name_fr: slug,
      default_lang: lang,
      settings: "{}",
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

const csv = (text: string) => new TextEncoder().encode(text);

async function request(organisationId: string, text: string, options: Partial<StaffImportRequest> = {}) {
  const table = await readStaffFile(csv(text));
  return {
    organisationId,
    table,
    mapping: guessMapping(table.headers),
    markMissingAsLeft: false,
    createUnits: true,
    actor: { id: null, label: "command line" },
    dryRun: false,
    now: NOW,
    ...options,
  } satisfies StaffImportRequest;
}

const people = (db: Kysely<DB>, organisationId: string) =>
  db
    .selectFrom("people as p")
    .leftJoin("people as m", "m.id", "p.manager_id")
    .leftJoin("units as u", "u.id", "p.unit_id")
    .select([
      "p.employee_number",
      "p.given_name",
      "p.email",
      "p.status",
      "p.status_since",
      "m.employee_number as manager",
      "u.name_en as unit",
    ])
    .where("p.organisation_id", "=", organisationId)
    .orderBy("p.employee_number")
    .execute();

const FILE = `Matricule;Prénom;Nom;Courriel;Unité;Gestionnaire;Statut
3;Chloé;Roy;CHLOE@LIB.EXAMPLE;Succursale Nord;2;Actif
1;Marc;Côté;;Administration;;Actif
2;Inès;Tremblay;ines@lib.example;Administration;1;En congé
`;

for (const dialect of testDialects()) {
  describe(`staff import into the database (${dialect})`, () => {
    let db: Kysely<DB>;
    let close: () => Promise<void>;
    before(async () => {
      const database = await openTestDatabase(dialect, { starter: false });
      db = database.db;
      close = database.close;
    });
    after(() => close());

    it("creates people with managers and units, then updates only what changed, in one batch per import", async () => {
      const org = await insertOrganisation(db, "biblio", "fr");
      const other = await insertOrganisation(db, "other");
      await importStaff(db, await request(other, "Employee ID,First name,Last name\n1,Someone,Else\n"));

      const dry = await importStaff(db, await request(org, FILE, { dryRun: true }));
      assert.equal(dry.applied, false);
      assert.equal(dry.plan.counts.creates, 3);
      assert.deepEqual(await people(db, org), []);

      const first = await importStaff(db, await request(org, FILE));
      assert.equal(first.applied, true);
      assert.deepEqual(await people(db, org), [
        {
          employee_number: "1",
          given_name: "Marc",
          email: null,
          status: "active",
          status_since: null,
          manager: null,
          unit: "Administration",
        },
        {
          employee_number: "2",
          given_name: "Inès",
          email: "ines@lib.example",
          status: "on_leave",
          status_since: "2026-11-30",
          manager: "1",
          unit: "Administration",
        },
        {
          employee_number: "3",
          given_name: "Chloé",
          email: "chloe@lib.example",
          status: "active",
          status_since: null,
          manager: "2",
          unit: "Succursale Nord",
        },
      ]);
      const units = await db
        .selectFrom("units")
        .select("name_en")
        .where("organisation_id", "=", org)
        .orderBy("ordinal")
        .execute();
      assert.deepEqual(
        units.map((u) => u.name_en),
        ["Succursale Nord", "Administration"],
      );
      const firstChanges = await db
        .selectFrom("organisation_changes")
        .selectAll()
        .where("organisation_id", "=", org)
        .execute();
      assert.equal(firstChanges.length, 5); // 2 units, 3 people
      assert.ok(
        firstChanges.every(
          (c) => c.batch_id === first.batchId && c.action === "import" && c.actor_label === "command line",
        ),
      );

      // The same file again changes nothing; one changed cell changes one field of one person.
      const again = await importStaff(db, await request(org, FILE));
      assert.equal(again.plan.counts.unchanged, 3);
      const changed = await importStaff(db, await request(org, FILE.replace("Inès;Tremblay", "Inès;Tremblay-Roy")));
      assert.deepEqual(
        changed.plan.updates.map((u) => u.changes),
        [[{ field: "familyName", before: "Tremblay", after: "Tremblay-Roy" }]],
      );
      const latest = await db
        .selectFrom("organisation_changes")
        .selectAll()
        .where("batch_id", "=", changed.batchId as string)
        .execute();
      assert.equal(latest.length, 1);
      // The history keeps whole records before and after, as the people store writes them.
      assert.equal(JSON.parse(latest[0].before as string).family_name, "Tremblay");
      assert.equal(JSON.parse(latest[0].after as string).family_name, "Tremblay-Roy");
      assert.equal(JSON.parse(latest[0].after as string).employee_number, "2");

      // The other organisation's person with the same employee number was never touched.
      const others = await db.selectFrom("people").select("given_name").where("organisation_id", "=", other).execute();
      assert.deepEqual(others, [{ given_name: "Someone" }]);
    });

    it("a file with any error writes nothing at all; a cycle through someone already there is refused", async () => {
      const org = await insertOrganisation(db, "cycles");
      await importStaff(db, await request(org, "Employee ID,First name,Last name,Manager\nA,Ann,A,\nB,Bob,B,A\n"));
      const before = await people(db, org);
      const result = await importStaff(
        db,
        await request(org, "Employee ID,First name,Last name,Manager\nA,Ann,A,B\nC,Cy,C,A\nD,Di,D,\n"),
      );
      assert.equal(result.applied, false);
      assert.deepEqual(
        result.plan.errors.map((e) => [e.line, e.column, e.code, e.value]),
        [[2, "Manager", "cycle", "A → B → A"]],
      );
      assert.deepEqual(await people(db, org), before);
      const changes = await db
        .selectFrom("organisation_changes")
        .select("id")
        .where("organisation_id", "=", org)
        .execute();
      assert.equal(changes.length, 2);
    });

    it("marks people missing from the file as left, when asked", async () => {
      const org = await insertOrganisation(db, "leavers");
      await importStaff(db, await request(org, "Employee ID,First name,Last name\n1,Ann,A\n2,Bob,B\n3,Cy,C\n"));
      const result = await importStaff(
        db,
        await request(org, "Employee ID,First name,Last name\n1,Ann,A\n", { markMissingAsLeft: true }),
      );
      assert.equal(result.plan.counts.leaving, 2);
      assert.deepEqual(
        (await people(db, org)).map((p) => [p.employee_number, p.status, p.status_since]),
        [
          ["1", "active", null],
          ["2", "left", "2026-11-30"],
          ["3", "left", "2026-11-30"],
        ],
      );
    });

    // On PostgreSQL, each confirmation plans the same new people before any is written: all but one
    // meet the employee number's unique constraint (test/db/unique-violation.test.ts says more).
    it("a preview confirmed eight times at once is written once; the other confirmations find it stale", async () => {
      for (let round = 1; round <= ROUNDS; round++) {
        const org = await insertOrganisation(db, `confirmed-${round}`);
        const preview = await importStaff(db, await request(org, FILE, { dryRun: true }));
        const confirmed = await request(org, FILE, { expectedFingerprint: planFingerprint(preview.plan) });
        const results = await eightAtOnce(round, () => importStaff(db, confirmed));
        const answers = results.map((r) => (r.applied ? "applied" : r.stale ? "stale" : "neither")).sort();
        assert.deepEqual(answers, ["applied", ...Array(7).fill("stale")], `round ${round}`);
        assert.equal((await people(db, org)).length, 3);
      }
    });

    it("a thousand staff in a deep manager chain are written in one go", async () => {
      const org = await insertOrganisation(db, "large");
      // Each person's manager is the next one: the chain runs the whole file, reports before managers.
      const lines = ["Employee ID,First name,Last name,Manager,Department"];
      for (let i = 0; i < 1000; i++) lines.push(`${i},P${i},F,${i < 999 ? i + 1 : ""},Branch ${i % 30}`);
      const result = await importStaff(db, await request(org, `${lines.join("\n")}\n`));
      assert.equal(result.applied, true);
      const count = await db
        .selectFrom("people")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("organisation_id", "=", org)
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1000);
      const zero = (await people(db, org)).find((p) => p.employee_number === "0");
      assert.equal(zero?.manager, "1");
    });
  });
}
