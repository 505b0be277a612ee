/**
 * The learning resources store on every database: scoped to its organisation, versioned (a stale
 * save is refused and changes nothing), tags that follow a competency across editions, and the CSV
 * import all or nothing in one transaction.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.ts";
import {
  createResource,
  findResource,
  importResources,
  listResources,
  resourcesForCompetencies,
  StaleResourceError,
  tagCompetencies,
  UnknownCompetencyError,
  untagCompetency,
  updateResource,
} from "../../src/insights/learning/store.ts";
import type { ResourceFields } from "../../src/insights/learning/values.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { publishAgain, publishSmallFramework, reword } from "../support/profile-framework.ts";

const now = "2027-01-10T09:00:00.000Z";
/** Two areas of two competencies, no KSAs: enough for codes P1.1 to P2.2, quick to publish. */
const SMALL = { areas: 2, perArea: 2, ksas: 0 };

async function organisation(db: Kysely<DB>, id: string) {
  await db
    .insertInto("organisations")
    .values({
      id,
      slug: id,
      name_en: id,
      name_fr: id,
      default_lang: "en",
      settings: "{}",
      created_at: now,
      updated_at: now,
    })
    .execute();
}

const fields = (title: string): ResourceFields => ({
  titleEn: title,
  titleFr: `${title} (fr)`,
  url: null,
  provider: "Regional network",
  format: "course",
  durationMinutes: 90,
  costCents: 12_550,
  currency: "CAD",
});

