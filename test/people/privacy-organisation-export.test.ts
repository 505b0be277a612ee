/**
 * The organisation's export holds everything the instance holds for it, and deleting it takes all of
 * that: on each database, an organisation with at least one row of everything (and a second one just
 * as full) is exported through every capability's section, and each section is compared with the
 * rows read straight from the tables; then the organisation is deleted and every table is walked for
 * anything still naming it, its people or its rows. The table list is the DB interface's, checked at
 * compile time (organisation-tables.ts), so a new table fails here until it is classified.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { ASSESSMENT_EXPORT_SECTIONS } from "../../src/assessments/organisation-export.ts";
import type { DB } from "../../src/db/schema.ts";
import { INSIGHT_EXPORT_SECTIONS } from "../../src/insights/organisation-export.ts";
import { deleteOrganisation, ORGANISATION_EXPORT_SECTIONS } from "../../src/people/privacy/organisation-data.ts";
import {
  countOrganisation,
  organisationDocument,
  organisationDocumentText,
} from "../../src/people/privacy/organisation-export.ts";
import { PROFILE_EXPORT_SECTIONS } from "../../src/profiles/organisation-export.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { runs } from "../support/fast-check-seed.ts";
import { type Everything, hostile, seedEverything } from "./organisation-everything.ts";
import { asExported, OWNED, ownedRows, rowText, TABLES } from "./organisation-tables.ts";
import { insertOrganisation } from "./privacy-world.ts";

const SECTIONS = [
  ...ORGANISATION_EXPORT_SECTIONS,
  ...PROFILE_EXPORT_SECTIONS,
  ...ASSESSMENT_EXPORT_SECTIONS,
  ...INSIGHT_EXPORT_SECTIONS,
];

type Row = Record<string, unknown>;
/** Columns a section adds to its rows: a role's account e-mail and name, a file's download address. */
const ADDED = new Set(["email", "name", "download"]);

