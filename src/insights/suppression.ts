/**
 * Small-group suppression (decision 042). An organisation-wide figure (how many people, how many
 * below target, a gap total, a score…) aggregated over fewer than MIN_GROUP people the viewer may
 * not see individually is shown as "fewer than 5" — and must not be recoverable from the figures
 * that are shown, by adding or subtracting them.
 *
 * The views expose one table per competency: people by unit (rows) × position (columns), with each
 * unit's total, each position's total and the organisation's total. Every figure is additive, so
 * what a viewer can work out is what linear algebra over the shown cells determines. Writing the
 * margins with a minus sign, every row and every column of the (units + 1) × (positions + 1) table
 * sums to zero; a hidden cell is then determined by the shown ones exactly when it is a bridge of
 * the bipartite graph whose nodes are the rows and columns and whose edges are the hidden cells (it
 * lies on no cycle: no alternating change along a cycle can move it while keeping every sum).
 *
 * So: (1) hide every group whose unseen people number 1 to MIN_GROUP − 1 (primary suppression);
 * (2) while a hidden protected group is a bridge, hide the cheapest shown cells that close a cycle
 * through it (complementary suppression: the smallest groups first, a unit's or position's total
 * only if need be, the organisation's total last). Hiding more never reveals anything, so a view
 * may always hide more than the plan, never less.
 *
 * "Unseen" people are those the viewer is not entitled to see individually (HR sees everyone, so
 * nothing is hidden from HR): figures the viewer could read person by person protect nobody, and
 * people the viewer knows must not be subtracted from a group of 5 to reveal the rest. A cell with
 * no unseen person is known to the viewer whatever the page shows, so it can never protect another.
 *
 * Not covered: bounds. A shown zero says that every group inside it is zero too; that reveals no
 * one's level beyond what the zero says of everyone.
 */

export const MIN_GROUP = 5;
/** The total over all units, or over all positions. */
export const ALL = "*";

export interface PersonInView {
  /** The person's unit and position (job profile); null for none (a row or column of its own). */
  unit: string | null;
  position: string | null;
  /** The viewer may see this person's record individually (HR; their own managers; themself). */
  seen: boolean;
}

export type Figure<T> = { kind: "shown"; value: T } | { kind: "suppressed" };

export interface SuppressionPlan {
  /** Unit and position keys in first-seen order ("" for people with none). */
  units: readonly string[];
  positions: readonly string[];
  /** Whether the group (a unit or ALL) × (a position or ALL) may be shown. */
  isShown(unit: string | null, position: string | null): boolean;
  /** The value when the group may be shown; "fewer than 5" otherwise. */
  figure<T>(unit: string | null, position: string | null, value: T): Figure<T>;
  /** How many groups (cells, unit and position totals, the total) are hidden. */
  hiddenCount: number;
}

const keyOf = (value: string | null) => value ?? "";

/** Decides which groups of one table the viewer may see (every view of the table reads the same plan). */
export function planSuppression(people: readonly PersonInView[], minGroup: number = MIN_GROUP): SuppressionPlan {
  const unitIndex = new Map<string, number>();
  const positionIndex = new Map<string, number>();
  for (const person of people) {
    const unit = keyOf(person.unit);
    const position = keyOf(person.position);
    if (!unitIndex.has(unit)) unitIndex.set(unit, unitIndex.size);
    if (!positionIndex.has(position)) positionIndex.set(position, positionIndex.size);
  }
  const rows = unitIndex.size;
  const columns = positionIndex.size;
  // unseen[r][c]: inner cells; row `rows` and column `columns` hold the totals.
  const unseen = Array.from({ length: rows + 1 }, () => Array.from({ length: columns + 1 }, () => 0));
  for (const person of people) {
    if (person.seen) continue;
    const r = unitIndex.get(keyOf(person.unit)) as number;
    const c = positionIndex.get(keyOf(person.position)) as number;
    for (const [i, j] of [
      [r, c],
      [r, columns],
      [rows, c],
      [rows, columns],
    ] as const)
      (unseen[i] as number[])[j] = ((unseen[i] as number[])[j] as number) + 1;
  }
  const count = (r: number, c: number) => (unseen[r] as number[])[c] as number;
  const protectedCell = (r: number, c: number) => count(r, c) >= 1 && count(r, c) < minGroup;
  const hidden = Array.from({ length: rows + 1 }, (_, r) =>
    Array.from({ length: columns + 1 }, (_, c) => protectedCell(r, c)),
  );

  if (rows > 0) {
    for (;;) {
      const exposed = bridges(hidden, rows, columns).find(([r, c]) => protectedCell(r, c));
      if (!exposed) break;
      const path = cheapestCycle(exposed, hidden, count, rows, columns);
      // Cannot happen (see cheapestCycle); should it ever, hiding every group with unseen people is safe.
      if (path.length === 0) {
        for (let r = 0; r <= rows; r++)
          for (let c = 0; c <= columns; c++) if (count(r, c) > 0) (hidden[r] as boolean[])[c] = true;
        break;
      }
      for (const [r, c] of path) (hidden[r] as boolean[])[c] = true;
    }
  }

  const indexOf = (index: Map<string, number>, value: string | null, all: number) =>
    value === ALL ? all : index.get(keyOf(value));
  const isShown = (unit: string | null, position: string | null) => {
    const r = indexOf(unitIndex, unit, rows);
    const c = indexOf(positionIndex, position, columns);
    // A group nobody is in: an empty figure, nothing to protect.
    if (r === undefined || c === undefined) return true;
    return !(hidden[r] as boolean[])[c];
  };
  return {
    units: [...unitIndex.keys()],
    positions: [...positionIndex.keys()],
    isShown,
    figure: <T>(unit: string | null, position: string | null, value: T): Figure<T> =>
      isShown(unit, position) ? { kind: "shown", value } : { kind: "suppressed" },
    hiddenCount: hidden.flat().filter(Boolean).length,
  };
}

