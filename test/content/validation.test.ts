/** A hand-made content folder, broken in one way at a time, gives the problems a content author needs. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { ContentError, loadStarterContent } from "../../src/content/starter.ts";

const texts = (s: string) => ({ statement: s, description: `${s}: description` });
const ksa = (code: string) => ({ code, type: "ksa", en: { statement: `${code} en` }, fr: { statement: `${code} fr` } });
const competency = (code: string) => ({
  code,
  type: "competency",
  en: { statement: `${code} en` },
  fr: { statement: `${code} fr` },
  children: [1, 2, 3].map((i) => ksa(`${code}.${i}`)),
});
const area = (code: string) => ({
  code,
  type: "area",
  updated: "2025-01-02",
  en: texts(`${code} en`),
  fr: texts(`${code} fr`),
  children: [1, 2, 3].map((i) => competency(`${code}.${i}`)),
});
const frameworkJson = (areas: string[]) => ({
  slug: "tiny",
  version: "1",
  publisher: "Tests",
  licence: "CC0",
  updated: "2025-02-03",
  en: texts("Tiny"),
  fr: texts("Minuscule"),
  itemTypes: ["category", "area", "competency", "ksa"].map((code) => ({ code, en: code, fr: `${code} (fr)` })),
  categories: [{ code: "C", en: texts("Cat"), fr: texts("Chat"), areas }],
});

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Writes a content folder: framework.json and one file per area (a string is written as is). */
function contentDir(framework: unknown, areas: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "skillshelf-content-"));
  folders.push(dir);
  mkdirSync(join(dir, "areas"));
  if (framework !== undefined) {
    writeFileSync(join(dir, "framework.json"), typeof framework === "string" ? framework : JSON.stringify(framework));
  }
  for (const [file, body] of Object.entries(areas)) {
    writeFileSync(join(dir, "areas", file), typeof body === "string" ? body : JSON.stringify(body));
  }
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    loadStarterContent(dir);
  } catch (error) {
    assert.ok(error instanceof ContentError, `expected a ContentError, got ${error}`);
    assert.match(error.message, /starter content is invalid/);
    return error.problems;
  }
  assert.fail("the content was accepted");
}

const hasProblem = (problems: string[], pattern: RegExp) =>
  assert.ok(
    problems.some((p) => pattern.test(p)),
    `no problem matching ${pattern} in:\n${problems.join("\n")}`,
  );

