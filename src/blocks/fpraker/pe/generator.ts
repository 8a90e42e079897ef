// fpraker.pe: FPRaker's processing element (docs/training-accelerators.md). A group of L bf16 pairs
// is loaded; at its first cycle the window exponent rises for the group's largest term and the
// accumulator, the terms below the window are dropped from each lane's non-adjacent form, and every
// cycle each lane adds its largest remaining term (B shifted by k + pe − 268 − E, truncated toward
// zero) until no lane has one. After the last group, the window is rounded to float32.

import { Bool, cat, defineModule, lit, mux, numbered, reg, SInt, std, streamIn, streamOut, UInt, when, type Expr, type HwType } from '../../../dsl/index.js';
import { CYCLE_BITS, E_START, EXP_BITS, headroom, type FprakerParams } from './params.js';
import { roundWindowToF32 } from './round.js';

export { params } from './params.js';

const QNAN = 0x7fc00000;
const T = SInt(12); // exponent arithmetic

/** The non-adjacent form of an 8-bit x as masks of +1 and −1 digits (positions 0 … 8). */
function nafMasks(x: Expr): { pos: Expr; neg: Expr } {
  const x10 = x.zext(10), x3 = x10.addWrap(x10.shl(1).trunc(10)), diff = x3.xor(x10);
  return { pos: x3.and(diff).bits(9, 1), neg: x10.and(diff).bits(9, 1) };
}

/** The index of the highest set bit of a 9-bit mask (valid when it is not 0). */
const highest = (m: Expr) => lit(8, UInt(4)).subWrap(std.leadingZeros(m).trunc(4));

