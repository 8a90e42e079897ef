// Code sequences and tables for the APack packets' stimulus: the directed corner cases both the
// encoder and the decoder run, and the random ones.

import { buildTable, histogram } from '../table/build.js';
import type { ApackTable } from '../table/table.js';
import { codesFromTable, randomTable } from './packets.js';
import type { CoderParams } from './params.js';

export interface TensorCase { readonly table: ApackTable; readonly codes: number[] }

/** A Laplacian-like tensor around a random centre: what quantized weights look like. */
function laplacian(rng: () => number, p: CoderParams, n: number): number[] {
  const V = 2 ** p.bits, centre = Math.floor(rng() * V), scale = 1 + rng() * V / 16;
  return Array.from({ length: n }, () => {
    const mag = Math.floor(-scale * Math.log(1 - rng()));
    return (((centre + (rng() < 0.5 ? mag : -mag)) % V) + V) % V;
  });
}

/** The table the builder makes for the codes themselves, as the software codec does. */
export function builtTable(codes: readonly number[], p: CoderParams): ApackTable {
  return buildTable(histogram(codes, p.bits), { bits: p.bits, symbols: p.symbols, precision: p.precision });
}

export function directedCases(p: CoderParams): TensorCase[] {
  const V = 2 ** p.bits, T = 2 ** p.precision;
  const rng = (() => { let s = 12345; return () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32); })();
  const built = (codes: number[]) => ({ table: builtTable(codes, p), codes });
  const all = Array.from({ length: Math.min(V, 4096) }, (_, i) => Math.floor((i * V) / Math.min(V, 4096)));
  const single: ApackTable = { bits: p.bits, precision: p.precision, vmin: [0], counts: [T] };
  const cases: TensorCase[] = [
    { table: single, codes: [] }, // empty tensor
    built([]),
    built([0]), built([V - 1]), built([V >> 1]), // one value
    built(Array(300).fill(7 % V)), // one distinct value: no symbol bytes at all
    { table: single, codes: laplacian(rng, p, 200) }, // one range: offsets only
    built(Array.from({ length: 1000 }, () => Math.floor(rng() * V))), // uniform
    built(all), built([...all].sort(() => rng() - 0.5)), // every value
    built(Array.from({ length: 400 }, (_, i) => (i % 2 ? V - 1 : 0))), // extremes
    built(laplacian(rng, p, 2000)),
  ];
  if (p.symbols >= 2 && T >= 2) {
    // A count of 1 against 2^P − 1: coding the rare symbol again and again drives low to the top
    // of the range (long held 0xFF runs), the common one keeps it low (0x00 bytes, carries).
    const two = (c0: number): ApackTable => ({ bits: p.bits, precision: p.precision, vmin: [0, V >> 1], counts: [c0, T - c0] });
    cases.push({ table: two(T - 1), codes: Array(300).fill(V - 1) });
    cases.push({ table: two(1), codes: Array(300).fill(0) });
    cases.push({ table: two(T - 1), codes: Array.from({ length: 600 }, () => (rng() < 0.9 ? V - 1 : 0)) });
    cases.push({ table: two(1), codes: Array.from({ length: 600 }, () => (rng() < 0.9 ? 0 : V - 1)) });
  }
  // The full table, some symbols never coded.
  for (let k = 0; k < 4; k++) {
    let t = randomTable(rng, p, k % 2 === 1);
    while (t.vmin.length < Math.min(p.symbols, 4) && k < 2) t = randomTable(rng, p);
    cases.push({ table: t, codes: codesFromTable(rng, t, 500) });
  }
  return cases;
}

export function randomCase(rng: () => number, p: CoderParams): TensorCase {
  const u = rng();
  const n = u < 0.03 ? 0 : u < 0.25 ? 1 + Math.floor(rng() * 8) : u < 0.95 ? Math.floor(rng() * 300) : Math.floor(rng() * 3000);
  const kind = rng();
  if (kind < 0.35) { const t = randomTable(rng, p); return { table: t, codes: codesFromTable(rng, t, n) }; }
  if (kind < 0.65) { const t = randomTable(rng, p, true); return { table: t, codes: codesFromTable(rng, t, n) }; }
  const codes = laplacian(rng, p, n);
  return { table: builtTable(codes, p), codes };
}
