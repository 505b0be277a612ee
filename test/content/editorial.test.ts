/**
 * The starter's writing: its own words (not the seed page's), no statement said twice, one term per
 * idea, epicene French, KSAs that can each be rated, and French typography in every stored string.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { starterRows } from "../../src/content/load-starter.ts";
import type { ContentNode } from "../../src/content/schema.ts";
import {
  longestSharedRun,
  sentencesOf,
  sequenceSimilarity,
  similarPairs,
  statementSimilarity,
  wordsOf,
} from "../../src/content/similarity.ts";
import { loadStarterContent } from "../../src/content/starter.ts";
import {
  EPICENE,
  epiceneProblems,
  openingVerbs,
  secondBehaviour,
  TERMS,
  termProblems,
  vagueOpening,
} from "../../src/content/style-sheet.ts";
import { fr } from "../../src/i18n/fr.ts";
import { frenchTypographyProblems } from "../../src/i18n/typography.ts";

const content = loadStarterContent();
const nodes: ContentNode[] = [];
const visit = (node: ContentNode) => {
  nodes.push(node);
  for (const child of node.children ?? []) visit(child);
};
for (const category of content.categories) visit(category);
const competencies = nodes.filter((n) => n.type === "competency");
const ksas = nodes.filter((n) => n.type === "ksa");

/** Every text of the starter in one language: statements, descriptions, and the framework's own. */
const texts = (lang: "en" | "fr") => [
  { code: "framework", text: content.framework[lang].statement },
  { code: "framework", text: content.framework[lang].description ?? "" },
  ...nodes.flatMap((n) => [
    { code: n.code, text: n[lang].statement },
    ...(n[lang].description ? [{ code: `${n.code} (description)`, text: n[lang].description as string }] : []),
  ]),
];

/** The seed page, read from ../shared when it is there (CI always has it). */
function seedPage(t: { skip: (message: string) => void }): string | undefined {
  const path = fileURLToPath(new URL("../../../shared/seed/000_5573f9a2fc711607.txt", import.meta.url));
  if (existsSync(path)) return readFileSync(path, "utf8");
  if (process.env.CI === "true") assert.fail(`${path} is missing, and CI must have ../shared`);
  t.skip("../shared/seed is absent (a fresh clone without ../shared)");
  return undefined;
}

/** At most this alike, word for word, to any sentence of the seed page. */
const SEED_SIMILARITY = 0.5;
/** No run of this many words in common with the seed page. */
const SEED_RUN = 5;
/** Two statements of the starter at least this alike say the same thing twice. */
const NEAR_DUPLICATE = 0.5;

