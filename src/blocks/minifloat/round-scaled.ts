// Rounding a magnitude whose exponent is only known at run time into a float format, once: an MX
// block sum scaled by two e8m0 scales, or a float32 input divided by a block's shared exponent.
// round.ts does the same for a fixed LSB. Here the normalizing left shift is clamped so the exponent
// never goes below emin (and never beyond the bound the caller proves), values below emin are
// shifted right into the subnormal grid with a sticky bit, and rounding adds to the code.

import { cat, lit, mux, SInt, std, UInt, type Expr } from '../../dsl/index.js';
import { emin, type FloatFormat } from '../../numerics/format.js';
import { finishCode, type HwRoundMode } from './round.js';

export type ScaledRoundMode = HwRoundMode | 'stochastic';

export interface ScaledValue {
  /** Sign of the value (of a zero too). */
  readonly neg: Expr;
  /** Magnitude, UInt(W). */
  readonly mag: Expr;
  /** SInt: the weight of mag's top bit is 2^exp. */
  readonly exp: Expr;
  /** Static bounds of exp (they size the shifters). */
  readonly expMin: number;
  readonly expMax: number;
  /** The largest normalizing left shift that can matter (callers that know their leading zeros are few). */
  readonly maxNormShift?: number;
  readonly nan?: Expr | undefined;
  readonly pinf?: Expr | undefined;
  readonly ninf?: Expr | undefined;
  /** UInt(R): the random bits of stochastic rounding, added below the kept LSB. */
  readonly random?: Expr;
}

export const bitLen = (n: number) => Math.max(1, Math.ceil(Math.log2(n + 1)));

