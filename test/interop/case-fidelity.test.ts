/**
 * CASE fidelity: a document's language is kept as given (and none is invented), a framework in
 * another language is never passed off as English (export, APIs, pages); the published export keeps
 * the package's own item types and links, from an edition's cache and from its rows alike; an isChildOf to a node
 * the package lacks, and a value of the wrong JSON type, are refused at their pointer; what the
 * reader converted is reported; writes to the CASE API answer 405 with the standard's payload.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { latestEdition } from "../../src/editions/store.ts";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { importFramework } from "../../src/interop/import.ts";
import { describeProblem } from "../../src/interop/messages.ts";
import { hasErrors, type Problem } from "../../src/interop/model.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { originOf } from "../support/auth.ts";
import { htmlLang } from "../support/html.ts";
import { caseSkip, readSample, validatePackage } from "./case-support.ts";

// biome-ignore lint/suspicious/noExplicitAny: packages are edited freely here
type Json = Record<string, any>;
const BASE = "/ims/case/v1p1";
const DOC = "d1000000-0000-4000-8000-000000000001";
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const date = "2024-01-02T03:04:05+00:00";

function pkg(options: { language?: string; version?: string; statements: string[] }): Json {
  const items = options.statements.map((fullStatement, n) => ({
    identifier: id(n + 1),
    uri: `https://x.example/CFItems/${id(n + 1)}`,
    lastChangeDateTime: date,
    fullStatement,
    humanCodingScheme: `K${n + 1}`,
  }));
  return {
    CFDocument: {
      identifier: DOC,
      uri: `https://x.example/CFDocuments/${DOC}`,
      creator: "Tests",
      title: "Kompetenzen",
      lastChangeDateTime: date,
      ...(options.language ? { language: options.language } : {}),
      ...(options.version ? { version: options.version } : {}),
    },
    CFItems: items,
    CFAssociations: items.map((item, n) => ({
      identifier: id(1000 + n),
      uri: `https://x.example/CFAssociations/${id(1000 + n)}`,
      lastChangeDateTime: date,
      associationType: "isChildOf",
      sequenceNumber: n + 1,
      originNodeURI: { title: item.fullStatement, identifier: item.identifier, uri: item.uri },
      destinationNodeURI: { title: "Kompetenzen", identifier: DOC, uri: `https://x.example/CFDocuments/${DOC}` },
    })),
  };
}

const codes = (problems: readonly Problem[]) => problems.map((p) => `${p.severity}:${p.code}@${p.where}`);

for (const dialect of testDialects()) {
  describe(`CASE: languages kept as given, none invented (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    before(async () => {
      t = await makeTestApp({ dialect, env: { BASE_URL: "https://skills.example.org" } });
    });
    after(() => t?.close());

    const load = async (source: Json, publish = { en: "First", fr: "Première" }) => {
      const parsed = parseCasePackage(JSON.stringify(source));
      assert.ok(parsed.value && !hasErrors(parsed.problems), JSON.stringify(parsed.problems));
      const outcome = await importFramework(t.db, parsed.value, { publish, baseUrl: t.config.baseUrl });
      assert.ok(outcome.ok);
      t.catalog.invalidate();
      return outcome.report;
    };
    const json = async (path: string) => (await t.app.request(path)).json();

    it("a German framework stays German: export, CASE API, JSON API and pages say de, never en", async () => {
      const report = await load(pkg({ language: "de", statements: ["Plant den Haushalt.", "Führt das Team."] }));
      const doc = await json(`${BASE}/CFDocuments/${DOC}`);
      assert.equal(doc.language, "de");
      const packaged = await json(`${BASE}/CFPackages/${DOC}`);
      assert.equal(packaged.CFDocument.language, "de");
      assert.ok(
        packaged.CFItems.every((i: Json) => i.language === undefined),
        "items say nothing else",
      );
      assert.equal(packaged.CFItems[0].fullStatement, "Plant den Haushalt.");
      assert.ok(validatePackage(packaged).ok || caseSkip);
      const api = await json(`/api/v1/frameworks/${report.slug}`);
      assert.equal(api.language, "de");

      for (const lang of ["en", "fr"] as const) {
        const html = await (await t.app.request(`/${lang}/frameworks/${report.slug}/items/K1`)).text();
        assert.equal(htmlLang(html), lang === "en" ? "en-CA" : "fr-CA", "the page itself is in the reader's language");
        assert.match(
          html,
          /<span lang="de">Plant den Haushalt\.<\/span>/,
          `${lang}: the statement is marked as German`,
        );
        const full = await (await t.app.request(`/${lang}/frameworks/${report.slug}/full`)).text();
        assert.match(full, /<span lang="de">Führt das Team\.<\/span>/);
        assert.doesNotMatch(full, /<span lang="en">Führt/);
      }
    });

    it("a regional tag comes back as given; English text needs no mark on English pages", async () => {
      const source = pkg({ language: "en-GB", statements: ["Plans the budget."] });
      source.CFDocument.identifier = "d1000000-0000-4000-8000-000000000002";
      source.CFAssociations[0].destinationNodeURI.identifier = source.CFDocument.identifier;
      source.CFItems[0].identifier = id(50);
      source.CFAssociations[0].originNodeURI.identifier = id(50);
      source.CFAssociations[0].identifier = id(1050);
      const report = await load(source);
      const doc = await json(`${BASE}/CFDocuments/${source.CFDocument.identifier}`);
      assert.equal(doc.language, "en-GB");
      const html = await (await t.app.request(`/en/frameworks/${report.slug}/items/K1`)).text();
      assert.doesNotMatch(html, /lang="en-GB"/);
      assert.match(
        await (await t.app.request(`/fr/frameworks/${report.slug}/items/K1`)).text(),
        /<span lang="en-GB">Plans the budget\.<\/span>/,
      );
    });

    it("a package without language or version gets neither in its export", async () => {
      const source = pkg({ statements: ["Sans langue."] });
      source.CFDocument.identifier = "d1000000-0000-4000-8000-000000000003";
      source.CFAssociations[0].destinationNodeURI.identifier = source.CFDocument.identifier;
      source.CFItems[0].identifier = id(60);
      source.CFAssociations[0].originNodeURI.identifier = id(60);
      source.CFAssociations[0].identifier = id(1060);
      const report = await load(source);
      const packaged = await json(`${BASE}/CFPackages/${source.CFDocument.identifier}`);
      assert.equal(packaged.CFDocument.language, undefined);
      const row = await t.db
        .selectFrom("frameworks")
        .select("version")
        .where("slug", "=", report.slug)
        .executeTakeFirstOrThrow();
      assert.equal(row.version, "", "no version is made up");
      // Skillshelf's own framework is English, and says so.
      const starter = await json(`${BASE}/CFDocuments`);
      const ours = starter.CFDocuments.find((d: Json) => d.title.startsWith("Public Library"));
      assert.equal(ours.language, "en");
    });
  });
}

for (const dialect of testDialects()) {
  describe(`CASE: published exports keep the package's item types (${dialect})`, { skip: caseSkip }, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false, env: { BASE_URL: "https://skills.example.org" } });
    });
    after(() => t?.close());

    const typesOf = (p: Json) => (p.CFDefinitions?.CFItemTypes ?? []).map((d: Json) => d.identifier).sort() as string[];
    /** Each item's type and type link (the first of an identifier listed twice, as the import keeps it). */
    const linksOf = (p: Json) => {
      const out: Record<string, unknown> = {};
      for (const i of p.CFItems) out[i.identifier] ??= [i.CFItemType ?? null, i.CFItemTypeURI?.identifier ?? null];
      return out;
    };

    for (const name of ["sbac__ela_g3_claim1_target1_itemspec.json", "opensalt__MarkdownFramework.json"]) {
      it(`${name}: no second copy of a type, no invented type — from the edition's cache and from its rows`, async () => {
        const source = JSON.parse(readSample(name));
        const parsed = parseCasePackage(JSON.stringify(source));
        assert.ok(parsed.value);
        const outcome = await importFramework(t.db, parsed.value, {
          publish: { en: "Imported", fr: "Importé" },
          baseUrl: t.config.baseUrl,
        });
        assert.ok(outcome.ok);
        t.catalog.invalidate();
        const served = async () => (await t.app.request(`${BASE}/CFPackages/${source.CFDocument.identifier}`)).json();
        const published = await served();
        assert.deepEqual(typesOf(published), typesOf(source));
        const sourceLinks = linksOf({ CFItems: source.CFItems });
        assert.deepEqual(linksOf(published), sourceLinks);

        // The edition's rows are the truth: its cache unreadable, the same package is served from them.
        const edition = await latestEdition(t.db, outcome.report.frameworkId);
        assert.ok(edition);
        const frozenTypes = await t.db
          .selectFrom("published_item_types")
          .select(["code", "extra"])
          .where("edition_id", "=", edition.id)
          .execute();
        assert.ok(
          frozenTypes.some((type) => type.extra !== null),
          "the types' CASE links are frozen in the rows",
        );
        await t.db.updateTable("editions").set({ snapshot: "{ damaged" }).where("id", "=", edition.id).execute();
        t.catalog.invalidate();
        const fromRows = await served();
        assert.deepEqual(typesOf(fromRows), typesOf(source));
        assert.deepEqual(linksOf(fromRows), sourceLinks);
      });
    }
  });
}