/**
 * The hidden cells that are bridges of the bipartite graph rows × columns (node r for row r, node
 * rows + 1 + c for column c). Tarjan's low-link, iterative so a wide table cannot overflow the stack.
 */
function bridges(hidden: boolean[][], rows: number, columns: number): [number, number][] {
  const nodes = rows + columns + 2;
  const neighbours: number[][] = Array.from({ length: nodes }, () => []);
  for (let r = 0; r <= rows; r++)
    for (let c = 0; c <= columns; c++)
      if ((hidden[r] as boolean[])[c]) {
        (neighbours[r] as number[]).push(rows + 1 + c);
        (neighbours[rows + 1 + c] as number[]).push(r);
      }
  const order = Array.from({ length: nodes }, () => -1);
  const low = Array.from({ length: nodes }, () => 0);
  const found: [number, number][] = [];
  let time = 0;
  for (let start = 0; start < nodes; start++) {
    if (order[start] !== -1) continue;
    order[start] = low[start] = time++;
    const stack: { node: number; parent: number; next: number }[] = [{ node: start, parent: -1, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { node: number; parent: number; next: number };
      const around = neighbours[frame.node] as number[];
      if (frame.next < around.length) {
        const to = around[frame.next++] as number;
        if (to === frame.parent) continue; // the graph is simple: one edge per pair
        if (order[to] === -1) {
          order[to] = low[to] = time++;
          stack.push({ node: to, parent: frame.node, next: 0 });
        } else low[frame.node] = Math.min(low[frame.node] as number, order[to] as number);
        continue;
      }
      stack.pop();
      if (frame.parent >= 0) {
        low[frame.parent] = Math.min(low[frame.parent] as number, low[frame.node] as number);
        if ((low[frame.node] as number) > (order[frame.parent] as number)) {
          const [a, b] = frame.node < frame.parent ? [frame.node, frame.parent] : [frame.parent, frame.node];
          found.push([a, b - rows - 1]);
        }
      }
    }
  }
  return found;
}

/** What hiding a shown cell costs: small groups first, then a unit's or position's total, the total last. */
function costOf(r: number, c: number, people: number, rows: number, columns: number): number {
  const total = r === rows && c === columns;
  const margin = r === rows || c === columns;
  return people + (total ? 1_000_000 : margin ? 1_000 : 0);
}

/**
 * The shown cells to hide so that the hidden cell (r, c) lies on a cycle: the cheapest path from its
 * row to its column that does not use the cell itself, hidden cells costing nothing. Cells without
 * unseen people cannot be used (the viewer knows them anyway). Such a path always exists: the
 * cell's row total, the organisation's total and its column total (each with unseen people) make one.
 */
function cheapestCycle(
  [row, column]: [number, number],
  hidden: boolean[][],
  count: (r: number, c: number) => number,
  rows: number,
  columns: number,
): [number, number][] {
  const nodes = rows + columns + 2;
  const isRow = (node: number) => node <= rows;
  const cellOf = (a: number, b: number): [number, number] => (isRow(a) ? [a, b - rows - 1] : [b, a - rows - 1]);
  const distance = Array.from({ length: nodes }, () => Number.POSITIVE_INFINITY);
  const previous = Array.from({ length: nodes }, () => -1);
  const done = Array.from({ length: nodes }, () => false);
  const target = rows + 1 + column;
  distance[row] = 0;
  for (;;) {
    let node = -1;
    for (let n = 0; n < nodes; n++)
      if (
        !done[n] &&
        (distance[n] as number) < Number.POSITIVE_INFINITY &&
        (node < 0 || (distance[n] as number) < (distance[node] as number))
      )
        node = n;
    if (node < 0 || node === target) break;
    done[node] = true;
    const others = isRow(node) ? { from: rows + 1, to: nodes - 1 } : { from: 0, to: rows };
    for (let other = others.from; other <= others.to; other++) {
      const [r, c] = cellOf(node, other);
      if (r === row && c === column) continue;
      const people = count(r, c);
      if (people === 0) continue;
      const step = (hidden[r] as boolean[])[c] ? 0 : costOf(r, c, people, rows, columns);
      const through = (distance[node] as number) + step;
      if (through < (distance[other] as number)) {
        distance[other] = through;
        previous[other] = node;
      }
    }
  }
  const path: [number, number][] = [];
  for (let node = target; previous[node] !== -1; node = previous[node] as number) {
    const [r, c] = cellOf(node, previous[node] as number);
    if (!(hidden[r] as boolean[])[c]) path.push([r, c]);
  }
  return path;
}