const csv = (...lines: string[]) => new TextEncoder().encode(lines.join("\r\n"));
const count = async (db: Kysely<DB>) =>
  Number(
    (
      await db
        .selectFrom("learning_resources")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

for (const dialect of testDialects()) {
  describe(`learning resources store (${dialect})`, () => {
    it("keeps resources per organisation, refuses a stale save, and follows a tagged competency into later editions", async () => {
      const { db, close } = await openTestDatabase(dialect);
      try {
        await organisation(db, "north");
        await organisation(db, "south");
        const framework = await publishSmallFramework(db, "lending", SMALL);
        const [first, second] = framework.competencies[0] as string[];
        const storytime = await createResource(db, "north", fields("Storytime"), null);
        await createResource(db, "north", fields("Weeding"), null);
        const elsewhere = await createResource(db, "south", fields("Archives"), null);
        assert.equal(
          await findResource(db, "north", elsewhere),
          undefined,
          "another organisation's resource is unknown",
        );

        await tagCompetencies(
          db,
          "north",
          storytime,
          1,
          [{ frameworkId: framework.id, itemId: first as string }],
          null,
        );
        await assert.rejects(
          tagCompetencies(db, "north", storytime, 1, [{ frameworkId: framework.id, itemId: second as string }], null),
          StaleResourceError,
        );
        await assert.rejects(
          tagCompetencies(db, "north", storytime, 2, [{ frameworkId: framework.id, itemId: framework.category }], null),
          UnknownCompetencyError,
          "a category is not a competency",
        );
        await assert.rejects(updateResource(db, "north", storytime, 1, fields("Changed"), null), StaleResourceError);
        assert.equal((await findResource(db, "north", storytime))?.fields.titleEn, "Storytime");
        await updateResource(db, "north", storytime, 2, fields("Storytime for toddlers"), null);

        // A new edition rewords the competency: the tag stays, with the new words.
        await reword(db, first as string, "Reworded practice", "Pratique reformulée");
        await publishAgain(db, framework.id);
        const filtered = await listResources(db, "north", {
          lang: "en",
          competency: { frameworkId: framework.id, itemId: first as string },
        });
        assert.deepEqual(
          filtered.map((r) => r.fields.titleEn),
          ["Storytime for toddlers"],
        );
        assert.equal(filtered[0]?.competencies[0]?.statement?.en, "Reworded practice");
        assert.equal(filtered[0]?.version, 3);

        // What a gap on the first competency suggests: this organisation's resources tagged with it only.
        const southern = await createResource(db, "south", fields("Southern storytime"), null);
        await tagCompetencies(db, "south", southern, 1, [{ frameworkId: framework.id, itemId: first as string }], null);
        const suggested = await resourcesForCompetencies(
          db,
          "north",
          [
            { frameworkId: framework.id, itemId: first as string },
            { frameworkId: framework.id, itemId: second as string },
          ],
          "en",
        );
        assert.deepEqual(
          [...suggested].map(([key, list]) => [key, list.map((r) => r.fields.titleEn)]),
          [[`${framework.id}~${first}`, ["Storytime for toddlers"]]],
        );

        await untagCompetency(db, "north", storytime, 3, { frameworkId: framework.id, itemId: first as string }, null);
        assert.deepEqual((await findResource(db, "north", storytime))?.competencies, []);
        assert.deepEqual(
          (await listResources(db, "south", { lang: "fr" })).map((r) => r.fields.titleFr),
          ["Archives (fr)", "Southern storytime (fr)"],
        );
      } finally {
        await close();
      }
    });

    it("imports a file all or nothing: one bad line, one unknown code or another organisation's id, and nothing is written", async () => {
      const { db, close } = await openTestDatabase(dialect);
      try {
        await organisation(db, "north");
        await organisation(db, "south");
        await publishSmallFramework(db, "lending", SMALL);
        const southern = await createResource(db, "south", fields("Archives"), null);
        const header = "title_en,title_fr,format,hours,cost,currency,competencies";
        const refused = await importResources(
          db,
          "north",
          csv(header, "Storytime,Heure du conte,course,1.5,125.50,CAD,P1.1 | P1.2", "Weeding,Élagage,reading,,,,P9.9"),
          null,
          "competencies",
        );
        assert.deepEqual(refused.ok ? [] : refused.problems.map((p) => [p.line, p.column]), [[3, "competencies"]]);
        const stolen = await importResources(
          db,
          "north",
          csv(`id,${header}`, `${southern},Taken,Pris,course,,,,`),
          null,
          "competencies",
        );
        assert.deepEqual(stolen.ok ? [] : stolen.problems.map((p) => [p.line, p.column]), [[2, "id"]]);
        assert.equal(await count(db), 1, "nothing written by a refused import");

        const done = await importResources(
          db,
          "north",
          csv(header, "Storytime,Heure du conte,course,1.5,125.50,CAD,P1.1 | P1.2", "Weeding,Élagage,reading,,,,"),
          null,
          "competencies",
        );
        assert.deepEqual(done, { ok: true, created: 2, updated: 0 });
        const [storytime] = await listResources(db, "north", { lang: "en" });
        assert.equal(storytime?.fields.durationMinutes, 90);
        assert.equal(storytime?.fields.costCents, 12_550);
        assert.deepEqual(
          storytime?.competencies.map((t) => t.code),
          ["P1.1", "P1.2"],
        );

        // A row with an id replaces that resource, its competencies too.
        const again = await importResources(
          db,
          "north",
          csv(`id,${header}`, `${storytime?.id},Storytime again,Conte encore,video,,,,P2.1`),
          null,
          "competencies",
        );
        assert.deepEqual(again, { ok: true, created: 0, updated: 1 });
        const replaced = await findResource(db, "north", storytime?.id as string);
        assert.equal(replaced?.fields.format, "video");
        assert.deepEqual(
          replaced?.competencies.map((t) => t.code),
          ["P2.1"],
        );
        assert.equal(replaced?.version, 2);

        // A second framework with the same codes: a bare code is now ambiguous.
        await publishSmallFramework(db, "lending-copy", SMALL);
        const ambiguous = await importResources(db, "north", csv(header, "X,X,other,,,,P1.1"), null, "competencies");
        assert.equal(ambiguous.ok, false);
        assert.equal(await count(db), 3);
      } finally {
        await close();
      }
    });
  });
}
