// One serial inner product: per cycle, weight plane j of every lane gates activation group i (AND
// gates, B-bit products; the top group signed), an adder tree sums them, and shift-and-add
// accumulates MSB first: inner ← inner·2^B + S over a plane's groups, acc ← acc·2 + inner over the
// planes. The weight's MSB plane is subtracted. Returns the value acc takes at a plane's end
// (the result, in the step's last cycle).

import { cat, lit, mux, reg, SInt, std, when, type Expr } from '../../../dsl/index.js';
import type { SerialControl, SerialShape } from './control.js';

export function serialDot(ctl: SerialControl, s: SerialShape, ws: readonly Expr[], as: readonly Expr[], width: number, name: string): Expr {
  const { Bg, NG } = s;
  const terms = ws.map((w, l) => {
    const chunk = NG === 1 ? as[l]! : as[l]!.shr(ctl.groupShift).bits(Bg - 1, 0);
    const ext = s.signed ? ctl.top.and(chunk.bit(Bg - 1)) : lit(0, chunk.bit(0).type);
    return mux(w.shr(ctl.j).bit(0), cat(ext, chunk).asSInt(), lit(0, SInt(Bg + 1)));
  });
  const S = std.adderTree(terms);
  const signedS = s.signed ? mux(ctl.firstPass, S.neg(), S) : S;
  const inner = reg(`${name}_inner`, SInt(width)), acc = reg(`${name}_acc`, SInt(width));
  const zero = lit(0, SInt(width));
  const innerNew = mux(ctl.top, zero, inner.shlWrap(Bg)).addWrap(signedS.sext(width));
  const accNew = mux(ctl.firstPass, zero, acc.shlWrap(1)).addWrap(innerNew);
  when(ctl.advance, () => {
    inner.set(innerNew);
    when(ctl.passEnd, () => acc.set(accNew));
  });
  return accNew;
}
