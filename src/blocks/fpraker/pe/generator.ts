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

/** The largest T among the lanes that have terms, as a tree (log2 L compare levels). */
function maxTree(xs: ReadonlyArray<{ any: Expr; t: Expr }>): { any: Expr; t: Expr } {
  if (xs.length === 1) return xs[0]!;
  const h = Math.ceil(xs.length / 2), a = maxTree(xs.slice(0, h)), b = maxTree(xs.slice(h));
  return { any: a.any.or(b.any), t: mux(b.any.and(a.any.not().or(b.t.gt(a.t))), b.t, a.t) };
}

/** The index of the highest set bit of a 9-bit mask (valid when it is not 0). */
const highest = (m: Expr) => lit(8, UInt(4)).subWrap(std.leadingZeros(m).trunc(4));

export const fprakerPe = defineModule('fpraker_pe', (p: FprakerParams) => {
  const L = p.lanes, W = p.accBits, top = W - 1 - headroom(p);
  const inp = streamIn<Record<string, HwType>>({ in_last: Bool, ...numbered('a', L, UInt(16)), ...numbered('b', L, UInt(16)) });
  const out = streamOut({ result: UInt(32), cycles: UInt(CYCLE_BITS) });
  const d = inp.data;

  // The loaded group: per lane the sign, B, pe, the remaining terms and the largest of them (kept
  // in a register so that no cycle searches the whole mask before its shift and sum), and the
  // group's largest term top T, found as the group loads.
  const gFull = reg('g_full', Bool, { init: 0 }), gFresh = reg('g_fresh', Bool, { init: 0 }), gLast = reg('g_last', Bool, { init: 0 }), gSpecial = reg('g_special', Bool, { init: 0 });
  const gAny = reg('g_any', Bool, { init: 0 }), gTmax = reg('g_tmax', T, { init: 0 });
  const lanes = Array.from({ length: L }, (_, i) => ({
    neg: reg(`neg${i}`, Bool, { init: 0 }), B: reg(`bsig${i}`, UInt(8), { init: 0 }), pe: reg(`pe${i}`, UInt(9), { init: 0 }),
    pos: reg(`pos${i}`, UInt(9), { init: 0 }), mneg: reg(`mneg${i}`, UInt(9), { init: 0 }),
    top: reg(`top${i}`, UInt(4), { init: 0 }), valid: reg(`tvalid${i}`, Bool, { init: 0 }),
  }));
  const S = reg('acc', SInt(W), { init: 0 }), E = reg('e', SInt(EXP_BITS), { init: E_START });
  const special = reg('special', Bool, { init: 0 }), cycles = reg('cycles', UInt(CYCLE_BITS), { init: 0 });
  const fin = reg('fin', Bool, { init: 0 });
  const oValid = reg('o_valid', Bool, { init: 0 }), oResult = reg('o_result', UInt(32), { init: 0 }), oCycles = reg('o_cycles', UInt(CYCLE_BITS), { init: 0 });

  // ---- The group's first cycle: the window exponent rises for its largest term and the accumulator.
  const e12 = E.ext(12);
  const mag = mux(S.bit(W - 1), lit(0, SInt(W)).subWrap(S), S).asUInt();
  const over = lit(W, T).subWrap(std.leadingZeros(mag).zext(12).asSInt()).subWrap(lit(top, T)); // bitlen(|S|) − top
  const byAcc = e12.addWrap(mux(over.gt(0), over, lit(0, T)));
  const byTerms = mux(gAny, gTmax.subWrap(lit(top, T)), lit(E_START, T));
  const eNew0 = mux(byAcc.gt(byTerms), byAcc, byTerms);
  const eFirst = mux(eNew0.gt(e12), eNew0, e12);
  const eNow = mux(gFresh, eFirst, e12);
  const rise = eNow.subWrap(e12); // 0 after the first cycle
  const riseC = mux(rise.gt(W), lit(W, T), rise).trunc(Math.ceil(Math.log2(W + 1)));
  const shifted = std.barrelShift(mag, riseC, 'right-logical').asSInt();
  const sAligned = mux(S.bit(W - 1), lit(0, SInt(W)).subWrap(shifted), shifted);

  // ---- This cycle's terms: each lane's largest remaining one, if it is above the window (its terms
  // fall, and E holds within a group, so a lane whose top is below is done).
  const above = (k: Expr, pe: Expr) => k.zext(12).asSInt().addWrap(pe.zext(12).asSInt()).subWrap(lit(260, T)).gt(eNow); // T = k + pe − 260 > E
  const active = gFull.and(fin.not());
  const contributions: Expr[] = [];
  const next = lanes.map((l, i) => {
    const has = l.valid.and(above(l.top, l.pe)).named(`has${i}`);
    const isNeg = std.barrelShift(l.mneg, l.top, 'right-logical').bit(0);
    const amt = l.top.zext(12).asSInt().addWrap(l.pe.zext(12).asSInt()).subWrap(eNow).subWrap(lit(261, T)); // sh + 7 = k + pe − 268 − E + 7
    const wide = std.barrelShift(l.B.zext(W + 7), amt.trunc(Math.ceil(Math.log2(W + 7))), 'left').bits(W + 6, 7); // truncated toward zero
    const c = mux(has, wide, lit(0, UInt(W))).asSInt();
    contributions.push(mux(isNeg.xor(l.neg), lit(0, SInt(W)).subWrap(c), c).named(`term${i}`));
    const bit = std.barrelShift(lit(1, UInt(9)), l.top, 'left').not();
    const pos = l.pos.and(bit), neg = l.mneg.and(bit), m = pos.or(neg), top2 = highest(m);
    return { has, pos, neg, top: top2, valid: m.orR(), more: has.and(m.orR()).and(above(top2, l.pe)) };
  });
  const sum = std.adderTree(contributions).trunc(W);
  const groupDone = active.and(next.map((x) => x.more).reduce((a, b) => a.or(b)).not()).named('group_done');

  // ---- Loading the next group: into a free register, or as the current one finishes (it waits out
  // the rounding cycle after a dot product's last group).
  inp.ready.set(gFull.not().or(groupDone));
  when(active, () => {
    S.set(sAligned.addWrap(sum));
    E.set(eNow.trunc(EXP_BITS));
    cycles.set(cycles.addWrap(1));
    gFresh.set(0);
    when(gFresh.and(gSpecial), () => special.set(1)); // a group's NaN/Inf counts when it is processed, in its own dot product
    lanes.forEach((l, i) => when(next[i]!.has, () => { l.pos.set(next[i]!.pos); l.mneg.set(next[i]!.neg); l.top.set(next[i]!.top); l.valid.set(next[i]!.valid); }));
    when(groupDone, () => { gFull.set(0); when(gLast, () => fin.set(1)); });
  });
  const loadSpecial = Array.from({ length: L }, (_, i) => d[`a${i}`]!.bits(14, 7).andR().or(d[`b${i}`]!.bits(14, 7).andR())).reduce((a, b) => a.or(b));
  const loads = lanes.map((l, i) => {
    const a = d[`a${i}`]!, b = d[`b${i}`]!;
    const ea = a.bits(14, 7), eb = b.bits(14, 7);
    const sa = cat(ea.ne(0), a.bits(6, 0)), sb = cat(eb.ne(0), b.bits(6, 0));
    const sp = ea.andR().or(eb.andR()), empty = sp.or(sa.orR().not()).or(sb.orR().not());
    const t = nafMasks(sa), m = t.pos.or(t.neg);
    const pe = mux(ea.eq(0), lit(1, UInt(8)), ea).zext(9).addWrap(mux(eb.eq(0), lit(1, UInt(8)), eb).zext(9));
    const k = highest(m), any = empty.not().and(m.orR());
    return { l, neg: a.bit(15).xor(b.bit(15)), sb, pe, pos: mux(empty, lit(0, UInt(9)), t.pos), mneg: mux(empty, lit(0, UInt(9)), t.neg), k, any, t: k.zext(12).asSInt().addWrap(pe.zext(12).asSInt()).subWrap(lit(260, T)) };
  });
  const tmax = maxTree(loads.map((x) => ({ any: x.any, t: x.t })));
  when(inp.fire, () => {
    gSpecial.set(loadSpecial);
    gFull.set(1); gFresh.set(1); gLast.set(d.in_last!);
    gAny.set(tmax.any); gTmax.set(tmax.t);
    for (const x of loads) {
      x.l.neg.set(x.neg); x.l.B.set(x.sb); x.l.pe.set(x.pe);
      x.l.pos.set(x.pos); x.l.mneg.set(x.mneg); x.l.top.set(x.k); x.l.valid.set(x.any);
    }
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
