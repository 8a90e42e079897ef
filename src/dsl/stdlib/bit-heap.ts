// A bit heap: words and single bits at any weights, summed exactly. Measured with Yosys 0.55, the
// carry chain is one LUT per bit for two operands on iCE40 (LUT4 + carry) and 7-series (LUT6 +
// CARRY4); a full adder as logic is two LUT4s, a 6:3 counter three LUT6 (Yosys does not pack
// dual-output LUTs). So by default the heap is compressed by carry chains, level by level, and the
// single bits ride free where a chain has room: as its carry-in (the bit at the chain's lowest
// weight) or in the zero bits below an operand that starts higher than its partner. That makes
// ones'-complement negation cheap: −x is ~x plus a bit, and the bit costs no LUT. Counter trees
// (counter-tree.ts) are the other compressor: as many LUTs on LUT6 at half the depth.

import { report, currentModule } from '../context.js';
import { cat, lit, poison, type Expr } from '../expr.js';
import { reg } from '../module.js';
import { UInt } from '../types.js';
import { counterSum } from './counter-tree.js';
import type { Fabric } from './fabric.js';

interface Word { value: Expr; weight: number }
interface Bit { bit: Expr; weight: number }

export interface HeapSumOptions {
  /** A register after every `every` compression levels (0: combinational). */
  readonly every?: number;
  /** Register name prefix. */
  readonly name?: string;
  /** How a carry-in enters a chain (see addPair); default: the form that places on every fabric (lut4's). */
  readonly fabric?: Fabric;
  /**
   * chains (default): carry chains level by level; counters: columns reduced by 6:3 (lut6) or 3:2
   * (lut4 and no fabric) counters written as logic, then one chain (counter-tree.ts; not registered
   * by `every`); auto: AUTO_COMPRESSOR's for the fabric (chains without one).
   */
  readonly compressor?: 'chains' | 'counters' | 'auto';
}

/**
 * What `compressor: auto` picks per fabric, from the measurements (Yosys 0.55, bench/results/qor.md
 * "Compressors"). On LUT4 chains: a full adder is two LUT4s for one bit removed (a 64-bit popcount 81
 * LUTs as chains, 116 as counters; 32 × 12-bit words 429 against 740). On LUT6 counters: as many
 * LUTs as chains (popcount 68 against 78, the words 404 against 398) at half the logic levels (5
 * against 12, 6 against 10). Where a block's products are wide shifted words, chains stay cheaper on
 * LUT6 too (mx.dot asks for them).
 */
export const AUTO_COMPRESSOR: Record<Fabric, 'chains' | 'counters'> = { lut4: 'chains', lut6: 'counters' };

export class BitHeap {
  private readonly words: Word[] = [];
  private readonly bits: Bit[] = [];

  /** Adds x · 2^weight (x signed or unsigned). */
  addWord(x: Expr, weight = 0): this {
    if (validWeight('addWord', weight)) this.words.push({ value: x, weight });
    return this;
  }

  /** Adds b · 2^weight for a 1-bit b. */
  addBit(b: Expr, weight = 0): this {
    if (validWeight('addBit', weight)) this.bits.push({ bit: b.width === 1 ? b.asUInt() : b.bit(0), weight });
    return this;
  }

  /** The exact sum, LSB at weight 0, signed when any word is. */
  sum(o: HeapSumOptions = {}): Expr {
    return this.sumLevels(o).sum;
  }

  /** The sum and the number of register stages inserted. */
  sumLevels(o: HeapSumOptions = {}): { sum: Expr; stages: number } {
    if (this.words.length === 0 && this.bits.length === 0) {
      const m = currentModule('BitHeap.sum');
      report(m, 'bad-range', 'sum of an empty bit heap', 'add at least one word or bit');
      return { sum: poison(m, UInt(1)), stages: 0 };
    }
    const signed = this.words.some((w) => w.value.signed);
    if (useCounters(o)) {
      const width = widthOf(this.words, this.bits, signed);
      const raw = counterSum({ words: this.words, bits: this.bits }, o.fabric ?? 'lut4', width);
      return { sum: signed ? raw.asSInt() : raw.asUInt(), stages: 0 };
    }
    let words = this.words.map((w) => ({ value: signed && !w.value.signed ? w.value.zext(w.value.width + 1).asSInt() : w.value, weight: w.weight }));
    let pool = [...this.bits];
    if (words.length === 0) {
      // Bits only (a popcount): two thirds become rows, the rest carry-ins of the first chains.
      const split = rowsFromBits(pool, Math.ceil((2 * pool.length) / 3));
      words = split.rows;
      pool = split.left;
    }
    let depth = 0, stages = 0;
    while (words.length > 1 || pool.length > 0) {
      if (words.length < 2) {
        const split = rowsFromBits(pool, Infinity);
        words = [...words, ...split.rows];
        pool = split.left;
        if (words.length < 2) break;
      }
      words.sort((a, b) => a.weight - b.weight);
      const next: Word[] = [];
      for (let i = 0; i + 1 < words.length; i += 2) next.push(addPair(words[i]!, words[i + 1]!, pool, signed, o.fabric));
      if (words.length % 2) next.push(words[words.length - 1]!);
      words = next;
      depth++;
      if (o.every && depth % o.every === 0) {
        words = words.map((w, i) => ({ value: registered(`${o.name ?? 'heap'}_l${depth}_${i}`, w.value), weight: w.weight }));
        pool = pool.map((b, i) => ({ bit: registered(`${o.name ?? 'heap'}_l${depth}_b${i}`, b.bit), weight: b.weight }));
        stages++;
      }
    }
    const top = words[0]!;
    const sum = top.weight > 0 ? (top.value.signed ? cat(top.value, lit(0, UInt(top.weight))).asSInt() : cat(top.value, lit(0, UInt(top.weight)))) : top.value;
    return { sum, stages };
  }
}

