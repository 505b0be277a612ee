/**
 * A pasted area placed into a framework, for the import writer: as a new framework of its own, or
 * under a parent of an existing draft. Identifiers come from a seed, so the same paste submitted twice
 * updates what it added instead of adding it again. Pure; the web wizard and the CLI both use it.
 */
import { uuidV5 } from "../../db/uuid.ts";
import { INDEX_LEVELS } from "../../frameworks/item-types.ts";
import type { Lang } from "../../i18n/index.ts";
import type { ImportedFramework, ImportedItem } from "../model.ts";
import { type PastedArea, pastedAreaToItem } from "./index.ts";

/** Identifiers drawn from the form's seed: submitting the same form twice updates, never duplicates. */
export function seededIds(seed: string): () => string {
  let n = 0;
  return () => uuidV5(`paste:${seed}:${++n}`);
}

export const newFrameworkId = (seed: string) => uuidV5(`paste-framework:${seed}`);

/** The levels of the index, for a framework the paste-in import creates. */
export const PASTE_TYPES = INDEX_LEVELS.map((t) => ({ code: t.code, label: { en: t.en, fr: t.fr } }));

export function newFrameworkWithArea(seed: string, title: string, lang: Lang, area: PastedArea): ImportedFramework {
  const item = pastedAreaToItem(area, lang, { newId: seededIds(seed) });
  return {
    id: newFrameworkId(seed),
    title: lang === "en" ? { en: title, fr: null } : { en: null, fr: title },
    description: { en: null, fr: null },
    publisher: null,
    version: null,
    status: null,
    licence: null,
    itemTypes: PASTE_TYPES,
    children: [item],
  };
}

/**
 * The type codes to give an area, its competencies and their KSAs under this parent: those its
 * existing children (and grandchildren) use, so a framework with other level names stays consistent.
 */
export function levelTypes(siblings: readonly ImportedItem[]): { area: string; competency: string; ksa: string } {
  const area = siblings[0];
  const competency = siblings.flatMap((s) => s.children)[0];
  const ksa = siblings.flatMap((s) => s.children).flatMap((c) => c.children)[0];
  return { area: area?.type ?? "area", competency: competency?.type ?? "competency", ksa: ksa?.type ?? "ksa" };
}

function findItem(roots: readonly ImportedItem[], id: string): ImportedItem | undefined {
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop() as ImportedItem;
    if (node.id === id) return node;
    stack.push(...node.children);
  }
  return undefined;
}

/**
 * The draft with the area added under `parentId` (null: at the top), after the parent's last
 * child. The same seed again replaces the area it added before instead of adding a second one.
 * Undefined when the parent is not in this framework.
 */
export function placeArea(
  framework: ImportedFramework,
  parentId: string | null,
  area: PastedArea,
  lang: Lang,
  seed: string,
): ImportedFramework | undefined {
  const parent = parentId === null ? undefined : findItem(framework.children, parentId);
  if (parentId !== null && !parent) return undefined;
  const siblings = parent ? parent.children : framework.children;
  const newId = seededIds(seed);
  const areaId = newId();
  const previous = siblings.findIndex((s) => s.id === areaId);
  const others = siblings.filter((s) => s.id !== areaId);
  const position =
    previous >= 0 ? siblings[previous].position : others.reduce((max, s) => Math.max(max, s.position), 0) + 1;
  const item = pastedAreaToItem(area, lang, { id: areaId, newId, position, types: levelTypes(others) });
  const next = previous >= 0 ? siblings.map((s) => (s.id === areaId ? item : s)) : [...siblings, item];
  if (parent) parent.children = next;
  else framework.children = next;
  return framework;
}
