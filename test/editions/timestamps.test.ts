/**
 * The API's times stay in order whatever happened before a publish: editors' saves, framework
 * details, imports carrying their source's dates (past or future), publishes. After every publish,
 * in the JSON API: createdAt ≤ updatedAt ≤ lastUpdated for the framework, updatedAt ≤ lastUpdated
 * for every item and no item newer than its framework's lastUpdated; the version is the edition's
 * number and the CASE document's lastChangeDateTime its publish time.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { syntheticCasePackage } from "../../bench/case/synthetic.ts";
import { editFrameworkDetails } from "../../src/editor/commands/frameworks.ts";
import { editItem } from "../../src/editor/commands/items.ts";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import { listDraftItems } from "../../src/frameworks/draft-store.ts";
import { findFrameworkById } from "../../src/frameworks/store.ts";
import { parseCasePackage } from "../../src/interop/case/parse.ts";
import { importFramework } from "../../src/interop/import.ts";
import { makeTestApp, testDialects } from "../support/app.ts";

type TestApp = Awaited<ReturnType<typeof makeTestApp>>;
// biome-ignore lint/suspicious/noExplicitAny: JSON bodies read field by field
type Json = Record<string, any>;
const ana = { id: "u-ana", email: "ana@example.org", name: "Ana Editor", role: "editor" as const };

type Step =
  | { kind: "import"; documentDate: Date; itemDate: Date }
  | { kind: "edit"; index: number }
  | { kind: "details" }
  | { kind: "publish" };

const someDate = fc.date({
  min: new Date("1990-01-01T00:00:00Z"),
  max: new Date("2100-01-01T00:00:00Z"),
  noInvalidDate: true,
});
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("import" as const), documentDate: someDate, itemDate: someDate }),
  fc.record({ kind: fc.constant("edit" as const), index: fc.nat(11) }),
  fc.constant({ kind: "details" as const }),
  fc.constant({ kind: "publish" as const }),
);

const ms = (iso: string) => {
  const time = Date.parse(iso);
  assert.ok(!Number.isNaN(time), `a date: ${iso}`);
  return time;
};

for (const dialect of testDialects()) {
  describe(`API times after any edit and publish sequence (${dialect})`, () => {
    let t: TestApp;
    let run = 0;
    before(async () => {
      t = await makeTestApp({ dialect, starter: false });
    });
    after(() => t.close());

    const json = async (path: string): Promise<Json> => {
      const response = await t.app.request(path);
      assert.equal(response.status, 200, path);
      return response.json();
    };

    const checkPublished = async (frameworkId: string, number: number, publishedAt: string) => {
      t.catalog.invalidate();
      const listed = (await json("/api/v1/frameworks")).frameworks.find((f: Json) => f.id === frameworkId);
      const whole = await json(`/api/v1/frameworks/${frameworkId}`);
      for (const f of [listed, whole]) {
        assert.ok(ms(f.createdAt) <= ms(f.updatedAt), `createdAt ${f.createdAt} ≤ updatedAt ${f.updatedAt}`);
        assert.equal(f.version, String(number));
      }
      assert.ok(ms(whole.updatedAt) <= ms(whole.lastUpdated), "updatedAt ≤ lastUpdated");
      const visit = (items: Json[]) => {
        for (const item of items) {
          assert.ok(ms(item.updatedAt) <= ms(item.lastUpdated), `item ${item.code}: updatedAt ≤ lastUpdated`);
          assert.ok(ms(item.lastUpdated) <= ms(whole.lastUpdated), `item ${item.code} ≤ the framework's lastUpdated`);
          for (const child of item.children) assert.ok(ms(child.lastUpdated) <= ms(item.lastUpdated), "subtree");
          visit(item.children);
        }
      };
      visit(whole.children);
      const document = await json(`/ims/case/v1p1/CFDocuments/${frameworkId}`);
      assert.equal(document.version, String(number));
      assert.equal(ms(document.lastChangeDateTime), ms(publishedAt));
    };

    test("property: createdAt ≤ updatedAt ≤ lastUpdated, version = edition, CASE date = publish time", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 6 }), async (steps) => {
          const seed = `times-${dialect}-${++run}:`;
          const source = JSON.parse(syntheticCasePackage(12, { seed }));
          const frameworkId: string = source.CFDocument.identifier;
          const load = async (documentDate: Date, itemDate: Date) => {
            source.CFDocument.lastChangeDateTime = documentDate.toISOString();
            for (const item of source.CFItems) item.lastChangeDateTime = itemDate.toISOString();
            const parsed = parseCasePackage(JSON.stringify(source));
            assert.ok(parsed.value);
            assert.ok((await importFramework(t.db, parsed.value)).ok);
          };
          // Every sequence starts from an import with the source's own dates, as a real one would.
          await load(new Date("2024-05-01T12:00:00Z"), new Date("2024-05-01T12:00:00Z"));
          let published = 0;
          for (const step of [...steps, { kind: "publish" as const }]) {
            if (step.kind === "import") await load(step.documentDate, step.itemDate);
            else if (step.kind === "edit") {
              const items = await listDraftItems(t.db, frameworkId);
              const item = items[step.index % items.length];
              await editItem(t.db, ana, frameworkId, item.id, {
                ...item,
                statement_en: `${item.statement_en ?? ""} (edited)`,
              });
            } else if (step.kind === "details") {
              const f = await findFrameworkById(t.db, frameworkId);
              assert.ok(f);
              await editFrameworkDetails(
                t.db,
                ana,
                frameworkId,
                { ...f, description_en: `Edited ${run}` },
                f.updated_at,
              );
            } else {
              const edition = await publishEdition(t.db, frameworkId, ana, { en: "Checked.", fr: "Vérifié." });
              published = edition.number;
              await checkPublished(frameworkId, edition.number, edition.publishedAt);
            }
          }
          assert.ok(published > 0);
        }),
        { numRuns: dialect === "sqlite" ? 20 : 6 },
      );
    });
  });
}
