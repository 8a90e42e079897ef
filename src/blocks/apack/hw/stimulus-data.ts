// Code sequences and tables for the APack packets' stimulus: the directed corner cases both the
// encoder and the decoder run, and the random ones.

import { buildTable, histogram } from '../table/build.js';
import { seededRng } from '../../../cosim/model.js';
import { encodeCodes, type SubStreams } from '../codec/codec.js';
import { RangeDecoder } from '../codec/range-coder.js';
import { cumulative, type ApackTable } from '../table/table.js';
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
  const rng = seededRng(12345); // fixed: the directed set never changes
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
  // Carries that turn held 0xFF runs into 0x00 runs: code the symbols that a byte stream full of
  // 00 00 00 runs decodes to; the interval then straddles those byte boundaries for several shifts.
  for (const run of [0x00, 0xff]) cases.push(straddling(rng, p, run));
  // The full table, some symbols never coded.
  for (let k = 0; k < 4; k++) {
    let t = randomTable(rng, p, k % 2 === 1);
    while (t.vmin.length < Math.min(p.symbols, 4) && k < 2) t = randomTable(rng, p);
    cases.push({ table: t, codes: codesFromTable(rng, t, 500) });
  }
  return cases;
}

function straddling(rng: () => number, p: CoderParams, run: number): TensorCase {
  const V = 2 ** p.bits, T = 2 ** p.precision, S = Math.min(p.symbols, 4, V, T);
  const vmin = Array.from({ length: S }, (_, k) => Math.floor((k * V) / S));
  const counts = vmin.map((_, k) => Math.floor(((k + 1) * T) / S) - Math.floor((k * T) / S));
  const table: ApackTable = { bits: p.bits, precision: p.precision, vmin, counts };
  const bytes: number[] = [];
  while (bytes.length < 1200) bytes.push(...(rng() < 0.15 ? [run, run, run, run] : [Math.floor(rng() * 256)]));
  return { table, codes: decodeBytes(rng, table, bytes, 1500).codes };
}

/** The codes a byte stream decodes to under a table (offsets drawn at random), up to n of them or the first undecodable symbol, and the bytes read. */
function decodeBytes(rng: () => number, t: ApackTable, bytes: number[], n: number): { codes: number[]; read: number } {
  const V = 2 ** t.bits, dec = new RangeDecoder(Uint8Array.from(bytes), t.precision), cum = cumulative(t), codes: number[] = [];
  let read = 4;
  try {
    while (codes.length < n) {
      const s = dec.decode(cum);
      codes.push(t.vmin[s]! + Math.floor(rng() * ((t.vmin[s + 1] ?? V) - t.vmin[s]!)));
      read = dec.position;
    }
  } catch { /* a stream that leaves the interval ends the case early */ }
  return { codes, read };
}

/**
 * A decoder case whose first symbol sits exactly on a boundary: the code's first four bytes equal
 * r·cum_s, so `code ≥ r·cum_s` holds with equality (encoder output rarely lands there). The rest of
 * the stream is random bytes; the symbol stream is what the decoder reads of it.
 */
export function boundaryCase(rng: () => number, p: CoderParams): { table: ApackTable; sub: SubStreams; codes: number[] } {
  const t = randomTable(rng, p), cum = cumulative(t);
  const edges = t.vmin.map((_, s) => s).filter((s) => s > 0 && t.counts[s]! > 0);
  const s = edges.length ? edges[Math.floor(rng() * edges.length)]! : 0;
  const start = Math.floor((2 ** 32 - 1) / 2 ** p.precision) * cum[s]!;
  const bytes = [start >>> 24, (start >>> 16) & 0xff, (start >>> 8) & 0xff, start & 0xff];
  const n = Math.floor(rng() * 200);
  while (bytes.length < 4 + 2 * n) bytes.push(Math.floor(rng() * 256));
  const { codes, read } = decodeBytes(rng, t, bytes, n);
  const sub = encodeCodes(codes, t);
  return { table: t, sub: { ...sub, symbols: Uint8Array.from(bytes.slice(0, Math.min(read, bytes.length))) }, codes };
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
