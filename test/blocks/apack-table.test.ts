// APack table builder: the range program against brute force over every partition, the counts
// against brute force over every allocation, and well-formed tables on corner histograms and wide codes.

import { describe, expect, it } from 'vitest';
import { allocateCounts, buildTable, histogram } from '../../src/blocks/apack/table/build.js';
import { offsetLength, rangeEnd, tableProblem, type ApackTable } from '../../src/blocks/apack/table/table.js';
import { seededRng } from '../../src/cosim/model.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 101);
console.log(`apack table: seed ${SEED}`);

/** The coded size with ideal probabilities N_s / N, as blocks.md §5 states it. */
function idealBits(hist: ArrayLike<number>, starts: readonly number[], V: number): number {
  const N = Array.from(hist).reduce((a, b) => a + b, 0);
  let bits = 0;
  starts.forEach((v, s) => {
    const end = starts[s + 1] ?? V;
    let n = 0;
    for (let x = v; x < end; x++) n += hist[x]!;
    if (n > 0) bits += n * (offsetLength(end - v) - Math.log2(n / N));
  });
  return bits;
}

/** Every way to cut 0 … V − 1 into at most S contiguous ranges. */
function* partitions(V: number, S: number, from = 0, acc: number[] = [0]): Generator<number[]> {
  if (acc.length <= S) yield acc;
  if (acc.length === S) return;
  for (let b = Math.max(from, acc[acc.length - 1]!) + 1; b < V; b++) yield* partitions(V, S, b, [...acc, b]);
}

/** The coded size with the table's own counts. */
function tableBits(hist: ArrayLike<number>, t: ApackTable): number {
  let bits = 0;
  t.vmin.forEach((v, s) => {
    for (let x = v; x < rangeEnd(t, s); x++) if (hist[x]! > 0) bits += hist[x]! * (offsetLength(rangeEnd(t, s) - v) + t.precision - Math.log2(t.counts[s]!));
  });
  return bits;
}

describe('APack table builder', () => {
  it('the ranges are optimal: equal to brute force over every partition (B = 4, S = 1 … 5, random and skewed histograms)', () => {
    const rng = seededRng(SEED);
    for (let trial = 0; trial < 60; trial++) {
      const S = 1 + (trial % 5);
      const hist = Array.from({ length: 16 }, (_, x) => (trial % 3 === 0 ? Math.floor(rng() * 50) : rng() < 0.4 ? 0 : Math.floor(1000 * Math.exp(-Math.min(x, 16 - x) * rng()))));
      const t = buildTable(hist, { bits: 4, symbols: S, precision: 10 });
      expect(tableProblem(t, S)).toBeNull();
      let best = Infinity;
      for (const p of partitions(16, S)) best = Math.min(best, idealBits(hist, p, 16));
      expect(idealBits(hist, t.vmin, 16)).toBeCloseTo(best, 6);
    }
  });

  it('the counts are optimal for their ranges: equal to brute force over every allocation (P = 4 and 5)', () => {
    const rng = seededRng(SEED + 1);
    for (let trial = 0; trial < 40; trial++) {
      const P = 4 + (trial % 2), T = 2 ** P, S = 2 + (trial % 3);
      const totals = Array.from({ length: S }, () => (rng() < 0.2 ? 0 : Math.floor(rng() ** 3 * 1000)));
      if (!totals.some((n) => n > 0)) totals[0] = 5;
      const c = allocateCounts(totals, P);
      expect(c.reduce((a, b) => a + b, 0)).toBe(T);
      totals.forEach((n, s) => expect(n > 0 ? c[s]! >= 1 : c[s] === 0).toBe(true));
      const score = (cs: readonly number[]) => cs.reduce((a, x, s) => a + (totals[s]! > 0 ? totals[s]! * Math.log2(x) : 0), 0);
      let best = -Infinity;
      const walk = (s: number, left: number, acc: number[]): void => {
        if (s === S - 1) { const last = totals[s]! > 0 ? left : 0; if ((totals[s]! > 0 && left >= 1) || (totals[s] === 0 && left === 0)) best = Math.max(best, score([...acc, last])); return; }
        if (totals[s] === 0) { walk(s + 1, left, [...acc, 0]); return; }
        for (let x = 1; x <= left; x++) walk(s + 1, left - x, [...acc, x]);
      };
      walk(0, T, []);
      expect(score(c)).toBeCloseTo(best, 9);
    }
  });

  it('corner histograms give well-formed tables: empty, one value, every value once, two ends (two\'s complement near zero)', () => {
    const V = 256;
    const cases: Record<string, number[]> = {
      empty: new Array(V).fill(0),
      one: Array.from({ length: V }, (_, x) => (x === 77 ? 1000 : 0)),
      uniform: new Array(V).fill(1),
      ends: Array.from({ length: V }, (_, x) => Math.round(10000 * Math.exp(-Math.min(x, V - x) / 4))),
    };
    for (const [name, hist] of Object.entries(cases)) {
      const t = buildTable(hist, { bits: 8, symbols: 16, precision: 10 });
      expect(tableProblem(t, 16), name).toBeNull();
    }
    // One value: its own range of size 1 (no offset bits) with every count: 0 bits per value.
    const one = buildTable(cases.one!, { bits: 8, symbols: 16, precision: 10 });
    const s = one.vmin.findIndex((v, k) => v === 77 && rangeEnd(one, k) === 78);
    expect(s).toBeGreaterThanOrEqual(0);
    expect(one.counts[s]).toBe(1024);
    // Uniform: 8 bits per value, whatever the cut (here within 0.1 %).
    expect(tableBits(cases.uniform!, buildTable(cases.uniform!, { bits: 8, symbols: 16, precision: 10 })) / 256).toBeLessThan(8.01);
  });

  it('16-bit codes (the candidate-boundary program): a Laplacian around zero within 2 % of its entropy', () => {
    const rng = seededRng(SEED + 2);
    const codes = new Uint32Array(200_000);
    for (let i = 0; i < codes.length; i++) {
      const v = Math.round(Math.log(rng() || 1e-12) * 300 * (rng() < 0.5 ? -1 : 1));
      codes[i] = v & 0xffff;
    }
    const hist = histogram(codes, 16), t = buildTable(hist, { bits: 16, symbols: 16, precision: 10 });
    expect(tableProblem(t, 16)).toBeNull();
    let H = 0;
    for (const n of hist) if (n > 0) H -= n * Math.log2(n / codes.length);
    const ratio = tableBits(hist, t) / H;
    console.log(`apack table: 16-bit Laplacian, table / entropy = ${ratio.toFixed(4)}`);
    expect(ratio).toBeLessThan(1.02);
  });
});
