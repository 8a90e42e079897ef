// loom.sip: Loom's serial inner-product unit. L lanes, each holding one weight and one activation;
// per cycle one weight bit plane j and one group of B activation bits i: Σ_lanes w_j · a_i through
// AND gates (B-bit products) and an adder tree, accumulated with weight 2^(i·B + j). Two's complement:
// the weight's MSB plane is subtracted and the activation's top group is read as a signed number
// (the activation is sign-extended from Pa at load), so the result is the exact Σ w·a.
// Shift-and-add instead of a shifter: both loops run MSB first (Horner), so the group sum enters
// `inner` (inner·2^B + S) and each finished plane enters `acc` (acc·2 + inner).
// Handshake: valid/ready in (operands and runtime Pa, Pw), valid/ready out. A step takes ⌈Pa/B⌉·Pw
// cycles (conv) or Pw (fc); the next operands are taken in the step's last cycle, so back-to-back
// steps cost exactly that; the result appears the cycle after the last one and waits for out_ready.

import { Bool, cat, defineModule, input, lit, mux, output, reg, SInt, std, UInt, when, type Expr } from '../../../dsl/index.js';
import { clampPrecisionHw, precisionWidth } from '../precision-range.js';
import { counterWidth, groupBits, maxGroups, resultWidth, type SipParams } from './params.js';

export const loomSip = defineModule('loom_sip', (p: SipParams) => {
  const L = p.lanes, P = p.maxPrecision, Bg = groupBits(p), NG = maxGroups(p), Pext = NG * Bg;
  const pwid = precisionWidth(P), Wout = resultWidth(p);
  const Wi = Math.max(Wout, 2 * P + std.clog2(L)) + 3; // inner and acc: every Horner prefix fits
  const gw = counterWidth(NG), jw = counterWidth(P);

  const inValid = input('in_valid', Bool), outReady = input('out_ready', Bool);
  const ws = Array.from({ length: L }, (_, l) => input(`w${l}`, UInt(P)));
  const as = Array.from({ length: L }, (_, l) => input(`a${l}`, UInt(P)));
  const paIn = input('pa', UInt(pwid)), pwIn = input('pw', UInt(pwid));
  const inReady = output('in_ready', Bool), outValid = output('out_valid', Bool), result = output('result', UInt(Wout));

  const busy = reg('busy', Bool, { init: 0 });
  const outV = reg('out_valid_q', Bool, { init: 0 }), outD = reg('result_q', UInt(Wout), { init: 0 });
  const wRegs = ws.map((_, l) => reg(`w_r${l}`, UInt(P)));
  const aRegs = as.map((_, l) => reg(`a_r${l}`, UInt(Pext)));
  const iTop = reg('i_top', UInt(gw)), i = reg('i', UInt(gw)), j = reg('j', UInt(jw)), firstPass = reg('first_pass', Bool);
  const inner = reg('inner', SInt(Wi)), acc = reg('acc', SInt(Wi));

  // One cycle: weight bit j of every lane gates activation group i; the top group is signed.
  const top = i.eq(iTop);
  const groupShift = Bg === 1 ? i : cat(i, lit(0, UInt(std.clog2(Bg))));
  const terms = wRegs.map((w, l) => {
    const chunk = NG === 1 ? aRegs[l]! : aRegs[l]!.shr(groupShift).bits(Bg - 1, 0);
    const ext = p.signed ? top.and(chunk.bit(Bg - 1)) : lit(0, Bool);
    return mux(w.shr(j).bit(0), cat(ext, chunk).asSInt(), lit(0, SInt(Bg + 1)));
  });
  const S = std.adderTree(terms);
  const signedS = p.signed ? mux(firstPass, S.neg(), S) : S; // the first plane is the weight's MSB
  const zero = lit(0, SInt(Wi));
  const innerNew = mux(top, zero, inner.shlWrap(Bg)).addWrap(signedS.sext(Wi));
  const accNew = mux(firstPass, zero, acc.shlWrap(1)).addWrap(innerNew);
  const passEnd = i.eq(lit(0, UInt(gw)));
  const lastStep = busy.and(passEnd).and(j.eq(lit(0, UInt(jw))));
  const canFinish = outV.not().or(outReady);
  const ready = busy.not().or(lastStep.and(canFinish));
  inReady.set(ready);

  when(outV.and(outReady), () => outV.set(lit(0, Bool)));
  when(busy.and(lastStep.not().or(canFinish)), () => {
    inner.set(innerNew);
    when(passEnd, () => {
      acc.set(accNew);
      i.set(iTop);
      j.set(j.subWrap(lit(1, UInt(jw))));
      firstPass.set(lit(0, Bool));
    }).otherwise(() => i.set(i.subWrap(lit(1, UInt(gw)))));
    when(lastStep, () => {
      outV.set(lit(1, Bool));
      outD.set(accNew.bits(Wout - 1, 0));
      busy.set(lit(0, Bool));
    });
  });

  // Load: the activation keeps its low Pa bits, sign-extended (signed) or zero-extended to Pext bits.
  const paE = clampPrecisionHw(paIn, P), pwE = clampPrecisionHw(pwIn, P);
  const keep = Array.from({ length: P + 1 }, (_, k) => (k < P ? paE.gt(lit(k, UInt(pwid))) : lit(0, Bool)));
  const extended = (a: Expr) => {
    const sign = p.signed ? keep.slice(0, P).map((m, k) => a.bit(k).and(m).and(keep[k + 1]!.not())).reduce((x, y) => x.or(y)) : lit(0, Bool);
    const bits = Array.from({ length: Pext }, (_, k) => (k < P ? a.bit(k).and(keep[k]!).or(sign.and(keep[k]!.not())) : sign));
    return cat(...bits.reverse());
  };
  const log2B = std.clog2(Bg);
  const iTopNew = NG === 1 ? lit(0, UInt(gw)) : paE.subWrap(lit(1, UInt(pwid))).shr(log2B).bits(gw - 1, 0);
  when(inValid.and(ready), () => {
    wRegs.forEach((r, l) => r.set(ws[l]!));
    aRegs.forEach((r, l) => r.set(extended(as[l]!)));
    iTop.set(iTopNew);
    i.set(iTopNew);
    j.set(pwE.subWrap(lit(1, UInt(pwid))).bits(jw - 1, 0));
    firstPass.set(lit(1, Bool));
    busy.set(lit(1, Bool));
  });

  outValid.set(outV);
  result.set(outD);
});