/** items[idx] as a balanced mux tree on idx's bits (indices past the end give 0). */
export function pick(idx: Expr, items: readonly Expr[]): Expr {
  const zero = lit(0, items[0]!.type);
  let level = items.slice();
  for (let b = 0; b < idx.width; b++) {
    if (level.length === 1 && b > 0) return mux(idx.bits(idx.width - 1, b).orR(), zero, level[0]!);
    const next: Expr[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(mux(idx.bit(b), level[i + 1] ?? zero, level[i]!));
    level = next;
  }
  return level[0]!;
}

/**
 * OR of x's bits [j..0], for every j, as a parallel-prefix (Sklansky) network: every output is
 * log2(width) ORs deep. Separate reductions per j would be merged by synthesis into one shared chain
 * (ABC keeps the sharing), as deep as the word is wide.
 */
export function prefixOr(x: Expr): Expr[] {
  let p: Expr[] = Array.from({ length: x.width }, (_, j) => x.bit(j));
  // Span s: each upper half of a 2s-block takes the OR of its lower half's last prefix.
  for (let s = 1; s < x.width; s *= 2) { const q = p; p = q.map((v, i) => (i & s ? v.or(q[(i & ~(s - 1)) - 1]!) : v)); }
  return p;
}

/**
 * V shifted left by z = min(its leading zeros among the top Zl + 1 bits, room clamped to 0..Zl; 0 when
 * `negative`): the top Wn bits, and whether a set bit of V fell below them (a prefix OR, picked by z).
 * `room` is SInt: how far the shift may go before the exponent passes its floor.
 */
export function normalizeWindow(V: Expr, Wn: number, Zl: number, room: Expr, negative: Expr): { z: Expr; win: Expr; sticky: Expr } {
  const Wv = V.width;
  let z: Expr = lit(0, UInt(1));
  if (Zl > 0) {
    const zw = bitLen(Zl + 1);
    const lz = std.leadingZeros(V.bits(Wv - 1, Wv - 1 - Zl)).zext(zw); // 0..Zl+1
    const roomC = mux(negative, lit(0, UInt(zw)), mux(room.gt(lit(Zl, room.type)), lit(Zl, UInt(zw)), room.bits(zw - 1, 0)));
    z = mux(lz.lt(roomC), lz, roomC);
  }
  const n = Zl > 0 ? std.barrelShift(V, z, 'left') : V;
  let sticky: Expr = lit(0, UInt(1));
  if (Wv > Wn) {
    const p = prefixOr(V.bits(Wv - Wn - 1, 0));
    sticky = Zl > 0 ? pick(z, Array.from({ length: Zl + 1 }, (_, k) => (Wv - Wn - 1 - k >= 0 ? p[Wv - Wn - 1 - k]! : lit(0, UInt(1))))) : p[Wv - Wn - 1]!;
  }
  return { z, win: n.bits(Wv - 1, Wv - Wn), sticky };
}

/**
 * normalizeWindow and the right shift onto the subnormal grid as one funnel shift: V moves left by
 * t = min(leading zeros, room) when room ≥ 0, right by −room (at most Zr) below it. The window is
 * read from V padded with Zr zeros above it, largest step first; the sticky bit ORs what each step
 * shifts out. On iCE40 this is cheaper than a left shift of V and a right shift of the window, each
 * with a prefix OR picked by its amount: mx.dot's fp32 rounding of a 42-bit sum, 700 → 479 LUTs and
 * 23 → 20 logic levels (on xc7 500 → 461 LUTs but 18 → 21 levels).
 */
export function shiftWindow(V: Expr, Wn: number, Zl: number, Zr: number, room: Expr): { z: Expr; win: Expr; sticky: Expr } {
  const Wv = V.width;
  // The leading one is searched for in n = 2^k bits from V's top (zeros below V if it is shorter):
  // its index i' there is the search's offset complemented, i' = Zl − lz + c with c = n − 1 − Zl.
  const k = bitLen(Zl);
  const n = 2 ** k, c = n - 1 - Zl;
  const top = Wv >= n ? V.bits(Wv - 1, Wv - n) : cat(V, lit(0, UInt(n - Wv)));
  const lead = std.highestOne(top).index; // 0 when V's top n bits are 0: the clamp below wins then
  // q = Zl − room clamped to 0..Zl + Zr (the shift the exponent allows), offset by c like i'.
  const uw = bitLen(Zl + Zr + c);
  const rw = Math.max(room.width, uw + 2); // room's own width need not hold Zl + Zr + c
  const r = room.width < rw ? room.sext(rw) : room;
  const q0 = lit(Zl + c, SInt(rw)).subWrap(r);
  const q = mux(q0.lt(lit(c, SInt(rw))), lit(c, UInt(uw)), mux(q0.gt(lit(Zl + Zr + c, SInt(rw))), lit(Zl + Zr + c, UInt(uw)), q0.bits(uw - 1, 0)));
  // u + c: how far the window sits below its highest place (V shifted left by Zl), plus c.
  const uc = mux(lead.zext(uw).gt(q), lead.zext(uw), q);
  // Q = V with Zr zeros above it, Lp below it and c more for the offset, so every window exists.
  const Lp = Math.max(0, Zl - (Wv - Wn));
  const Q = cat(lit(0, UInt(Zr)), V, ...(Lp > 0 ? [lit(0, UInt(Lp))] : []));
  const offMin = Lp + Wv - Wn - Zl; // the window's lowest bit in Q when u = 0
  const Qc = c > 0 ? cat(Q.bits(Q.width - 1, offMin), lit(0, UInt(c))) : Q.bits(Q.width - 1, offMin);
  // Largest step first, each level only as wide as the smaller steps can still reach (a window
  // read from a wide word); what a step shifts out below the window ORs into the sticky bit.
  let win = Qc;
  let sticky: Expr = offMin > 0 ? Q.bits(offMin - 1, 0).orR() : lit(0, UInt(1));
  for (let i = uc.width - 1; i >= 0; i--) {
    const st = 2 ** i, need = Math.min(win.width, Wn + st - 1);
    const hi = (j: number) => (j + st < win.width ? win.bit(j + st) : lit(0, UInt(1)));
    sticky = sticky.or(uc.bit(i).and(win.bits(Math.min(st, win.width) - 1, 0).orR()));
    win = cat(...Array.from({ length: need }, (_, j) => mux(uc.bit(i), hi(j), win.bit(j))).reverse());
  }
  win = win.bits(Wn - 1, 0);
  // The left shift z = Zl − u = (n − 1) − (u + c): uc's low k bits complemented when room ≥ 0 (u ≤ Zl).
  const z = mux(room.bit(room.width - 1), lit(0, UInt(k)), uc.bits(k - 1, 0).not());
  return { z, win, sticky };
}

/** normalizeWindow, then the window shifted right by d = emin − exp (at most Zr) with a sticky bit. */
function normalizeThenDenormalize(V: Expr, Wn: number, Zl: number, Zr: number, room: Expr, aboveMin: Expr): { z: Expr; win: Expr; sticky: Expr } {
  const ew = room.width;
  const { z, win, sticky: below } = normalizeWindow(V, Wn, Zl, room, aboveMin.not());
  let sticky = below;
  let sh = win;
  if (Zr > 0) {
    const dw = bitLen(Zr);
    const neg = lit(0, SInt(ew)).subWrap(room); // emin − exp
    const d = mux(aboveMin, lit(0, UInt(dw)), mux(neg.gt(lit(Zr, SInt(ew))), lit(Zr, UInt(dw)), neg.bits(dw - 1, 0)));
    sh = std.barrelShift(win, d, 'right-logical');
    const q = prefixOr(win);
    sticky = sticky.or(pick(d, [lit(0, UInt(1)), ...q.slice(0, Zr)]));
  }
  return { z, win: sh, sticky };
}

/**
 * `funnel`: the normalizing and the subnormal shift as one (shiftWindow), where the value is wide and
 * can fall far below emin (mx.dot's sums); otherwise a left shift of V, then a right shift of the window.
 */
export function roundScaled(x: ScaledValue, f: FloatFormat, mode: ScaledRoundMode, o: { sat: boolean; funnel?: boolean }): Expr {
  const M = f.manBits, E0 = emin(f);
  const G = mode === 'stochastic' ? x.random!.width : 1; // bits kept below the LSB
  const Wn = M + 1 + G; // the window: significand (hidden bit on top) and guard bits
  const W = x.mag.width;
  const V = W < Wn ? cat(x.mag, lit(0, UInt(Wn - W))) : x.mag;
  const Wv = V.width;

  // Signed arithmetic on the exponent, wide enough for every difference below.
  const ew = Math.max(bitLen(Math.max(Math.abs(x.expMin - E0), Math.abs(x.expMax - E0)) + Wv + 2) + 1, x.exp.width + 1);
  const room = x.exp.sext(ew).subWrap(lit(E0, SInt(ew))); // exp − emin
  const aboveMin = room.bit(ew - 1).not();

  // Left: z = min(lzc, exp − emin, bound). No set bit leaves V: z never exceeds its leading zeros.
  const Zl = Math.max(0, Math.min(x.maxNormShift ?? Wv - 1, Wv - 1, x.expMax - E0));
  // Right: below emin, d = emin − exp places the value on the subnormal grid (d ≥ Wn: all sticky).
  const Zr = Math.max(0, Math.min(E0 - x.expMin, Wn));
  const { z, win: sh, sticky } = Zr > 0 && o.funnel ? shiftWindow(V, Wn, Zl, Zr, room) : normalizeThenDenormalize(V, Wn, Zl, Zr, room, aboveMin);
  const sig = sh.bits(Wn - 1, G);
  const low = sh.bits(G - 1, 0);

  // code = e1·2^M + sig, e1 = max(exp − emin, 0) − z (0 on the subnormal grid; the hidden bit adds the 1).
  const e1Max = Math.max(0, x.expMax - E0);
  const e1w = bitLen(e1Max);
  const roomPos = mux(aboveMin, room.bits(Math.min(e1w, ew) - 1, 0), lit(0, UInt(Math.min(e1w, ew))));
  const e1 = roomPos.zext(Math.max(e1w, z.width)).subWrap(z.zext(Math.max(e1w, z.width)));
  // e1·2^M + sig: sig's low M bits pass through (nothing to add there), so the carry chain is only
  // as long as the exponent; a whole-word add keeps a chain the width of the code (43 bits for fp32).
  const codeMag0 = M > 0 ? cat(e1.add(sig.bits(sig.width - 1, M)), sig.bits(M - 1, 0)) : e1.add(sig);
  // A zero magnitude never finds its leading one: force its code (the contract covers every other value).
  const codeMag = mux(V.orR(), codeMag0, lit(0, codeMag0.type));
  const inexact = low.orR().or(sticky);
  const up = mode === 'rne' ? low.and(sticky.or(sig.bit(0)))
    : mode === 'rna' ? low
      : mode === 'rtz' ? lit(0, UInt(1))
        : mode === 'rup' ? inexact.and(x.neg.not())
          : mode === 'rdn' ? inexact.and(x.neg)
            : low.add(x.random!).bit(G); // stochastic: a carry out of low + random
  return finishCode(codeMag.add(up), x.neg, f, mode, o.sat, x);
}
