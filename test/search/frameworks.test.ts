/**
 * Several published frameworks, found: the home page lists them all (the starter first, even when
 * another was created before it), each with its own home; search says which framework each group
 * comes from and narrows to one (page links, API `framework=`); results are the same on every
 * database.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Kysely } from "kysely";
import { openApiDocument } from "../../src/api/openapi.ts";
import { loadStarterFramework } from "../../src/content/load-starter.ts";
import { loadStarterContent } from "../../src/content/starter.ts";
import type { DB } from "../../src/db/schema.ts";
import { uuidV5 } from "../../src/db/uuid.ts";
import { readerOrder } from "../../src/editions/catalog.ts";
import { createFramework } from "../../src/editor/commands/frameworks.ts";
import { addItem } from "../../src/editor/commands/items.ts";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import { LANGS, type Lang, messages } from "../../src/i18n/index.ts";
import { urls } from "../../src/ui/urls.ts";
import { contractFor } from "../api/contract.ts";
import { makeTestApp, type TestDialect, testDialects } from "../support/app.ts";
import { countTags, hrefs, htmlLang, shows } from "../support/html.ts";

const STARTER = loadStarterContent().framework.slug;
const OTHER = "makerspace-skills";
const OTHER_TITLE = { en: "Makerspace Skills", fr: "Compétences du laboratoire créatif" };
const contract = contractFor(openApiDocument("http://localhost:3000"));

/** A small second framework, created before the starter is loaded, whose statements share words with it. */
async function publishOther(db: Kysely<DB>): Promise<string> {
  // Fixed ids, so results can be compared across databases.
  const id = uuidV5(`framework:${OTHER}`);
  await createFramework(db, null, {
    id,
    slug: OTHER,
    title_en: OTHER_TITLE.en,
    title_fr: OTHER_TITLE.fr,
    description_en: "Skills for running a library makerspace.",
    description_fr: "Les compétences pour animer un laboratoire créatif en bibliothèque.",
  });
  const add = async (parent: string, type: string, code: string, en: string, fr: string) => {
    const itemId = uuidV5(`item:${OTHER}:${code}`);
    await addItem(db, null, id, {
      id: itemId,
      parent,
      type,
      code,
      statement_en: en,
      statement_fr: fr,
      description_en: null,
      description_fr: null,
    });
    return itemId;
  };
  const category = await add("root", "category", "MS", "Makerspace", "Laboratoire créatif");
  const area = await add(category, "area", "MS.EQ", "Equipment", "Équipement");
  const competency = await add(
    area,
    "competency",
    "MS.EQ.1",
    "Plans the equipment budget",
    "Planifie le budget de l'équipement",
  );
  await add(competency, "ksa", "MS.EQ.1.1", "Compares 3D printer costs", "Compare le coût des imprimantes 3D");
  await publishEdition(db, id, null, { en: "First edition", fr: "Première édition" });
  return id;
}

/** What search gives, reduced to what a person sees: per group its framework and area, then hit ids. */
const signature = (body: {
  total: number;
  groups: { area: { frameworkSlug: string; key: string }; hits: { id: string }[] }[];
}) =>
  `${body.total}|${body.groups.map((g) => `${g.area.frameworkSlug}/${g.area.key}:${g.hits.map((h) => h.id).join(",")}`).join(";")}`;

const QUERIES = ["budget", "equipment", "équipement", "printer", "budjet", "communauté", "makerspace"];
const seen = new Map<TestDialect, Map<string, string>>();

