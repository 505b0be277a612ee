/**
 * "Translation may be out of date": the rule on its own, then the real commands on every database.
 * The property: over random sequences of one-language and both-language edits and confirmations,
 * a text is flagged iff its last change touched exactly one language, both languages have a text,
 * that change neither updated the language then flagged nor filled in an empty one, and nobody
 * confirmed since.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { loadStarterFramework } from "../../src/content/load-starter.ts";
import type { Database } from "../../src/db/connect.ts";
import { editFrameworkDetails } from "../../src/editor/commands/frameworks.ts";
import { addItem, deleteItem, editItem } from "../../src/editor/commands/items.ts";
import { restoreChange } from "../../src/editor/commands/restore.ts";
import { confirmTranslation } from "../../src/editor/commands/translations.ts";
import { listOutdated, outdatedOf } from "../../src/editor/flags-store.ts";
import { type BilingualText, nextFlag, type Pair, type TextLang } from "../../src/editor/translations.ts";
import { findDraftItem } from "../../src/frameworks/draft-store.ts";
import { findFrameworkBySlug } from "../../src/frameworks/store.ts";
import { loadDraftAsImport } from "../../src/interop/draft-store.ts";
import { importFramework } from "../../src/interop/import.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";

const SLUG = "public-library-staff";
const ana = { id: "u-ana", email: "ana@example.org", name: "Ana Editor", role: "editor" as const };

describe("nextFlag", () => {
  const p = (en: string | null, fr: string | null): Pair => ({ en, fr });
  const cases: [string, TextLang | null, Pair, Pair, TextLang | null][] = [
    ["English changes alone: French may be out of date", null, p("a", "b"), p("A", "b"), "fr"],
    ["French changes alone: English may be out of date", null, p("a", "b"), p("a", "B"), "en"],
    ["both change: nothing to check", "fr", p("a", "b"), p("A", "B"), null],
    ["nothing changes: the flag stays", "fr", p("a", "b"), p("a", "b"), "fr"],
    ["the flagged French is updated: answered", "fr", p("A", "b"), p("A", "B"), null],
    ["English changes again while French is flagged: still French", "fr", p("A", "b"), p("AA", "b"), "fr"],
    ["English changes while English was flagged: answered", "en", p("a", "B"), p("A", "B"), null],
    ["the other language is empty: missing, not out of date", null, p("a", null), p("A", null), null],
    ["one language is emptied: missing, not out of date", "fr", p("a", "b"), p(null, "b"), null],
    ["a language is added where it was missing: nothing to check", null, p("a", null), p("a", "b"), null],
  ];
  for (const [name, current, before, after, expected] of cases)
    test(name, () => assert.equal(nextFlag(current, before, after), expected));
});

/** What one generated step does to one text of the item. */
type Step =
  | { kind: "edit"; field: "statement" | "description"; en: "keep" | "new" | "clear"; fr: "keep" | "new" | "clear" }
  | { kind: "confirm"; field: "statement" | "description"; lang: TextLang; via: "page" | "form" };

const fields = ["statement", "description"] as const;
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      field: fc.constantFrom(...fields),
      en: fc.constantFrom("keep" as const, "new" as const, "new" as const, "clear" as const),
      fr: fc.constantFrom("keep" as const, "new" as const, "new" as const, "clear" as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("confirm" as const),
      field: fc.constantFrom(...fields),
      lang: fc.constantFrom("en" as const, "fr" as const),
      via: fc.constantFrom("page" as const, "form" as const),
    }),
  },
);

/** The spec, as a person would check it by reading the history of one text. */
class TextModel {
  flagged: TextLang | null = null;
  constructor(public text: Pair) {}
  edit(next: Pair) {
    const touched = (["en", "fr"] as const).filter((l) => this.text[l] !== next[l]);
    const previous = this.text;
    this.text = next;
    if (touched.length === 0) return;
    if (touched.length === 2) this.flagged = null;
    // The last change touched exactly one language: was it the update the flag asked for, or a
    // translation written where there was none?
    else if (this.flagged === touched[0] || !previous[touched[0]]) this.flagged = null;
    else this.flagged = next.en && next.fr ? (touched[0] === "en" ? "fr" : "en") : null;
  }
  confirm(lang: TextLang) {
    if (this.flagged === lang) this.flagged = null;
  }
}

