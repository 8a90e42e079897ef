/** ceil(log2(n)) for n >= 1: the bits needed to index n things. */
export function clog2(n: number): number {
  let b = 0;
  while (2 ** b < n) b++;
  return b;
}

/** Bits needed to hold the values 0..n. */
export function bitsFor(n: number): number {
  return Math.max(1, clog2(n + 1));
}
