/**
 * The evidence store on every dialect: links and files added, listed without their bytes, a file's
 * bytes back exactly (blob and bytea), removal, each change in the assessment's history, a
 * competency of another assessment refused, and nothing of one assessment reachable through another.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import type { Kysely } from "kysely";
import {
  addFile,
  addLink,
  addLinkOnce,
  EvidenceTotalExceeded,
  listEvidence,
  readEvidenceFile,
  removeEvidence,
  UnknownCompetencyError,
} from "../../src/assessments/evidence/store.ts";
import type { DB } from "../../src/db/schema.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { type SeededAssessment, seedAssessment } from "../support/evidence-world.ts";
import { insertPerson } from "../support/people-world.ts";

const author = { id: null, label: "Test Author <author@example.test>" };
const at = new Date("2027-02-01T10:00:00.000Z");

async function organisation(db: Kysely<DB>, slug: string) {
  const id = `org-${slug}`;
  await db
    .insertInto("organisations")
    .values({
      id,
      slug,
      name_en: slug,
      name_fr: slug,
      default_lang: "en",
      settings: "{}",
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    })
    .execute();
  return id;
}

const history = (db: Kysely<DB>, assessment: string) =>
  db
    .selectFrom("assessment_history")
    .select(["event", "detail", "actor_label"])
    .where("assessment_id", "=", assessment)
    .where("event", "=", "evidence")
    .orderBy("at")
    .orderBy("id")
    .execute();

for (const dialect of testDialects()) {
  describe(`evidence store (${dialect})`, () => {
    let db: Kysely<DB>;
    let close: () => Promise<void>;
    let one: SeededAssessment;
    let two: SeededAssessment;
    before(async () => {
      ({ db, close } = await openTestDatabase(dialect));
      const org = await organisation(db, "north");
      const person = await insertPerson(db, org, { given: "Ada", family: "Roy", email: "a@x.test", number: "1" });
      const other = await insertPerson(db, org, { given: "Bo", family: "Li", email: "b@x.test", number: "2" });
      one = await seedAssessment(db, { organisationId: org, personId: person });
      two = await seedAssessment(db, { organisationId: org, personId: other });
    });
    after(() => close());

    it("adds a link and a file, lists them without bytes, and gives the file's bytes back exactly", async () => {
      const bytes = new Uint8Array(randomBytes(300_000));
      bytes[0] = 0; // a zero byte first and last: nothing may trim or re-encode them
      bytes[bytes.length - 1] = 0;
      const link = await addLink(
        db,
        { assessmentId: one.assessment, itemId: one.item, title: "Programme page", url: "https://library.example/p" },
        author,
        at,
      );
      const file = await addFile(
        db,
        {
          assessmentId: one.assessment,
          sentName: "C:\\Users\\ada\\Bilan d'été.pdf",
          kind: "png",
          mediaType: "image/png",
          bytes,
        },
        author,
        new Date(at.getTime() + 1000),
      );
      const listed = await listEvidence(db, one.assessment);
      assert.deepEqual(
        listed.map((e) => [e.id, e.kind, e.title, e.url, e.fileName, e.mediaType, e.size, e.itemId]),
        [
          [link, "link", "Programme page", "https://library.example/p", null, null, null, one.item],
          [file, "file", "Bilan d'été.pdf.png", null, "Bilan d'été.pdf.png", "image/png", bytes.length, null],
        ],
      );
      assert.ok(listed.every((e) => !("bytes" in e)));
      const read = await readEvidenceFile(db, one.assessment, file);
      assert.ok(read);
      assert.equal(read.mediaType, "image/png");
      assert.equal(read.size, bytes.length);
      assert.ok(Buffer.from(read.bytes).equals(Buffer.from(bytes)), "the bytes come back exactly");
      assert.equal(await readEvidenceFile(db, one.assessment, link), undefined, "a link has no bytes");
      assert.equal(await readEvidenceFile(db, two.assessment, file), undefined, "not through another assessment");
    });

    it("any bytes round-trip exactly (fast-check)", async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2000 }), async (bytes) => {
          const id = await addFile(
            db,
            { assessmentId: two.assessment, sentName: "x.txt", kind: "text", mediaType: "text/plain", bytes },
            author,
          );
          const read = await readEvidenceFile(db, two.assessment, id);
          assert.ok(read && Buffer.from(read.bytes).equals(Buffer.from(bytes)));
          await removeEvidence(db, two.assessment, id, author);
        }),
        { numRuns: 15 },
      );
    });

    it("keeps an assessment's files within the total: the file over it is refused, writing nothing", async () => {
      const org = await organisation(db, `total-${dialect}`);
      const person = await insertPerson(db, org, { given: "Cy", family: "Total", email: "c@x.test", number: "9" });
      const seeded = await seedAssessment(db, { organisationId: org, personId: person });
      const file = (size: number) => ({
        assessmentId: seeded.assessment,
        sentName: "notes.txt",
        kind: "text" as const,
        mediaType: "text/plain",
        bytes: new Uint8Array(size).fill(0x61),
      });
      const first = await addFile(db, file(600), author, at, 1000);
      await addLink(
        db,
        { assessmentId: seeded.assessment, title: "A link weighs nothing", url: "https://x.example/" },
        author,
        at,
      );
      await assert.rejects(addFile(db, file(401), author, at, 1000), (error: unknown) => {
        assert.ok(error instanceof EvidenceTotalExceeded);
        assert.equal(error.usedBytes, 600);
        return true;
      });
      assert.equal((await listEvidence(db, seeded.assessment)).length, 2, "nothing written by the refusal");
      await addFile(db, file(400), author, at, 1000); // exactly the total
      await removeEvidence(db, seeded.assessment, first, author);
      await addFile(db, file(600), author, at, 1000); // room again once a file is removed
      const sizes = (await listEvidence(db, seeded.assessment)).map((entry) => entry.size ?? 0);
      assert.equal(
        sizes.reduce((a, b) => a + b, 0),
        1000,
      );
    });

    it("adds a link once however many requests ask at the same time (addLinkOnce)", async () => {
      const link = {
        assessmentId: one.assessment,
        itemId: one.item,
        title: "Plan: done",
        url: "https://x.example/plan",
      };
      const ids = await Promise.all(Array.from({ length: 5 }, () => addLinkOnce(db, link, author, at)));
      assert.equal(ids.filter((id) => id !== undefined).length, 1, "one of them added it");
      const same = (await listEvidence(db, one.assessment)).filter((e) => e.url === link.url);
      assert.equal(same.length, 1);
      // Another title, competency or address is another link.
      assert.ok(await addLinkOnce(db, { ...link, title: "Plan: other" }, author, at));
      assert.ok(await addLinkOnce(db, { ...link, itemId: undefined }, author, at));
      await removeEvidence(db, one.assessment, same[0]?.id as string, author);
      assert.ok(await addLinkOnce(db, link, author, at), "once removed, it can be added again");
    });

    it("writes every addition and removal to the assessment's history", async () => {
      const before = (await history(db, one.assessment)).length;
      const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);
      const link = { assessmentId: one.assessment, title: "Notes", url: "http://x.example/" };
      const id = await addLink(db, link, author, later(10));
      assert.equal(await removeEvidence(db, two.assessment, id, author), false, "not another assessment's");
      assert.equal(await removeEvidence(db, one.assessment, id, author, later(11)), true);
      assert.equal(await removeEvidence(db, one.assessment, id, author), false, "already gone");
      const events = (await history(db, one.assessment)).slice(before);
      assert.deepEqual(
        events.map((e) => {
          const detail = JSON.parse(e.detail ?? "{}");
          return [e.event, detail.action, detail.evidence, detail.title, e.actor_label];
        }),
        [
          ["evidence", "added", id, "Notes", author.label],
          ["evidence", "removed", id, "Notes", author.label],
        ],
      );
      assert.ok(!(await listEvidence(db, one.assessment)).some((e) => e.id === id));
    });

    it("refuses a competency the assessment does not assess, writing nothing", async () => {
      const count = (await listEvidence(db, one.assessment)).length;
      const historyBefore = (await history(db, one.assessment)).length;
      await assert.rejects(
        addLink(db, { assessmentId: one.assessment, itemId: "no-such", title: "T", url: "https://x.example" }, author),
        UnknownCompetencyError,
      );
      assert.equal((await listEvidence(db, one.assessment)).length, count);
      assert.equal((await history(db, one.assessment)).length, historyBefore);
    });
  });
}
