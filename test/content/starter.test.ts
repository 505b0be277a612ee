/** The shipped starter framework: valid, bilingual, well formed, and following the index's taxonomy. */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { ContentNode } from "../../src/content/schema.ts";
import { loadStarterContent } from "../../src/content/starter.ts";
import { INDEX_LEVELS } from "../../src/frameworks/item-types.ts";

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

  /** The areas a category holds that the index names, in the starter's order. */
  const fromIndex = (categoryCode: string, index: string[]) =>
    areaNames(categoryCode)
      .map(simplify)
      .filter((name) => index.map(simplify).includes(name));
  /** The areas a category holds beyond the index's own. */
  const added = (categoryCode: string, index: string[]) =>
    areaNames(categoryCode).filter((name) => !index.map(simplify).includes(simplify(name)));

  test("Management/Leadership has the sixteen areas of the index, in order, and the two it lacks", () => {
    assert.deepEqual(fromIndex("ML", management), management.map(simplify));
    assert.deepEqual(added("ML", management), ["Volunteer Management", "Assessment & Data"]);
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
    const named = listed[1].split(/, /);
    assert.deepEqual(fromIndex("ML", named), named.map(simplify));
  });

  test("Public Service has the nine areas the issue lists, in order, and the three the index lacks", () => {
    const publicService = [
      "Customer Service",
      "Access Services",
      "Adult Services",
      "Programming & Outreach",
      "Readers' Advisory",
      "Reference",
      "Patron Training",
      "Children's Services",
      "Young Adult Services",
    ];
    assert.deepEqual(fromIndex("PS", publicService), publicService.map(simplify));
    assert.deepEqual(added("PS", publicService), [
      "Safety & Crisis Response",
      "Accessibility Services",
      "French-Language Services",
    ]);
  });

  test("Community Relations (ML.CR): six competencies of our own, over the ground the area covers", () => {
    const cr = byCode.get("ML.CR");
    assert.ok(cr, "ML.CR is missing");
    assert.equal(cr.en.statement, "Community Relations");
    assert.equal(cr.updated, "2026-11-30");
    const competencies = (cr.children ?? []).map((c) => c.en.statement);
    assert.equal(competencies.length, 6);
    for (const competency of cr.children ?? []) assert.ok((competency.children ?? []).length >= 3, competency.code);
    // Community knowledge, advocacy, speaking for the library, representing it, community development, partnerships.
    for (const [i, topic] of [
      /community/i,
      /case|fund/i,
      /public|media/i,
      /represent/i,
      /development/i,
      /partnership/i,
    ].entries())
      assert.match(competencies[i], topic, `ML.CR.${i + 1}`);
  });

  test("the item types are the index's four levels, named as everywhere else", () => {
    assert.deepEqual(
      content.framework.itemTypes,
      INDEX_LEVELS.map((t) => ({ ...t })),
    );
  });

  test("every category has areas", () => {
    for (const category of content.categories) assert.ok((category.children ?? []).length >= 3, category.code);
  });
});

describe("areas a public library index needs today", () => {
  /** Each new area: its category, its names, and words that show it covers what the issue asks, in each language. */
  const areas = [
    {
      code: "CORE.IR",
      category: "CORE",
      en: ["Indigenous Relations & Reconciliation", /Calls to Action/, /treaty/, /Elders/],
      fr: ["Relations avec les peuples autochtones et réconciliation", /appels à l'action/, /traité/, /Aînés/],
    },
    {
      code: "CORE.EQ",
      category: "CORE",
      en: ["Equity, Diversity, Inclusion & Anti-Racism", /anti-racism/i, /Human Rights Code/, /2SLGBTQI\+/],
      fr: [
        "Équité, diversité, inclusion et antiracisme",
        /antiraciste|antiracisme/,
        /droits de la personne/,
        /2ELGBTQI\+/,
      ],
    },
    {
      code: "PS.SC",
      category: "PS",
      en: ["Safety & Crisis Response", /trauma-informed/, /de-escalat|escalat/i, /incident report/, /harm-reduction/],
      fr: [
        "Sécurité et intervention en situation de crise",
        /tenant compte des traumatismes/,
        /désescalade|Désamorce/,
        /rapport d'incident/,
        /réduction des méfaits/,
      ],
    },
    {
      code: "PS.AS",
      category: "PS",
      en: ["Accessibility Services", /AODA/, /alternate formats/, /Deaf and hard-of-hearing/, /neurodivergent/],
      fr: ["Services d'accessibilité", /LAPHO/, /médias substituts/, /sourds ou malentendants/, /neurodivergents/],
    },
    {
      code: "PS.FR",
      category: "PS",
      en: ["French-Language Services", /active offer/, /Franco-Ontarian/],
      fr: ["Services en français", /offre active/, /franco-ontariennes/],
    },
    {
      code: "ML.VO",
      category: "ML",
      en: ["Volunteer Management", /volunteer role/, /vulnerable sector check/],
      fr: ["Gestion des bénévoles", /rôle bénévole/, /vérification des antécédents/],
    },
    {
      code: "ML.DA",
      category: "ML",
      en: ["Assessment & Data", /statistics/, /outcome/, /privacy/],
      fr: ["Évaluation et données", /statistique/, /résultats/, /vie privée/],
    },
  ] as const;

  for (const area of areas) {
    test(`${area.code}: ${area.en[0]}, in both languages, under ${area.category}`, () => {
      const node = byCode.get(area.code);
      assert.ok(node, `${area.code} is missing`);
      assert.ok(byCode.get(area.category)?.children?.includes(node), `${area.code} sits under ${area.category}`);
      for (const lang of ["en", "fr"] as const) {
        const [name, ...topics] = area[lang];
        assert.equal(node[lang].statement, name);
        assert.ok(node[lang].description, `${area.code}: a description in ${lang}`);
        const everything = all
          .filter(({ node: n }) => n.code.startsWith(`${area.code}.`) || n.code === area.code)
          .map(({ node: n }) => `${n[lang].statement} ${n[lang].description ?? ""}`)
          .join(" ");
        for (const topic of topics) assert.match(everything, topic, `${area.code} (${lang})`);
      }
      assert.ok((node.children ?? []).length >= 3, `${area.code}: at least three competencies`);
      for (const competency of node.children ?? []) {
        assert.ok((competency.children ?? []).length >= 3, `${competency.code}: at least three KSAs`);
      }
    });
  }
});
