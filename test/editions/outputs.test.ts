/**
 * Big outputs of a published edition produced once and served from their bytes (src/editions/outputs.ts):
 * the pieces are the direct render's text, the store is bounded, and over HTTP the whole-tree JSON
 * and the CASE package are the direct render's bytes, new with a new edition, with a strong ETag.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { createOutputStore, outputKey, produceOutput } from "../../src/editions/outputs.ts";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import { frameworkJson, frameworkJsonPieces } from "../../src/frameworks/json.ts";
import type { TreeNode } from "../../src/frameworks/tree.ts";
import type { FrameworkView } from "../../src/frameworks/view.ts";
import { caseExport } from "../../src/interop/case/export.ts";
import { caseExportInput } from "../../src/interop/case/load.ts";
import { text } from "../interop/generated.ts";
import { makeTestApp, testDialects } from "../support/app.ts";
import { runs } from "../support/fast-check-seed.ts";

const SLUG = "public-library-staff";
const BASE_URL = "https://index.example.org";

/** Trees of random shape and text: each item's parent is an earlier item or none. */
const generatedRoots = fc
  .array(
    fc.record({
      parent: fc.nat(),
      root: fc.boolean(),
      en: text,
      fr: fc.option(text, { nil: "" }),
      description: fc.option(text, { nil: null }),
      code: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
    }),
    { minLength: 0, maxLength: 60 },
  )
  .map((rows) => {
    const nodes: TreeNode[] = [];
    const roots: TreeNode[] = [];
    rows.forEach((row, i) => {
      const parent = i === 0 || row.root ? undefined : nodes[row.parent % i];
      const node: TreeNode = {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        parentId: parent?.id ?? null,
        type: i % 2 === 0 ? "area" : "competency",
        code: row.code,
        position: (parent?.children ?? roots).length,
        statement: { en: row.en, fr: row.fr },
        description: { en: row.description ?? "", fr: row.description ? `${row.description} (fr)` : "" },
        updatedAt: "2026-01-02T03:04:05.000Z",
        lastUpdated: "2026-01-02T03:04:05.000Z",
        depth: parent ? parent.depth + 1 : 0,
        children: [],
      } as TreeNode;
      nodes.push(node);
      (parent?.children ?? roots).push(node);
    });
    return roots;
  });

const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe("output store (pure)", () => {
  test("the stored bytes are JSON.stringify(frameworkJson(view)) for generated trees", async (t) => {
    const app = await makeTestApp();
    t.after(() => app.close());
    const starter = (await app.catalog.get(SLUG)) as FrameworkView;
    await fc.assert(
      fc.asyncProperty(generatedRoots, fc.boolean(), async (roots, adopted) => {
        const view: FrameworkView = {
          ...starter,
          tree: { ...starter.tree, roots },
          ...(adopted ? { adoptedFrom: { id: "x", slug: "source", title: { en: "S", fr: "S" }, edition: 2 } } : {}),
        } as FrameworkView;
        const direct = JSON.stringify(frameworkJson(view));
        assert.equal([...frameworkJsonPieces(view)].join(""), direct);
        const output = await produceOutput(frameworkJsonPieces(view), 0);
        assert.ok(Buffer.concat(output.chunks).equals(Buffer.from(direct, "utf8")));
        assert.equal(output.bytes, Buffer.byteLength(direct));
      }),
      { numRuns: runs(40) },
    );
  });

  test("the store keeps at most its budget, least recently used out first, and produces a key once", async () => {
    const store = createOutputStore({ budgetBytes: 1000 });
    let produced = 0;
    const pieces = (size: number) => () => {
      produced++;
      return ["x".repeat(size)][Symbol.iterator]();
    };
    const [a, again] = await Promise.all([store.get("a", pieces(400)), store.get("a", pieces(400))]);
    assert.equal(a, again);
    assert.equal(produced, 1);
    await store.get("b", pieces(400));
    await store.get("a", pieces(400)); // a is now the most recently used
    assert.equal(produced, 2);
    await store.get("c", pieces(400));
    assert.deepEqual(store.keys(), ["a", "c"]);
    assert.ok(store.keptBytes() <= 1000);
    await store.get("huge", pieces(5000)); // served, never kept
    assert.deepEqual(store.keys(), ["a", "c"]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 12 })), async (requests) => {
        // A key's content is fixed (as an edition's is); sizes run from nothing to above the budget.
        const bounded = createOutputStore({ budgetBytes: 1000 });
        for (const key of requests) {
          const output = await bounded.get(String(key), () => ["é".repeat(key * 50)][Symbol.iterator]());
          assert.equal(output.bytes, key * 100);
          assert.ok(bounded.keptBytes() <= 1000);
          assert.equal(bounded.keys().includes(String(key)), key * 100 <= 1000);
        }
      }),
      { numRuns: runs(50) },
    );
  });

  test("keys name the edition, the language and the format", () => {
    const view = { framework: { id: "f" }, edition: { number: 3 } };
    const keys = new Set([
      outputKey(view, 1, "en", "full"),
      outputKey(view, 1, "fr", "full"),
      outputKey({ ...view, edition: { number: 4 } }, 1, "en", "full"),
      outputKey(view, 1, "en", "case.json"),
    ]);
    assert.equal(keys.size, 4);
    assert.equal(outputKey(view, 1, "en", "full"), outputKey(view, 2, "en", "full")); // editions never change
  });
});

