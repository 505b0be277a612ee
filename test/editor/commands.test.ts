/** Editor commands on every database: each writes its change and its history in one transaction. */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { loadStarterFramework } from "../../src/content/load-starter.ts";
import type { Database } from "../../src/db/connect.ts";
import { listChanges } from "../../src/editor/changes-store.ts";
import { adoptFramework, decideUpstreamChange, localItemId, upstreamReport } from "../../src/editor/commands/adopt.ts";
import { createFramework, editFrameworkDetails } from "../../src/editor/commands/frameworks.ts";
import {
  addItem,
  deleteItem,
  deletionSet,
  editItem,
  moveItem,
  reorderItem,
  setChildOrder,
} from "../../src/editor/commands/items.ts";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import { restoreChange } from "../../src/editor/commands/restore.ts";
import { findDraftItem, listDraftItems } from "../../src/frameworks/draft-store.ts";
import { EditorError } from "../../src/frameworks/errors.ts";
import { findFrameworkBySlug } from "../../src/frameworks/store.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";

const SLUG = "public-library-staff";
const ana = { id: "u-ana", email: "ana@example.org", name: "Ana", role: "editor" as const };
const ben = { id: "u-ben", email: "ben@example.org", name: null, role: "editor" as const };

const refusedWith = (code: string) => (error: unknown) => error instanceof EditorError && error.code === code;

