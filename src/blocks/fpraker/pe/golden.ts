// fpraker.pe's golden model, from docs/training-accelerators.md (FPRaker): the NAF terms of each a,
// the window exponent per group, the skip rule, the truncated contributions, the cycle count and one
// float32 rounding, in BigInt. Written from the doc; it shares nothing with the generator.

import type { Vector } from '../../../cosim/model.js';
import { E_START, headroom, type FprakerParams } from './params.js';

export interface Bf16Fields { readonly sign: number; readonly sig: number; readonly exp: number; readonly zero: boolean; readonly special: boolean }

export function bf16Fields(code: number): Bf16Fields {
  const e = (code >> 7) & 0xff, m = code & 0x7f;
  return { sign: code >> 15 & 1, sig: e ? 0x80 | m : m, exp: e ? e : 1, zero: e === 0 && m === 0, special: e === 0xff };
}

/** Non-adjacent form, most significant term first: [k, ±1]. */
export function naf(x: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = 0; x !== 0; k++, x = Math.floor(x / 2)) {
    if (x % 2 !== 0) {
      const d = 2 - (x % 4); // x mod 4 = 1 → +1, 3 → −1
      out.push([k, d]);
      x -= d;
    }
  }
  return out.reverse();
}

const bitLength = (x: bigint) => (x === 0n ? 0 : x.toString(2).length);
/** ⌊|x| / 2^d⌋ with x's sign (truncation toward zero). */
const truncShift = (x: bigint, d: number) => (d <= 0 ? x << BigInt(-d) : x < 0n ? -((-x) >> BigInt(d)) : x >> BigInt(d));

/** S·2^E rounded to float32 (RNE), as a code. */
export function roundF32(S: bigint, E: number): number {
  if (S === 0n) return 0;
  const neg = S < 0n, mag = neg ? -S : S, n = bitLength(mag) - 1;
  const lsb = Math.max(n - 23, -149 - E);
  let q: bigint;
  if (lsb <= 0) q = mag << BigInt(-lsb);
  else {
    q = mag >> BigInt(lsb);
    const rem = mag - (q << BigInt(lsb)), half = 1n << BigInt(lsb - 1);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  }
  const code = BigInt(lsb + E + 149) * 2n ** 23n + q;
  const mag32 = code >= 0x7f800000n ? 0x7f800000 : Number(code);
  return (neg ? 0x80000000 | mag32 : mag32) >>> 0;
}

export interface DotTrace { readonly result: number; readonly cycles: number; readonly groupCycles: number[]; readonly terms: number; readonly skipped: number; readonly special: boolean }

/** One dot product: groups of L (a, b) bf16 code pairs. */
export function fprakerDot(p: FprakerParams, groups: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): DotTrace {
  const W = p.accBits, H = headroom(p), top = W - 1 - H;
  let S = 0n, E = E_START, cycles = 0, terms = 0, skipped = 0, special = false;
  const groupCycles: number[] = [];
  for (const g of groups) {
    const lanes = g.map(([a, b]) => {
      const fa = bf16Fields(a), fb = bf16Fields(b);
      if (fa.special || fb.special) special = true;
      const empty = fa.special || fb.special || fa.zero || fb.zero;
      return { neg: (fa.sign ^ fb.sign) === 1, B: BigInt(fb.sig), pe: fa.exp + fb.exp, terms: empty ? [] : naf(fa.sig) };
    });
    let tmax = -Infinity;
    for (const l of lanes) for (const [k] of l.terms) tmax = Math.max(tmax, k + 8 + l.pe - 268);
    const byAcc = E + Math.max(0, bitLength(S < 0n ? -S : S) - top);
    const En = Math.max(E, tmax - top, byAcc);
    S = truncShift(S, En - E);
    E = En;
    let most = 0;
    for (const l of lanes) {
      let used = 0;
      for (const [k, s] of l.terms) {
        if (k + 8 + l.pe - 268 <= E) { skipped++; continue; }
        used++;
        const c = truncShift(l.B, E - (k + l.pe - 268));
        S += (s < 0) !== l.neg ? -c : c;
      }
      terms += used;
      most = Math.max(most, used);
    }
    groupCycles.push(Math.max(1, most));
    cycles += Math.max(1, most);
  }
  return { result: special ? 0x7fc00000 : roundF32(BigInt.asIntN(W, S), E), cycles, groupCycles, terms, skipped, special };
}

/** Packets: beats of L pairs (a<i>, b<i>), the last with in_last → { result, cycles }. */
export function peGolden(p: FprakerParams) {
  return (beats: Vector[]): Vector[] => {
    const groups = beats.map((v) => Array.from({ length: p.lanes }, (_, i) => [Number(v[`a${i}`] ?? 0n), Number(v[`b${i}`] ?? 0n)] as const));
    const t = fprakerDot(p, groups);
    return [{ result: BigInt(t.result), cycles: BigInt(t.cycles) }];
  };
}
