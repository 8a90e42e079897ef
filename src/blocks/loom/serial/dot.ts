// One serial inner product: per cycle, weight plane j of every lane gates activation group i (AND
// gates, B-bit products; the top group signed), an adder tree sums them, and shift-and-add
// accumulates MSB first: inner ← inner·2^B + S over a plane's groups, acc ← acc·2 + inner over the
// planes. The weight's MSB plane is subtracted. Returns the value acc takes at a plane's end
// (the result, in the step's last cycle of the last stage).
//
// Stages (control.ts), in the order they pay off: 1 puts acc a cycle behind inner (it adds the inner
// register, not inner's next value: one carry chain per cycle instead of two), 2 registers the tree's
// sum, 3 registers the lane terms before the tree.

import { cat, lit, mux, reg, SInt, std, when, type Expr } from '../../../dsl/index.js';
import type { SerialControl, SerialShape } from './control.js';

export function serialDot(ctl: SerialControl, s: SerialShape, ws: readonly Expr[], as: readonly Expr[], width: number, name: string): Expr {
  const { Bg, NG, stages } = s;
  const kTree = stages >= 3 ? 1 : 0, kInner = kTree + (stages >= 2 ? 1 : 0), kAcc = stages;
  const piped = (reg_: string, e: Expr) => { const r = reg(reg_, e.type, { en: ctl.go }); r.set(e); return r; };
  const c0 = ctl.stage(0);
  const terms0 = ws.map((w, l) => {
    const chunk = NG === 1 ? as[l]! : as[l]!.shr(ctl.groupShift).bits(Bg - 1, 0);
    const ext = s.signed ? c0.top.and(chunk.bit(Bg - 1)) : lit(0, chunk.bit(0).type);
    return mux(w.shr(ctl.j).bit(0), cat(ext, chunk).asSInt(), lit(0, SInt(Bg + 1)));
  });
  const terms = kTree > 0 ? terms0.map((t, l) => piped(`${name}_term${l}`, t)) : terms0;
  // The earlier tree (Yosys's full adders): as carry chains, loom.tile (2 × 2, 8 lanes) pipelined to
  // 100 MHz on iCE40 routed at 99.69 MHz, under the stages the estimate chose.
  const tree = std.adderTree(terms, { legacy: true });
  const S = kInner > kTree ? piped(`${name}_sum`, tree) : tree;

  const cI = ctl.stage(kInner), cA = ctl.stage(kAcc);
  const signedS = s.signed ? mux(cI.firstPass, S.neg(), S) : S;
  const inner = reg(`${name}_inner`, SInt(width)), acc = reg(`${name}_acc`, SInt(width));
  const zero = lit(0, SInt(width));
  const innerNew = mux(cI.top, zero, inner.shlWrap(Bg)).addWrap(signedS.sext(width));
  when(cI.valid.and(ctl.go), () => inner.set(innerNew));
  // With an acc stage the plane's sum is in the inner register by the time acc reads it.
  const planeSum = kAcc > kInner ? inner : innerNew;
  const accNew = mux(cA.firstPass, zero, acc.shlWrap(1)).addWrap(planeSum);
  when(cA.valid.and(cA.passEnd).and(ctl.go), () => acc.set(accNew));
  return accNew;
}