function useCounters(o: HeapSumOptions): boolean {
  if (o.compressor === 'counters') return true;
  return o.compressor === 'auto' && o.fabric !== undefined && AUTO_COMPRESSOR[o.fabric] === 'counters';
}

function validWeight(what: string, weight: number): boolean {
  if (Number.isInteger(weight) && weight >= 0) return true;
  report(currentModule(`BitHeap.${what}`), 'bad-range', `BitHeap.${what} at weight ${weight}`, 'weights are whole numbers ≥ 0 (the power of two the term is multiplied by)');
  return false;
}

function registered(name: string, x: Expr): Expr {
  const r = reg(name, x.type);
  r.set(x);
  return r;
}

/** Bits that hold every value the terms can sum to (signed: with its sign bit). */
function widthOf(words: readonly Word[], bits: readonly Bit[], signed: boolean): number {
  let lo = 0n, hi = 0n;
  for (const { value, weight } of words) {
    const k = 1n << BigInt(weight), w = BigInt(value.width);
    if (value.signed) { lo -= (1n << (w - 1n)) * k; hi += ((1n << (w - 1n)) - 1n) * k; } else hi += ((1n << w) - 1n) * k;
  }
  for (const { weight } of bits) hi += 1n << BigInt(weight);
  let n = 1;
  while (signed ? lo < -(1n << BigInt(n - 1)) || hi > (1n << BigInt(n - 1)) - 1n : hi > (1n << BigInt(n)) - 1n) n++;
  return n;
}

/** Takes one bit out of the pool at `weight`, if there is one. */
function take(pool: Bit[], weight: number): Expr | undefined {
  const i = pool.findIndex((b) => b.weight === weight);
  return i < 0 ? undefined : pool.splice(i, 1)[0]!.bit;
}

/**
 * a + b (a.weight ≤ b.weight) as one carry chain at a's weight: b's missing low bits are filled
 * from the pool, and a pool bit at a's weight goes in as the carry-in, through an extra bit below
 * both operands (which also keeps the chain its own: see carryAdd). On LUT6 that bit is the
 * carry-in under both operands (their sum there is 0: no LUT); on LUT4 it is 1 under a and the
 * carry-in under b (1 + cin carries cin), because nextpnr-ice40 cannot route the start of a chain
 * whose first carry has the same net on both inputs (31 such arcs failed on the iCE40 HX8K).
 */
function addPair(a: Word, b: Word, pool: Bit[], signed: boolean, fabric: Fabric | undefined): Word {
  const lo = a.weight, gap = b.weight - lo;
  const fill: Expr[] = [];
  for (let k = gap - 1; k >= 0; k--) fill.push(take(pool, lo + k) ?? lit(0, UInt(1)));
  const bv = gap > 0 ? (b.value.signed ? cat(b.value, ...fill).asSInt() : cat(b.value, ...fill)) : b.value;
  const cin = take(pool, lo);
  const zero = lit(0, UInt(1));
  const underA = cin ? (fabric === 'lut6' ? cin : lit(1, UInt(1))) : zero;
  const pad = (x: Expr, p: Expr) => (signed ? cat(x.signed ? x : x.zext(x.width + 1), p).asSInt() : cat(x, p));
  const s = pad(a.value, underA).add(pad(bv, cin ?? zero));
  const top = s.bits(s.width - 1, 1);
  return { value: signed ? top.asSInt() : top, weight: lo };
}

/**
 * Up to `max` rows from the pool, each one bit of every weight still in it from the lowest to the
 * highest (the holes 0); the bits not placed stay in the pool (carry-ins of the next level).
 */
function rowsFromBits(pool: readonly Bit[], max: number): { rows: Word[]; left: Bit[] } {
  const byWeight = new Map<number, Expr[]>();
  for (const b of pool) byWeight.set(b.weight, [...(byWeight.get(b.weight) ?? []), b.bit]);
  const rows: Word[] = [];
  while (rows.length < max && [...byWeight.values()].some((l) => l.length > 0)) {
    const ws = [...byWeight.keys()].filter((w) => byWeight.get(w)!.length > 0).sort((x, y) => x - y);
    const lo = ws[0]!, hi = ws[ws.length - 1]!;
    const parts: Expr[] = [];
    for (let w = hi; w >= lo; w--) parts.push(byWeight.get(w)?.pop() ?? lit(0, UInt(1)));
    rows.push({ value: cat(...parts), weight: lo });
  }
  const left: Bit[] = [];
  for (const [weight, l] of byWeight) for (const bit of l) left.push({ bit, weight });
  return { rows, left };
}