for (const dialect of testDialects()) {
  describe(`editor commands (${dialect})`, () => {
    let database: Database;
    let fw: string;
    const idOf = async (code: string) =>
      (
        await database.db
          .selectFrom("items")
          .select("id")
          .where("framework_id", "=", fw)
          .where("code", "=", code)
          .executeTakeFirstOrThrow()
      ).id;
    const item = async (code: string) =>
      (await findDraftItem(database.db, fw, await idOf(code))) as NonNullable<
        Awaited<ReturnType<typeof findDraftItem>>
      >;
    const counts = async () => ({
      items: Number(
        (
          await database.db
            .selectFrom("items")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      changes: Number(
        (
          await database.db
            .selectFrom("changes")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    });
    const text = (over: Record<string, unknown> = {}) => ({
      code: null,
      type: "ksa",
      statement_en: "Reads budgets",
      statement_fr: null,
      description_en: null,
      description_fr: null,
      ...over,
    });

    before(async () => {
      database = await openTestDatabase(dialect);
      await loadStarterFramework(database.db);
      fw = (await findFrameworkBySlug(database.db, SLUG))?.id as string;
    });
    after(() => database.close());

    test("add: the item and its create record; a repeated submit creates nothing more", async () => {
      const parent = await idOf("ML.CR.1");
      const id = randomUUID();
      const before = await counts();
      assert.deepEqual(await addItem(database.db, ana, fw, { ...text(), id, parent }), { outcome: "done", id });
      assert.deepEqual(await addItem(database.db, ana, fw, { ...text(), id, parent }), { outcome: "unchanged", id });
      assert.deepEqual(await counts(), { items: before.items + 1, changes: before.changes + 1 });
      const [record] = await listChanges(database.db, { frameworkId: fw, itemId: id });
      assert.equal(record.kind, "create");
      assert.equal(record.actor_label, "Ana");
      assert.ok(record.item_path?.includes(`/${parent}/${id}/`));
      const added = await findDraftItem(database.db, fw, id);
      const siblings = (await listDraftItems(database.db, fw)).filter((i) => i.parent_id === parent);
      assert.equal(added?.position, Math.max(...siblings.map((s) => s.position)));
    });

    test("add: an unknown parent or type is refused and nothing is written", async () => {
      const before = await counts();
      await assert.rejects(
        addItem(database.db, ana, fw, { ...text(), id: randomUUID(), parent: randomUUID() }),
        refusedWith("unknown_parent"),
      );
      await assert.rejects(
        addItem(database.db, ana, fw, { ...text({ type: "nope" }), id: randomUUID(), parent: "" }),
        refusedWith("unknown_type"),
      );
      assert.deepEqual(await counts(), before);
    });

    test("edit: field-level history, a new version; the same values again change nothing", async () => {
      const current = await item("ML.CR.1.1");
      const input = {
        ...text({
          code: current.code,
          type: current.type,
          statement_en: "Builds partnerships",
          statement_fr: "Bâtit des partenariats",
          description_en: current.description_en,
          description_fr: current.description_fr,
        }),
        version: current.version,
      };
      const saved = await editItem(database.db, ana, fw, current.id, input);
      assert.deepEqual(saved, { outcome: "done", version: current.version + 1 });
      const records = await listChanges(database.db, { frameworkId: fw, itemId: current.id });
      assert.deepEqual(
        records.map((r) => [r.kind, r.field, JSON.parse(r.before as string), JSON.parse(r.after as string)]),
        [
          ["update", "statement_en", current.statement_en, "Builds partnerships"],
          ["update", "statement_fr", current.statement_fr, "Bâtit des partenariats"],
        ],
      );
      // A double submit carries the old version but finds its own values: harmless.
      assert.deepEqual(await editItem(database.db, ana, fw, current.id, input), {
        outcome: "unchanged",
        version: current.version + 1,
      });
    });

    test("edit: a stale save is refused with what changed meanwhile, who did it, and nothing is overwritten", async () => {
      const start = await item("ML.CR.1.2");
      const base = {
        code: start.code,
        type: start.type,
        statement_en: start.statement_en,
        statement_fr: start.statement_fr,
        description_en: start.description_en,
        description_fr: start.description_fr,
        version: start.version,
      };
      await editItem(database.db, ben, fw, start.id, { ...base, statement_fr: "Version de Ben" });
      await assert.rejects(
        editItem(database.db, ana, fw, start.id, { ...base, statement_fr: "Version d'Ana" }),
        (error: unknown) => {
          assert.ok(error instanceof EditorError && error.code === "stale");
          assert.deepEqual(
            (error.details as { conflicts: unknown[] }).conflicts.map((c) => ({ ...(c as object), at: undefined })),
            [
              {
                field: "statement_fr",
                theirs: "Version de Ben",
                yours: "Version d'Ana",
                by: "ben@example.org",
                at: undefined,
              },
            ],
          );
          return true;
        },
      );
      assert.equal((await item("ML.CR.1.2")).statement_fr, "Version de Ben");
    });

    test("edit: two editors saving the same version at once — exactly one wins", async () => {
      const start = await item("ML.CR.1.3");
      const base = {
        code: start.code,
        type: start.type,
        statement_en: start.statement_en,
        statement_fr: start.statement_fr,
        description_en: start.description_en,
        description_fr: start.description_fr,
        version: start.version,
      };
      const results = await Promise.allSettled([
        editItem(database.db, ana, fw, start.id, { ...base, statement_en: "Ana's" }),
        editItem(database.db, ben, fw, start.id, { ...base, statement_en: "Ben's" }),
      ]);
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      assert.ok(refusedWith("stale")(refused.reason));
      const now = await item("ML.CR.1.3");
      assert.equal(now.version, start.version + 1);
      assert.equal((await listChanges(database.db, { frameworkId: fw, itemId: start.id })).length, 1);
    });

    test("reorder: up and down by the place shown; a repeated click does nothing more", async () => {
      const area = await idOf("ML.CR");
      const order = async () =>
        (await listDraftItems(database.db, fw))
          .filter((i) => i.parent_id === area)
          .sort((a, b) => a.position - b.position)
          .map((i) => i.code);
      const before = await order();
      const second = await idOf(before[1] as string);
      assert.deepEqual(await reorderItem(database.db, ana, fw, second, { kind: "up" }, 2), { outcome: "done" });
      assert.deepEqual(await reorderItem(database.db, ana, fw, second, { kind: "up" }, 2), { outcome: "unchanged" });
      assert.deepEqual(await order(), [before[1], before[0], ...before.slice(2)]);
      await reorderItem(database.db, ana, fw, second, { kind: "to", position: 99 }, 1);
      assert.equal((await order()).at(-1), before[1]);
      const records = await listChanges(database.db, { frameworkId: fw, itemId: second, kinds: ["reorder"] });
      assert.equal(records.length, 2);
      assert.equal(records[0].field, "position");
    });

    test("move: under its own descendant is refused; elsewhere the subtree follows, with history", async () => {
      const area = await idOf("ML.CR");
      await assert.rejects(
        moveItem(database.db, ana, fw, area, await idOf("ML.CR.2")),
        refusedWith("under_descendant"),
      );
      await assert.rejects(moveItem(database.db, ana, fw, area, area), refusedWith("under_itself"));
      await assert.rejects(moveItem(database.db, ana, fw, area, randomUUID()), refusedWith("unknown_parent"));
      const competency = await idOf("ML.CR.2");
      const target = await idOf("ML.BF");
      const children = (await listDraftItems(database.db, fw)).filter((i) => i.parent_id === competency).length;
      assert.deepEqual(await moveItem(database.db, ana, fw, competency, target), { outcome: "done" });
      const items = await listDraftItems(database.db, fw);
      assert.equal(items.find((i) => i.id === competency)?.parent_id, target);
      assert.equal(items.filter((i) => i.parent_id === competency).length, children);
      const [move] = await listChanges(database.db, { frameworkId: fw, itemId: competency, kinds: ["move"] });
      assert.ok(move);
      // …and the move can be restored from its record.
      const parentRecord = (
        await listChanges(database.db, { frameworkId: fw, itemId: competency, kinds: ["move"] })
      ).find((r) => r.field === "parent_id");
      assert.deepEqual(await restoreChange(database.db, ana, fw, parentRecord?.id as string), {
        outcome: "done",
        itemId: competency,
      });
      assert.equal((await findDraftItem(database.db, fw, competency))?.parent_id, area);
    });

    test("drag and drop: a whole new order, refused when the page listed other children", async () => {
      const area = await idOf("ML.CR");
      const ids = (await listDraftItems(database.db, fw))
        .filter((i) => i.parent_id === area)
        .sort((a, b) => a.position - b.position)
        .map((i) => i.id);
      assert.deepEqual(await setChildOrder(database.db, ana, fw, area, [...ids].reverse()), { outcome: "done" });
      await assert.rejects(setChildOrder(database.db, ana, fw, area, ids.slice(1)), refusedWith("stale_order"));
      const now = (await listDraftItems(database.db, fw))
        .filter((i) => i.parent_id === area)
        .sort((a, b) => a.position - b.position)
        .map((i) => i.id);
      assert.deepEqual(now, [...ids].reverse());
    });

    test("delete: exactly the subtree shown goes, in one batch; it can be restored whole", async () => {
      const competency = await idOf("ML.CR.3");
      const shown = await deletionSet(database.db, fw, competency);
      assert.ok(shown && shown.subtree.length > 0);
      const before = await counts();
      // The page showed one item fewer than there is now: refused, nothing deleted.
      await assert.rejects(
        deleteItem(database.db, ana, fw, competency, shown.subtree.length - 1),
        refusedWith("stale"),
      );
      assert.deepEqual(await counts(), before);
      assert.deepEqual(await deleteItem(database.db, ana, fw, competency, shown.subtree.length), {
        outcome: "done",
        deleted: shown.subtree.length + 1,
      });
      assert.deepEqual(await deleteItem(database.db, ana, fw, competency, shown.subtree.length), {
        outcome: "unchanged",
        deleted: 0,
      });
      const after = await counts();
      assert.equal(after.items, before.items - shown.subtree.length - 1);
      assert.equal(after.changes, before.changes + shown.subtree.length + 1);
      const [deleted] = await listChanges(database.db, { frameworkId: fw, itemId: competency, kinds: ["delete"] });
      assert.deepEqual(await restoreChange(database.db, ben, fw, deleted.id), { outcome: "done", itemId: competency });
      assert.equal((await counts()).items, before.items);
      const restored = await deletionSet(database.db, fw, competency);
      assert.deepEqual(
        restored?.subtree.map((i) => i.statement_en),
        shown.subtree.map((i) => i.statement_en),
      );
      assert.deepEqual(await restoreChange(database.db, ben, fw, deleted.id), {
        outcome: "unchanged",
        itemId: competency,
      });
    });

    test("restore: an earlier value comes back as a new change; stale versions are refused", async () => {
      const current = await item("ML.CR.1.1");
      const [latest] = await listChanges(database.db, { frameworkId: fw, itemId: current.id, kinds: ["update"] });
      await assert.rejects(restoreChange(database.db, ana, fw, latest.id, current.version - 1), refusedWith("stale"));
      assert.deepEqual(await restoreChange(database.db, ana, fw, latest.id, current.version), {
        outcome: "done",
        itemId: current.id,
      });
      const now = await item("ML.CR.1.1");
      assert.equal(now[latest.field as "statement_fr"], JSON.parse(latest.before as string));
      const [restore] = await listChanges(database.db, { frameworkId: fw, itemId: current.id, kinds: ["restore"] });
      assert.equal(restore.field, latest.field);
      await assert.rejects(restoreChange(database.db, ana, fw, randomUUID()), refusedWith("not_found"));
    });

    test("frameworks: created empty as a draft (not public), details edited with history and stale check", async () => {
      const id = randomUUID();
      const input = {
        id,
        slug: "my-local-index",
        title_en: "Local index",
        title_fr: null,
        description_en: null,
        description_fr: null,
      };
      assert.deepEqual(await createFramework(database.db, ana, input), { outcome: "done", slug: "my-local-index" });
      assert.deepEqual(await createFramework(database.db, ana, input), {
        outcome: "unchanged",
        slug: "my-local-index",
      });
      await assert.rejects(
        createFramework(database.db, ana, { ...input, id: randomUUID() }),
        refusedWith("slug_taken"),
      );
      const created = await findFrameworkBySlug(database.db, "my-local-index");
      assert.equal(created?.status, "draft");
      await editFrameworkDetails(
        database.db,
        ana,
        id,
        { title_en: "Local index", title_fr: "Index local", description_en: null, description_fr: null },
        created?.updated_at as string,
      );
      await assert.rejects(
        editFrameworkDetails(
          database.db,
          ben,
          id,
          { title_en: "Other", title_fr: null, description_en: null, description_fr: null },
          created?.updated_at as string,
        ),
        refusedWith("stale"),
      );
      const [title] = await listChanges(database.db, { frameworkId: id, kinds: ["update"] });
      assert.equal(title.field, "title_fr");
    });

    test("adopt: a local copy remembers its source; upstream changes are listed, taken or left", async () => {
      // Earlier tests left draft changes: publish them first, so the adopted edition holds them.
      await publishEdition(database.db, fw, ben, { en: "Earlier edits.", fr: "Modifications antérieures." });
      const id = randomUUID();
      await adoptFramework(database.db, ana, { source: SLUG, id, slug: "our-edition", title_en: null, title_fr: null });
      const local = await findFrameworkBySlug(database.db, "our-edition");
      assert.equal(local?.title_en, `${(await findFrameworkBySlug(database.db, SLUG))?.title_en} (local copy)`);
      assert.equal((await upstreamReport(database.db, id)).entries.length, 0);

      // Upstream: one statement changed, one KSA added, one removed; then published.
      const changed = await item("ML.BF.1.1");
      await editItem(database.db, ben, fw, changed.id, {
        code: changed.code,
        type: changed.type,
        statement_en: "Upstream wording",
        statement_fr: changed.statement_fr,
        description_en: null,
        description_fr: null,
        version: changed.version,
      });
      const added = randomUUID();
      await addItem(database.db, ben, fw, {
        ...text({ statement_en: "A new upstream KSA" }),
        id: added,
        parent: await idOf("ML.BF.1"),
      });
      const removed = await idOf("ML.BF.1.2");
      await deleteItem(database.db, ben, fw, removed, 0);
      await publishEdition(database.db, fw, ben, { en: "Budget updates.", fr: "Mises à jour du budget." });

      const report = await upstreamReport(database.db, id);
      assert.deepEqual(
        report.entries.map((e) => [e.kind, e.id]).sort(),
        [
          ["added", added],
          ["changed", changed.id],
          ["removed", removed],
        ].sort(),
      );
      const byKind = (kind: string) =>
        report.entries.find((e) => e.kind === kind) as { id: string; fingerprint: string };
      const take = { kind: "take" } as const;
      const leave = { kind: "leave" } as const;

      // A fingerprint of other versions than the ones now (upstream or the draft moved on) is refused.
      await assert.rejects(
        decideUpstreamChange(database.db, ana, id, changed.id, "0".repeat(32), take),
        refusedWith("stale"),
      );
      await decideUpstreamChange(database.db, ana, id, byKind("changed").id, byKind("changed").fingerprint, take);
      assert.equal(
        (await findDraftItem(database.db, id, localItemId(id, changed.id)))?.statement_en,
        "Upstream wording",
      );
      await decideUpstreamChange(database.db, ana, id, byKind("added").id, byKind("added").fingerprint, take);
      assert.equal((await findDraftItem(database.db, id, localItemId(id, added)))?.statement_en, "A new upstream KSA");
      await decideUpstreamChange(database.db, ana, id, byKind("removed").id, byKind("removed").fingerprint, leave);
      assert.ok(await findDraftItem(database.db, id, localItemId(id, removed)), "a left removal keeps the local item");
      assert.deepEqual(
        await decideUpstreamChange(database.db, ana, id, byKind("removed").id, byKind("removed").fingerprint, take),
        { outcome: "unchanged" },
      );
      assert.equal((await upstreamReport(database.db, id)).entries.length, 0);
      const takes = await listChanges(database.db, { frameworkId: id, kinds: ["take", "leave"], limit: 100 });
      const markers = takes.filter((c) => c.field === null && "decision" in JSON.parse(c.after ?? "{}"));
      assert.deepEqual(markers.map((c) => c.kind).sort(), ["leave", "take", "take"], "one marker per decision");
      // Once decided, a repeated decision does nothing.
      assert.deepEqual(await decideUpstreamChange(database.db, ana, id, changed.id, "0".repeat(32), take), {
        outcome: "unchanged",
      });
    });
  });
}