export const fprakerPe = defineModule('fpraker_pe', (p: FprakerParams) => {
  const L = p.lanes, W = p.accBits, top = W - 1 - headroom(p);
  const inp = streamIn<Record<string, HwType>>({ in_last: Bool, ...numbered('a', L, UInt(16)), ...numbered('b', L, UInt(16)) });
  const out = streamOut({ result: UInt(32), cycles: UInt(CYCLE_BITS) });
  const d = inp.data;

  // The loaded group: per lane the sign, B, pe and the remaining terms.
  const gFull = reg('g_full', Bool, { init: 0 }), gFresh = reg('g_fresh', Bool, { init: 0 }), gLast = reg('g_last', Bool, { init: 0 }), gSpecial = reg('g_special', Bool, { init: 0 });
  const lanes = Array.from({ length: L }, (_, i) => ({
    neg: reg(`neg${i}`, Bool, { init: 0 }), B: reg(`bsig${i}`, UInt(8), { init: 0 }), pe: reg(`pe${i}`, UInt(9), { init: 0 }),
    pos: reg(`pos${i}`, UInt(9), { init: 0 }), mneg: reg(`mneg${i}`, UInt(9), { init: 0 }),
  }));
  const S = reg('acc', SInt(W), { init: 0 }), E = reg('e', SInt(EXP_BITS), { init: E_START });
  const special = reg('special', Bool, { init: 0 }), cycles = reg('cycles', UInt(CYCLE_BITS), { init: 0 });
  const fin = reg('fin', Bool, { init: 0 });
  const oValid = reg('o_valid', Bool, { init: 0 }), oResult = reg('o_result', UInt(32), { init: 0 }), oCycles = reg('o_cycles', UInt(CYCLE_BITS), { init: 0 });

  // ---- The group's first cycle: the new window exponent and the skip thresholds.
  const tops = lanes.map((l) => {
    const m = l.pos.or(l.mneg);
    return { any: m.orR(), t: highest(m).zext(12).asSInt().addWrap(l.pe.zext(12).asSInt()).subWrap(lit(260, T)) }; // T of the top term
  });
  const tmax = tops.reduce((acc, x) => ({ any: acc.any.or(x.any), t: mux(x.any.and(acc.any.not().or(x.t.gt(acc.t))), x.t, acc.t) }));
  const e12 = E.ext(12);
  const mag = mux(S.bit(W - 1), lit(0, SInt(W)).subWrap(S), S).asUInt();
  const over = lit(W, T).subWrap(std.leadingZeros(mag).zext(12).asSInt()).subWrap(lit(top, T)); // bitlen(|S|) − top
  const byAcc = e12.addWrap(mux(over.gt(0), over, lit(0, T)));
  const byTerms = mux(tmax.any, tmax.t.subWrap(lit(top, T)), lit(E_START, T));
  const eNew0 = mux(byAcc.gt(byTerms), byAcc, byTerms);
  const eFirst = mux(eNew0.gt(e12), eNew0, e12);
  const eNow = mux(gFresh, eFirst, e12);
  const rise = eNow.subWrap(e12); // 0 after the first cycle
  const riseC = mux(rise.gt(W), lit(W, T), rise).trunc(Math.ceil(Math.log2(W + 1)));
  const sAligned = mux(S.bit(W - 1), lit(0, SInt(W)).subWrap(std.barrelShift(mag, riseC, 'right-logical').asSInt()), std.barrelShift(mag, riseC, 'right-logical').asSInt());

  // ---- This cycle's terms: each lane's largest remaining one, above the window.
  const active = gFull.and(fin.not());
  const contributions: Expr[] = [];
  const nextMasks = lanes.map((l, i) => {
    // Terms with k ≤ E + 260 − pe are skipped: kept are those above the threshold.
    const thr = eNow.addWrap(lit(260, T)).subWrap(l.pe.zext(12).asSInt());
    const above = Array.from({ length: 9 }, (_, k) => lit(k, T).gt(thr));
    const keepMask = cat(...above.slice().reverse()).named(`keep${i}`);
    const pos = mux(gFresh, l.pos.and(keepMask), l.pos), neg = mux(gFresh, l.mneg.and(keepMask), l.mneg);
    const m = pos.or(neg), has = m.orR(), k = highest(m);
    const isNeg = std.barrelShift(neg, k, 'right-logical').bit(0);
    const amt = k.zext(12).asSInt().addWrap(l.pe.zext(12).asSInt()).subWrap(eNow).subWrap(lit(261, T)); // sh + 7 = k + pe − 268 − E + 7
    const wide = std.barrelShift(l.B.zext(W + 7), amt.trunc(Math.ceil(Math.log2(W + 7))), 'left').bits(W + 6, 7).zext(W); // truncated toward zero
    const c = mux(has, wide, lit(0, UInt(W))).asSInt();
    contributions.push(mux(isNeg.xor(l.neg), lit(0, SInt(W)).subWrap(c), c).named(`term${i}`));
    const cleared = m.and(std.barrelShift(lit(1, UInt(9)), k, 'left').not());
    return { pos: pos.and(cleared), neg: neg.and(cleared), left: cleared.orR() };
  });
  const sum = std.adderTree(contributions).trunc(W);
  const groupDone = active.and(nextMasks.map((x) => x.left).reduce((a, b) => a.or(b)).not()).named('group_done');

  // ---- Loading the next group: into a free register, or as the current one finishes (it waits out
  // the rounding cycle after a dot product's last group).
  inp.ready.set(gFull.not().or(groupDone));
  when(active, () => {
    S.set(sAligned.addWrap(sum));
    E.set(eNow.trunc(EXP_BITS));
    cycles.set(cycles.addWrap(1));
    gFresh.set(0);
    when(gFresh.and(gSpecial), () => special.set(1)); // a group's NaN/Inf counts when it is processed, in its own dot product
    lanes.forEach((l, i) => { l.pos.set(nextMasks[i]!.pos); l.mneg.set(nextMasks[i]!.neg); });
    when(groupDone, () => { gFull.set(0); when(gLast, () => fin.set(1)); });
  });
  const loadSpecial = Array.from({ length: L }, (_, i) => d[`a${i}`]!.bits(14, 7).andR().or(d[`b${i}`]!.bits(14, 7).andR())).reduce((a, b) => a.or(b));
  when(inp.fire, () => {
    gSpecial.set(loadSpecial);
    gFull.set(1); gFresh.set(1); gLast.set(d.in_last!);
    lanes.forEach((l, i) => {
      const a = d[`a${i}`]!, b = d[`b${i}`]!;
      const ea = a.bits(14, 7), eb = b.bits(14, 7);
      const sa = cat(ea.ne(0), a.bits(6, 0)), sb = cat(eb.ne(0), b.bits(6, 0));
      const sp = ea.andR().or(eb.andR()), empty = sp.or(sa.orR().not()).or(sb.orR().not());
      const t = nafMasks(sa);
      l.neg.set(a.bit(15).xor(b.bit(15)));
      l.B.set(sb);
      l.pe.set(mux(ea.eq(0), lit(1, UInt(8)), ea).zext(9).addWrap(mux(eb.eq(0), lit(1, UInt(8)), eb).zext(9)));
      l.pos.set(mux(empty, lit(0, UInt(9)), t.pos));
      l.mneg.set(mux(empty, lit(0, UInt(9)), t.neg));
    });
  });

  // ---- After the last group: round, send, start over.
  const slotFree = oValid.not().or(out.ready);
  when(fin.and(slotFree), () => {
    oResult.set(mux(special, lit(QNAN, UInt(32)), roundWindowToF32(S, E)));
    oCycles.set(cycles);
    oValid.set(1);
    fin.set(0);
    S.set(lit(0, SInt(W))); E.set(lit(E_START, SInt(EXP_BITS))); cycles.set(lit(0, UInt(CYCLE_BITS)));
    special.set(0);
  }).elseWhen(out.ready, () => oValid.set(0));

  out.valid.set(oValid);
  out.data.result.set(oResult);
  out.data.cycles.set(oCycles);
});
