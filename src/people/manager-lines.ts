/**
 * Manager lines as pure functions over "who manages whom" (decision 024): the chain above a person,
 * everyone below a manager, and the cycles a set of lines would make. The store and the staff import
 * both ask these before they write, so no path can store a cycle.
 */

/** Who manages whom: person id → manager id (or null). */
export type ManagerOf = (personId: string) => string | null | undefined;

/** The person's managers, nearest first. Stops (without the repeated person) if the lines loop. */
export function managerChain(personId: string, managerOf: ManagerOf): string[] {
  const chain: string[] = [];
  const seen = new Set([personId]);
  let current = managerOf(personId);
  while (current != null && !seen.has(current)) {
    chain.push(current);
    seen.add(current);
    current = managerOf(current);
  }
  return chain;
}

/** Everyone who reports to the manager, directly or not (the manager excluded), in breadth order. */
export function reportsOf(managerId: string, lines: Iterable<{ id: string; managerId: string | null }>): string[] {
  const direct = new Map<string, string[]>();
  for (const { id, managerId: manager } of lines) {
    if (manager == null) continue;
    const list = direct.get(manager);
    if (list) list.push(id);
    else direct.set(manager, [id]);
  }
  const found: string[] = [];
  const seen = new Set([managerId]);
  const queue = [managerId];
  for (let i = 0; i < queue.length; i++) {
    for (const report of direct.get(queue[i]) ?? []) {
      if (seen.has(report)) continue;
      seen.add(report);
      found.push(report);
      queue.push(report);
    }
  }
  return found;
}

/**
 * The cycles in a set of manager lines (each cycle once, as the people in it in line order, starting
 * from its first person in the input's order). Someone managing themself is a cycle of one.
 */
export function managerCycles(lines: ReadonlyMap<string, string | null>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "walking" | "done">();
  for (const start of lines.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let current: string | null | undefined = start;
    while (current != null && !state.has(current)) {
      state.set(current, "walking");
      path.push(current);
      current = lines.get(current);
    }
    if (current != null && state.get(current) === "walking") cycles.push(path.slice(path.indexOf(current)));
    for (const id of path) state.set(id, "done");
  }
  return cycles;
}

/** Whether giving `personId` the manager `managerId` would close a loop in the current lines. */
export function wouldMakeCycle(personId: string, managerId: string | null, managerOf: ManagerOf): boolean {
  if (managerId == null) return false;
  if (managerId === personId) return true;
  return managerChain(managerId, managerOf).includes(personId);
}