for (const dialect of testDialects()) {
  describe(`published edition outputs over HTTP (${dialect})`, () => {
    let t: Awaited<ReturnType<typeof makeTestApp>>;
    before(async () => {
      t = await makeTestApp({ dialect, env: { BASE_URL } });
    });
    after(() => t?.close());

    test("the whole tree and the CASE package are the direct render's bytes, with a strong ETag, new per edition", async () => {
      const view = (await t.catalog.get(SLUG)) as FrameworkView;
      const id = view.framework.id;
      const tree = `/api/v1/frameworks/${id}`;
      const pkg = `/ims/case/v1p1/CFPackages/${id}`;

      const first = await t.app.request(tree);
      assert.equal(first.status, 200);
      const etag = first.headers.get("etag") ?? "";
      assert.match(etag, /^"[^"]+"$/);
      assert.ok((await bytesOf(first)).equals(Buffer.from(JSON.stringify(frameworkJson(view)))));
      const repeat = await t.app.request(tree);
      assert.equal(repeat.headers.get("etag"), etag);
      assert.equal((await t.app.request(tree, { headers: { "if-none-match": etag } })).status, 304);

      const casePackage = await t.app.request(pkg);
      assert.equal(casePackage.status, 200);
      const caseEtag = casePackage.headers.get("etag") ?? "";
      const direct = JSON.stringify(caseExport(await caseExportInput(t.db, view, BASE_URL)));
      assert.ok((await bytesOf(casePackage)).equals(Buffer.from(direct)));
      assert.equal(casePackage.headers.get("content-length"), String(Buffer.byteLength(direct)));
      assert.equal((await t.app.request(pkg, { headers: { "if-none-match": caseEtag } })).status, 304);

      // A new edition: new bytes, new ETags; the old ETag no longer answers 304.
      await t.db
        .updateTable("items")
        .set({ statement_en: "Ibis relations" })
        .where("framework_id", "=", id)
        .where("code", "=", "ML.CR")
        .execute();
      await publishEdition(t.db, id, null, { en: "Ibis", fr: "Ibis" });
      await t.catalog.refresh();
      const next = (await t.catalog.get(SLUG)) as FrameworkView;
      assert.notEqual(next.edition?.number, view.edition?.number);
      const second = await t.app.request(tree, { headers: { "if-none-match": etag } });
      assert.equal(second.status, 200);
      assert.notEqual(second.headers.get("etag"), etag);
      const body = await bytesOf(second);
      assert.ok(body.equals(Buffer.from(JSON.stringify(frameworkJson(next)))));
      assert.ok(body.toString("utf8").includes("Ibis relations"));
      const secondCase = await t.app.request(pkg, { headers: { "if-none-match": caseEtag } });
      assert.equal(secondCase.status, 200);
      assert.notEqual(secondCase.headers.get("etag"), caseEtag);
      assert.ok((await bytesOf(secondCase)).toString("utf8").includes("Ibis relations"));
    });
  });
}
