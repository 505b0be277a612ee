/** What `skillshelf import` prints: problems, the change report, the parsed tree for `--dry-run --json`. */
import type { Lang } from "../i18n/index.ts";
import type { Change, ImportReport } from "../interop/import.ts";
import { describeProblem } from "../interop/messages.ts";
import type { ImportedFramework, ImportedItem, Problem } from "../interop/model.ts";

/** The parsed tree in the API's shape (src/frameworks/json.ts), for `--dry-run --json`. */
export function treeJson(framework: ImportedFramework) {
  const item = (i: ImportedItem): unknown => ({
    id: i.id,
    type: i.type,
    code: i.code,
    position: i.position,
    statement: i.statement,
    description: i.description,
    updatedAt: i.updatedAt ?? null,
    children: i.children.map(item),
  });
  return {
    id: framework.id,
    slug: framework.slug ?? null,
    type: "framework" as const,
    title: framework.title,
    description: framework.description,
    publisher: framework.publisher,
    version: framework.version,
    status: framework.status,
    licence: framework.licence,
    updatedAt: framework.updatedAt ?? null,
    itemTypes: framework.itemTypes.map((t) => ({ code: t.code, label: t.label })),
    children: framework.children.map(item),
  };
}

export const problemJson = (p: Problem, lang: Lang) => ({ ...p, message: describeProblem(p, lang) });

/** Most problems and changes printed one per line; the rest are counted ("… and N more"). */
const LISTED = 100;

export function printProblems(problems: readonly Problem[], lang: Lang) {
  const shown = problems.slice(0, LISTED);
  for (const p of shown)
    console.error(
      `${p.severity === "error" ? "error" : "warning"}${p.where ? ` at ${p.where}` : ""}: ${describeProblem(p, lang)}`,
    );
  if (problems.length > shown.length)
    console.error(`… and ${problems.length - shown.length} more (--json lists them all)`);
}

const counts = (c: ImportReport["items"]) =>
  `${c.added} added, ${c.updated} updated, ${c.removed} removed, ${c.unchanged} unchanged`;

const ENTITY: Record<Change["entity"], string> = {
  framework: "framework",
  itemType: "item type",
  item: "item",
  association: "CASE association",
  definition: "CASE definition",
};

const shortValue = (value: unknown) => {
  const text = typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value ?? null);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
};

function printChanges(changes: readonly Change[]) {
  if (changes.length === 0) return;
  console.log("  changes:");
  for (const change of changes.slice(0, LISTED)) {
    const name = `${ENTITY[change.entity]} ${change.label && change.label !== change.id ? `“${change.label}” (${change.id})` : change.id}`;
    if (change.kind !== "updated") console.log(`    ${change.kind} ${name}`);
    else
      console.log(
        `    ${name}: ${change.fields.map((f) => `${f.field} ${shortValue(f.before)} → ${shortValue(f.after)}`).join("; ")}`,
      );
  }
  if (changes.length > LISTED) console.log(`    … and ${changes.length - LISTED} more (--json lists them all)`);
}

export function printReport(report: ImportReport) {
  const verb = report.dryRun
    ? report.created
      ? "would create"
      : "would update"
    : report.created
      ? "created"
      : "updated";
  const title = report.title.en ?? report.title.fr;
  console.log(`${verb} framework ${title ? `“${title}” ` : ""}(${report.slug})`);
  if (!report.created && report.changes.length === 0) console.log("  nothing changed");
  console.log(`  items: ${counts(report.items)}`);
  console.log(`  item types: ${counts(report.itemTypes)}`);
  if (
    report.associations.added +
      report.associations.updated +
      report.associations.removed +
      report.associations.unchanged >
    0
  ) {
    console.log(`  CASE associations: ${counts(report.associations)}`);
  }
  if (
    report.definitions.added + report.definitions.updated + report.definitions.removed + report.definitions.unchanged >
    0
  ) {
    console.log(`  CASE definitions: ${counts(report.definitions)}`);
  }
  printChanges(report.changes);
  if (report.published) console.log(`  published as edition ${report.published}`);
  if (report.nothingToPublish) console.log("  nothing to publish: the latest edition already shows all of it");
  if (report.dryRun) console.log("dry run: nothing was written");
}
