/**
 * Every real package: import → export → the same items, associations and statements, and the
 * export validates strictly against the official CASE 1.1 JSON Schema. Also: the streamed export
 * is the same text, a second round trip changes nothing, and both languages survive.
 */
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { loadStarterFramework } from "../../src/content/load-starter.ts";
import { buildFrameworkView, createCatalog } from "../../src/editions/catalog.ts";
import { findFrameworkBySlug } from "../../src/frameworks/store.ts";
import { caseExport, caseExportChunks, writeCaseExport } from "../../src/interop/case/export.ts";
import { caseExportInput } from "../../src/interop/case/load.ts";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { importFramework } from "../../src/interop/import.ts";
import { hasErrors } from "../../src/interop/model.ts";
import { openTestDatabase } from "../support/app.ts";
import {
  type AnyJson,
  casePresent,
  caseSkip,
  exportDraft,
  MALFORMED,
  readSample,
  sampleNames,
  validatePackage,
} from "./case-support.ts";

type Json = AnyJson;
/** A link's three parts (key order aside). */
const link = (value: Json | undefined) =>
  value ? { identifier: String(value.identifier).toLowerCase(), title: value.title, uri: value.uri } : null;
const byId = (list: Json[]) => new Map(list.map((x) => [String(x.identifier).toLowerCase(), x]));
const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);

/** What must survive: items (statement, code, type, date), associations (type, ends, order). */
function assertSameContent(source: Json, exported: Json) {
  const sourceItems = new Map<string, Json>();
  for (const i of source.CFItems) if (!sourceItems.has(i.identifier)) sourceItems.set(i.identifier, i); // first of any repeat
  const items = byId(exported.CFItems);
  assert.deepEqual([...items.keys()].sort(), [...sourceItems.keys()].sort(), "same item identifiers");
  for (const [id, s] of sourceItems) {
    const e = items.get(id) as Json;
    assert.equal(e.fullStatement, s.fullStatement, `statement of ${id}`);
    assert.equal(e.humanCodingScheme, s.humanCodingScheme, `code of ${id}`);
    assert.equal(e.notes, s.notes, `notes of ${id}`);
    assert.equal(e.abbreviatedStatement, s.abbreviatedStatement, `abbreviated statement of ${id}`);
    assert.equal(e.CFItemType ?? null, s.CFItemType ?? null, `type of ${id}`);
    assert.deepEqual(link(e.CFItemTypeURI), link(s.CFItemTypeURI), `type link of ${id}`);
    assert.deepEqual(e.educationLevel, s.educationLevel, `education level of ${id}`);
    assert.equal(e.uri, s.uri, `uri of ${id}`);
    assert.ok(sameInstant(e.lastChangeDateTime, s.lastChangeDateTime), `date of ${id}`);
  }
  const sourceAssociations = new Map<string, Json>();
  for (const a of source.CFAssociations)
    if (!sourceAssociations.has(a.identifier)) sourceAssociations.set(a.identifier, a);
  const associations = byId(exported.CFAssociations);
  assert.deepEqual(
    [...associations.keys()].sort(),
    [...sourceAssociations.keys()].sort(),
    "same association identifiers",
  );
  for (const [id, s] of sourceAssociations) {
    const e = associations.get(id) as Json;
    assert.equal(e.associationType, s.associationType, `type of association ${id}`);
    for (const end of ["originNodeURI", "destinationNodeURI"]) {
      assert.deepEqual(e[end], s[end], `${end} of association ${id}`);
    }
    assert.equal(e.sequenceNumber, s.sequenceNumber, `sequenceNumber of association ${id}`);
    assert.ok(sameInstant(e.lastChangeDateTime, s.lastChangeDateTime), `date of association ${id}`);
  }
  // The package's own item types, each once: no second copy, no invented type for untyped items.
  const types = (pkg: Json) =>
    (pkg.CFDefinitions?.CFItemTypes ?? [])
      .map((t: Json) => ({ identifier: t.identifier, title: t.title, typeCode: t.typeCode ?? null }))
      .sort((a: Json, b: Json) => (a.identifier < b.identifier ? -1 : 1));
  assert.deepEqual(types(exported), types(source), "the same CFItemTypes");
  assert.equal(exported.CFDocument.language, source.CFDocument.language, "the document's language as given (or none)");
  assert.equal(exported.CFDocument.title, source.CFDocument.title);
  assert.equal(exported.CFDocument.identifier, source.CFDocument.identifier);
  assert.equal(exported.CFDocument.creator, source.CFDocument.creator);
}

const BASE_URL = "https://skills.example.org";

/** What readers get: the CASE export of the latest published edition, through the Catalog. */
async function exportPublished(db: Parameters<typeof createCatalog>[0], slug: string): Promise<Json> {
  const view = await createCatalog(db, { checkIntervalMs: 0 }).get(slug);
  assert.ok(view?.edition, "a published edition");
  return caseExport(await caseExportInput(db, view, BASE_URL));
}

async function streamed(input: Parameters<typeof writeCaseExport>[0]): Promise<string> {
  const chunks: string[] = [];
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      setImmediate(done);
    },
  });
  await writeCaseExport(input, sink);
  return chunks.join("");
}

