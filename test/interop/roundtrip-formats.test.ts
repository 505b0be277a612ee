/**
 * Every export imports back (fast-check, generated frameworks of random shape and text), in each
 * format — Skillshelf JSON, CASE, XLSX, CSV — on every test database:
 * - into the framework it came from: the change report says 0, and nothing is written;
 * - after k random field changes to the exported file: the report names exactly those k fields,
 *   and the framework then exports what the changed file says;
 * - as a new framework: the same content under new identifiers, which itself re-imports with 0 changes.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import type { Database } from "../../src/db/connect.ts";
import type { FrameworkJson } from "../../src/frameworks/json.ts";
import { type ImportOptions, type ImportReport, importFramework } from "../../src/interop/import.ts";
import { hasErrors, type ImportedFramework } from "../../src/interop/model.ts";
import { openTestDatabase, testDialects } from "../support/app.ts";
import {
  type AnyJson,
  assertProperty,
  BASE_URL,
  content,
  draftCase,
  draftJson,
  FORMATS,
  type Format,
  fileOf,
  generatedFramework,
  itemsOf,
  reread,
  runs,
  text,
} from "./generated.ts";

/** A change to make: which field of which thing (taken modulo what exists), and a new text. */
interface Pick {
  target: number;
  field: number;
  value: string;
}
const pick: fc.Arbitrary<Pick> = fc.record({ target: fc.nat(), field: fc.nat(), value: text });
const picks = fc.array(pick, { minLength: 1, maxLength: 6 });

const FRAMEWORK_FIELDS = ["title.en", "title.fr", "description.en", "description.fr", "publisher", "licence"] as const;
const ITEM_FIELDS = ["statement.en", "statement.fr", "description.en", "description.fr", "code", "type"] as const;
const TYPE_FIELDS = ["label.en", "label.fr"] as const;

const setPath = (target: AnyJson, path: string, value: unknown) => {
  const [head, tail] = path.split(".");
  if (tail) target[head] = { ...target[head], [tail]: value };
  else target[head] = value;
};

/**
 * Changes made to the framework's JSON before it is written in `format` (as someone editing the
 * file would): the keys of the changes the report must list, "entity:id:field".
 */
function changeJson(json: FrameworkJson, format: Format, changes: Pick[]): Set<string> {
  const expected = new Set<string>();
  const items = itemsOf(json);
  let n = 0;
  for (const c of changes) {
    const fresh = `Changed ${n++} ${c.value}`;
    const kind = format === "csv" ? 2 : c.target % 3; // a CSV carries items only
    if (kind === 0) {
      const field = FRAMEWORK_FIELDS[c.field % FRAMEWORK_FIELDS.length];
      setPath(json as AnyJson, field, fresh);
      expected.add(`framework:${json.id}:${field}`);
    } else if (kind === 1) {
      const type = json.itemTypes[c.target % json.itemTypes.length];
      const field = TYPE_FIELDS[c.field % TYPE_FIELDS.length];
      setPath(type as AnyJson, field, fresh);
      expected.add(`itemType:${type.code}:${field}`);
    } else {
      const item = items[c.target % items.length];
      const field = ITEM_FIELDS[c.field % ITEM_FIELDS.length];
      if (field === "type") {
        const other = json.itemTypes.find((t) => t.code !== item.type);
        if (!other) continue;
        item.type = other.code;
      } else setPath(item as AnyJson, field, field === "code" ? `Z${n}` : fresh);
      expected.add(`item:${item.id}:${field}`);
    }
  }
  return expected;
}

/** The same kind of changes, made to a CASE package (fields as CASE names them). */
function changeCase(pkg: AnyJson, changes: Pick[]): Set<string> {
  const expected = new Set<string>();
  const doc = pkg.CFDocument;
  let n = 0;
  for (const c of changes) {
    const fresh = `Changed ${n++} ${c.value}`;
    if (c.target % 4 === 0) {
      const field = (["title", "description", "publisher"] as const)[c.field % 3];
      doc[field] = fresh;
      expected.add(`framework:${doc.identifier}:${field === "publisher" ? field : `${field}.en`}`);
      continue;
    }
    const item = pkg.CFItems[c.target % pkg.CFItems.length];
    const lang = item.language ?? "en";
    const alt = lang === "en" ? "fr" : "en";
    const field = c.field % 5;
    if (field === 0) {
      item.fullStatement = fresh;
      expected.add(`item:${item.identifier}:statement.${lang}`);
    } else if (field === 1) {
      item.notes = fresh;
      expected.add(`item:${item.identifier}:description.${lang}`);
    } else if (field === 2) {
      item.humanCodingScheme = `Z${n}`;
      expected.add(`item:${item.identifier}:code`);
    } else {
      const key = field === 3 ? "fullStatement" : "notes";
      item.extensions ??= {};
      item.extensions.skillshelf ??= {};
      item.extensions.skillshelf.translations ??= {};
      item.extensions.skillshelf.translations[alt] = { ...item.extensions.skillshelf.translations[alt], [key]: fresh };
      expected.add(`item:${item.identifier}:${key === "fullStatement" ? "statement" : "description"}.${alt}`);
    }
  }
  return expected;
}