describe("CASE parser: refusals at their pointer, conversions reported", () => {
  it("an isChildOf to a node the package lacks is an error there, naming it, even with a URI", () => {
    const source = pkg({ statements: ["A", "B"] });
    source.CFAssociations[1].destinationNodeURI = {
      title: "Elsewhere",
      identifier: "e1000000-0000-4000-8000-000000000009",
      uri: "https://other.example/CFItems/e1000000-0000-4000-8000-000000000009",
    };
    const result = parseCasePackage(JSON.stringify(source));
    const errors = result.problems.filter((p) => p.severity === "error");
    assert.deepEqual(codes(errors), ["error:case.missing_parent@/CFAssociations/1/destinationNodeURI"]);
    assert.equal(errors[0].params?.id, "e1000000-0000-4000-8000-000000000009");
    assert.match(describeProblem(errors[0], "fr"), /e1000000-0000-4000-8000-000000000009/);
    assert.ok(!result.problems.some((p) => p.code === "case.orphan_item"), "not an orphan warning");
  });

  it("a value of the wrong JSON type is refused with its pointer", () => {
    const source = pkg({ statements: ["A", "B"] });
    source.CFDocument.title = 42;
    source.CFItems[0].fullStatement = 7;
    source.CFItems[1].educationLevel = "03";
    source.CFItems[1].abbreviatedStatement = ["no"];
    source.CFAssociations[0].associationType = 1;
    source.CFAssociations[1].sequenceNumber = "2";
    const result = parseCasePackage(JSON.stringify(source));
    assert.deepEqual(codes(result.problems.filter((p) => p.severity === "error")).sort(), [
      "error:case.wrong_type@/CFAssociations/0/associationType",
      "error:case.wrong_type@/CFAssociations/1/sequenceNumber",
      "error:case.wrong_type@/CFDocument/title",
      "error:case.wrong_type@/CFItems/0/fullStatement",
      "error:case.wrong_type@/CFItems/1/abbreviatedStatement",
      "error:case.wrong_type@/CFItems/1/educationLevel",
    ]);
  });

  it("what the lenient reader converted is listed", () => {
    const source = pkg({ statements: ["A"] });
    source.CFItems[0].identifier = `urn:uuid:${id(1).toUpperCase()}`;
    source.CFItems[0].notes = null;
    const result = parseCasePackage(JSON.stringify({ CFPackage: source }));
    assert.ok(!hasErrors(result.problems), JSON.stringify(result.problems));
    assert.deepEqual(codes(result.problems), [
      "warning:case.unwrapped@/CFPackage",
      "warning:case.converted_identifier@/CFPackage/CFItems/0/identifier",
      "warning:case.null_value@/CFPackage/CFItems/0/notes",
    ]);
    assert.equal(result.value?.framework.children[0].id, id(1));
  });
});

describe("CASE API: read-only", () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  before(async () => {
    t = await makeTestApp();
  });
  after(() => t?.close());

  for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
    it(`${method} answers 405 with an imsx status payload, never a page`, async () => {
      for (const path of [`${BASE}/CFDocuments`, `${BASE}/CFItems/${id(1)}`, `${BASE}/nothing`]) {
        for (const headers of [
          { "content-type": "application/json", "accept-language": "fr" } as Record<string, string>,
          // A cross-site form post: the CSRF check must not answer it with its HTML page.
          { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
          { "content-type": "text/plain", origin: originOf(t) },
        ]) {
          const response = await t.app.request(path, {
            method,
            headers,
            body: method === "DELETE" ? undefined : "a=1",
          });
          assert.equal(response.status, 405, `${method} ${path}`);
          assert.match(response.headers.get("content-type") ?? "", /application\/json/);
          assert.match(response.headers.get("allow") ?? "", /GET/);
          const body = await response.json();
          assert.equal(body.imsx_codeMajor, "failure");
          assert.equal(body.imsx_codeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue, "forbidden");
          if (headers["accept-language"] === "fr") assert.match(body.imsx_description, /lecture seule/);
        }
      }
    });
  }
});
