import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { uuidV5 } from "../db/uuid.ts";
import { projectPath } from "../paths.ts";
import { type ContentNode, contentNode, type FrameworkFile, frameworkFile } from "./schema.ts";

export const STARTER_DIR = projectPath("content/starter/");

/** The starter framework's identifier: derived from its slug, the same on every installation. */
export const starterFrameworkId = (slug: string) => uuidV5(`framework:${slug}`);

/**
 * A starter item's identifier, derived from the framework's slug and the item's code: every edition
 * of the starter (and every installation) gives the same code the same id, which is why a released
 * code is never given to another statement (content/README.md).
 */
export const starterItemId = (slug: string, code: string) => uuidV5(`item:${slug}:${code}`);

export interface StarterContent {
  framework: FrameworkFile;
  /** Categories with their areas attached, in the order framework.json gives. */
  categories: ContentNode[];
}

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`starter content is invalid:\n- ${problems.join("\n- ")}`);
  }
}

export function readJson(dir: string, file: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(join(dir, file), "utf8"));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file is missing" : (error as Error).message;
    problems.push(`${file}: ${reason}`);
    return undefined;
  }
}

export function zodProblems(file: string, issues: { path: PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${file}: ${i.path.map(String).join(".") || "(root)"}: ${i.message}`);
}

/** Reads and validates the starter framework; throws ContentError listing every problem found. */
export function loadStarterContent(dir = STARTER_DIR): StarterContent {
  const problems: string[] = [];
  const parsedFramework = frameworkFile.safeParse(readJson(dir, "framework.json", problems));
  if (!parsedFramework.success) {
    problems.push(...zodProblems("framework.json", parsedFramework.error.issues));
    throw new ContentError(problems);
  }
  const framework = parsedFramework.data;
  const areaFiles = new Set(readdirSync(join(dir, "areas")).filter((f) => f.endsWith(".json")));
  const categories: ContentNode[] = framework.categories.map((category) => {
    const areas: ContentNode[] = [];
    for (const code of category.areas) {
      const file = `${code}.json`;
      areaFiles.delete(file);
      const raw = readJson(dir, `areas/${file}`, problems);
      if (raw === undefined) continue;
      const parsed = contentNode.safeParse(raw);
      if (!parsed.success) {
        problems.push(...zodProblems(`areas/${file}`, parsed.error.issues));
        continue;
      }
      if (parsed.data.code !== code) problems.push(`areas/${file}: code is ${parsed.data.code}, expected ${code}`);
      areas.push(parsed.data);
    }
    return { code: category.code, type: "category", en: category.en, fr: category.fr, children: areas };
  });
  for (const stray of areaFiles) problems.push(`areas/${stray}: not listed in framework.json`);
  problems.push(...checkStructure(framework, categories));
  if (problems.length > 0) throw new ContentError(problems);
  return { framework, categories };
}

/** Rules a starter framework must keep beyond the schema: unique codes, known types, enough depth. */
export function checkStructure(framework: FrameworkFile, categories: ContentNode[]): string[] {
  const problems: string[] = [];
  const types = new Set(framework.itemTypes.map((t) => t.code));
  const seen = new Set<string>();
  const visit = (node: ContentNode, parentCode: string | null) => {
    if (seen.has(node.code)) problems.push(`${node.code}: code used twice`);
    seen.add(node.code);
    if (!types.has(node.type)) problems.push(`${node.code}: unknown type ${node.type}`);
    if (parentCode && !node.code.startsWith(`${parentCode}.`)) {
      problems.push(`${node.code}: code should start with its parent's code ${parentCode}.`);
    }
    for (const child of node.children ?? []) visit(child, node.code);
  };
  for (const category of categories) visit(category, null);
  for (const category of categories) {
    for (const area of category.children ?? []) {
      if (area.type !== "area") problems.push(`${area.code}: expected type area`);
      if (!area.en.description || !area.fr.description)
        problems.push(`${area.code}: an area needs a description in en and fr`);
      const competencies = area.children ?? [];
      if (competencies.length < 3) problems.push(`${area.code}: needs at least 3 competencies`);
      for (const competency of competencies) {
        if (competency.type !== "competency") problems.push(`${competency.code}: expected type competency`);
        const ksas = competency.children ?? [];
        if (ksas.length < 3) problems.push(`${competency.code}: needs at least 3 KSAs`);
        for (const ksa of ksas) {
          if (ksa.type !== "ksa") problems.push(`${ksa.code}: expected type ksa`);
          if (ksa.children?.length) problems.push(`${ksa.code}: a KSA has no children`);
        }
      }
    }
  }
  return problems;
}