const keys = (report: ImportReport) =>
  new Set(report.changes.flatMap((c) => c.fields.map((f) => `${c.entity}:${c.id}:${f.field}`)));

async function readBack(format: Format, file: Uint8Array) {
  const parsed = await reread(format, file);
  assert.ok(parsed.value && !hasErrors(parsed.problems), JSON.stringify(parsed.problems.slice(0, 3)));
  return parsed.value;
}

for (const dialect of testDialects()) {
  describe(`every export imports back, field by field (${dialect})`, () => {
    let database: Database;
    let copies = 0;
    before(async () => {
      database = await openTestDatabase(dialect);
    });
    after(() => database.close());

    const importInto = async (input: Parameters<typeof importFramework>[1], options: ImportOptions = {}) => {
      const outcome = await importFramework(database.db, input, { baseUrl: BASE_URL, ...options });
      assert.ok(outcome.ok, JSON.stringify(!outcome.ok && outcome.problems.slice(0, 3)));
      return outcome.report;
    };
    const exported = async (format: Format, framework: ImportedFramework, slug: string) => {
      const json = await draftJson(database.db, slug);
      return { json, pkg: format === "case" ? await draftCase(database.db, framework.id) : undefined };
    };

    for (const format of FORMATS) {
      it(`${format}: unchanged → 0 changes; k changes → exactly those; as new → the same content`, async () => {
        await assertProperty(
          fc.asyncProperty(generatedFramework, picks, async (framework, changes) => {
            const { slug } = await importInto(framework);
            const target = { kind: "into", slug } as const;

            // 1. Unchanged: nothing to report, nothing written.
            const original = await exported(format, framework, slug);
            const file = await fileOf(format, original.json, original.pkg);
            const same = await importInto(await readBack(format, file), { target });
            assert.deepEqual(same.changes, [], `${format}: ${JSON.stringify(same.changes.slice(0, 2))}`);
            assert.deepEqual(same.items, { added: 0, updated: 0, removed: 0, unchanged: same.items.unchanged });
            assert.equal(same.associations.added + same.associations.updated + same.associations.removed, 0);
            assert.equal(same.definitions.added + same.definitions.updated + same.definitions.removed, 0);

            // 2. k fields changed in the file: exactly those are reported, and then exported.
            const json = structuredClone(original.json);
            const pkg = structuredClone(original.pkg);
            const expected =
              format === "case" ? changeCase(pkg as AnyJson, changes) : changeJson(json, format, changes);
            const changed = await importInto(await readBack(format, await fileOf(format, json, pkg)), { target });
            assert.deepEqual([...keys(changed)].sort(), [...expected].sort());
            if (format !== "case")
              assert.deepEqual(content(await draftJson(database.db, slug), format), content(json, format));
            const again = await exported(format, framework, slug);
            const settled = await importInto(await readBack(format, await fileOf(format, again.json, again.pkg)), {
              target,
            });
            assert.deepEqual(settled.changes, [], "what it now exports imports back with no change");

            // 3. As a new framework: a copy with the same content, new identifiers.
            const copySlug = `copy-${format}-${++copies}`;
            const copy = await importInto(await readBack(format, file), { target: { kind: "new", slug: copySlug } });
            assert.ok(copy.created);
            assert.equal(copy.slug, copySlug);
            assert.notEqual(copy.frameworkId, framework.id);
            const copied = await draftJson(database.db, copySlug);
            assert.deepEqual(content(copied, format), content(original.json, format));
            const originalIds = new Set(itemsOf(original.json).map((i) => i.id));
            assert.ok(
              itemsOf(copied).every((i) => !originalIds.has(i.id)),
              "the copy's items have their own ids",
            );
            const copyAgain = await exported(format, { ...framework, id: copy.frameworkId }, copySlug);
            const copyFile = await fileOf(format, copyAgain.json, copyAgain.pkg);
            const copySame = await importInto(await readBack(format, copyFile), {
              target: { kind: "into", slug: copySlug },
            });
            assert.deepEqual(copySame.changes, []);
          }),
          runs(dialect === "sqlite" ? 12 : 2),
        );
      });
    }
  });
}
