/**
 * Adoption on every database: taking only what upstream changed, conflicts and merges, structural
 * changes, per-item tracking ("upstream before"), the caught-up edition, titles, and what the
 * published copy tells readers.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Database } from "../../src/db/connect.ts";
import { createCatalog } from "../../src/editions/catalog.ts";
import { latestEdition, readEditionContent } from "../../src/editions/store.ts";
import { listChanges } from "../../src/editor/changes-store.ts";
import { adoptFramework, decideUpstreamChange, upstreamReport } from "../../src/editor/commands/adopt.ts";
import { editFrameworkDetails } from "../../src/editor/commands/frameworks.ts";
import { deleteItem, moveItem } from "../../src/editor/commands/items.ts";
import { findDraftItem, listDraftItems } from "../../src/frameworks/draft-store.ts";
import { EditorError } from "../../src/frameworks/errors.ts";
import { findFrameworkById } from "../../src/frameworks/store.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import { adopt, ana, decide, edit, entryFor, makeSource, newItem, publish } from "./support.ts";

const refusedWith = (code: string) => (error: unknown) => error instanceof EditorError && error.code === code;
const take = { kind: "take" } as const;
const leave = { kind: "leave" } as const;

for (const dialect of testDialects()) {
  describe(`adoption (${dialect})`, () => {
    let database: Database;
    let db: Database["db"];
    before(async () => {
      database = await openTestDatabase(dialect);
      db = database.db;
    });
    after(() => database.close());

    test("taking an English-only upstream change keeps the French edited locally", async () => {
      const source = await makeSource(db);
      const copy = await adopt(db, source);
      await edit(db, copy.id, copy.local(source.ids.k1), { statement_fr: "Prépare le budget de l'année" });
      await edit(db, source.id, source.ids.k1, { statement_en: "Plans the yearly budget" });
      await publish(db, source.id);

      const entry = await entryFor(db, copy.id, source.ids.k1);
      assert.deepEqual([entry?.kind, entry?.conflict, entry?.takes], ["changed", null, ["statement_en"]]);
      await decide(db, copy.id, source.ids.k1, take);
      const local = await findDraftItem(db, copy.id, copy.local(source.ids.k1));
      assert.equal(local?.statement_en, "Plans the yearly budget");
      assert.equal(local?.statement_fr, "Prépare le budget de l'année");
      const records = await listChanges(db, {
        frameworkId: copy.id,
        itemId: copy.local(source.ids.k1),
        kinds: ["take"],
      });
      assert.deepEqual(
        records.filter((r) => r.field).map((r) => r.field),
        ["statement_en"],
        "history names the one field taken",
      );
      assert.equal((await upstreamReport(db, copy.id)).entries.length, 0);
    });

    test("'upstream before' follows the edition last taken; the copy says which edition it caught up with", async () => {
      const source = await makeSource(db);
      const copy = await adopt(db, source);
      await edit(db, source.id, source.ids.k1, { code: "K1.v2" });
      await publish(db, source.id); // edition 2
      await decide(db, copy.id, source.ids.k1, take);
      await edit(db, source.id, source.ids.k2, { code: "K2.v3" });
      await publish(db, source.id); // edition 3
      await edit(db, source.id, source.ids.k1, { code: "K1.v4" });
      await publish(db, source.id); // edition 4

      const report = await upstreamReport(db, copy.id, { caughtUp: true });
      assert.equal(report.adoption.adoptedEdition, 1, "the adopted edition never changes");
      const k1 = report.entries.find((e) => e.id === source.ids.k1);
      assert.deepEqual([k1?.baseEdition, k1?.three.base?.code, k1?.three.theirs?.code], [2, "K1.v2", "K1.v4"]);
      assert.equal(k1?.conflict, null, "what was taken is not a local change");
      assert.equal(report.caughtUpTo, 2, "edition 3 holds a change still waiting");
      await decide(db, copy.id, source.ids.k2, leave);
      assert.equal((await upstreamReport(db, copy.id, { caughtUp: true })).caughtUpTo, 3);
      await decide(db, copy.id, source.ids.k1, take);
      assert.equal((await upstreamReport(db, copy.id, { caughtUp: true })).caughtUpTo, 4);
    });

    test("a field changed on both sides is a conflict; keeping yours holds, and later upstream changes compare with what was left", async () => {
      const source = await makeSource(db);
      const copy = await adopt(db, source);
      const k1 = copy.local(source.ids.k1);
      await edit(db, copy.id, k1, { statement_en: "Ours" });
      await edit(db, source.id, source.ids.k1, { statement_en: "Theirs" });
      await publish(db, source.id);
      const entry = await entryFor(db, copy.id, source.ids.k1);
      assert.equal(entry?.conflict, "both_changed");
      assert.deepEqual(
        entry?.fields.filter((f) => f.conflict).map((f) => [f.base, f.ours, f.theirs]),
        [["Plans the budget", "Ours", "Theirs"]],
      );
      await decide(db, copy.id, source.ids.k1, leave);
      assert.equal((await findDraftItem(db, copy.id, k1))?.statement_en, "Ours");

      await edit(db, source.id, source.ids.k1, { statement_fr: "Planifie le budget annuel" });
      await publish(db, source.id);
      const next = await entryFor(db, copy.id, source.ids.k1);
      assert.deepEqual([next?.conflict, next?.takes], [null, ["statement_fr"]]);
      await decide(db, copy.id, source.ids.k1, take);
      const local = await findDraftItem(db, copy.id, k1);
      assert.deepEqual([local?.statement_en, local?.statement_fr], ["Ours", "Planifie le budget annuel"]);
    });

    test("a merge takes some fields, keeps others and writes its own value, with history saying which", async () => {
      const source = await makeSource(db);
      const copy = await adopt(db, source);
      const k2 = copy.local(source.ids.k2);
      await edit(db, copy.id, k2, { statement_en: "Ours", description_fr: "Note locale" });
      await edit(db, source.id, source.ids.k2, { statement_en: "Theirs", statement_fr: "La leur", code: "K2" });
      await publish(db, source.id);
      await decide(db, copy.id, source.ids.k2, {
        kind: "merge",
        choices: {
          statement_en: { kind: "value", value: "Written by hand" },
          statement_fr: { kind: "theirs" },
          code: { kind: "ours" },
        },
      });
      const local = await findDraftItem(db, copy.id, k2);
      assert.deepEqual(
        [local?.statement_en, local?.statement_fr, local?.code, local?.description_fr],
        ["Written by hand", "La leur", null, "Note locale"],
      );
      const records = await listChanges(db, { frameworkId: copy.id, itemId: k2, kinds: ["take", "update"], limit: 10 });
      const newest = records.filter((r) => r.batch_id === records[0].batch_id && r.field);
      assert.deepEqual(newest.map((r) => [r.kind, r.field]).sort(), [
        ["take", "statement_fr"],
        ["update", "statement_en"],
      ]);
      assert.equal((await entryFor(db, copy.id, source.ids.k2))?.kind, undefined, "nothing waits for it any more");
    });

    test("removed upstream while edited locally: a conflict; taking deletes the copy with what is under it", async () => {
      const source = await makeSource(db);
      const copy = await adopt(db, source);
      await newItem(db, copy.id, copy.local(source.ids.b), "ksa", "A local KSA");
      await deleteItem(db, ana, source.id, source.ids.b, 1);
      await publish(db, source.id);
      const report = await upstreamReport(db, copy.id);
      assert.deepEqual(
        report.entries.map((e) => [e.id, e.kind, e.conflict]),
        [
          [source.ids.b, "removed", "edited_locally"],
          [source.ids.k3, "removed", null],
        ],
      );
      await decide(db, copy.id, source.ids.b, take);
      const left = await listDraftItems(db, copy.id);
      assert.equal(left.length, 3, "the area, its KSA and the local KSA under it are gone");
      assert.equal((await upstreamReport(db, copy.id)).entries.length, 0, "removed on both sides: nothing waits");
    });

    test("changed upstream but deleted locally: a conflict; taking upstream's brings it back under its parent", async () => {
      const source = await makeSource(db);
      const copy = await adopt(db, source);
      await deleteItem(db, ana, copy.id, copy.local(source.ids.k2), 0);
      await edit(db, source.id, source.ids.k2, { statement_en: "Reports spending monthly" });
      await publish(db, source.id);
      const entry = await entryFor(db, copy.id, source.ids.k2);
      assert.deepEqual([entry?.kind, entry?.conflict], ["changed", "removed_locally"]);
      await decide(db, copy.id, source.ids.k2, take);
      const back = await findDraftItem(db, copy.id, copy.local(source.ids.k2));
      assert.deepEqual([back?.statement_en, back?.parent_id], ["Reports spending monthly", copy.local(source.ids.a)]);
    });

    test("items added upstream name their parent; a child waits for its parent's addition to be taken", async () => {
      const source = await makeSource(db);
      const copy = await adopt(db, source);
      const c = await newItem(db, source.id, null, "area", "Marketing", "Marketing (fr)");
      const kc = await newItem(db, source.id, c, "ksa", "Promotes services");
      await publish(db, source.id);
      const child = await entryFor(db, copy.id, kc);
      assert.deepEqual(
        [child?.kind, child?.parentMissing, child?.parents.theirs?.statement.en],
        ["added", true, "Marketing"],
      );
      const refused = decideUpstreamChange(db, ana, copy.id, kc, child?.fingerprint as string, take);
      await assert.rejects(refused, refusedWith("restore_parent_missing"));
      await decide(db, copy.id, c, take);
      await decide(db, copy.id, kc, take);
      const created = await findDraftItem(db, copy.id, copy.local(kc));
      assert.equal(created?.parent_id, copy.local(c));
      assert.equal(created?.type, "ksa");
    });

    test("moved upstream: taking moves the copy; moved locally elsewhere too: a conflict", async () => {
      const source = await makeSource(db);
      const copy = await adopt(db, source);
      await moveItem(db, ana, source.id, source.ids.k1, source.ids.b);
      await moveItem(db, ana, source.id, source.ids.k2, source.ids.b);
      await publish(db, source.id);
      await moveItem(db, ana, copy.id, copy.local(source.ids.k2), null);
      assert.deepEqual((await entryFor(db, copy.id, source.ids.k1))?.takes, ["parent_id"]);
      assert.equal((await entryFor(db, copy.id, source.ids.k2))?.conflict, "both_changed");
      await decide(db, copy.id, source.ids.k1, take);
      assert.equal((await findDraftItem(db, copy.id, copy.local(source.ids.k1)))?.parent_id, copy.local(source.ids.b));
    });

    test("a stale page is refused; a repeated decision does nothing; the tracking row records the edition", async () => {
      const source = await makeSource(db);
      const copy = await adopt(db, source);
      await edit(db, source.id, source.ids.k3, { code: "K3" });
      await publish(db, source.id);
      const entry = await entryFor(db, copy.id, source.ids.k3);
      // The draft changes after the page was shown: the fingerprint no longer matches.
      await edit(db, copy.id, copy.local(source.ids.k3), { description_en: "Local note" });
      await assert.rejects(
        decideUpstreamChange(db, ana, copy.id, source.ids.k3, entry?.fingerprint as string, take),
        refusedWith("stale"),
      );
      await decide(db, copy.id, source.ids.k3, take);
      assert.deepEqual(
        await decideUpstreamChange(db, ana, copy.id, source.ids.k3, entry?.fingerprint as string, take),
        { outcome: "unchanged" },
      );
      const row = await db
        .selectFrom("adoption_items")
        .select(["edition", "decision", "kind"])
        .where("framework_id", "=", copy.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([Number(row.edition), row.decision, row.kind], [2, "take", "changed"]);
    });

    test("a copy never has exactly its source's title, when adopted or edited later", async () => {
      const source = await makeSource(db);
      const copy = await adopt(db, source);
      const framework = await findFrameworkById(db, copy.id);
      assert.equal(framework?.title_en, `Source ${source.slug} (local copy)`);
      assert.equal(framework?.title_fr, `Source ${source.slug} (fr) (copie locale)`);
      await assert.rejects(
        adoptFramework(db, ana, {
          source: source.slug,
          id: crypto.randomUUID(),
          slug: `${copy.slug}-2`,
          title_en: `  source ${source.slug.toUpperCase()} `,
          title_fr: null,
        }),
        refusedWith("title_same_as_source"),
      );
      const details = {
        title_en: `Source ${source.slug}`,
        title_fr: framework?.title_fr ?? null,
        description_en: null,
        description_fr: null,
      };
      await assert.rejects(
        editFrameworkDetails(db, ana, copy.id, details, framework?.updated_at as string),
        refusedWith("title_same_as_source"),
      );
      assert.equal((await findFrameworkById(db, copy.id))?.title_en, framework?.title_en, "nothing saved");
    });

    test("a published copy tells readers which edition of its source it is based on", async () => {
      const source = await makeSource(db);
      const copy = await adopt(db, source);
      await edit(db, source.id, source.ids.k1, { code: "K1" });
      await publish(db, source.id);
      await publish(db, copy.id);
      const edition = await latestEdition(db, copy.id);
      assert.ok(edition);
      assert.deepEqual((await readEditionContent(db, edition)).adoptedFrom, {
        id: source.id,
        slug: source.slug,
        title: { en: `Source ${source.slug}`, fr: `Source ${source.slug} (fr)` },
        edition: 1,
      });
      await decide(db, copy.id, source.ids.k1, take);
      await publish(db, copy.id);
      const view = await createCatalog(db, { checkIntervalMs: 0 }).get(copy.slug);
      assert.equal(view?.adoptedFrom?.edition, 2);
      const first = await createCatalog(db, { checkIntervalMs: 0 }).edition(copy.slug, 1);
      assert.equal(first?.adoptedFrom?.edition, 1, "each edition keeps what it was based on");
      assert.equal((await createCatalog(db, { checkIntervalMs: 0 }).get(source.slug))?.adoptedFrom, undefined);
    });
  });
}