describe("CASE round trip of every real package", { skip: caseSkip }, () => {
  const names = casePresent ? sampleNames().filter((n) => n !== MALFORMED) : [];
  for (const name of names) {
    it(name, async () => {
      const database = await openTestDatabase("sqlite");
      try {
        const text = readSample(name);
        const parsed = parseCasePackage(text);
        assert.ok(
          parsed.value && !hasErrors(parsed.problems),
          JSON.stringify(parsed.problems.filter((p) => p.severity === "error")),
        );
        const outcome = await importFramework(database.db, parsed.value);
        assert.ok(outcome.ok);
        const exported = await exportDraft(database.db, parsed.value.framework.id);
        const validity = validatePackage(exported);
        assert.ok(validity.ok, validity.errors);
        assertSameContent(JSON.parse(text), exported);

        // The streamed export is exactly the same JSON text.
        const framework = await findFrameworkBySlug(database.db, outcome.report.slug);
        const input = await caseExportInput(
          database.db,
          await buildFrameworkView(database.db, framework as never),
          "https://skills.example.org",
        );
        const whole = JSON.stringify(caseExport(input));
        assert.equal([...caseExportChunks(input)].join(""), whole);
        assert.equal(await streamed(input), whole);

        // Our own export imports back and exports identically (the link fields a package may not
        // carry, CFDocumentURI and CFPackageURI, are dropped on the way: the API adds them back).
        const again = parseCasePackage(JSON.stringify(exported));
        assert.ok(again.value && !hasErrors(again.problems));
        assert.ok((await importFramework(database.db, again.value)).ok);
        assert.deepEqual(await exportDraft(database.db, parsed.value.framework.id), exported);
        const third = await importFramework(database.db, again.value, { baseUrl: BASE_URL });
        assert.ok(third.ok);
        const unchanged = (c: { unchanged: number }) => ({ added: 0, updated: 0, removed: 0, unchanged: c.unchanged });
        assert.deepEqual(third.report.items, unchanged(third.report.items));
        assert.deepEqual(third.report.associations, unchanged(third.report.associations));
        assert.deepEqual(third.report.changes, []);

        // Published: the CASE export readers get (from the edition) is as faithful as the draft's.
        const publish = await importFramework(database.db, again.value, {
          baseUrl: BASE_URL,
          publish: { en: "Imported", fr: "Importé" },
        });
        assert.ok(publish.ok && publish.report.published === 1);
        const published = await exportPublished(database.db, outcome.report.slug);
        assert.ok(validatePackage(published).ok, validatePackage(published).errors);
        assertSameContent(JSON.parse(text), published);
        // The same package, but for what the edition says of itself: its status ("Adopted"), its
        // label as version and its publication as the document's date (decision 008).
        const status = (pkg: Json) => ({
          ...pkg,
          CFDocument: {
            ...pkg.CFDocument,
            adoptionStatus: undefined,
            version: undefined,
            lastChangeDateTime: undefined,
          },
        });
        assert.deepEqual(status(published), status(exported), "the published export is the draft's");

        // The published export imports back with no change, and publishes nothing more.
        const back = parseCasePackage(JSON.stringify(published));
        assert.ok(back.value);
        const republish = await importFramework(database.db, back.value, {
          baseUrl: BASE_URL,
          publish: { en: "Again", fr: "De nouveau" },
        });
        assert.ok(republish.ok);
        assert.deepEqual(republish.report.changes, []);
        assert.equal(republish.report.nothingToPublish, true);
        assert.equal(republish.report.published, undefined);
      } finally {
        await database.close();
      }
    });
  }
});

describe("CASE export of the bilingual starter framework", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  before(async () => {
    database = await openTestDatabase("sqlite");
    await loadStarterFramework(database.db);
  });
  after(() => database.close());

  it("validates strictly and carries the French under extensions.skillshelf.translations", async () => {
    const framework = await findFrameworkBySlug(database.db, "public-library-staff");
    assert.ok(framework);
    const exported = await exportDraft(database.db, framework.id);
    const validity = validatePackage(exported);
    assert.ok(validity.ok, validity.errors);
    assert.equal(exported.CFDocument.language, "en");
    assert.equal(exported.CFDocument.caseVersion, "1.1");
    assert.equal(exported.CFDocument.extensions.skillshelf.translations.fr.title, framework.title_fr);
    const first = exported.CFItems[0];
    assert.ok(first.fullStatement);
    assert.ok(first.extensions.skillshelf.translations.fr.fullStatement);
    assert.equal(exported.CFDefinitions.CFItemTypes.length, 4, "one definition per item type");
    assert.ok(exported.CFDefinitions.CFItemTypes.every((t: Json) => t.extensions.skillshelf.translations.fr.title));
    assert.equal(exported.CFDefinitions.CFLicenses[0].title, framework.licence);
    assert.equal(exported.CFAssociations.length, exported.CFItems.length, "one isChildOf per item");
  });

  it("imports back into an empty database with both languages, and exports the same", async () => {
    const framework = await findFrameworkBySlug(database.db, "public-library-staff");
    const exported = await exportDraft(database.db, (framework as { id: string }).id);
    const other = await openTestDatabase("sqlite");
    try {
      const parsed = parseCasePackage(JSON.stringify(exported));
      assert.ok(parsed.value && !hasErrors(parsed.problems), JSON.stringify(parsed.problems));
      const [firstSource] = parsed.value.framework.children;
      assert.ok(firstSource.statement.en && firstSource.statement.fr, "both languages read back");
      const outcome = await importFramework(other.db, parsed.value);
      assert.ok(outcome.ok);
      const original = await database.db
        .selectFrom("items")
        .select(["id", "statement_en", "statement_fr", "description_en", "description_fr", "code"])
        .orderBy("id")
        .execute();
      const copy = await other.db
        .selectFrom("items")
        .select(["id", "statement_en", "statement_fr", "description_en", "description_fr", "code"])
        .orderBy("id")
        .execute();
      assert.deepEqual(copy, original);
      assert.deepEqual(await exportDraft(other.db, outcome.report.frameworkId), exported);
    } finally {
      await other.close();
    }
  });
});
