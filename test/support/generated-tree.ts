/**
 * Random frameworks built through the editor's own commands (createFramework, addItem, editItem,
 * publishEdition), for tests that every page answers whatever the tree: any depth from 0 to 4,
 * levels with no, one or several items, both languages or only one, and text that has broken pages
 * before (quotes, &, markup, emoji, combining accents, very long words, whitespace-only French,
 * Markdown links, right-to-left script).
 *
 * The text goes through the same normalisation the editor's forms apply (trimmed, empty → null)
 * but not through their refusals: imports bring text a form would refuse (a CASE package may hold
 * "<script>"), and the pages must show it escaped rather than fail.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.ts";
import { createFramework, DEFAULT_ITEM_TYPES } from "../../src/editor/commands/frameworks.ts";
import { addItem, editItem } from "../../src/editor/commands/items.ts";
import { publishEdition } from "../../src/editor/commands/publish.ts";
import { findDraftItem } from "../../src/frameworks/draft-store.ts";
import type { Actor } from "../../src/policy/index.ts";

export interface GeneratedText {
  en: string;
  fr: string;
}

export interface GeneratedNode {
  type: string;
  code: string;
  statement: GeneratedText;
  description: GeneratedText;
  children: GeneratedNode[];
}

export interface GeneratedFramework {
  title: GeneratedText;
  description: GeneratedText;
  roots: GeneratedNode[];
  /** Items to edit after they were added (by preorder position), so history pages have more than a creation. */
  edits: number[];
}

/** Text that has tripped up HTML, Markdown, URL or search handling somewhere. */
export const ODD_TEXTS = [
  `Quotes "double" and 'single' and “curly” « guillemets »`,
  "Fish & chips &amp; &lt;b&gt; &#0;",
  "<script>alert('x')</script>",
  "<b>bold?</b> <img src=x onerror=alert(1)>",
  "Emoji 📚👩🏽‍💻 and flags 🇨🇦",
  "Cafe\u0301 re\u0301sume\u0301 — combining accents",
  `Super${"califragilistic".repeat(20)}`,
  "**bold** _italic_ `code` [a link](https://example.org)",
  "[bad link](javascript:alert(1)) and <https://example.org>",
  "مرحبا بالعالم — right to left",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: text that looks like a template is the point
  "{{placeholder}} ${notATemplate} %s %d",
  "Line one\nLine two",
  "Tab\there and non\u00a0breaking space",
  "# Not a heading\n- not a list",
  "Ünïcödé Œuvre Straße ĳ",
];

const plainWords = fc
  .array(fc.constantFrom("library", "bibliothèque", "service", "équipe", "budget", "partenariat", "data", "œuvre"), {
    minLength: 1,
    maxLength: 6,
  })
  .map((words) => words.join(" "));

/** A statement or description as someone might type or import it; "" and whitespace stand for empty. */
const anyText = fc.oneof(
  { weight: 4, arbitrary: plainWords },
  { weight: 4, arbitrary: fc.constantFrom(...ODD_TEXTS) },
  { weight: 1, arbitrary: fc.constantFrom("", "   ", " \t ") },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }) },
);

/** Codes the editor's form accepts: unique, repeated (so the URL falls back to the id), or not URL-safe. */
const anyCode = fc.oneof(
  fc.constantFrom("", "", "DUP", "DUP", "É.1", "x:y", "(a)", "A~B", "1.10", "1.2"),
  fc.stringMatching(/^[A-Z]{1,3}(\.[0-9]{1,2}){0,2}$/),
);

const TYPES = DEFAULT_ITEM_TYPES.map((t) => t.code);

function nodeArbitrary(level: number, depth: number): fc.Arbitrary<GeneratedNode> {
  // Counts drawn uniformly (not fast-check's small-first bias), so early runs have full levels too.
  const children =
    level + 1 >= depth
      ? fc.constant([] as GeneratedNode[])
      : fc
          .constantFrom(0, 1, 1, 2, 3)
          .chain((n) => fc.array(nodeArbitrary(level + 1, depth), { minLength: n, maxLength: n }));
  return fc.record({
    // Mostly the level's usual type; sometimes another, as imported frameworks bring.
    type: fc.oneof({ weight: 4, arbitrary: fc.constant(TYPES[level] ?? "ksa") }, fc.constantFrom(...TYPES)),
    code: anyCode,
    statement: fc.record({ en: anyText, fr: anyText }),
    description: fc.record({ en: fc.oneof(fc.constant(""), anyText), fr: fc.oneof(fc.constant(""), anyText) }),
    children,
  });
}

/** Keeps at most `max` items, in reading order, so a run stays quick whatever the draw. */
function prune(roots: GeneratedNode[], max: number): GeneratedNode[] {
  let left = max;
  const keep = (nodes: GeneratedNode[]): GeneratedNode[] => {
    const kept: GeneratedNode[] = [];
    for (const node of nodes) {
      if (left <= 0) break;
      left--;
      kept.push({ ...node, children: [] });
    }
    kept.forEach((node, index) => {
      node.children = keep(nodes[index].children);
    });
    return kept;
  };
  return keep(roots);
}

