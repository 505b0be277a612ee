/**
 * The starter job profiles: they load, every requirement names a competency the starter framework
 * has (by the id every installation gives it), the levels make sense for each job, both languages are
 * written, the French follows the style sheet, and nothing is the seed page's wording.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { starterRows } from "../../src/content/load-starter.ts";
import type { ContentNode } from "../../src/content/schema.ts";
import { longestSharedRun, sentencesOf, sequenceSimilarity, wordsOf } from "../../src/content/similarity.ts";
import { ContentError, loadStarterContent, type StarterContent } from "../../src/content/starter.ts";
import {
  loadStarterProfiles,
  type ProfileTexts,
  STARTER_PROFILES_DIR,
  type StarterProfile,
  type StarterProfileFile,
} from "../../src/content/starter-profiles.ts";
import { epiceneProblems, termProblems } from "../../src/content/style-sheet.ts";
import { frenchTypographyProblems } from "../../src/i18n/typography.ts";
import { runs } from "../support/fast-check-seed.ts";

const content = loadStarterContent();
const loaded = loadStarterProfiles({ content });
const byCode = new Map(loaded.profiles.map((p) => [p.code, p]));
const profile = (code: string): StarterProfile => {
  const found = byCode.get(code);
  assert.ok(found, `the ${code} profile is there`);
  return found;
};

/** The starter's nodes by code, as loaded into a database (ids, types and parents of the rows). */
const rows = starterRows(content, "2030-01-01T00:00:00.000Z");
const typeCodeById = new Map(rows.itemTypes.map((t) => [t.id, t.code]));
const rowByCode = new Map(rows.items.map((i) => [i.code, i]));

/** The files as written (French with ordinary spaces), read without the loader. */
const rawFiles = loaded.profiles.map((p) => ({
  file: p.file,
  data: JSON.parse(readFileSync(join(STARTER_PROFILES_DIR, p.file), "utf8")) as StarterProfileFile,
}));

/** Every text of a profile in one language, each named by its field. */
function fields(texts: ProfileTexts): { field: string; text: string }[] {
  return [
    { field: "title", text: texts.title },
    { field: "grade", text: texts.grade },
    { field: "summary", text: texts.summary },
    ...texts.duties.map((text, i) => ({ field: `duties.${i}`, text })),
    ...texts.qualifications.map((text, i) => ({ field: `qualifications.${i}`, text })),
    { field: "workingConditions", text: texts.workingConditions },
  ];
}

const allTexts = (lang: "en" | "fr") =>
  loaded.profiles.flatMap((p) =>
    fields(p[lang]).map(({ field, text }) => ({ where: `${p.file}: ${lang}.${field}`, text })),
  );

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const levels = (code: string, prefix = "") =>
  profile(code)
    .requirements.filter((r) => r.code.startsWith(prefix))
    .map((r) => r.level);

