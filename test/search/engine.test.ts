/**
 * The search engine over the starter framework (the four example queries, ranking, grouping),
 * over synthetic frameworks of other shapes, and its rebuild after a content change.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createCatalog, type FrameworkView } from "../../src/editions/catalog.ts";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import { listFrameworks } from "../../src/frameworks/store.ts";
import { buildTree, type ItemRow, urlKeys } from "../../src/frameworks/tree.ts";
import {
  buildSearchIndex,
  hitDetails,
  MAX_LIMIT,
  type SearchIndex,
  type SearchResults,
  search,
  searchIndexFor,
} from "../../src/search/engine.ts";
import { foldText, MAX_QUERY_LENGTH, MAX_QUERY_TERMS, queryTerms } from "../../src/search/normalize.ts";
import { makeTestApp, testDialects } from "../support/app.ts";

for (const dialect of testDialects()) {
  describe(`search engine (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let index: SearchIndex;
    before(async () => {
      t = await makeTestApp({ dialect });
      index = await searchIndexFor(t.catalog);
    });
    after(async () => {
      await t?.close();
    });

    const hits = (results: SearchResults) => results.groups.flatMap((g) => g.hits);
    const codes = (results: SearchResults) => hits(results).map((h) => h.code);
    const folded = (text: string | null) => foldText(text ?? "");

    describe("the issue's example queries over the starter framework", () => {
      test("`competence` finds “compétences” and “competencies”", () => {
        const results = search(index, "competence", { lang: "en", limit: MAX_LIMIT });
        const all = hits(results);
        assert.ok(
          all.some((h) => /compétences/.test(h.statement.fr ?? "")),
          "a French statement with “compétences”",
        );
        assert.ok(
          all.some((h) => /competencies/i.test(h.statement.en ?? "")),
          "an English statement with “competencies”",
        );
      });

      test("a typo is corrected to the word as the content writes it, accents included", () => {
        // "competnces" is read as an index term folded from "compétence(s)": shown as the starter writes it.
        const results = search(index, "competnces", { lang: "fr", limit: 5 });
        assert.ok(results.total > 0);
        assert.match(results.correctedQuery ?? "", /^compétences?$/);
        assert.equal(index.wordOf.get("competences"), "compétences");
        assert.equal(index.wordOf.get("budget"), undefined, "a term written as it is names itself");
      });

      test("`partenariat` finds the French partnership competency of Community Relations", () => {
        for (const lang of ["en", "fr"] as const) {
          const results = search(index, "partenariat", { lang, limit: 20 });
          const group = results.groups.find((g) => g.area.code === "ML.CR");
          assert.ok(group, `the Community Relations group (${lang})`);
          const competency = group.hits.find(
            (h) => h.type === "competency" && /^Établit des partenariats profitables/.test(h.statement.fr ?? ""),
          );
          assert.ok(competency, `the competency “Établit des partenariats profitables…” (${lang})`);
          assert.ok(competency.matchedTerms.some((term) => term.startsWith("partenariat")));
        }
      });

      test("`partnrship` (a typo) still finds “partnership”", () => {
        const results = search(index, "partnrship", { lang: "en", limit: MAX_LIMIT });
        const exact = codes(search(index, "partnership", { lang: "en", limit: MAX_LIMIT }));
        assert.ok(exact.length > 0);
        const found = new Set(codes(results));
        for (const code of exact)
          assert.ok(found.has(code), `${code}, found by “partnership”, is found by the typo too`);
        for (const hit of hits(results).slice(0, 3)) assert.match(hit.statement.en ?? "", /partnership/i);
      });

      test("`soci` finds “social media”", () => {
        const results = search(index, "soci", { lang: "en", limit: 50 });
        assert.ok(hits(results).some((h) => /social media/i.test(h.statement.en ?? "")));
      });
    });

    describe("matching", () => {
      test("accent- and case-insensitive, in both directions", () => {
        const a = codes(search(index, "ÉTABLIT DES PARTENARIATS", { lang: "fr", limit: 50 }));
        const b = codes(search(index, "etablit partenariats", { lang: "fr", limit: 50 }));
        assert.deepEqual(a, b);
        assert.ok(a.includes("ML.CR.6"));
      });

      test("every word must match when some item has them all", () => {
        const results = search(index, "social media policy", { lang: "en", limit: MAX_LIMIT });
        assert.ok(results.total > 0);
        assert.equal(hits(results).length, results.total, "every hit is listed (the limit is above the total)");
        for (const hit of hits(results)) {
          const description = hitDetails(index, hit.id)?.node.description;
          const text = folded([hit.statement.en, hit.statement.fr, description?.en, description?.fr].join(" "));
          assert.match(text, /social|sociaux/, `${hit.code} matches “social”`);
          assert.match(text, /media/, `${hit.code} matches “media”`);
          assert.match(text, /polic|politique/, `${hit.code} matches “policy”`);
        }
      });

      test("when no item has every word, items with any of them are given", () => {
        const results = search(index, "partnership qqqzzzxxyy", { lang: "en", limit: MAX_LIMIT });
        const partnership = search(index, "partnership", { lang: "en", limit: MAX_LIMIT });
        assert.ok(partnership.total > 0);
        assert.equal(results.total, partnership.total);
        assert.deepEqual(codes(results).sort(), codes(partnership).sort());
      });

      test("an item's code finds it", () => {
        const results = search(index, "ML.CR.6", { lang: "en", limit: 20 });
        assert.equal(hits(results)[0].code, "ML.CR.6");
        assert.ok(
          codes(results).every((code) => code?.startsWith("ML.CR.6")),
          "no fuzzy matches on codes",
        );
      });

      test("nothing to search for gives nothing, not everything", () => {
        for (const query of ["", "   ", "the of and", "les de la", "'", "%%%"]) {
          assert.deepEqual(
            search(index, query, { lang: "en" }),
            { query: query.trim(), total: 0, groups: [] },
            JSON.stringify(query),
          );
        }
      });
    });

    describe("ranking", () => {
      test("the area named by the query comes first, and its own hit leads its group", () => {
        for (const [query, lang] of [
          ["community relations", "en"],
          ["relations avec la communauté", "fr"],
        ] as const) {
          const results = search(index, query, { lang, limit: 20 });
          assert.equal(results.groups[0].area.code, "ML.CR", query);
          assert.equal(results.groups[0].hits[0].type, "area", query);
        }
      });

      test("an exact word ranks above a typo", () => {
        const results = search(index, "budget", { lang: "en", limit: 20 });
        assert.match(hits(results)[0].statement.en ?? "", /budget/i);
      });

      test("groups come in order of their best hit, hits by score", () => {
        const results = search(index, "community", { lang: "en", limit: 60 });
        const best = results.groups.map((g) => Math.max(...g.hits.map((h) => h.score)));
        assert.deepEqual(
          best,
          [...best].sort((a, b) => b - a),
        );
        for (const group of results.groups) {
          const scores = group.hits.map((h) => h.score);
          assert.deepEqual(
            scores,
            [...scores].sort((a, b) => b - a),
          );
        }
      });
    });

    describe("results", () => {
      test("grouped by area: a KSA and a competency under their area, an area under itself, a category under itself", () => {
        const results = search(index, "community relations", { lang: "en", limit: MAX_LIMIT });
        for (const group of results.groups) {
          for (const hit of group.hits) {
            if (hit.type === "category" || hit.type === "area") assert.equal(hit.id, group.area.id);
            else assert.ok(hit.code?.startsWith(`${group.area.code}.`), `${hit.code} under ${group.area.code}`);
          }
          assert.equal(group.area.frameworkSlug, "public-library-staff");
        }
      });

      test("the limit caps the hits, not the total", () => {
        const results = search(index, "library", { lang: "en", limit: 5 });
        assert.equal(hits(results).length, 5);
        assert.ok(results.total > 5);
        assert.equal(
          hits(search(index, "library", { lang: "en", limit: 100_000 })).length,
          Math.min(MAX_LIMIT, results.total),
        );
        assert.equal(hits(search(index, "library", { lang: "en", limit: -3 })).length, 1);
        assert.equal(hits(search(index, "library", { lang: "en", limit: Number.NaN })).length, 20);
      });

      test("the shape the API documents", () => {
        const results = search(index, "partnership", { lang: "en", limit: 3 });
        const [group] = results.groups;
        assert.deepEqual(Object.keys(results).sort(), ["groups", "query", "total"]);
        assert.deepEqual(Object.keys(group.area).sort(), ["code", "frameworkSlug", "id", "key", "statement"]);
        assert.deepEqual(Object.keys(group.hits[0]).sort(), [
          "code",
          "id",
          "key",
          "matchedTerms",
          "score",
          "statement",
          "type",
        ]);
        assert.deepEqual(Object.keys(group.hits[0].statement).sort(), ["en", "fr"]);
      });
    });

    describe("hostile input", () => {
      const hostile = [
        "",
        "x".repeat(10_000),
        "competence ".repeat(1000),
        "c++ (x",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "%E0%A4%A",
        "\u0000\u0001\u0007\u001b[31m\u007f",
        "😀🏳️‍🌈👩🏽‍💻",
        "𝒜𝒷𝒸 𠀀𠀁",
        "\uD800\uDFFF\uDBFF",
        '*?~^:"\\/[]{}()!&|',
        "AND OR NOT",
        "a".repeat(41),
      ];
      for (const query of hostile) {
        test(`never throws: ${JSON.stringify(query.slice(0, 30))}`, () => {
          for (const lang of ["en", "fr"] as const) {
            const results = search(index, query, { lang, limit: 20 });
            assert.ok(Array.from(results.query).length <= 200);
            assert.ok(Number.isInteger(results.total));
          }
        });
      }

      test("a 10,000-character query is cut before any work: it searches as its first 200 characters", () => {
        // What bounds the work is the input kept (MAX_QUERY_LENGTH, MAX_QUERY_TERMS), not a clock.
        for (const long of ["partnership ".repeat(1000), "zq".repeat(5000), "budget plans ".repeat(800)]) {
          const results = search(index, long, { lang: "en" });
          const cut = long.slice(0, MAX_QUERY_LENGTH).trimEnd();
          assert.equal(results.query, cut);
          assert.ok(queryTerms(results.query).length <= MAX_QUERY_TERMS);
          assert.deepEqual(results, search(index, cut, { lang: "en" }));
        }
      });
    });

    describe("index lifecycle", () => {
      test("the app's catalog: one index, reused while the content revision stays the same", async () => {
        assert.equal(await searchIndexFor(t.catalog), index);
      });

      test("rebuilt when the content revision changes, from what the catalog then publishes", async () => {
        // A catalog of its own: the app's serves the other tests.
        const catalog = createCatalog(t.db, { checkIntervalMs: 0 });
        const first = await searchIndexFor(catalog);
        assert.equal(await searchIndexFor(catalog), first, "same revision, same index");
        assert.equal(search(first, "zanzibar", { lang: "en" }).total, 0);
        const starter = (await listFrameworks(t.db))[0];
        await t.db
          .updateTable("items")
          .set({ statement_en: "Zanzibar outreach" })
          .where("framework_id", "=", starter.id)
          .where("code", "=", "ML.CR")
          .execute();
        assert.equal(await searchIndexFor(catalog), first, "a draft is not published: same index");
        await publishEdition(t.db, starter.id, null, { en: "Zanzibar", fr: "Zanzibar" });
        const rebuilt = await searchIndexFor(catalog);
        assert.notEqual(rebuilt, first);
        assert.deepEqual(codes(search(rebuilt, "zanzibar", { lang: "en" })), ["ML.CR"]);
      });

      test("concurrent first searches share one build", async () => {
        const catalog = createCatalog(t.db, { checkIntervalMs: 0 });
        const [a, b] = await Promise.all([searchIndexFor(catalog), searchIndexFor(catalog)]);
        assert.equal(a, b);
      });
    });

    /** A published framework of another shape: two roots, a deep group (height 3) and a shallow one. */
    function syntheticView(skill = "Appraises archival records"): FrameworkView {
      const row = (id: string, parent: string | null, type: string, en: string, fr: string): ItemRow => ({
        id,
        parent_id: parent,
        type_code: type,
        code: id.toUpperCase(),
        position: 1,
        statement_en: en,
        statement_fr: fr,
        description_en: null,
        description_fr: null,
        updated_at: "2025-01-01T12:00:00.000Z",
      });
      const tree = buildTree([
        row("d", null, "domain", "Stewardship domain", "Domaine de la gérance"),
        row("d1", "d", "cluster", "Archival stewardship", "Gérance des archives"),
        row("d11", "d1", "skill", skill, "Évalue les archives"),
        row(
          "d111",
          "d11",
          "indicator",
          "Explains appraisal criteria for archival fonds",
          "Explique les critères d'évaluation",
        ),
        row("d1111", "d111", "example", "Example of an archival appraisal", "Exemple d'évaluation d'archives"),
        row("d2", "d", "cluster", "Stewardship of rare books", "Gérance des livres rares"),
        row("d21", "d2", "skill", "Handles rare books with care", "Manipule les livres rares avec soin"),
        row("solo", null, "note", "A lone stewardship note", "Une note isolée sur la gérance"),
      ]);
      const keys = urlKeys(tree);
      return {
        framework: { slug: "synthetic" } as FrameworkView["framework"],
        types: new Map(),
        tree,
        keys,
        byKey: new Map([...tree.byId.values()].map((n) => [keys.get(n.id) as string, n])),
        itemCount: tree.byId.size,
        lastUpdated: "2025-01-01T12:00:00.000Z",
      };
    }

    describe("frameworks of other shapes", () => {
      const synthetic = buildSearchIndex([syntheticView()]);

      test("items group under their depth-1 ancestor; roots under themselves", () => {
        const results = search(synthetic, "stewardship", { lang: "en", limit: 50 });
        const groupOf = new Map(results.groups.flatMap((g) => g.hits.map((h) => [h.code, g.area.code])));
        assert.equal(groupOf.get("D"), "D");
        assert.equal(groupOf.get("SOLO"), "SOLO");
        assert.equal(groupOf.get("D1"), "D1");
        const deep = search(synthetic, "archival", { lang: "en", limit: 50 });
        const deepGroups = new Map(deep.groups.flatMap((g) => g.hits.map((h) => [h.code, g.area.code])));
        assert.equal(deepGroups.get("D111"), "D1");
      });

      test("links: a shallow group's items point to a section of its page; a deep group's to their own page", () => {
        assert.deepEqual(pick(hitDetails(synthetic, "d21")), { pageKey: "D2", sectionKey: "D21" });
        assert.deepEqual(pick(hitDetails(synthetic, "d111")), { pageKey: "D111", sectionKey: null });
        assert.deepEqual(pick(hitDetails(synthetic, "d1")), { pageKey: "D1", sectionKey: null });
        assert.deepEqual(pick(hitDetails(synthetic, "d")), { pageKey: "D", sectionKey: null });
      });

      test("a type without a label is shown by its code", () => {
        assert.deepEqual(hitDetails(synthetic, "solo")?.typeLabel, { en: "note", fr: "note" });
      });
    });

    function pick(item: ReturnType<typeof hitDetails>) {
      return item && { pageKey: item.pageKey, sectionKey: item.sectionKey };
    }
  });
}
