/** The shipped starter framework: valid, bilingual, well formed, and following the index's taxonomy. */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { ContentNode } from "../../src/content/schema.ts";
import { loadStarterContent } from "../../src/content/starter.ts";

const content = loadStarterContent();
const byCode = new Map<string, ContentNode>();
const all: { node: ContentNode; parent: ContentNode | null }[] = [];
const visit = (node: ContentNode, parent: ContentNode | null) => {
  all.push({ node, parent });
  byCode.set(node.code, node);
  for (const child of node.children ?? []) visit(child, node);
};
for (const category of content.categories) visit(category, null);

/** Compare names without punctuation or case: "Laws, Policies & Procedures" is "Laws Policies & Procedures". */
const simplify = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
const areaNames = (categoryCode: string) => (byCode.get(categoryCode)?.children ?? []).map((a) => a.en.statement);

describe("starter content", () => {
  test("loads without a single problem", () => {
    assert.ok(content.categories.length > 0);
  });

  test("every node has a statement in English and in French", () => {
    for (const { node } of all) {
      assert.ok(node.en.statement.trim(), `${node.code}: English statement`);
      assert.ok(node.fr.statement.trim(), `${node.code}: French statement`);
      assert.equal(
        Boolean(node.en.description),
        Boolean(node.fr.description),
        `${node.code}: description in one language only`,
      );
    }
  });

  test("French is not English copied over (at most a few identical statements, like 'Marketing')", () => {
    const identical = all.filter(({ node }) => node.en.statement === node.fr.statement).map(({ node }) => node.code);
    assert.ok(identical.length <= all.length * 0.02, `too many untranslated statements: ${identical.join(", ")}`);
  });

  test("codes are unique and start with their parent's code", () => {
    assert.equal(byCode.size, all.length, "duplicate codes");
    for (const { node, parent } of all) {
      if (parent) assert.ok(node.code.startsWith(`${parent.code}.`), `${node.code} under ${parent.code}`);
    }
  });

  test("four levels: category → area → competency → KSA", () => {
    const expected = ["category", "area", "competency", "ksa"];
    const depthOf = (code: string) => {
      let depth = 0;
      for (let entry = all.find((e) => e.node.code === code); entry?.parent; depth++) {
        const parentCode = entry.parent.code;
        entry = all.find((e) => e.node.code === parentCode);
      }
      return depth;
    };
    for (const { node } of all) assert.equal(node.type, expected[depthOf(node.code)], node.code);
  });

  test("every area has a description, at least three competencies, each with at least three KSAs", () => {
    for (const category of content.categories) {
      for (const area of category.children ?? []) {
        assert.ok(area.en.description && area.fr.description, `${area.code}: description`);
        assert.ok((area.children ?? []).length >= 3, `${area.code}: competencies`);
        for (const competency of area.children ?? []) {
          assert.ok((competency.children ?? []).length >= 3, `${competency.code}: KSAs`);
        }
      }
    }
  });

  test("dates are real calendar days, not in the future of the framework's own date", () => {
    for (const { node } of all) {
      if (!node.updated) continue;
      const date = new Date(`${node.updated}T12:00:00Z`);
      assert.equal(date.toISOString().slice(0, 10), node.updated, `${node.code}: ${node.updated} is not a real day`);
      assert.ok(
        node.updated <= content.framework.updated,
        `${node.code}: ${node.updated} is after the framework's date`,
      );
    }
  });
});

describe("starter taxonomy follows the index", () => {
  test("six categories, in the index's order", () => {
    assert.deepEqual(
      content.categories.map((c) => c.en.statement),
      [
        "Core Competencies",
        "Personal/Interpersonal",
        "Management/Leadership",
        "Public Service",
        "Collection Management",
        "Technology",
      ],
    );
  });

  const management = [
    "Budget & Finance",
    "Funding Development",
    "Laws Policies & Procedures",
    "Ontario's Public Library Sector",
    "Board Engagement & Development",
    "Municipal Relations",
    "Organizational Leadership",
    "Personnel Management",
    "Customer Service Champion",
    "Planning",
    "Project Management",
    "Service or Department Oversight",
    "Staff Training & Development",
    "Facilities",
    "Community Relations",
    "Marketing",
  ];

  test("Management/Leadership has the sixteen areas of the index, in order", () => {
    assert.deepEqual(areaNames("ML").map(simplify), management.map(simplify));
  });

  test("…the same sixteen that ../shared/PRODUCT.md names", (t) => {
    const product = fileURLToPath(new URL("../../../shared/PRODUCT.md", import.meta.url));
    if (!existsSync(product)) {
      if (process.env.CI === "true") assert.fail(`${product} is missing, and CI must have ../shared`);
      t.skip("../shared/PRODUCT.md is absent (a fresh clone without ../shared)");
      return;
    }
    const text = readFileSync(product, "utf8").replace(/\s+/g, " ");
    const listed = /Management\/Leadership alone has ([^)]*)\)/.exec(text);
    assert.ok(listed, "PRODUCT.md no longer lists the Management/Leadership areas in the expected sentence");
    assert.deepEqual(areaNames("ML").map(simplify), listed[1].split(/, /).map(simplify));
  });

  test("Public Service has the nine areas the issue lists, in order", () => {
    assert.deepEqual(
      areaNames("PS").map(simplify),
      [
        "Customer Service",
        "Access Services",
        "Adult Services",
        "Programming & Outreach",
        "Readers' Advisory",
        "Reference",
        "Patron Training",
        "Children's Services",
        "Young Adult Services",
      ].map(simplify),
    );
  });

  test("Community Relations (ML.CR) has six competencies, all with KSAs, last updated 2026-10-02", () => {
    const cr = byCode.get("ML.CR");
    assert.ok(cr, "ML.CR is missing");
    assert.equal(cr.en.statement, "Community Relations");
    assert.equal(cr.children?.length, 6);
    for (const competency of cr.children ?? []) assert.ok((competency.children ?? []).length >= 3, competency.code);
    assert.equal(cr.updated, "2026-10-02");
  });

  test("every category has areas", () => {
    for (const category of content.categories) assert.ok((category.children ?? []).length >= 3, category.code);
  });
});