describe("content validation", () => {
  test("a minimal valid folder loads, categories holding their areas", () => {
    const content = loadStarterContent(contentDir(frameworkJson(["C.A"]), { "C.A.json": area("C.A") }));
    assert.equal(content.framework.slug, "tiny");
    assert.equal(content.categories[0].type, "category");
    assert.deepEqual(
      content.categories[0].children?.map((a) => a.code),
      ["C.A"],
    );
  });

  test("missing framework.json", () => {
    hasProblem(problemsOf(contentDir(undefined, {})), /^framework\.json: file is missing/);
  });

  test("framework.json that is not JSON", () => {
    hasProblem(problemsOf(contentDir("{ nope", {})), /^framework\.json: .*JSON/);
  });

  test("framework.json without French", () => {
    const { fr: _, ...noFrench } = frameworkJson(["C.A"]);
    hasProblem(problemsOf(contentDir(noFrench, { "C.A.json": area("C.A") })), /^framework\.json: fr:/);
  });

  test("an area listed but missing, and a file nobody lists", () => {
    const problems = problemsOf(
      contentDir(frameworkJson(["C.A", "C.B"]), { "C.A.json": area("C.A"), "C.Z.json": area("C.Z") }),
    );
    hasProblem(problems, /^areas\/C\.B\.json: file is missing/);
    hasProblem(problems, /^areas\/C\.Z\.json: not listed in framework\.json/);
  });

  test("a node without its French text, with the path to it", () => {
    const broken = area("C.A");
    delete (broken.children[1].children[2] as { fr?: unknown }).fr;
    hasProblem(
      problemsOf(contentDir(frameworkJson(["C.A"]), { "C.A.json": broken })),
      /^areas\/C\.A\.json: children\.1\.children\.2\.fr: /,
    );
  });

  test("a blank statement is refused (whitespace is not text)", () => {
    const broken = area("C.A");
    broken.children[0].en.statement = "   ";
    hasProblem(problemsOf(contentDir(frameworkJson(["C.A"]), { "C.A.json": broken })), /children\.0\.en\.statement/);
  });

  test("an unknown field is refused (catches typos such as 'decription')", () => {
    const broken = { ...area("C.A"), decription: "typo" };
    hasProblem(problemsOf(contentDir(frameworkJson(["C.A"]), { "C.A.json": broken })), /decription/);
  });

  test("a bad date", () => {
    const broken = { ...area("C.A"), updated: "02/10/2026" };
    hasProblem(problemsOf(contentDir(frameworkJson(["C.A"]), { "C.A.json": broken })), /updated: expected YYYY-MM-DD/);
  });

  test("a file whose code does not match its name", () => {
    hasProblem(
      problemsOf(contentDir(frameworkJson(["C.A"]), { "C.A.json": area("C.X") })),
      /code is C\.X, expected C\.A/,
    );
  });

  test("a code used twice", () => {
    const broken = area("C.A");
    broken.children[2].children[2].code = "C.A.2.1";
    const problems = problemsOf(contentDir(frameworkJson(["C.A"]), { "C.A.json": broken }));
    hasProblem(problems, /^C\.A\.2\.1: code used twice/);
  });

  test("a code that does not start with its parent's", () => {
    const broken = area("C.A");
    broken.children[0].children[0].code = "C.B.1.1";
    hasProblem(
      problemsOf(contentDir(frameworkJson(["C.A"]), { "C.A.json": broken })),
      /^C\.B\.1\.1: code should start with its parent's code C\.A\.1\./,
    );
  });

  test("codes with lower case or spaces are refused", () => {
    const broken = area("C.A");
    broken.children[0].code = "C.A.one two";
    hasProblem(problemsOf(contentDir(frameworkJson(["C.A"]), { "C.A.json": broken })), /codes use A-Z/);
  });

  test("an unknown item type", () => {
    const broken = area("C.A");
    broken.children[0].children[0].type = "skill";
    hasProblem(
      problemsOf(contentDir(frameworkJson(["C.A"]), { "C.A.json": broken })),
      /^C\.A\.1\.1: unknown type skill/,
    );
  });

  test("too few competencies, too few KSAs, and an area without a description", () => {
    const thin = area("C.A");
    thin.children = thin.children.slice(0, 2);
    thin.children[0].children = thin.children[0].children.slice(0, 1);
    delete (thin.fr as { description?: string }).description;
    const problems = problemsOf(contentDir(frameworkJson(["C.A"]), { "C.A.json": thin }));
    hasProblem(problems, /^C\.A: needs at least 3 competencies/);
    hasProblem(problems, /^C\.A\.1: needs at least 3 KSAs/);
    hasProblem(problems, /^C\.A: an area needs a description in en and fr/);
  });

  test("a KSA with children", () => {
    const broken = area("C.A");
    (broken.children[0].children[0] as { children?: unknown[] }).children = [ksa("C.A.1.1.1")];
    hasProblem(
      problemsOf(contentDir(frameworkJson(["C.A"]), { "C.A.json": broken })),
      /^C\.A\.1\.1: a KSA has no children/,
    );
  });

  test("every problem is reported at once, not just the first", () => {
    const thin = area("C.A");
    thin.children = thin.children.slice(0, 1);
    const problems = problemsOf(
      contentDir(frameworkJson(["C.A", "C.B", "C.C"]), { "C.A.json": thin, "C.C.json": "not json" }),
    );
    hasProblem(problems, /C\.B\.json: file is missing/);
    hasProblem(problems, /C\.C\.json: .*JSON/);
    hasProblem(problems, /C\.A: needs at least 3 competencies/);
  });
});
