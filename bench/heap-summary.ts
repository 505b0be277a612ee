/**
 * What a V8 heap snapshot holds, without a GUI: `node --import tsx bench/heap-summary.ts FILE [N]`.
 * Prints the heap's total, the self size by kind of object (constructor name, or the node type for
 * strings, arrays, code…), and the objects that retain the most (dominator tree, Cooper–Harvey–Kennedy),
 * each with the edge that reaches it from its dominator, so a holder reads as
 * `Map (catalog generation) → views → …`. For the rebuild bench's snapshot at rest
 * (BENCH_PROFILE_DIR, bench/README.md); a diagnostic, not a figure.
 */
import { readFileSync } from "node:fs";

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: heap-summary.ts SNAPSHOT [TOP]");
  process.exit(2);
}
const top = Number(topArg ?? 40);
const data = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
const { meta } = data.snapshot;
const nodeFields = meta.node_fields.length;
const edgeFields = meta.edge_fields.length;
const nodeTypes = meta.node_types[0];
const edgeTypes = meta.edge_types[0];
const nType = meta.node_fields.indexOf("type");
const nName = meta.node_fields.indexOf("name");
const nSize = meta.node_fields.indexOf("self_size");
const nEdges = meta.node_fields.indexOf("edge_count");
const eType = meta.edge_fields.indexOf("type");
const eName = meta.edge_fields.indexOf("name_or_index");
const eTo = meta.edge_fields.indexOf("to_node");
const count = data.nodes.length / nodeFields;
const nodes = data.nodes;
const edges = data.edges;
const strings = data.strings;

const firstEdge = new Uint32Array(count + 1);
for (let i = 0, e = 0; i < count; i++) {
  firstEdge[i] = e;
  e += nodes[i * nodeFields + nEdges] * edgeFields;
  firstEdge[i + 1] = e;
}
const typeOf = (n: number) => nodeTypes[nodes[n * nodeFields + nType]];
const nameOf = (n: number) => strings[nodes[n * nodeFields + nName]];
const sizeOf = (n: number) => nodes[n * nodeFields + nSize];
const weak = edgeTypes.indexOf("weak");
const shortcut = edgeTypes.indexOf("shortcut");
const kindOf = (n: number) => {
  const type = typeOf(n);
  if (type === "object" || type === "closure") return `${type} ${nameOf(n)}`;
  if (type === "native") return `native ${nameOf(n).slice(0, 40)}`;
  return type;
};

// Self size by kind.
const byKind = new Map<string, { size: number; count: number }>();
let total = 0;
for (let n = 0; n < count; n++) {
  const kind = kindOf(n);
  const entry = byKind.get(kind) ?? { size: 0, count: 0 };
  entry.size += sizeOf(n);
  entry.count++;
  byKind.set(kind, entry);
  total += sizeOf(n);
}
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
console.log(`${file}: ${count} nodes, ${mb(total)} in all`);
console.log("\nself size by kind:");
for (const [kind, { size, count: c }] of [...byKind].sort((a, b) => b[1].size - a[1].size).slice(0, top)) {
  console.log(`  ${mb(size).padStart(9)}  ${String(c).padStart(8)}  ${kind}`);
}

