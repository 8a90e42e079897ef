// The beats of apack.encoder and apack.decoder packets, and the tables the stimulus draws. A packet
// carries its table first (one entry per beat, in symbol order), so each packet is self-contained.

import type { Vector } from '../../../cosim/model.js';
import { BitReader } from '../codec/bits.js';
import type { SubStreams } from '../codec/codec.js';
import { RangeDecoder } from '../codec/range-coder.js';
import { cumulative, offsetBits, type ApackTable } from '../table/table.js';
import type { CoderParams } from './params.js';

/** Encoder output beats (out_kind). */
export const KIND_SYMBOL = 0, KIND_OFFSET = 1, KIND_END = 2;
/** Decoder input beats (in_kind): a table entry, the value count, the symbol stream's length, a symbol-stream byte, an offset-stream byte. */
export const IN_TABLE = 0, IN_VALUES = 1, IN_SYMBOL_BYTES = 2, IN_SYMBOL = 3, IN_OFFSET = 4;

/** Encoder input: table beats (in_table, in_value = vmin, in_count), then one beat per code; in_last on the final beat. */
export function encoderPacket(t: ApackTable, codes: ArrayLike<number>): Vector[] {
  const beats: Vector[] = t.vmin.map((v, s) => ({ in_table: 1n, in_value: BigInt(v), in_count: BigInt(t.counts[s]!), in_last: 0n }));
  for (let i = 0; i < codes.length; i++) beats.push({ in_table: 0n, in_value: BigInt(codes[i]!), in_count: 0n, in_last: 0n });
  beats[beats.length - 1]!.in_last = 1n;
  return beats;
}

/** The table and the codes of an encoder packet. */
export function parseEncoderPacket(beats: readonly Vector[], p: CoderParams): { table: ApackTable; codes: number[] } {
  const vmin: number[] = [], counts: number[] = [], codes: number[] = [];
  for (const b of beats) {
    if (b.in_table) { vmin.push(Number(b.in_value)); counts.push(Number(b.in_count)); } else codes.push(Number(b.in_value));
  }
  return { table: { bits: p.bits, precision: p.precision, vmin, counts }, codes };
}

/** A random well-formed table: S′ ≤ S ranges, counts summing to 2^P, some symbols with count 0 (never coded). */
export function randomTable(rng: () => number, p: CoderParams, skew = false): ApackTable {
  const S = 1 + Math.floor(rng() * p.symbols), V = 2 ** p.bits, T = 2 ** p.precision;
  const starts = new Set<number>([0]);
  while (starts.size < S) starts.add(Math.floor(rng() * V));
  const vmin = [...starts].sort((a, b) => a - b);
  const weights: number[] = vmin.map(() => (rng() < 0.2 ? 0 : skew ? rng() ** 6 : rng()));
  if (!weights.some((w) => w > 0)) weights[Math.floor(rng() * S)] = 1;
  // Every weighted symbol gets at least 1; the rest in proportion, the remainder to the heaviest.
  for (let k = weights.length - 1; weights.filter((w) => w > 0).length > T; k--) weights[k] = 0; // more symbols than counts
  const used = weights.filter((w) => w > 0).length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => (w > 0 ? 1 + Math.floor(((T - used) * w) / sum) : 0));
  const heaviest = weights.indexOf(Math.max(...weights));
  counts[heaviest]! += T - counts.reduce((a, b) => a + b, 0);
  return { bits: p.bits, precision: p.precision, vmin, counts };
}

/** n codes drawn from the table's own distribution (symbol by count, offset uniform in its range). */
export function codesFromTable(rng: () => number, t: ApackTable, n: number): number[] {
  const cum = cumulative(t), T = 2 ** t.precision, V = 2 ** t.bits;
  return Array.from({ length: n }, () => {
    const u = Math.floor(rng() * T);
    let s = 0;
    while (cum[s + 1]! <= u) s++;
    const lo = t.vmin[s]!, hi = t.vmin[s + 1] ?? V;
    return lo + Math.floor(rng() * (hi - lo));
  });
}

/**
 * Decoder input: table beats (in_kind 0, in_data = vmin | count << B), the value count (1), the
 * symbol stream's length in bytes (2), then the symbol-stream (3) and offset-stream (4) bytes in
 * the order the software decoder first needs them, value by value: the code's first four bytes,
 * then each value's renormalisation bytes and the offset bytes its bits reach. Within a value the
 * two kinds are shuffled when `rng` is given (any such order decodes). in_last on the final beat.
 */
export function decoderPacket(t: ApackTable, sub: SubStreams, rng?: () => number): Vector[] {
  const B = t.bits, beats: Vector[] = t.vmin.map((v, s) => ({ in_kind: BigInt(IN_TABLE), in_data: BigInt(v + t.counts[s]! * 2 ** B), in_last: 0n }));
  beats.push({ in_kind: BigInt(IN_VALUES), in_data: BigInt(sub.values), in_last: 0n }, { in_kind: BigInt(IN_SYMBOL_BYTES), in_data: BigInt(sub.symbols.length), in_last: 0n });
  const cum = cumulative(t), ol = t.vmin.map((_, s) => offsetBits(t, s));
  const dec = new RangeDecoder(sub.symbols, t.precision), bits = new BitReader(sub.offsets);
  let symSent = 0, offSent = 0;
  const group = (symTo: number, offTo: number) => {
    const sym: Vector[] = [], off: Vector[] = [];
    for (; symSent < Math.min(symTo, sub.symbols.length); symSent++) sym.push({ in_kind: BigInt(IN_SYMBOL), in_data: BigInt(sub.symbols[symSent]!), in_last: 0n });
    for (; offSent < offTo; offSent++) off.push({ in_kind: BigInt(IN_OFFSET), in_data: BigInt(sub.offsets[offSent]!), in_last: 0n });
    while (sym.length || off.length) beats.push((off.length === 0 || (sym.length && (!rng || rng() < 0.5)) ? sym : off).shift()!);
  };
  group(dec.position, 0);
  for (let i = 0; i < sub.values; i++) {
    const s = dec.decode(cum);
    bits.read(ol[s]!);
    group(dec.position, Math.ceil(bits.position / 8));
  }
  group(Infinity, sub.offsets.length); // nothing left for a well-formed stream
  beats[beats.length - 1]!.in_last = 1n;
  return beats;
}

/** The table and the two streams of a decoder packet. */
export function parseDecoderPacket(beats: readonly Vector[], p: CoderParams): { table: ApackTable; sub: SubStreams } {
  const vmin: number[] = [], counts: number[] = [], sym: number[] = [], off: number[] = [];
  let values = 0;
  for (const b of beats) {
    const d = Number(b.in_data), kind = Number(b.in_kind);
    if (kind === IN_TABLE) { vmin.push(d % 2 ** p.bits); counts.push(Math.floor(d / 2 ** p.bits)); }
    else if (kind === IN_VALUES) values = d;
    else if (kind === IN_SYMBOL) sym.push(d & 0xff);
    else if (kind === IN_OFFSET) off.push(d & 0xff);
  }
  return { table: { bits: p.bits, precision: p.precision, vmin, counts }, sub: { values, symbols: Uint8Array.from(sym), offsets: Uint8Array.from(off) } };
}
