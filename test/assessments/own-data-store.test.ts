/**
 * The assessments' part of "everything held about me" (src/assessments/own-data), on each database:
 * every assessment of the person in every cycle (withdrawn ones marked), with the competencies as
 * pinned, levels and comments, evidence (files described, never their bytes), sign-offs and
 * history; their reminders; read in the same few queries however much they hold; and, for generated
 * assessments with hostile text, exactly what the tables hold for that person and nothing of anyone else.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from "kysely";
import type { HeldAssessment, HeldReminders } from "../../src/assessments/own-data/read.ts";
import { assessmentDataSection, reminderDataSection } from "../../src/assessments/own-data/section.tsx";
import type { DB } from "../../src/db/schema.ts";
import { collectOwnData } from "../../src/people/privacy/own-data.tsx";
import { insertOrganisation, insertPerson } from "../people/privacy-world.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { runs } from "../support/fast-check-seed.ts";
import { type HeldItemInput, seedHeld } from "../support/held-assessments.ts";

const SECTIONS = [assessmentDataSection, reminderDataSection];

const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'; drop table people; --",
  "ligne 1\nligne 2 « guillemets » été",
  "{{7*7}} %s &amp; \u0007",
];

class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    return args.node;
  }
  /** Called once per query run (transformQuery also sees each subquery). */
  async transformResult(args: PluginTransformResultArgs) {
    this.count++;
    return args.result;
  }
}

