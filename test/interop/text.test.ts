import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { describeProblem, hasProblemMessage } from "../../src/interop/messages.ts";
import { hasErrors } from "../../src/interop/model.ts";
import { MAX_PASTED_BYTES, type PastedArea, parsePastedText, pastedAreaToItem } from "../../src/interop/text/index.ts";
import { runs } from "../support/fast-check-seed.ts";

const SEED = new URL("../../../shared/seed/000_5573f9a2fc711607.txt", import.meta.url);
const seedAbsent = !existsSync(SEED);
const seedSkip = seedAbsent && process.env.CI !== "true" ? "../shared/seed is absent on this machine" : false;

const FURNITURE = ["Print Page", "LibApps", "Last Updated", "URL:", "Se connecter", "Log in", "http"];

const allKsas = (area: PastedArea) => area.competencies.flatMap((c) => c.ksas);
const allStatements = (area: PastedArea) => [
  ...area.competencies.map((c) => c.statement),
  ...allKsas(area),
  area.description ?? "",
  area.title ?? "",
];

function assertClean(area: PastedArea) {
  for (const text of allStatements(area)) {
    for (const furniture of FURNITURE) assert.ok(!text.includes(furniture), `furniture "${furniture}" in: ${text}`);
  }
  const ksas = allKsas(area);
  for (const ksa of ksas) {
    assert.match(ksa, /^\p{Lu}/u, `starts with a capital: ${ksa}`);
    assert.doesNotMatch(ksa, /[-–—]\s*$/u, `dangling dash: ${ksa}`);
    assert.doesNotMatch(ksa, /\s{2,}|^\s|\s$/u, `stray whitespace: ${ksa}`);
    assert.doesNotMatch(ksa, /^[-–—•·*]/u, `bullet left in: ${ksa}`);
  }
  for (const a of ksas) for (const b of ksas) if (a !== b) assert.ok(!b.includes(a), `"${a}" is a fragment of "${b}"`);
}

describe("paste-in text: the seed index page", { skip: seedSkip }, () => {
  const seed = () => readFileSync(SEED, "utf8");

  it("finds six competencies and 35 KSAs (5/7/3/8/7/5), all clean", () => {
    const { value, problems } = parsePastedText(seed());
    assert.ok(value);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      value.competencies.map((c) => c.ksas.length),
      [5, 7, 3, 8, 7, 5],
    );
    assert.equal(allKsas(value).length, 35);
    assertClean(value);
  });

  it("keeps the area's own date, not the page footer's", () => {
    const { value } = parsePastedText(seed());
    assert.equal(value?.lastUpdated, "2015-08-13");
  });

  it("takes the description from the paragraph before the area's date", () => {
    const text = seed();
    const { value } = parsePastedText(text);
    const description = value?.description ?? "";
    assert.ok(description.length > 200);
    assert.doesNotMatch(description, /\n/);
    // The description is one paragraph of the seed, word for word.
    const paragraph = text.split(/\n\s*\n/).find((p) => p.trim() === description);
    assert.ok(paragraph, "description is a paragraph of the page");
    const before = text.slice(text.indexOf(description) + description.length);
    assert.match(before, /^\s*Last updated:/);
  });

  it("names the area after the menu entry its description mentions", () => {
    const { value } = parsePastedText(seed());
    assert.ok(value?.title);
    assert.ok(
      seed()
        .split("\n")
        .some((line) => line.trim() === value.title),
    );
    assert.ok(value.description?.toLowerCase().includes(value.title.toLowerCase()));
  });

  it("mends a KSA split by a blank line and footer, and one with a log-in link glued inside", () => {
    const text = seed();
    const { value } = parsePastedText(text);
    const ksas = allKsas(value as PastedArea);
    // The continuation line after the blank line is found in the seed, then in exactly one KSA, not as its own.
    const lines = text.split("\n").map((l) => l.trim());
    const continuation = lines.find((l, i) => /^\p{Ll}/u.test(l) && lines[i - 1] === "" && !l.startsWith("-"));
    assert.ok(continuation, "the seed has a continuation line after a blank line");
    const holders = ksas.filter((k) => k.includes(continuation));
    assert.equal(holders.length, 1);
    assert.notEqual(holders[0], continuation.charAt(0).toUpperCase() + continuation.slice(1));
    // The bullet that carries "LibApps" in the seed comes out whole, without it, its words rejoined.
    const glued = lines.find((l) => l.startsWith("-") && l.includes("LibApps"));
    assert.ok(glued);
    const firstWords = glued
      .replace(/^[-\s·]+/, "")
      .split(" ")
      .slice(0, 4)
      .join(" ");
    const lastWords = glued.split(" ").slice(-4).join(" ");
    const mended = ksas.find((k) => k.startsWith(firstWords));
    assert.ok(mended?.endsWith(lastWords));
  });

  it("turns into an area item with competencies and KSAs in the chosen language", () => {
    const { value } = parsePastedText(seed());
    let n = 0;
    const item = pastedAreaToItem(value as PastedArea, "en", { code: "ML.CR", newId: () => `id-${++n}` });
    assert.equal(item.type, "area");
    assert.equal(item.statement.fr, null);
    assert.equal(item.statement.en, value?.title);
    assert.equal(item.updatedAt, "2015-08-13T12:00:00.000Z");
    assert.equal(item.children.length, 6);
    assert.equal(item.children[1].code, "ML.CR.2");
    assert.equal(item.children[1].children[6].code, "ML.CR.2.7");
    assert.equal(item.children[1].children[6].type, "ksa");
    assert.equal(item.children.flatMap((c) => c.children).length, 35);
    assert.equal(new Set([item.id, ...item.children.flatMap((c) => [c.id, ...c.children.map((k) => k.id)])]).size, 42);
  });
});