for (const dialect of testDialects()) {
  describe(`the organisation's export holds everything, its deletion takes everything (${dialect})`, () => {
    let database: Awaited<ReturnType<typeof openTestDatabase>>;
    let riverside: Everything;
    let lakeshore: Everything;
    before(async () => {
      database = await openTestDatabase(dialect, { starter: false });
      const db = database.db;
      riverside = await seedEverything(
        db,
        await insertOrganisation(db, "riverside", { name_en: hostile("ORG"), settings: '{"max_plan_goals":5}' }),
        "RIVERSIDE",
      );
      lakeshore = await seedEverything(db, await insertOrganisation(db, "lakeshore"), "LAKESHORE");
    });
    after(() => database?.close());

    const organisation = (id: string) =>
      database.db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

    test("every table's rows have a section, and every section is a table's", () => {
      const fromTables = OWNED.map(([, owned]) => owned.section).sort();
      assert.deepEqual(SECTIONS.map((section) => section.key).sort(), fromTables);
      assert.equal(new Set(fromTables).size, fromTables.length, "one section per table");
    });

    test("each section holds exactly the organisation's rows, as the tables hold them; nothing of the other", async () => {
      const db = database.db;
      const text = await organisationDocumentText(db, await organisation(riverside.organisationId), SECTIONS, "en");
      const document = JSON.parse(text) as Record<string, unknown>;
      assert.equal(document.format, "skillshelf-organisation");
      assert.match(String(document.note), /not their bytes/);
      const head = document.organisation as Row;
      assert.equal(head.slug, "riverside");
      assert.equal(head.name_en, hostile("ORG"), "markup in a name stays text");
      assert.deepEqual(head.settings, { max_plan_goals: 5 });

      const expected = await ownedRows(db, riverside.organisationId);
      for (const [table, owned] of OWNED) {
        const rows = expected[table] ?? [];
        assert.ok(rows.length > 0, `${table}: the world has at least one`);
        const exported = document[owned.section] as Row[];
        assert.ok(Array.isArray(exported), `${owned.section} is an array`);
        assert.deepEqual(exported.map(owned.key).sort(), rows.map(owned.key).sort(), `${owned.section}: the same rows`);
        for (const row of rows) {
          const out = exported.find((candidate) => owned.key(candidate) === owned.key(row)) as Row;
          const want = asExported(owned, row);
          const extra = Object.keys(out).filter((column) => !(column in want) && !ADDED.has(column));
          assert.deepEqual(extra, [], `${owned.section}: no column the table does not hold`);
          for (const [column, value] of Object.entries(want))
            assert.deepEqual(out[column], value, `${owned.section}.${column}`);
          for (const column of owned.omitted ?? []) assert.ok(!(column in out), `${owned.section}.${column} left out`);
        }
      }

      // Files: described and pointed to, never their bytes; secrets never.
      const files = (document.evidence as Row[]).filter((row) => row.kind === "file");
      assert.equal(files.length, 1);
      assert.match(
        String(files[0]?.download),
        new RegExp(`^/en/orgs/riverside/.+${riverside.assessmentId}.+${files[0]?.id}$`),
      );
      for (const secret of [riverside.fileText, ...riverside.secrets])
        assert.ok(!text.includes(secret), `${secret} is not in the document`);
      for (const other of ["LAKESHORE", lakeshore.organisationId, ...lakeshore.personIds, lakeshore.assessmentId])
        assert.ok(!text.includes(other), `nothing of the other organisation (${other})`);
    });

    test("the document is written in pieces, and the pieces make that one document", async () => {
      const o = await organisation(riverside.organisationId);
      const now = new Date("2027-05-01T00:00:00.000Z");
      const pieces: string[] = [];
      for await (const piece of organisationDocument(database.db, o, SECTIONS, "fr", now)) pieces.push(piece);
      assert.ok(pieces.length > SECTIONS.length, "more than one piece per section");
      assert.equal(pieces.join(""), await organisationDocumentText(database.db, o, SECTIONS, "fr", now));
      const document = JSON.parse(pieces.join("")) as { evidence: Row[] };
      assert.ok(document.evidence.some((row) => String(row.download).startsWith("/fr/orgs/riverside/")));
    });

    test("whatever people write in names and comments comes back from the document as the same text", async () => {
      const db = database.db;
      const o = await organisation(riverside.organisationId);
      const unit = (
        await db
          .selectFrom("units")
          .select("id")
          .where("organisation_id", "=", riverside.organisationId)
          .executeTakeFirstOrThrow()
      ).id;
      // PostgreSQL refuses NUL in text; everything else is fair game.
      const text = fc.string({ unit: "grapheme", maxLength: 80 }).map((s) => s.replaceAll("\u0000", ""));
      await fc.assert(
        fc.asyncProperty(text, text, async (name, comment) => {
          await db.updateTable("units").set({ name_en: name }).where("id", "=", unit).execute();
          await db
            .updateTable("assessment_items")
            .set({ self_comment: comment })
            .where("assessment_id", "=", riverside.assessmentId)
            .execute();
          const document = JSON.parse(await organisationDocumentText(db, o, SECTIONS, "en")) as {
            units: Row[];
            assessedCompetencies: Row[];
          };
          assert.equal(document.units.find((row) => row.id === unit)?.name_en, name);
          assert.ok(document.assessedCompetencies.every((row) => row.self_comment === comment));
        }),
        { numRuns: runs(15) },
      );
    });

    test("the counts are the rows each section holds", async () => {
      const expected = await ownedRows(database.db, riverside.organisationId);
      const counts = await countOrganisation(database.db, riverside.organisationId, SECTIONS);
      for (const [table, owned] of OWNED) {
        const count = counts.find((c) => c.key === owned.section);
        assert.equal(count?.n, expected[table]?.length, owned.section);
        assert.match(count?.label("fr") ?? "", /^\d/);
      }
    });

    test("deleting the organisation leaves no row naming it, its people or its rows; the other keeps all of its own", async () => {
      const db = database.db;
      const mine = await ownedRows(db, riverside.organisationId);
      const names = new Set<string>([riverside.organisationId, ...riverside.personIds, "RIVERSIDE"]);
      for (const rows of Object.values(mine)) for (const row of rows) if (typeof row.id === "string") names.add(row.id);
      const theirs = await ownedRows(db, lakeshore.organisationId);

      assert.equal(await deleteOrganisation(db, riverside.organisationId), true);

      const left: string[] = [];
      for (const table of Object.keys(TABLES) as (keyof DB)[]) {
        const rows = (await db.selectFrom(table).selectAll().execute()) as Row[];
        for (const row of rows) {
          const text = rowText(row);
          const found = [...names].filter((name) => text.includes(name));
          if (found.length > 0) left.push(`${table}: ${found.join(", ")}`);
        }
      }
      assert.deepEqual(left, [], "rows still naming the deleted organisation");
      assert.deepEqual(await ownedRows(db, lakeshore.organisationId), theirs);
      assert.ok(await organisation(lakeshore.organisationId));
      assert.equal(await deleteOrganisation(db, riverside.organisationId), false, "already gone");
    });
  });
}