for (const dialect of testDialects()) {
  describe(`own data: assessments (${dialect})`, () => {
    let database: Awaited<ReturnType<typeof openTestDatabase>>;
    let db: Awaited<ReturnType<typeof openTestDatabase>>["db"];
    let riverside: DB["organisations"] & { id: string };
    let lakeshore: DB["organisations"] & { id: string };
    let rita: string;
    let marc: string;
    let colin: string;
    let omar: string;

    const organisationRow = (id: string) =>
      db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const exportOf = async (
      organisation: { id: string; slug: string; name_en: string; name_fr: string },
      personId: string,
      lang: "en" | "fr" = "en",
      on = db,
    ) => {
      const document = await collectOwnData(
        on,
        organisation,
        personId,
        SECTIONS,
        new Date("2027-06-01T00:00:00Z"),
        lang,
      );
      return document.sections as { assessments: HeldAssessment[]; reminders: HeldReminders };
    };

    before(async () => {
      database = await openTestDatabase(dialect, { starter: false });
      db = database.db;
      riverside = await organisationRow(await insertOrganisation(db, `river-${randomUUID().slice(0, 6)}`));
      lakeshore = await organisationRow(await insertOrganisation(db, `lake-${randomUUID().slice(0, 6)}`));
      rita = await insertPerson(db, riverside.id, { given: "Rita", family: "Singh", number: "R-003" });
      marc = await insertPerson(db, riverside.id, { given: "Marc", family: "Ouellet", number: "R-002" });
      colin = await insertPerson(db, riverside.id, { given: "Colin", family: "Baptiste", number: "R-004" });
      omar = await insertPerson(db, lakeshore.id, { given: "Omar", family: "Haddad", number: "L-001" });
    });
    after(() => database?.close());

    test("two cycles, one withdrawn: everything each assessment holds, newest cycle first", async () => {
      const old = await seedHeld(db, {
        organisationId: riverside.id,
        personId: rita,
        managerId: marc,
        cycle: {
          nameEn: "Review 2026",
          nameFr: "Bilan 2026",
          state: "closed",
          periodStart: "2026-01-01",
          periodEnd: "2026-12-31",
        },
        state: "signed_off",
        notes: "We spoke of <b>lending</b>.",
        conversationDate: "2026-11-20",
        items: [
          { self: 2, selfComment: "<script>alert(1)</script>", manager: 3, managerComment: "Good", agreed: 3 },
          { self: null, selfComment: null, manager: null, managerComment: null, agreed: null },
        ],
        links: [{ title: "Course certificate", url: "https://example.test/cert?id=1", onItem: true }],
        files: [{ name: "notes.txt", text: "what I did this year" }],
        signedBy: "Rita Singh <rita@riverside.test>",
        author: { id: null, label: "Rita Singh <rita@riverside.test>" },
      });
      const withdrawn = await seedHeld(db, {
        organisationId: riverside.id,
        personId: rita,
        managerId: marc,
        cycle: { nameEn: "Review 2027", nameFr: "Bilan 2027", periodStart: "2027-01-01" },
        state: "withdrawn",
        items: [{ self: 1, selfComment: null, manager: null, managerComment: null, agreed: null }],
      });
      // Someone else's, in the same organisation and in another: never in Rita's document.
      await seedHeld(db, {
        organisationId: riverside.id,
        personId: colin,
        items: [{ self: 5, selfComment: "Colin's own", manager: null, managerComment: null, agreed: null }],
      });
      await seedHeld(db, {
        organisationId: lakeshore.id,
        personId: omar,
        items: [{ self: 4, selfComment: "Omar's own", manager: null, managerComment: null, agreed: null }],
      });

      // A due date of its own (set when an assessment is reopened) is part of what is held.
      await db.updateTable("assessments").set({ due_on: "2026-12-15" }).where("id", "=", old.assessmentId).execute();
      const { assessments } = await exportOf(riverside, rita);
      assert.deepEqual(
        assessments.map((a) => a.id),
        [withdrawn.assessmentId, old.assessmentId],
      );
      const [latest, signed] = assessments as [HeldAssessment, HeldAssessment];
      assert.equal(signed.dueOn, "2026-12-15");
      assert.equal(latest.dueOn, null);
      assert.equal(latest.withdrawn, true);
      assert.equal(latest.state, "withdrawn");
      assert.equal(signed.withdrawn, false);
      assert.deepEqual(signed.cycle.name, { en: "Review 2026", fr: "Bilan 2026" });
      assert.equal(signed.cycle.periodStart, "2026-01-01");
      assert.equal(signed.cycle.state, "closed");
      assert.equal(signed.version, 1);
      assert.deepEqual(signed.reviewer, { id: marc, name: "Marc Ouellet" });
      assert.deepEqual(signed.conversation, { date: "2026-11-20", notes: "We spoke of <b>lending</b>." });
      assert.deepEqual(signed.signOffs.person, {
        at: "2027-03-01T15:30:00.000Z",
        by: "Rita Singh <rita@riverside.test>",
      });
      assert.equal(signed.signOffs.manager, null);
      assert.equal(signed.scale.levels.length, 5);

      const [first, second] = signed.competencies;
      assert.equal(first?.itemId, old.itemIds[0]);
      assert.equal(first?.framework.id, old.frameworkId);
      assert.equal(first?.edition.number, 1);
      assert.equal(first?.code, "P1.1");
      assert.deepEqual(first?.statement, { en: "Lending practice P1.1", fr: "Pratique du prêt P1.1" });
      assert.deepEqual(first?.self, { level: 2, comment: "<script>alert(1)</script>" });
      assert.deepEqual(first?.manager, { level: 3, comment: "Good" });
      assert.equal(first?.agreedLevel, 3);
      assert.equal(first?.targetLevel, 3);
      assert.deepEqual(second?.self, { level: null, comment: null });

      const [link, file] = signed.evidence;
      assert.equal(link?.kind, "link");
      assert.equal(link?.url, "https://example.test/cert?id=1");
      assert.equal(link?.itemId, old.itemIds[0]);
      assert.equal(link?.addedBy, "Rita Singh <rita@riverside.test>");
      assert.equal(file?.kind, "file");
      assert.equal(file?.file?.name, "notes.txt");
      assert.equal(file?.file?.mediaType, "text/plain; charset=utf-8");
      assert.equal(file?.file?.size, new TextEncoder().encode("what I did this year").byteLength);
      assert.equal(
        file?.file?.download,
        `/en/orgs/${riverside.slug}/assessments/${old.assessmentId}/evidence/${old.evidenceIds[1]}`,
      );
      assert.ok(!JSON.stringify(assessments).includes("what I did this year"), "never the file's bytes");

      // The history: the two evidence lines (with what they recorded) and the sign-off.
      assert.deepEqual(
        signed.history.map((h) => h.event),
        ["evidence", "evidence", "signed"],
      );
      assert.equal((signed.history[0]?.detail as { url?: string } | undefined)?.url, "https://example.test/cert?id=1");

      // Addresses follow the language asked in; the rest is the same.
      const french = await exportOf(riverside, rita, "fr");
      assert.ok(french.assessments[1]?.page.startsWith(`/fr/orgs/${riverside.slug}/assessments/`));

      const text = JSON.stringify(assessments);
      for (const foreign of ["Colin's own", "Omar's own"]) assert.ok(!text.includes(foreign));
      // Asked through another organisation, Rita has nothing there.
      assert.deepEqual((await exportOf(lakeshore, rita)).assessments, []);
    });

    test("reminders: the choice and what was sent, only the person's", async () => {
      assert.deepEqual(await exportOf(riverside, colin).then((d) => d.reminders), {
        mode: null,
        modeChangedAt: null,
        sent: [],
      });
      await db
        .insertInto("reminder_settings")
        .values({ person_id: colin, mode: "weekly", updated_at: "2027-01-02T00:00:00.000Z" })
        .execute();
      for (const [person, key] of [
        [colin, "digest:2027-W09"],
        [colin, "digest:2027-W10"],
        [marc, "digest:2027-W09"],
      ] as const)
        await db
          .insertInto("reminders_sent")
          .values({
            id: randomUUID(),
            person_id: person,
            assessment_id: null,
            reminder_key: key,
            sent_at: `2027-03-0${key.endsWith("9") ? 1 : 8}T06:00:00.000Z`,
          })
          .execute();
      const { reminders } = await exportOf(riverside, colin);
      assert.equal(reminders.mode, "weekly");
      assert.deepEqual(
        reminders.sent.map((s) => s.key),
        ["digest:2027-W10", "digest:2027-W09"],
      );
      assert.deepEqual((await exportOf(lakeshore, colin)).reminders.sent, [], "not through another organisation");
    });

    test("the same number of queries for one small assessment as for many full ones (no query per competency)", async () => {
      const counted = async (personId: string) => {
        const counter = new QueryCounter();
        await exportOf(riverside, personId, "en", db.withPlugin(counter));
        return counter.count;
      };
      const few = await insertPerson(db, riverside.id, {
        given: "Few",
        family: "Things",
        number: `F-${randomUUID().slice(0, 4)}`,
      });
      const many = await insertPerson(db, riverside.id, {
        given: "Many",
        family: "Things",
        number: `M-${randomUUID().slice(0, 4)}`,
      });
      const item: HeldItemInput = { self: 2, selfComment: "x", manager: 3, managerComment: "y", agreed: 3 };
      await seedHeld(db, { organisationId: riverside.id, personId: few, items: [item] });
      for (let i = 0; i < 4; i++)
        await seedHeld(db, {
          organisationId: riverside.id,
          personId: many,
          items: Array.from({ length: 6 }, () => item),
          links: [
            { title: "a", url: "https://example.test/a" },
            { title: "b", url: "https://example.test/b" },
          ],
          files: [{ name: "f.txt", text: "f" }],
        });
      const one = await counted(few);
      assert.equal(await counted(many), one);
      assert.ok(one <= 10, `${one} queries`);
    });

    test("generated assessments: the export lists exactly what the tables hold for the person, nothing of anyone else", async () => {
      const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...HOSTILE));
      const level = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
      const itemArb: fc.Arbitrary<HeldItemInput> = fc.record({
        self: level,
        selfComment: fc.option(text, { nil: null }),
        manager: level,
        managerComment: fc.option(text, { nil: null }),
        agreed: level,
      });
      const assessmentArb = fc.record({
        state: fc.constantFrom("not_started", "in_progress", "submitted", "agreed", "signed_off", "withdrawn"),
        notes: fc.option(text, { nil: null }),
        items: fc.array(itemArb, { maxLength: 4 }),
        links: fc.array(fc.record({ title: text, url: fc.webUrl(), onItem: fc.boolean() }), { maxLength: 2 }),
        files: fc.array(
          fc.record({
            name: fc.constantFrom("a.txt", "<b>.txt", "notes.md"),
            text: fc.string({ minLength: 1, maxLength: 30 }),
          }),
          { maxLength: 1 },
        ),
      });
      const world = fc.record({
        mine: fc.array(assessmentArb, { maxLength: 2 }),
        colleague: fc.array(assessmentArb, { maxLength: 1 }),
        outsider: fc.array(assessmentArb, { maxLength: 1 }),
      });
      const person = await insertPerson(db, riverside.id, {
        given: "Gen",
        family: "Erated",
        number: `G-${randomUUID().slice(0, 6)}`,
      });
      const colleague = await insertPerson(db, riverside.id, {
        given: "Col",
        family: "League",
        number: `C-${randomUUID().slice(0, 6)}`,
      });
      const outsider = await insertPerson(db, lakeshore.id, {
        given: "Out",
        family: "Sider",
        number: `O-${randomUUID().slice(0, 6)}`,
      });
      const wipe = async () => {
        for (const id of [person, colleague, outsider]) {
          const cycles = db.selectFrom("assessments").select("cycle_id").where("person_id", "=", id);
          await db.deleteFrom("review_cycles").where("id", "in", cycles).execute();
        }
      };

      await fc.assert(
        fc.asyncProperty(world, async ({ mine, colleague: theirs, outsider: elsewhere }) => {
          await wipe();
          const seed = (organisationId: string, personId: string, list: typeof mine) =>
            Promise.all(list.map((a) => seedHeld(db, { organisationId, personId, ...a })));
          const own = await seed(riverside.id, person, mine);
          const others = [
            ...(await seed(riverside.id, colleague, theirs)),
            ...(await seed(lakeshore.id, outsider, elsewhere)),
          ];
          const { assessments } = await exportOf(riverside, person);

          // What the tables hold for the person, read plainly, one table at a time.
          const ids = own.map((s) => s.assessmentId);
          assert.deepEqual(new Set(assessments.map((a) => a.id)), new Set(ids));
          for (const held of assessments) {
            const row = await db
              .selectFrom("assessments")
              .selectAll()
              .where("id", "=", held.id)
              .executeTakeFirstOrThrow();
            assert.equal(row.person_id, person);
            assert.equal(held.state, row.state);
            assert.equal(held.withdrawn, row.state === "withdrawn");
            assert.equal(held.conversation.notes, row.conversation_notes);
            const items = await db
              .selectFrom("assessment_items")
              .selectAll()
              .where("assessment_id", "=", held.id)
              .orderBy("ordinal")
              .execute();
            assert.deepEqual(
              held.competencies.map((c) => [
                c.itemId,
                c.self.level,
                c.self.comment,
                c.manager.level,
                c.manager.comment,
                c.agreedLevel,
              ]),
              items.map((i) => [
                i.item_id,
                i.self_level,
                i.self_comment,
                i.manager_level,
                i.manager_comment,
                i.agreed_level,
              ]),
            );
            const evidence = await db
              .selectFrom("assessment_evidence")
              .select(["id", "kind", "title", "url", "file_name", "size"])
              .where("assessment_id", "=", held.id)
              .execute();
            assert.deepEqual(
              new Set(
                held.evidence.map((e) =>
                  JSON.stringify([e.id, e.kind, e.title, e.url, e.file?.name ?? null, e.file?.size ?? null]),
                ),
              ),
              new Set(
                evidence.map((e) =>
                  JSON.stringify([e.id, e.kind, e.title, e.url, e.file_name, e.size === null ? null : Number(e.size)]),
                ),
              ),
            );
            const history = await db
              .selectFrom("assessment_history")
              .select("id")
              .where("assessment_id", "=", held.id)
              .execute();
            assert.equal(held.history.length, history.length);
          }
          // Nothing of the colleague's or the outsider's: none of their ids, nor anything only they hold.
          const document = JSON.stringify(assessments);
          for (const other of others) {
            assert.ok(!document.includes(other.assessmentId));
            assert.ok(!document.includes(other.cycleId));
            for (const evidenceId of other.evidenceIds) assert.ok(!document.includes(evidenceId));
          }
        }),
        { numRuns: runs(dialect === "sqlite" ? 25 : 8) },
      );
      await wipe();
    });
  });
}