// Hand-written pages, in the shape of copied index pages (own wording, not the seed's).
const ENGLISH = [
  "Library Network / Guides / Staff Skills / Outreach",
  "",
  "Home",
  "Outreach",
  "Programs",
  "",
  "Outreach brings library services to people who do not come to the building, through visits, partnerships and pop-up",
  "services in parks and community centres.",
  "",
  "Last updated: March 3, 2021",
  "",
  "Competency: Plans outreach that reaches",
  "underserved residents",
  "",
  "Associated Knowledge, Skills and Abilities:",
  "",
  "• Maps neighbourhoods and the groups that use",
  "",
  "the library least",
  "• Chooses locations and times that suit each group",
  "Last Updated: Feb 2, 2024 3:15 PM URL: https://example.org/guide/outreach",
  "\u27a1 Print Page",
  "• Measures reach against the plan.",
  "",
  "Competency: Builds lasting partnerships",
  "",
  "Associated Knowledge, Skills and Abilities:",
  "",
  "- · Finds partners whose goals match the library's - and",
  "  keeps in touch with them between projects",
  "- · Shares credit and results with partners Log in to LibApps openly",
  "",
  "Powered by Springshare",
  "Subjects: Outreach",
].join("\n");

describe("paste-in text: hand-written pages", () => {
  it("reads an English page with • and - · bullets, broken lines and furniture inside a list", () => {
    const { value, problems } = parsePastedText(ENGLISH);
    assert.ok(value);
    assert.deepEqual(problems, []);
    assert.equal(value.lastUpdated, "2021-03-03");
    assert.equal(value.title, "Outreach");
    assert.equal(
      value.description,
      "Outreach brings library services to people who do not come to the building, through visits, partnerships and pop-up services in parks and community centres.",
    );
    assert.deepEqual(value.competencies, [
      {
        statement: "Plans outreach that reaches underserved residents",
        ksas: [
          "Maps neighbourhoods and the groups that use the library least",
          "Chooses locations and times that suit each group",
          "Measures reach against the plan.",
        ],
      },
      {
        statement: "Builds lasting partnerships",
        ksas: [
          "Finds partners whose goals match the library's - and keeps in touch with them between projects",
          "Shares credit and results with partners openly",
        ],
      },
    ]);
  });

  it("mends a bullet that a page footer split in two", () => {
    const text = [
      "Competency: Speaks for the library",
      "- Gives talks at schools, clubs and",
      "",
      "Last Updated: Feb 2, 2024 3:15 PM URL: https://example.org/guide",
      "",
      "\u27a1 Print Page",
      "",
      "councils across the region",
      "- Answers questions from reporters about to LibApps | Se connecter à LibApps the budget.",
    ].join("\n");
    const { value, problems } = parsePastedText(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(value?.competencies[0].ksas, [
      "Gives talks at schools, clubs and councils across the region",
      "Answers questions from reporters about the budget.",
    ]);
  });

  it("gives the same result with CRLF line ends and tabs", () => {
    const windows = ENGLISH.replace(/\n/g, "\r\n").replace(/^• /gm, "•\t").replace(/^ {2}/gm, "\t");
    assert.deepEqual(parsePastedText(windows).value, parsePastedText(ENGLISH).value);
  });

  it("reads a French page", () => {
    const text = [
      "Accueil",
      "",
      "Le service à la clientèle couvre l'accueil, l'orientation et le suivi des demandes du public, en personne comme en ligne.",
      "",
      "Dernière mise à jour\u00a0: 13 août 2015",
      "",
      "Compétence\u00a0: Accueille chaque personne avec respect",
      "",
      "Connaissances, compétences et aptitudes associées",
      "",
      "- Salue les personnes dès leur arrivée",
      "- Adapte son langage à son",
      "interlocuteur",
      "",
      "Compétence : Résout les plaintes",
      "Connaissances, compétences et aptitudes associées :",
      "· Écoute la plainte jusqu'au bout",
      "Se connecter à LibApps",
      "· Propose une solution et en assure le suivi.",
    ].join("\n");
    const { value, problems } = parsePastedText(text);
    assert.deepEqual(problems, []);
    assert.equal(value?.lastUpdated, "2015-08-13");
    assert.match(value?.description ?? "", /^Le service à la clientèle/);
    assert.deepEqual(value?.competencies, [
      {
        statement: "Accueille chaque personne avec respect",
        ksas: ["Salue les personnes dès leur arrivée", "Adapte son langage à son interlocuteur"],
      },
      {
        statement: "Résout les plaintes",
        ksas: ["Écoute la plainte jusqu'au bout", "Propose une solution et en assure le suivi."],
      },
    ]);
  });

  it("reads a bare list without description, date or bullets", () => {
    const text = "Competency: Keeps records\nKSAs:\nFiles records the same day\nChecks records monthly\n";
    const { value, problems } = parsePastedText(text);
    assert.deepEqual(problems, []);
    assert.equal(value?.description, null);
    assert.equal(value?.lastUpdated, null);
    assert.equal(value?.title, undefined);
    assert.deepEqual(value?.competencies[0].ksas, ["Files records the same day", "Checks records monthly"]);
  });

  it("accepts numbered lists and an explicit Area: line", () => {
    const text =
      "Area: Cataloguing\nUpdated: 2019-05-01\nCompetency: Describes items\n1. Applies RDA\n2) Uses subject headings\n";
    const { value } = parsePastedText(text);
    assert.equal(value?.title, "Cataloguing");
    assert.equal(value?.lastUpdated, "2019-05-01");
    assert.deepEqual(value?.competencies[0].ksas, ["Applies RDA", "Uses subject headings"]);
  });

  it("reports a competency with no KSA, an empty competency and an unreadable date", () => {
    const text =
      "Last updated: someday\nCompetency: Reads widely\n\nCompetency:\nCompetency: Writes well\n- Drafts reports\n";
    const { value, problems } = parsePastedText(text);
    const codes = problems.map((p) => `${p.code}@${p.where}`);
    assert.deepEqual(codes.sort(), [
      "text.competency_without_ksa@line 2",
      "text.empty_competency@line 4",
      "text.unreadable_date@line 1",
    ]);
    assert.equal(value?.competencies.length, 2);
    assert.ok(hasErrors(problems));
  });

  it("refuses empty text, text with no competency and text over the size limit", () => {
    assert.deepEqual(
      parsePastedText("  \n\n").problems.map((p) => p.code),
      ["text.empty"],
    );
    const none = parsePastedText("Just a paragraph about libraries.\n- and a bullet");
    assert.deepEqual(
      none.problems.map((p) => p.code),
      ["text.no_competency"],
    );
    const huge = parsePastedText(`Competency: X\n- ${"é".repeat(MAX_PASTED_BYTES)}`);
    assert.equal(huge.value, null);
    assert.equal(huge.problems[0].params?.max, 200);
    assert.ok(Number(huge.problems[0].params?.size) > 400);
    assert.equal(huge.problems[0].code, "text.too_long");
  });

  it("drops exact duplicate KSAs with a warning", () => {
    const { value, problems } = parsePastedText("Competency: A\n- Does one thing\n- Does one thing\n");
    assert.deepEqual(value?.competencies[0].ksas, ["Does one thing"]);
    assert.equal(problems[0].code, "text.duplicate_ksa");
    assert.equal(problems[0].severity, "warning");
  });

  it("describes every problem it emits in both languages", () => {
    const samples = [
      "",
      "no competency here",
      "Last updated: ???\nCompetency:\nCompetency: A\nstray Words\n- x\n- x\nCompetency: B",
      "Competency: A\nSome words\n- Bullet\nUnrelated Sentence here.",
    ];
    for (const sample of samples) {
      for (const problem of parsePastedText(sample).problems) {
        assert.ok(hasProblemMessage(problem.code), problem.code);
        assert.notEqual(describeProblem(problem, "fr"), describeProblem(problem, "en"));
        assert.doesNotMatch(describeProblem(problem, "fr"), /\{\w+\}/);
      }
    }
  });
});

describe("paste-in text: properties", () => {
  const furnitureLine = fc.constantFrom(
    "Print Page",
    "\u27a1 Print Page",
    "Log in to LibApps",
    "to LibApps | Se connecter à LibApps",
    "Last Updated: Jul 1, 2022 9:05 AM URL: https://example.org/x",
    "Powered by Springshare",
    "Home",
    "-----------------------",
    "Search Rechercher",
  );
  const word = fc.constantFrom(
    "plans",
    "library",
    "staff",
    "community",
    "reads",
    "Writes",
    "and",
    "données",
    "à",
    "services",
  );
  const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(" "));
  const bullet = fc.tuple(fc.constantFrom("- ", "• ", "· ", "- · ", "* ", ""), sentence).map(([b, s]) => b + s);
  const line = fc.oneof(
    sentence,
    bullet,
    furnitureLine,
    sentence.map((s) => `Competency: ${s}`),
    fc.constant("Associated Knowledge, Skills and Abilities:"),
    fc.constant(""),
    fc.string({ maxLength: 40 }),
  );

  it("never throws, and no furniture line survives into the output", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom("\n", "\r\n"), (lines, eol) => {
        const { value } = parsePastedText(lines.join(eol));
        if (!value) return;
        for (const text of allStatements(value)) {
          for (const f of ["Print Page", "LibApps", "Last Updated", "Springshare", "URL:"])
            assert.ok(!text.includes(f), text);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        parsePastedText(text);
      }),
      { numRuns: runs(300) },
    );
  });
});
