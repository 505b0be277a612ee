/**
 * Whether a vector is a linear combination, over the rationals, of others: fraction-free Gaussian
 * elimination in exact integers. The suppression audits ask it whether a hidden group's figure can
 * be worked out from the figures shown.
 */
const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

export function inSpan(known: readonly bigint[][], target: readonly bigint[]): boolean {
  const basis: { pivot: number; row: bigint[] }[] = [];
  const reduce = (vector: readonly bigint[]) => {
    let row = [...vector];
    for (const { pivot, row: base } of basis) {
      const factor = row[pivot] as bigint;
      if (factor === 0n) continue;
      const scale = base[pivot] as bigint;
      row = row.map((value, i) => value * scale - factor * (base[i] as bigint));
      const divisor = row.reduce((g, value) => gcd(g, value), 0n);
      if (divisor > 1n) row = row.map((value) => value / divisor);
    }
    return row;
  };
  for (const vector of known) {
    const row = reduce(vector);
    const pivot = row.findIndex((value) => value !== 0n);
    if (pivot >= 0) basis.push({ pivot, row });
  }
  return reduce(target).every((value) => value === 0n);
}