/** A framework tree of depth 0 (no items) to 4, with at most `maxItems` items. */
export function frameworkArbitrary(maxItems = 30): fc.Arbitrary<GeneratedFramework> {
  return fc
    .constantFrom(0, 1, 2, 3, 4, 4)
    .chain((depth) =>
      fc.record({
        title: fc.record({ en: anyText, fr: anyText }),
        description: fc.record({ en: fc.oneof(fc.constant(""), anyText), fr: fc.oneof(fc.constant(""), anyText) }),
        roots:
          depth === 0
            ? fc.constant([] as GeneratedNode[])
            : fc.constantFrom(1, 2, 3).chain((n) => fc.array(nodeArbitrary(0, depth), { minLength: n, maxLength: n })),
        edits: fc.array(fc.nat(maxItems), { maxLength: 3 }),
      }),
    )
    .map((f) => ({ ...f, roots: prune(f.roots, maxItems) }));
}

/** As the editor's forms store text: trimmed, line endings normalised, empty → null. */
export const asStored = (text: string): string | null => {
  const cleaned = text.replace(/\r\n?/g, "\n").trim();
  return cleaned === "" ? null : cleaned;
};

export interface BuiltNode {
  id: string;
  parentId: string | null;
  node: GeneratedNode;
}

export interface BuiltFramework {
  id: string;
  slug: string;
  /** Every item, parents first (preorder). */
  items: BuiltNode[];
  /** Added after the edition was published: in the draft, not on public pages. */
  draftOnly: BuiltNode;
}

/**
 * Creates the framework and its items with the editor's commands, edits a few, publishes edition 1,
 * then adds one more top-level item to the draft (so the draft and the edition differ).
 */
export async function buildThroughCommands(
  db: Kysely<DB>,
  actor: Actor | null,
  generated: GeneratedFramework,
  slug: string,
): Promise<BuiltFramework> {
  const id = randomUUID();
  const title = { en: asStored(generated.title.en), fr: asStored(generated.title.fr) };
  await createFramework(db, actor, {
    id,
    slug,
    title_en: title.en ?? (title.fr ? null : `Framework ${slug}`),
    title_fr: title.fr,
    description_en: asStored(generated.description.en),
    description_fr: asStored(generated.description.fr),
  });
  const items: BuiltNode[] = [];
  const add = async (node: GeneratedNode, parentId: string | null) => {
    const itemId = randomUUID();
    await addItem(db, actor, id, { id: itemId, parent: parentId ?? "root", ...itemText(node, items.length) });
    items.push({ id: itemId, parentId, node });
    for (const child of node.children) await add(child, itemId);
  };
  for (const root of generated.roots) await add(root, null);
  for (const position of generated.edits) {
    const target = items[position % Math.max(1, items.length)];
    if (!target) continue;
    const current = await findDraftItem(db, id, target.id);
    const text = itemText(target.node, position);
    await editItem(db, actor, id, target.id, {
      ...text,
      statement_en: `${current?.statement_en ?? text.statement_en ?? ""} (edited)`.trim(),
      version: current?.version ?? 1,
    });
  }
  await publishEdition(db, id, actor, {
    en: "First edition of a generated framework",
    fr: "Première édition d'un référentiel généré",
  });
  const draftOnly: BuiltNode = {
    id: randomUUID(),
    parentId: null,
    node: {
      type: TYPES[0],
      code: "",
      statement: { en: "Added after publishing", fr: "Ajouté après la publication" },
      description: { en: "", fr: "" },
      children: [],
    },
  };
  await addItem(db, actor, id, { id: draftOnly.id, parent: "root", ...itemText(draftOnly.node, items.length) });
  return { id, slug, items, draftOnly };
}

/** The item's fields as the add command takes them; an item with no statement in either language gets one. */
function itemText(node: GeneratedNode, index: number) {
  const en = asStored(node.statement.en);
  const fr = asStored(node.statement.fr);
  return {
    type: node.type,
    code: asStored(node.code),
    statement_en: en ?? (fr ? null : `Item ${index + 1}`),
    statement_fr: fr,
    description_en: asStored(node.description.en),
    description_fr: asStored(node.description.fr),
  };
}

/**
 * A fixed framework that holds every odd text at least once, four levels deep, with a level of one
 * item, levels of several, an item with French only, one with whitespace-only French and a repeated
 * code: the example every property run starts from.
 */
export function oddFramework(): GeneratedFramework {
  let next = 0;
  const odd = () => ODD_TEXTS[next++ % ODD_TEXTS.length];
  const node = (type: string, code: string, children: GeneratedNode[] = [], fr?: string): GeneratedNode => ({
    type,
    code,
    statement: { en: odd(), fr: fr ?? odd() },
    description: { en: odd(), fr: "" },
    children,
  });
  const ksas = (prefix: string) => [node("ksa", `${prefix}.1`), node("ksa", "DUP", [], "   "), node("ksa", "")];
  return {
    title: { en: ODD_TEXTS[0], fr: "   " },
    description: { en: ODD_TEXTS[1], fr: ODD_TEXTS[2] },
    roots: [
      node("category", "C", [
        node("area", "C.A", [node("competency", "C.A.1", ksas("C.A.1")), node("competency", "x:y", ksas("C.A.2"))]),
      ]),
      {
        ...node("category", "DUP", [node("area", "(a)", [node("competency", "", [node("ksa", "É.1")])])]),
        statement: { en: "", fr: "Seulement en français & <script>alert('fr')</script>" },
      },
      node("category", "EMPTY"),
    ],
    edits: [0, 3, 3],
  };
}
