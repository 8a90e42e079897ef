// Random-vector counts per tier (docs/contributing.md): every configuration runs in the fast tier at
// 2·10^4 vectors; the same configurations at 10^5 are the long tier's. A run's title names its count.

export type Tier = 'fast' | 'long';

export const VECTORS: Readonly<Record<Tier, number>> = { fast: 20_000, long: 100_000 };

/** How a title writes a count: 10^5, 2·10^4, else the number. */
export function countLabel(n: number): string {
  return n === 100_000 ? '10^5' : n === 20_000 ? '2·10^4' : String(n);
}