describe("the starter profiles load and point into the starter framework", () => {
  test("the six jobs are there, in career order, drawing on the starter framework", () => {
    assert.deepEqual(
      loaded.profiles.map((p) => p.code),
      ["PAGE", "CSA", "LIBTECH", "CYSL", "BRMGR", "CEO"],
    );
    assert.equal(loaded.framework.slug, content.framework.slug);
    assert.equal(loaded.framework.version, content.framework.version);
    assert.equal(loaded.framework.id, rows.framework.id, "the framework id is the one the starter is loaded with");
  });

  test("every requirement is a competency of the starter, with the item id the starter's rows give it", () => {
    for (const p of loaded.profiles) {
      for (const r of p.requirements) {
        const row = rowByCode.get(r.code);
        assert.ok(row, `${p.file}: ${r.code} is in the starter`);
        assert.equal(typeCodeById.get(row.type_id), "competency", `${p.file}: ${r.code} is a competency`);
        assert.equal(r.itemId, row.id, `${p.file}: ${r.code} resolves to the starter's id`);
        for (const k of r.ksas) {
          const ksa = rowByCode.get(k.code);
          assert.ok(ksa, `${p.file}: ${k.code} is in the starter`);
          assert.equal(typeCodeById.get(ksa.type_id), "ksa", `${p.file}: ${k.code} is a KSA`);
          assert.equal(ksa.parent_id, row.id, `${p.file}: ${k.code} belongs to ${r.code}`);
          assert.equal(k.itemId, ksa.id);
        }
      }
    }
  });

  test("each profile has 6 to 20 requirements, none twice, levels 1 to 5, essentials before assets", () => {
    for (const p of loaded.profiles) {
      assert.ok(p.requirements.length >= 6 && p.requirements.length <= 20, `${p.file}: ${p.requirements.length}`);
      const codes = p.requirements.map((r) => r.code);
      assert.equal(new Set(codes).size, codes.length, `${p.file}: a competency required twice`);
      assert.deepEqual(
        p.requirements.map((r) => r.position),
        codes.map((_, i) => i + 1),
      );
      for (const r of p.requirements) {
        assert.ok(Number.isInteger(r.level) && r.level >= 1 && r.level <= 5, `${p.file}: ${r.code} level ${r.level}`);
        assert.ok(r.importance === "essential" || r.importance === "asset");
        const ksas = r.ksas.map((k) => k.code);
        assert.equal(new Set(ksas).size, ksas.length, `${p.file}: ${r.code} chooses a KSA twice`);
      }
      const firstAsset = p.requirements.findIndex((r) => r.importance === "asset");
      const lastEssential = p.requirements.map((r) => r.importance).lastIndexOf("essential");
      assert.ok(lastEssential >= 0, `${p.file}: at least one essential requirement`);
      assert.ok(firstAsset === -1 || firstAsset > lastEssential, `${p.file}: essentials are listed first`);
    }
  });

  test("the profile texts have the shape a job description needs", () => {
    for (const p of loaded.profiles) {
      for (const lang of ["en", "fr"] as const) {
        const t = p[lang];
        const sentences = t.summary.split(/(?<=[.!?])\s+(?=\p{Lu})/u).length;
        assert.ok(sentences >= 2 && sentences <= 4, `${p.file}: ${lang}.summary has ${sentences} sentences`);
        assert.ok(t.duties.length >= 5 && t.duties.length <= 9, `${p.file}: ${lang}.duties`);
        assert.ok(t.qualifications.length >= 3 && t.qualifications.length <= 6, `${p.file}: ${lang}.qualifications`);
      }
      assert.equal(p.en.duties.length, p.fr.duties.length, `${p.file}: as many duties in French as in English`);
      assert.equal(p.en.qualifications.length, p.fr.qualifications.length, `${p.file}: qualifications`);
    }
  });
});

