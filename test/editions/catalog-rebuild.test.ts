/**
 * The catalog's rebuilds (decision 022): while a new revision is being built, readers are answered
 * from the previous one (pages, search, API); a publish in this process is visible to its publisher
 * as soon as it is done; a failed build keeps the previous revision and is reported; views built
 * from rows read in pages are the views built from the edition's content in one piece.
 *
 * A rebuild is held under way by a gate (CatalogOptions.beforeLive), never by timing.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { viewFromContent, viewFromContentSteps } from "../../src/editions/content.ts";
import { latestEdition, readEditionContent, readEditionForReaders } from "../../src/editions/store.ts";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import { editorUrls } from "../../src/editor/urls.ts";
import { frameworkJson } from "../../src/frameworks/json.ts";
import { listFrameworks } from "../../src/frameworks/store.ts";
import { searchIndexFor } from "../../src/search/engine.ts";
import { finish, inSlices } from "../../src/slices.ts";
import { urls } from "../../src/ui/urls.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { postForm, signInAs } from "../support/auth.ts";
import { runs } from "../support/fast-check-seed.ts";

const SLUG = "public-library-staff";
type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

/** Holds every build that reaches it until released; tells when one is waiting. */
function gate() {
  let closed = false;
  let release: () => void = () => {};
  let opened = Promise.resolve();
  let arrived: () => void = () => {};
  let reached = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  return {
    close() {
      closed = true;
      opened = new Promise((resolve) => {
        release = resolve;
      });
      reached = new Promise((resolve) => {
        arrived = resolve;
      });
    },
    open() {
      closed = false;
      release();
    },
    /** Resolves once a build is held at the gate. */
    reached: () => reached,
    async pass() {
      if (!closed) return;
      arrived();
      await opened;
    },
  };
}

for (const dialect of testDialects()) {
  describe(`catalog rebuilds (${dialect})`, () => {
    let t: TestApp;
    const held = gate();
    const failures: { error: unknown; revision: number }[] = [];
    let failNext = false;
    const page = async (path: string) => (await t.app.request(path)).text();
    const rename = async (statement: string) => {
      const starter = (await listFrameworks(t.db)).find((f) => f.slug === SLUG);
      assert.ok(starter);
      await t.db
        .updateTable("items")
        .set({ statement_en: statement })
        .where("framework_id", "=", starter.id)
        .where("code", "=", "ML.CR")
        .execute();
      return starter;
    };
    const searchTotal = async (query: string) =>
      (await (await t.app.request(`/api/v1/search?q=${encodeURIComponent(query)}&lang=en`)).json()).total as number;
    const editionNumber = async () =>
      (await (await t.app.request(`/api/v1/frameworks`)).json()).frameworks.find(
        (f: { slug: string }) => f.slug === SLUG,
      ).version as string;

    before(async () => {
      t = await makeTestApp({
        dialect,
        catalog: {
          serveStale: true,
          beforeLive: async () => {
            await held.pass();
            if (failNext) {
              failNext = false;
              throw new Error("the build broke");
            }
          },
          onBuildError: (error, revision) => failures.push({ error, revision }),
        },
      });
    });
    after(() => t.close());

    test("while a new edition is being built, pages, search and the API answer from the previous one", async () => {
      assert.ok((await page(urls.item("en", SLUG, "ML.CR"))).includes("Community Relations"));
      assert.equal(await searchTotal("quetzal"), 0);
      const versionBefore = await editionNumber();

      const starter = await rename("Quetzal relations");
      held.close();
      // Published behind the catalog's back, as another process (the command line) would.
      await publishEdition(t.db, starter.id, null, { en: "Quetzal", fr: "Quetzal" });
      const area = await page(urls.item("en", SLUG, "ML.CR"));
      await held.reached();
      assert.ok(area.includes("Community Relations") && !area.includes("Quetzal"), "the previous edition's page");
      assert.ok(!(await page(urls.item("fr", SLUG, "ML.CR"))).includes("Quetzal"));
      assert.equal(await searchTotal("quetzal"), 0, "the previous edition's search index");
      assert.equal(await editionNumber(), versionBefore, "the previous edition's API");
      assert.ok(!(await page(urls.framework("en", SLUG))).includes("Quetzal"), "the previous whole framework");

      held.open();
      await t.catalog.refresh();
      assert.ok((await page(urls.item("en", SLUG, "ML.CR"))).includes("Quetzal relations"), "the new edition");
      assert.equal(await searchTotal("quetzal"), 1);
      assert.notEqual(await editionNumber(), versionBefore);
    });

    test("the publisher's own redirect shows the edition just published, through the publish form", async () => {
      const cookie = await signInAs(t, "editor");
      await rename("Toucan relations");
      const form = await (await t.app.request(editorUrls.publish("en", SLUG), { headers: { cookie } })).text();
      const seen = /name="seen" value="(\d+)"/.exec(form)?.[1];
      assert.ok(seen);
      const published = await t.app.request(
        editorUrls.publish("en", SLUG),
        postForm(t, { summary_en: "Toucan.", summary_fr: "Toucan.", seen }, cookie),
      );
      assert.equal(published.status, 303);
      // No refresh, no wait: the publish answered once readers are served the new edition.
      assert.ok((await page(urls.item("en", SLUG, "ML.CR"))).includes("Toucan relations"));
      assert.equal(await searchTotal("toucan"), 1);
    });

    test("a build that fails keeps the previous edition serving and is reported", async () => {
      const starter = await rename("Pelican relations");
      failNext = true;
      await publishEdition(t.db, starter.id, null, { en: "Pelican", fr: "Pélican" });
      await t.catalog.refresh();
      assert.equal(failures.length, 1);
      assert.match(String(failures[0].error), /the build broke/);
      const area = await page(urls.item("en", SLUG, "ML.CR"));
      assert.ok(area.includes("Toucan relations") && !area.includes("Pelican"), "the previous edition stays");
      assert.equal(await searchTotal("pelican"), 0);
      // The next attempt (here asked for at once) builds it.
      await t.catalog.refresh();
      assert.ok((await page(urls.item("en", SLUG, "ML.CR"))).includes("Pelican relations"));
      assert.equal(failures.length, 1);
    });

    test("concurrent first reads share one build; the search index comes with it", async () => {
      const [a, b] = await Promise.all([searchIndexFor(t.catalog), searchIndexFor(t.catalog)]);
      assert.equal(a, b);
      assert.equal(await searchIndexFor(t.catalog), a, "kept while the revision stays");
    });

    test("views built from rows read in pages, a slice at a time, equal the views of the whole content", async () => {
      const starter = (await listFrameworks(t.db)).find((f) => f.slug === SLUG);
      assert.ok(starter);
      const edition = await latestEdition(t.db, starter.id);
      assert.ok(edition);
      const whole = viewFromContent(await readEditionContent(t.db, edition), { slug: SLUG, version: "1" });
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 200 }), async (pageRows) => {
          const paged = await readEditionForReaders(t.db, edition.id, pageRows);
          assert.ok(paged);
          const sliced = await inSlices(viewFromContentSteps(paged, { slug: SLUG, version: "1" }), 0);
          assert.deepEqual(frameworkJson(sliced), frameworkJson(whole));
          assert.deepEqual(
            frameworkJson(finish(viewFromContentSteps(paged, { slug: SLUG, version: "1" }))),
            frameworkJson(whole),
          );
        }),
        { numRuns: runs(8) },
      );
    });
  });
}