for (const dialect of testDialects()) {
  describe(`translation flags through the editor's commands (${dialect})`, () => {
    let database: Database;
    let frameworkId: string;
    let parentId: string;
    let counter = 0;
    const fresh = (lang: TextLang) => `${lang === "en" ? "Text" : "Texte"} ${++counter}`;

    before(async () => {
      database = await openTestDatabase(dialect);
      await loadStarterFramework(database.db);
      frameworkId = (await findFrameworkBySlug(database.db, SLUG))?.id as string;
      parentId = (
        await database.db.selectFrom("items").select("id").where("code", "=", "ML.CR.2").executeTakeFirstOrThrow()
      ).id;
    });
    after(() => database.close());

    const flagsOf = async (itemId: string | null) =>
      Object.fromEntries([...(await outdatedOf(database.db, frameworkId, itemId))].map(([f, flag]) => [f, flag.lang]));

    test("property: flagged iff the last change touched one language, did not answer a flag, and was not confirmed", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 8 }), async (steps) => {
          const id = randomUUID();
          const start = { statement: { en: fresh("en"), fr: fresh("fr") }, description: { en: fresh("en"), fr: null } };
          await addItem(database.db, ana, frameworkId, {
            id,
            parent: parentId,
            type: "ksa",
            code: null,
            statement_en: start.statement.en,
            statement_fr: start.statement.fr,
            description_en: start.description.en,
            description_fr: start.description.fr,
          });
          const model = { statement: new TextModel(start.statement), description: new TextModel(start.description) };
          for (const step of steps) {
            const item = await findDraftItem(database.db, frameworkId, id);
            assert.ok(item);
            const current = (field: BilingualText): Pair => model[field as "statement" | "description"].text;
            const input = {
              type: item.type,
              code: item.code,
              statement_en: item.statement_en,
              statement_fr: item.statement_fr,
              description_en: item.description_en,
              description_fr: item.description_fr,
              version: item.version,
            };
            if (step.kind === "edit") {
              const next = { ...current(step.field) };
              for (const lang of ["en", "fr"] as const)
                if (step[lang] === "new") next[lang] = fresh(lang);
                else if (step[lang] === "clear" && step.field === "description") next[lang] = null;
              await editItem(database.db, ana, frameworkId, id, {
                ...input,
                [`${step.field}_en`]: next.en,
                [`${step.field}_fr`]: next.fr,
              });
              model[step.field].edit(next);
            } else {
              if (step.via === "page")
                await confirmTranslation(database.db, ana, frameworkId, id, { field: step.field, lang: step.lang });
              // The edit form's checkbox, saved without changing any text.
              else await editItem(database.db, ana, frameworkId, id, input, [{ field: step.field, lang: step.lang }]);
              model[step.field].confirm(step.lang);
            }
            const expected = Object.fromEntries(
              fields.flatMap((f) => (model[f].flagged ? [[f, model[f].flagged]] : [])),
            );
            assert.deepEqual(await flagsOf(id), expected, JSON.stringify(steps));
          }
        }),
        { numRuns: dialect === "sqlite" ? 40 : 15 },
      );
    });

    test("a save that flags, and a confirmation, are recorded in the same transaction as the change", async () => {
      const id = randomUUID();
      await addItem(database.db, ana, frameworkId, {
        id,
        parent: parentId,
        type: "ksa",
        code: null,
        statement_en: "Plans a book club",
        statement_fr: "Planifie un club de lecture",
        description_en: null,
        description_fr: null,
      });
      const item = await findDraftItem(database.db, frameworkId, id);
      assert.ok(item);
      // A refused (stale) save changes nothing, flags included.
      await assert.rejects(
        editItem(database.db, ana, frameworkId, id, { ...item, statement_en: "Runs a book club", version: 99 }),
      );
      assert.deepEqual(await flagsOf(id), {});
      await editItem(database.db, ana, frameworkId, id, { ...item, statement_en: "Runs a book club" });
      const [flag] = (await listOutdated(database.db, frameworkId)).filter((f) => f.itemId === id);
      assert.deepEqual([flag.field, flag.lang, flag.flaggedBy], ["statement", "fr", "Ana Editor"]);
      assert.deepEqual(
        await confirmTranslation(database.db, ana, frameworkId, id, { field: "statement", lang: "fr" }),
        {
          outcome: "done",
        },
      );
      assert.deepEqual(
        await confirmTranslation(database.db, ana, frameworkId, id, { field: "statement", lang: "fr" }),
        {
          outcome: "unchanged",
        },
      );
      const confirmed = await database.db
        .selectFrom("changes")
        .select(["kind", "field", "after", "actor_label"])
        .where("item_id", "=", id)
        .where("kind", "=", "confirm")
        .execute();
      assert.deepEqual(confirmed, [
        {
          kind: "confirm",
          field: "statement_fr",
          after: JSON.stringify("Planifie un club de lecture"),
          actor_label: "Ana Editor",
        },
      ]);
    });

    test("restoring one language is a one-language change; a deleted item's flags go with it", async () => {
      const id = randomUUID();
      await addItem(database.db, ana, frameworkId, {
        id,
        parent: parentId,
        type: "ksa",
        code: null,
        statement_en: "Reads aloud",
        statement_fr: "Lit à voix haute",
        description_en: null,
        description_fr: null,
      });
      let item = await findDraftItem(database.db, frameworkId, id);
      assert.ok(item);
      await editItem(database.db, ana, frameworkId, id, {
        ...item,
        statement_en: "Reads aloud to children",
        statement_fr: "Lit à voix haute aux enfants",
      });
      assert.deepEqual(await flagsOf(id), {}, "both languages changed together");
      const change = await database.db
        .selectFrom("changes")
        .select("id")
        .where("item_id", "=", id)
        .where("field", "=", "statement_en")
        .where("kind", "=", "update")
        .executeTakeFirstOrThrow();
      await restoreChange(database.db, ana, frameworkId, change.id);
      assert.deepEqual(await flagsOf(id), { statement: "fr" }, "the English came back alone: check the French");
      item = await findDraftItem(database.db, frameworkId, id);
      assert.equal(item?.statement_en, "Reads aloud");
      await deleteItem(database.db, ana, frameworkId, id, 0);
      assert.equal((await listOutdated(database.db, frameworkId)).filter((f) => f.itemId === id).length, 0);
    });

    test("the framework's own title and description are flagged and confirmed the same way", async () => {
      const framework = await findFrameworkBySlug(database.db, SLUG);
      assert.ok(framework);
      const details = {
        title_en: framework.title_en,
        title_fr: framework.title_fr,
        description_en: framework.description_en,
        description_fr: framework.description_fr,
      };
      await editFrameworkDetails(
        database.db,
        ana,
        frameworkId,
        { ...details, title_fr: `${framework.title_fr} (révisé)` },
        framework.updated_at,
      );
      assert.deepEqual(await flagsOf(null), { title: "en" });
      const saved = await findFrameworkBySlug(database.db, SLUG);
      // The form's checkbox, saved without other changes.
      const result = await editFrameworkDetails(
        database.db,
        ana,
        frameworkId,
        { ...details, title_fr: saved?.title_fr ?? null },
        saved?.updated_at ?? "",
        [{ field: "title", lang: "en" }],
      );
      assert.equal(result.outcome, "done");
      assert.deepEqual(await flagsOf(null), {});
    });

    test("imports: both languages set flag nothing (and answer a flag); one language flags the other", async () => {
      const target = (
        await database.db.selectFrom("items").select("id").where("code", "=", "ML.CR.3").executeTakeFirstOrThrow()
      ).id;
      const item = await findDraftItem(database.db, frameworkId, target);
      assert.ok(item);
      await editItem(database.db, ana, frameworkId, target, { ...item, statement_en: "Edited in English only" });
      assert.deepEqual(await flagsOf(target), { statement: "fr" });
      const reimport = async (change: (texts: { en: string | null; fr: string | null }) => void) => {
        const framework = await findFrameworkBySlug(database.db, SLUG);
        assert.ok(framework);
        const imported = await loadDraftAsImport(database.db, framework);
        const find = (items: typeof imported.children): (typeof imported.children)[number] | undefined => {
          for (const node of items) {
            if (node.id === target) return node;
            const found = find(node.children);
            if (found) return found;
          }
          return undefined;
        };
        const node = find(imported.children);
        assert.ok(node);
        change(node.statement);
        const outcome = await importFramework(database.db, imported);
        assert.ok(outcome.ok);
      };
      const before = await listOutdated(database.db, frameworkId);
      await reimport((s) => {
        s.en = "Imported English";
        s.fr = "Français importé";
      });
      assert.deepEqual(await flagsOf(target), {}, "both languages imported: the flag is answered");
      await reimport((s) => {
        s.fr = "Seul le français change";
      });
      assert.deepEqual(await flagsOf(target), { statement: "en" });
      const others = (flags: typeof before) => flags.filter((f) => f.itemId !== target).map((f) => [f.itemId, f.field]);
      assert.deepEqual(others(await listOutdated(database.db, frameworkId)), others(before), "nothing else flagged");
    });
  });
}
