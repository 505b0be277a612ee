/** Published views of random shape and text, for tests that hold a rendering to another. */
import fc from "fast-check";
import type { TreeNode } from "../../src/frameworks/tree.ts";
import type { FrameworkView } from "../../src/frameworks/view.ts";
import { text } from "../interop/generated.ts";

export interface GeneratedRoots {
  roots: TreeNode[];
  nodes: TreeNode[];
}

/** Trees of random shape and text, each item's parent an earlier item or none. */
export const generatedRoots: fc.Arbitrary<GeneratedRoots> = fc
  .array(
    fc.record({
      parent: fc.nat(),
      root: fc.boolean(),
      en: text,
      fr: fc.option(text, { nil: "" }),
      description: fc.option(text, { nil: null }),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((rows) => {
    const nodes: TreeNode[] = [];
    const roots: TreeNode[] = [];
    rows.forEach((row, i) => {
      const parent = i === 0 || row.root ? undefined : nodes[row.parent % i];
      const node = {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        parentId: parent?.id ?? null,
        type: ["category", "area", "competency", "ksa"][Math.min(parent ? parent.depth + 1 : 0, 3)],
        code: null,
        position: (parent?.children ?? roots).length,
        statement: { en: row.en, fr: row.fr },
        description: { en: row.description ?? "", fr: row.description ? `${row.description} (fr)` : "" },
        updatedAt: "2026-01-02T03:04:05.000Z",
        lastUpdated: "2026-01-02T03:04:05.000Z",
        depth: parent ? parent.depth + 1 : 0,
        children: [],
      } as unknown as TreeNode;
      nodes.push(node);
      (parent?.children ?? roots).push(node);
    });
    return { roots, nodes };
  });

/** A view of the starter's framework (its texts' languages, its types) holding a generated tree. */
export function generatedView(starter: FrameworkView, { roots, nodes }: GeneratedRoots): FrameworkView {
  return {
    ...starter,
    tree: { ...starter.tree, roots, byId: new Map(nodes.map((n) => [n.id, n])) },
    keys: new Map(nodes.map((n, i) => [n.id, `K${i}`])),
    byKey: new Map(nodes.map((n, i) => [`K${i}`, n])),
  } as FrameworkView;
}