for (const dialect of testDialects()) {
  describe(`several frameworks (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    let otherId: string;
    const get = (path: string) => t.app.request(path);
    const html = async (path: string) => {
      const response = await get(path);
      assert.equal(response.status, 200, path);
      return response.text();
    };
    const api = async (path: string) => {
      const response = await get(path);
      const body = await response.json();
      contract.check("get", path, response.status, body);
      return { status: response.status, body };
    };

    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
      otherId = await publishOther(t.db);
      // The starter comes second in time, yet readers see it first.
      await loadStarterFramework(t.db);
      t.catalog.invalidate();
    });
    after(() => t?.close());

    test("the home page lists every published framework, the starter first, each linking to its own home", async () => {
      for (const lang of LANGS) {
        const page = await html(urls.home(lang));
        const t9 = messages(lang);
        assert.ok(shows(page, t9.homeFrameworksHeading), "a list of frameworks");
        const links = hrefs(page);
        const starterAt = links.indexOf(urls.framework(lang, STARTER));
        const otherAt = links.indexOf(urls.framework(lang, OTHER));
        assert.ok(starterAt >= 0 && otherAt >= 0, "both frameworks linked");
        assert.ok(starterAt < otherAt, "the starter first");
        assert.ok(shows(page, OTHER_TITLE[lang]));
        for (const slug of [STARTER, OTHER]) {
          const home = await html(urls.framework(lang, slug));
          assert.equal(countTags(home, "h1"), 1);
          assert.equal(htmlLang(home), lang === "en" ? "en-CA" : "fr-CA");
        }
        const list = hrefs(await html(urls.frameworks(lang)));
        assert.ok(list.indexOf(urls.framework(lang, STARTER)) < list.indexOf(urls.framework(lang, OTHER)));
      }
      const apiList = (await api("/api/v1/frameworks")).body.frameworks.map((f: { slug: string }) => f.slug);
      assert.deepEqual(apiList, [STARTER, OTHER]);
    });

    test("search results say which framework each group comes from", async () => {
      for (const lang of LANGS) {
        const page = await html(urls.search(lang, "budget"));
        const t9 = messages(lang);
        assert.ok(shows(page, t9.searchFrameworkOf(OTHER_TITLE[lang])), "the makerspace group names its framework");
        const groups = page.split('<section class="search-group"').slice(1);
        assert.ok(groups.length > 1);
        for (const group of groups)
          assert.match(group, /class="meta search-group__framework"/, "every group names its framework");
      }
    });

    test("search offers to narrow to one framework, with counts; narrowed, only that framework's hits", async () => {
      for (const lang of LANGS) {
        const t9 = messages(lang);
        const page = await html(urls.search(lang, "budget"));
        assert.ok(shows(page, t9.searchNarrowHeading));
        const narrowTo = urls.search(lang, "budget", OTHER);
        assert.ok(hrefs(page).includes(narrowTo), "a link narrowing to the makerspace framework");
        const narrowed = await html(narrowTo);
        assert.ok(shows(narrowed, t9.searchNarrowedTo(OTHER_TITLE[lang])), "says it is narrowed");
        assert.ok(hrefs(narrowed).includes(urls.search(lang, "budget")), "and how to search everything again");
        assert.match(
          narrowed,
          new RegExp(`<input type="hidden" name="framework" value="${OTHER}"/>`),
          "the form keeps the scope",
        );
        const links = hrefs(narrowed).filter((h) => h.includes("/items/"));
        assert.ok(links.length > 0);
        for (const link of links) assert.ok(link.startsWith(`/${lang}/frameworks/${OTHER}/`), `${link} is in ${OTHER}`);
        assert.ok(!shows(narrowed, t9.searchNarrowHeading), "no offer to narrow further");
        // An unknown framework is said so, and everything is searched.
        const unknown = await html(urls.search(lang, "budget", "no-such-framework"));
        assert.ok(shows(unknown, t9.searchUnknownFramework));
        assert.ok(hrefs(unknown).some((h) => h.startsWith(`/${lang}/frameworks/${STARTER}/`)));
      }
    });

    test("the API's search takes framework= (slug or id); unknown → 404, malformed → 400", async () => {
      const all = await api("/api/v1/search?q=budget&limit=200");
      const frameworks = new Set(all.body.groups.map((g: { area: { frameworkSlug: string } }) => g.area.frameworkSlug));
      assert.deepEqual([...frameworks].sort(), [OTHER, STARTER].sort());
      for (const ref of [OTHER, otherId]) {
        const only = await api(`/api/v1/search?q=budget&limit=200&framework=${ref}`);
        assert.equal(only.status, 200);
        assert.ok(only.body.total > 0);
        for (const group of only.body.groups) assert.equal(group.area.frameworkSlug, OTHER);
      }
      const starterOnly = await api(`/api/v1/search?q=budget&limit=200&framework=${STARTER}`);
      assert.equal(
        starterOnly.body.total + (await api(`/api/v1/search?q=budget&framework=${OTHER}`)).body.total,
        all.body.total,
        "the two narrowed totals add up to the whole",
      );
      assert.equal((await api("/api/v1/search?q=budget&framework=no-such-framework")).status, 404);
      assert.equal((await api("/api/v1/search?q=budget&framework=has%20space")).status, 400);
      assert.equal((await api(`/api/v1/search?q=budget&framework=${"x".repeat(201)}`)).status, 400);
    });

    test("results are collected for the cross-database comparison", async () => {
      const results = new Map<string, string>();
      for (const q of QUERIES)
        for (const lang of LANGS as readonly Lang[])
          for (const scope of ["", `&framework=${OTHER}`, `&framework=${STARTER}`]) {
            const path = `/api/v1/search?q=${encodeURIComponent(q)}&lang=${lang}&limit=50${scope}`;
            const { body } = await api(path);
            results.set(path, `${signature(body)}|${body.correctedQuery ?? ""}`);
          }
      seen.set(dialect, results);
    });
  });
}

describe("every database gives the same search results", () => {
  test("same totals, groups, hits and corrections for every query, scope and language", () => {
    const [first, ...others] = [...seen.entries()];
    assert.ok(first, "results were collected");
    for (const [dialect, results] of others) assert.deepEqual(results, first[1], `${dialect} differs from ${first[0]}`);
  });
});

describe("readers' order of frameworks", () => {
  test("the one named first leads, the others keep their order", () => {
    const list = [{ slug: "a" }, { slug: "b" }, { slug: "starter" }, { slug: "c" }];
    assert.deepEqual(
      readerOrder(list, "starter").map((f) => f.slug),
      ["starter", "a", "b", "c"],
    );
    assert.deepEqual(
      readerOrder(list, undefined).map((f) => f.slug),
      ["a", "b", "starter", "c"],
    );
    assert.deepEqual(
      readerOrder(list, "absent").map((f) => f.slug),
      ["a", "b", "starter", "c"],
    );
  });
});