describe("the starter is written in its own words, not the seed page's", () => {
  // Category and area names follow the index's taxonomy on purpose; everything else is ours.
  const ours = texts("en").filter(({ code }) => {
    const node = nodes.find((n) => n.code === code);
    return !node || (node.type !== "category" && node.type !== "area");
  });
  const sentences = ours.flatMap(({ code, text }) => sentencesOf(text, 1).map((sentence) => ({ code, sentence })));

  test(`no sentence is more than ${SEED_SIMILARITY} alike, word for word, to a sentence of the seed page`, (t) => {
    const seed = seedPage(t);
    if (seed === undefined) return;
    const seedSentences = sentencesOf(seed).map((s) => ({ s, words: wordsOf(s) }));
    assert.ok(seedSentences.length > 40, "the seed page's sentences were found");
    const problems: string[] = [];
    for (const { code, sentence } of sentences) {
      const words = wordsOf(sentence);
      for (const s of seedSentences) {
        const similarity = sequenceSimilarity(words, s.words);
        if (similarity > SEED_SIMILARITY) problems.push(`${code} (${similarity.toFixed(2)}): “${sentence}”`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test(`no run of ${SEED_RUN} words in common with the seed page`, (t) => {
    const seed = seedPage(t);
    if (seed === undefined) return;
    const seedWords = wordsOf(seed);
    const problems = sentences
      .map(({ code, sentence }) => ({ code, run: longestSharedRun(wordsOf(sentence), seedWords) }))
      .filter(({ run }) => run.length >= SEED_RUN)
      .map(({ code, run }) => `${code}: “${run.join(" ")}”`);
    assert.deepEqual(problems, []);
  });

  test("the check catches a seed sentence with a few words swapped (without the seed's text in this file)", (t) => {
    const seed = seedPage(t);
    if (seed === undefined) return;
    const longest = sentencesOf(seed).sort((a, b) => wordsOf(b).length - wordsOf(a).length)[0];
    const words = wordsOf(longest);
    // Every fourth word replaced by another: still the seed's sentence, clause for clause.
    const reworded = words.map((w, i) => (i % 4 === 3 ? `other${i}` : w));
    assert.ok(sequenceSimilarity(reworded, words) > SEED_SIMILARITY);
  });
});

describe("no statement says what another already says", () => {
  test(`no two competencies or KSAs are ${NEAR_DUPLICATE} alike or more`, () => {
    const statements = [...competencies, ...ksas].map((n) => ({ code: n.code, text: n.en.statement }));
    const pairs = similarPairs(statements, NEAR_DUPLICATE).map(
      ({ a, b, similarity }) => `${a.code} ≈ ${b.code} (${similarity.toFixed(2)}): “${a.text}” / “${b.text}”`,
    );
    assert.deepEqual(pairs, []);
  });

  test("the measure flags a statement reworded with a synonym or reordered, and not two different ones", () => {
    assert.ok(
      statementSimilarity("Makes sound, timely decisions", "Makes timely, sound decisions and explains them") >=
        NEAR_DUPLICATE,
    );
    assert.ok(
      statementSimilarity("Uses feedback from patrons to improve service", "Uses patron comments to improve service") >=
        NEAR_DUPLICATE,
    );
    assert.ok(
      statementSimilarity("Balances the cash float at the end of a shift", "Reads aloud to toddlers at story time") <
        NEAR_DUPLICATE,
    );
  });
});

describe("the style sheet (content/README.md)", () => {
  const readme = readFileSync(fileURLToPath(new URL("../../content/README.md", import.meta.url)), "utf8");

  test("every chosen term is written down in content/README.md", () => {
    for (const rule of TERMS) assert.ok(readme.includes(rule.use), `content/README.md names “${rule.use}”`);
    for (const rule of EPICENE) assert.ok(readme.includes(rule.suggestion.split(",")[0]), rule.suggestion);
  });

  for (const lang of ["en", "fr"] as const) {
    test(`${lang}: one term per idea in every statement and description`, () => {
      const problems = texts(lang).flatMap(({ code, text }) => termProblems(text, lang).map((p) => `${code}: ${p}`));
      assert.deepEqual(problems, []);
    });
  }

  test("fr: people in general are named in epicene French", () => {
    const problems = texts("fr").flatMap(({ code, text }) => epiceneProblems(text).map((p) => `${code}: ${p}`));
    assert.deepEqual(problems, []);
  });

  test("fr: the UI dictionary uses the same terms, in epicene French", () => {
    const sample = (value: unknown) =>
      typeof value === "function" ? String(value(...Array.from({ length: value.length }, () => 2))) : String(value);
    const problems = Object.entries(fr).flatMap(([key, value]) =>
      [...termProblems(sample(value), "fr", "ui"), ...epiceneProblems(sample(value))].map((p) => `${key}: ${p}`),
    );
    assert.deepEqual(problems, []);
  });

  test("the checks catch what they are for", () => {
    assert.equal(termProblems("Helps users and seniors", "en").length, 2);
    assert.equal(termProblems("Les abonnés et les aînés aux programmes", "fr").length, 3);
    assert.equal(epiceneProblems("Le directeur général informe les employés").length, 2);
    assert.deepEqual(epiceneProblems("Les résidentes et résidents, les Aînés et les membres du personnel"), []);
  });
});

describe("every KSA can be observed and rated on its own", () => {
  const verbs = openingVerbs(ksas.map((k) => k.en.statement));

  test("KSAs open with a verb that names a behaviour, not an attitude", () => {
    const problems = ksas.filter((k) => vagueOpening(k.en.statement)).map((k) => `${k.code}: “${k.en.statement}”`);
    assert.deepEqual(problems, []);
  });

  test("no KSA bundles a second behaviour (“…, and explains…”)", () => {
    const problems = ksas
      .map((k) => ({ k, second: secondBehaviour(k.en.statement, verbs) }))
      .filter(({ second }) => second)
      .map(({ k, second }) => `${k.code} (${second}): “${k.en.statement}”`);
    assert.deepEqual(problems, []);
  });

  test("the bundle check finds a second verb, and lets one verb pair on one object pass", () => {
    const known = new Set(["explains", "reads", "creates", "updates", "records"]);
    assert.equal(secondBehaviour("Reads the budget report and explains the variances", known), "and explains");
    assert.equal(secondBehaviour("Creates and updates patron records", known), null);
    assert.equal(secondBehaviour("Keeps the shelves in order; reads the returns", known), "; reads");
  });
});

describe("French typography in every French string the starter stores", () => {
  test("statements, descriptions, titles and type labels as loaded pass the typography check", () => {
    const rows = starterRows(content, "2030-01-01T00:00:00.000Z");
    const french = [
      { where: "framework title", text: rows.framework.title_fr },
      { where: "framework description", text: rows.framework.description_fr },
      ...rows.itemTypes.map((t) => ({ where: `type ${t.code}`, text: t.label_fr })),
      ...rows.items.flatMap((i) => [
        { where: i.code, text: i.statement_fr },
        { where: `${i.code} (description)`, text: i.description_fr },
      ]),
    ];
    const problems = french.flatMap(({ where, text }) =>
      frenchTypographyProblems(text ?? "").map((p) => `${where}: ${p}`),
    );
    assert.deepEqual(problems, []);
    assert.ok(
      rows.items.some((i) => i.statement_fr?.includes("\u00a0")),
      "no-break spaces were put where they belong",
    );
  });

  test("the content files themselves put a space before « : ; ! ? » (typography only changes its kind)", () => {
    const missing = texts("fr").flatMap(({ code, text }) =>
      frenchTypographyProblems(text)
        .filter((p) => p.startsWith("no space"))
        .map((p) => `${code}: ${p}`),
    );
    assert.deepEqual(missing, []);
  });
});