// Dominators (iterative, over a post order from the root: node 0).
const postOrder = new Uint32Array(count);
const orderOf = new Int32Array(count).fill(-1);
const parentEdgeName = new Array<string>(count);
{
  const stack: number[] = [0];
  const next = new Uint32Array(count);
  const visited = new Uint8Array(count);
  visited[0] = 1;
  for (let i = 0; i < count; i++) next[i] = firstEdge[i];
  let position = 0;
  while (stack.length > 0) {
    const n = stack[stack.length - 1];
    if (next[n] < firstEdge[n + 1]) {
      const e = next[n];
      next[n] += edgeFields;
      const type = edges[e + eType];
      if (type === weak || type === shortcut) continue;
      const to = edges[e + eTo] / nodeFields;
      if (visited[to]) continue;
      visited[to] = 1;
      const name = edges[e + eName];
      parentEdgeName[to] = edgeTypes[type] === "element" || edgeTypes[type] === "hidden" ? `[${name}]` : strings[name];
      stack.push(to);
    } else {
      stack.pop();
      orderOf[n] = position;
      postOrder[position++] = n;
    }
  }
}
const reachable = postOrder.filter((_, i) => i < count && orderOf[postOrder[i]] >= 0 && (i > 0 || postOrder[0] === 0));
// Predecessors, for reachable nodes.
const predCount = new Uint32Array(count + 1);
for (let n = 0; n < count; n++) {
  if (orderOf[n] < 0) continue;
  for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += edgeFields) {
    const type = edges[e + eType];
    if (type === weak || type === shortcut) continue;
    predCount[edges[e + eTo] / nodeFields + 1]++;
  }
}
for (let i = 0; i < count; i++) predCount[i + 1] += predCount[i];
const preds = new Uint32Array(predCount[count]);
const fill = predCount.slice();
for (let n = 0; n < count; n++) {
  if (orderOf[n] < 0) continue;
  for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += edgeFields) {
    const type = edges[e + eType];
    if (type === weak || type === shortcut) continue;
    const to = edges[e + eTo] / nodeFields;
    preds[fill[to]++] = n;
  }
}
const idom = new Int32Array(count).fill(-1);
idom[0] = 0;
const intersect = (a: number, b: number) => {
  while (a !== b) {
    while (orderOf[a] < orderOf[b]) a = idom[a];
    while (orderOf[b] < orderOf[a]) b = idom[b];
  }
  return a;
};
for (let changed = true; changed; ) {
  changed = false;
  for (let i = postOrder.length - 1; i >= 0; i--) {
    const n = postOrder[i];
    if (n === 0 || orderOf[n] < 0) continue;
    let dom = -1;
    for (let p = predCount[n]; p < predCount[n + 1]; p++) {
      const pred = preds[p];
      if (idom[pred] < 0) continue;
      dom = dom < 0 ? pred : intersect(pred, dom);
    }
    if (dom >= 0 && idom[n] !== dom) {
      idom[n] = dom;
      changed = true;
    }
  }
}
const retained = new Float64Array(count);
for (let i = 0; i < reachable.length; i++) {
  const n = reachable[i];
  retained[n] += sizeOf(n);
  if (n !== 0 && idom[n] >= 0) retained[idom[n]] += retained[n];
}
console.log(`\nreachable from the root: ${mb(retained[0])}`);

/** A node's chain of dominators, named by the edge that reached each, up to `depth` steps. */
const chainOf = (n: number, depth = 6) => {
  const parts: string[] = [];
  for (let m = n, i = 0; m !== 0 && i < depth; m = idom[m], i++) parts.unshift(`${parentEdgeName[m] ?? "?"}`);
  return parts.join(" → ");
};

console.log("\nlargest retainers (objects whose retained size is at least 1 MB and 3× their children's largest):");
const candidates: number[] = [];
for (let n = 1; n < count; n++) if (retained[n] >= 1048576) candidates.push(n);
const largestChild = new Float64Array(count);
for (const n of candidates) if (idom[n] >= 0) largestChild[idom[n]] = Math.max(largestChild[idom[n]], retained[n]);
candidates.sort((a, b) => retained[b] - retained[a]);
for (const n of candidates.slice(0, top * 2)) {
  console.log(`  ${mb(retained[n]).padStart(9)}  ${kindOf(n).slice(0, 50).padEnd(50)}  ${chainOf(n)}`);
}

// Strings: how many bytes are copies of a string held elsewhere, how many are two-byte (a single
// character beyond Latin-1 doubles a string), and who holds them (by their dominator's chain).
{
  const seen = new Map<string, number>();
  let duplicated = 0;
  let twoByte = 0;
  const byHolder = new Map<string, number>();
  for (let n = 0; n < count; n++) {
    if (typeOf(n) !== "string") continue;
    const value = nameOf(n);
    const size = sizeOf(n);
    // A sequential one-byte string takes 16 bytes of header + its length, rounded up to 8. The
    // snapshot keeps only the first 1,024 characters of a string: longer ones are not judged.
    if (value.length < 1024 && size > Math.ceil((16 + value.length) / 8) * 8 + 8) twoByte += size;
    if (seen.has(value)) duplicated += size;
    else seen.set(value, size);
    if (orderOf[n] < 0) continue;
    const holder = chainOf(idom[n], 5);
    byHolder.set(holder, (byHolder.get(holder) ?? 0) + size);
  }
  console.log(
    `\nstrings: ${mb(duplicated)} are copies of another string; ${mb(twoByte)} (shorter than 1,024) two-byte`,
  );
  console.log("strings by holder (their dominator's chain):");
  for (const [holder, size] of [...byHolder].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${mb(size).padStart(9)}  ${holder}`);
  }
}