describe("the levels and choices are those an HR person would defend", () => {
  test("a page works at levels 1 and 2; a customer service associate mostly at 2 and 3", () => {
    assert.ok(Math.max(...levels("PAGE")) <= 2);
    assert.ok(levels("CSA").every((l) => l >= 2 && l <= 3));
  });

  test("the chief executive works at 4 or 5 in every management and leadership competency, at 5 in leadership", () => {
    const leadership = levels("CEO", "ML.");
    assert.ok(leadership.length >= 12, "a CEO's requirements are mostly management and leadership");
    assert.ok(leadership.every((l) => l >= 4));
    assert.ok(levels("CEO", "ML.OL.").every((l) => l === 5));
    assert.ok(levels("CEO", "ML.OL.").length === 4, "all four organizational leadership competencies");
  });

  test("the average target level rises along the career ladder", () => {
    const ladder = ["PAGE", "CSA", "CYSL", "BRMGR", "CEO"].map((code) => ({ code, mean: mean(levels(code)) }));
    for (let i = 1; i < ladder.length; i++)
      assert.ok(ladder[i].mean > ladder[i - 1].mean, `${ladder[i].code} above ${ladder[i - 1].code}`);
  });

  test("each job requires, as essential, the competencies that define it", () => {
    const essentials = (code: string) =>
      new Set(
        profile(code)
          .requirements.filter((r) => r.importance === "essential")
          .map((r) => r.code),
      );
    const defining: Record<string, string[]> = {
      // shelving order, holds, circulation in the ILS
      PAGE: ["CM.MN.2", "PS.AC.3", "TECH.ILS.1"],
      // welcome, registration, loans, privacy
      CSA: ["PS.CS.1", "PS.AC.1", "PS.AC.2", "CORE.VE.2"],
      // cataloguing, classification, acquisitions, interlibrary loan
      LIBTECH: ["CM.CA.1", "CM.CA.2", "CM.AQ.1", "CM.RS.1"],
      // early literacy, storytimes and programs, child safety, teens
      CYSL: ["PS.CH.1", "PS.CH.2", "PS.CH.4", "PS.YA.3", "PS.PO.1"],
      // running the branch, supervising, the building, safety
      BRMGR: ["ML.SO.1", "ML.PM.2", "ML.FA.4", "PS.SC.2"],
      // the board, strategy, budget, council, the law
      CEO: ["ML.BE.1", "ML.PN.2", "ML.BF.1", "ML.MR.2", "ML.LP.1"],
    };
    for (const [code, wanted] of Object.entries(defining))
      for (const item of wanted) assert.ok(essentials(code).has(item), `${code} requires ${item} as essential`);
  });

  test("the children's librarian is strongest in children's services; the page needs no management", () => {
    assert.ok(levels("CYSL", "PS.CH.1")[0] >= 4 && levels("CYSL", "PS.CH.2")[0] >= 4);
    assert.deepEqual(levels("PAGE", "ML."), []);
  });
});

describe("both languages, in the project's style", () => {
  test("every field is written in English and in French, and the two differ", () => {
    const problems: string[] = [];
    for (const p of loaded.profiles) {
      const en = fields(p.en);
      const fr = fields(p.fr);
      en.forEach(({ field, text }, i) => {
        if (text.trim() === "" || fr[i].text.trim() === "")
          problems.push(`${p.file}: ${field} is empty in one language`);
        if (text === fr[i].text) problems.push(`${p.file}: ${field} is the same in both languages`);
      });
    }
    assert.deepEqual(problems, []);
  });

  for (const lang of ["en", "fr"] as const) {
    test(`${lang}: one term per idea (the style sheet's terms)`, () => {
      const problems = allTexts(lang).flatMap(({ where, text }) =>
        termProblems(text, lang).map((p) => `${where}: ${p}`),
      );
      assert.deepEqual(problems, []);
    });
  }

  test("fr: people in general are named in epicene French", () => {
    const problems = allTexts("fr").flatMap(({ where, text }) => epiceneProblems(text).map((p) => `${where}: ${p}`));
    assert.deepEqual(problems, []);
  });

  test("fr: as loaded, every text passes the typography check; the files put a space before « : ; ! ? »", () => {
    const loadedProblems = allTexts("fr").flatMap(({ where, text }) =>
      frenchTypographyProblems(text).map((p) => `${where}: ${p}`),
    );
    assert.deepEqual(loadedProblems, []);
    const fileProblems = rawFiles.flatMap(({ file, data }) =>
      fields(data.fr).flatMap(({ field, text }) =>
        frenchTypographyProblems(text)
          .filter((p) => p.startsWith("no space"))
          .map((p) => `${file}: fr.${field}: ${p}`),
      ),
    );
    assert.deepEqual(fileProblems, []);
  });
});

/** The seed page, read from ../shared when it is there (CI always has it). */
function seedPage(t: { skip: (message: string) => void }): string | undefined {
  const path = fileURLToPath(new URL("../../../shared/seed/000_5573f9a2fc711607.txt", import.meta.url));
  if (existsSync(path)) return readFileSync(path, "utf8");
  if (process.env.CI === "true") assert.fail(`${path} is missing, and CI must have ../shared`);
  t.skip("../shared/seed is absent (a fresh clone without ../shared)");
  return undefined;
}

describe("the profiles are written in the project's own words, not the seed page's", () => {
  // The same thresholds as the starter framework's (content/README.md, "Our own words").
  const SEED_SIMILARITY = 0.5;
  const SEED_RUN = 5;
  const sentences = allTexts("en").flatMap(({ where, text }) =>
    sentencesOf(text, 1).map((sentence) => ({ where, sentence })),
  );

  test(`no sentence is more than ${SEED_SIMILARITY} alike, word for word, to a sentence of the seed page`, (t) => {
    const seed = seedPage(t);
    if (seed === undefined) return;
    const seedSentences = sentencesOf(seed).map((s) => wordsOf(s));
    assert.ok(seedSentences.length > 40, "the seed page's sentences were found");
    const problems: string[] = [];
    for (const { where, sentence } of sentences) {
      const words = wordsOf(sentence);
      for (const s of seedSentences) {
        const similarity = sequenceSimilarity(words, s);
        if (similarity > SEED_SIMILARITY) problems.push(`${where} (${similarity.toFixed(2)}): “${sentence}”`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test(`no run of ${SEED_RUN} words in common with the seed page`, (t) => {
    const seed = seedPage(t);
    if (seed === undefined) return;
    const seedWords = wordsOf(seed);
    const problems = sentences
      .map(({ where, sentence }) => ({ where, run: longestSharedRun(wordsOf(sentence), seedWords) }))
      .filter(({ run }) => run.length >= SEED_RUN)
      .map(({ where, run }) => `${where}: “${run.join(" ")}”`);
    assert.deepEqual(problems, []);
  });
});

describe("a broken profile is refused, naming the file and the field", () => {
  const folders: string[] = [];
  after(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  const good = rawFiles.find((f) => f.file === "PAGE.json")?.data as StarterProfileFile;

  /** A profiles folder with the given files (an object is written as JSON, a string as is). */
  function folder(files: Record<string, unknown>, framework = content.framework.slug): string {
    const dir = mkdtempSync(join(tmpdir(), "skillshelf-profiles-"));
    folders.push(dir);
    const codes = Object.keys(files).map((f) => f.replace(/\.json$/, ""));
    writeFileSync(join(dir, "index.json"), JSON.stringify({ framework, profiles: codes }));
    for (const [file, body] of Object.entries(files))
      writeFileSync(join(dir, file), typeof body === "string" ? body : JSON.stringify(body));
    return dir;
  }

  function problemsOf(dir: string, starter: StarterContent = content): string[] {
    try {
      loadStarterProfiles({ dir, content: starter });
    } catch (error) {
      assert.ok(error instanceof ContentError, `expected a ContentError, got ${error}`);
      return error.problems;
    }
    assert.fail("the profiles were accepted");
  }

  const withRequirement = (index: number, change: Record<string, unknown>) => ({
    ...good,
    requirements: good.requirements.map((r, i) => (i === index ? { ...r, ...change } : r)),
  });

  const hasProblem = (problems: string[], pattern: RegExp) =>
    assert.ok(
      problems.some((p) => pattern.test(p)),
      `no problem matching ${pattern} in:\n${problems.join("\n")}`,
    );

  test("a copy of a good profile loads", () => {
    const result = loadStarterProfiles({ dir: folder({ "PAGE.json": good }), content });
    assert.equal(result.profiles[0].requirements.length, good.requirements.length);
  });

  test("an unknown competency code", () => {
    hasProblem(
      problemsOf(folder({ "PAGE.json": withRequirement(2, { item: "CM.ZZ.9" }) })),
      /^PAGE\.json: requirements\.2\.item: CM\.ZZ\.9 is not in the starter framework/,
    );
  });

  test("a code a later starter edition retired (gone from its content) is refused the same way", () => {
    const retired = structuredClone(content);
    const area = retired.categories.flatMap((c) => c.children ?? []).find((a) => a.code === "CM.MN") as ContentNode;
    area.children = area.children?.filter((c) => c.code !== "CM.MN.2");
    const problems = problemsOf(folder({ "PAGE.json": good }), retired);
    hasProblem(problems, /^PAGE\.json: requirements\.0\.item: CM\.MN\.2 is not in the starter framework/);
    hasProblem(problems, /^PAGE\.json: requirements\.0\.ksas\.0: CM\.MN\.2\.1 is not in the starter framework/);
  });

  test("an area, a category or a KSA where a competency belongs", () => {
    hasProblem(
      problemsOf(folder({ "PAGE.json": withRequirement(0, { item: "CM.MN", ksas: undefined }) })),
      /^PAGE\.json: requirements\.0\.item: CM\.MN is a area, not a competency/,
    );
    hasProblem(
      problemsOf(folder({ "PAGE.json": withRequirement(0, { item: "CM", ksas: undefined }) })),
      /requirements\.0\.item: CM is a category/,
    );
    hasProblem(
      problemsOf(folder({ "PAGE.json": withRequirement(0, { item: "CM.MN.2.1", ksas: undefined }) })),
      /requirements\.0\.item: CM\.MN\.2\.1 is a ksa/,
    );
  });

  test("a KSA of another competency, a competency given as a KSA, a KSA chosen twice", () => {
    hasProblem(
      problemsOf(folder({ "PAGE.json": withRequirement(0, { ksas: ["CM.MN.3.1"] }) })),
      /^PAGE\.json: requirements\.0\.ksas\.0: CM\.MN\.3\.1 belongs to CM\.MN\.3, not to CM\.MN\.2/,
    );
    hasProblem(
      problemsOf(folder({ "PAGE.json": withRequirement(0, { ksas: ["CM.MN.3"] }) })),
      /requirements\.0\.ksas\.0: CM\.MN\.3 is a competency, not a KSA/,
    );
    hasProblem(
      problemsOf(folder({ "PAGE.json": withRequirement(0, { ksas: ["CM.MN.2.1", "CM.MN.2.1"] }) })),
      /requirements\.0\.ksas\.1: CM\.MN\.2\.1 is chosen twice/,
    );
  });

  test("a competency required twice", () => {
    const twice = { ...good, requirements: [...good.requirements, good.requirements[0]] };
    hasProblem(
      problemsOf(folder({ "PAGE.json": twice })),
      new RegExp(`requirements\\.${good.requirements.length}\\.item: CM\\.MN\\.2 is required twice`),
    );
  });

  test("a level off the scale, an unknown importance, a missing French title, a stray field", () => {
    hasProblem(
      problemsOf(folder({ "PAGE.json": withRequirement(1, { level: 6 }) })),
      /^PAGE\.json: requirements\.1\.level:/,
    );
    hasProblem(problemsOf(folder({ "PAGE.json": withRequirement(1, { level: 0 }) })), /requirements\.1\.level:/);
    hasProblem(problemsOf(folder({ "PAGE.json": withRequirement(1, { level: 2.5 }) })), /requirements\.1\.level:/);
    hasProblem(
      problemsOf(folder({ "PAGE.json": withRequirement(1, { importance: "nice" }) })),
      /requirements\.1\.importance:/,
    );
    hasProblem(
      problemsOf(folder({ "PAGE.json": { ...good, fr: { ...good.fr, title: " " } } })),
      /^PAGE\.json: fr\.title:/,
    );
    hasProblem(problemsOf(folder({ "PAGE.json": { ...good, colour: "blue" } })), /^PAGE\.json: \(root\)|colour/);
  });

  test("too few or too many requirements, duties or qualifications", () => {
    hasProblem(
      problemsOf(folder({ "PAGE.json": { ...good, requirements: good.requirements.slice(0, 5) } })),
      /^PAGE\.json: requirements:/,
    );
    hasProblem(
      problemsOf(folder({ "PAGE.json": { ...good, en: { ...good.en, duties: good.en.duties.slice(0, 4) } } })),
      /^PAGE\.json: en\.duties:/,
    );
    hasProblem(
      problemsOf(folder({ "PAGE.json": { ...good, fr: { ...good.fr, qualifications: [] } } })),
      /^PAGE\.json: fr\.qualifications:/,
    );
  });

  test("a duty or qualification written in one language only", () => {
    hasProblem(
      problemsOf(folder({ "PAGE.json": { ...good, fr: { ...good.fr, duties: good.fr.duties.slice(1) } } })),
      /^PAGE\.json: fr\.duties: \d+ in French, \d+ in English/,
    );
  });

  test("a file that is missing, unreadable, unlisted or not named after its code", () => {
    const dir = folder({ "PAGE.json": good, "CSA.json": "{ not json" });
    writeFileSync(join(dir, "EXTRA.json"), JSON.stringify(good));
    const problems = problemsOf(dir);
    hasProblem(problems, /^CSA\.json: /);
    hasProblem(problems, /^EXTRA\.json: not listed in index\.json/);
    hasProblem(problemsOf(folder({ "OTHER.json": good })), /^OTHER\.json: code: is PAGE, expected OTHER/);
    const missing = folder({ "PAGE.json": good });
    writeFileSync(
      join(missing, "index.json"),
      JSON.stringify({ framework: content.framework.slug, profiles: ["GONE"] }),
    );
    hasProblem(problemsOf(missing), /^GONE\.json: file is missing/);
  });

  test("profiles written for another framework", () => {
    hasProblem(problemsOf(folder({ "PAGE.json": good }, "another-framework")), /^index\.json: framework:/);
  });

  test("any requirements drawn from the starter's competencies load, and one unknown code among them is named", () => {
    const competencies = rows.items
      .filter((i) => typeCodeById.get(i.type_id) === "competency")
      .map((i) => i.code as string);
    const ksasOf = (code: string) =>
      rows.items.filter((i) => i.parent_id === rowByCode.get(code)?.id).map((i) => i.code as string);
    const requirement = fc
      .record({
        item: fc.constantFrom(...competencies),
        level: fc.integer({ min: 1, max: 5 }),
        importance: fc.constantFrom("essential", "asset"),
        pick: fc.nat(),
      })
      .map(({ item, level, importance, pick }) => {
        const ksas = ksasOf(item);
        return { item, level, importance, ksas: pick % 3 === 0 ? undefined : [ksas[pick % ksas.length]] };
      });
    const requirements = fc.uniqueArray(requirement, { minLength: 6, maxLength: 20, selector: (r) => r.item });
    fc.assert(
      fc.property(requirements, fc.nat(), (chosen, which) => {
        const dir = folder({ "PAGE.json": { ...good, requirements: chosen } });
        const result = loadStarterProfiles({ dir, content });
        assert.deepEqual(
          result.profiles[0].requirements.map((r) => [r.code, r.itemId, r.level]),
          chosen.map((r) => [r.item, rowByCode.get(r.item)?.id, r.level]),
        );
        const broken = which % chosen.length;
        const unknown = chosen.map((r, i) => (i === broken ? { ...r, item: `${r.item}.99`, ksas: undefined } : r));
        const problems = problemsOf(folder({ "PAGE.json": { ...good, requirements: unknown } }));
        assert.ok(
          problems.some((p) => p.startsWith(`PAGE.json: requirements.${broken}.item: `)),
          problems.join("\n"),
        );
      }),
      { numRuns: runs(25) },
    );
  });
});
