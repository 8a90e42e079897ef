// Small arithmetic written as gates instead of `+` / `-`. Synthesis maps `+` to a carry chain that
// no other logic can share; for a few bits, gates let the LUT mapper fold the arithmetic into the
// logic around it (the shifter's selects, the sign), which is smaller on LUT4 and LUT6 parts.

import { cat, type Expr } from '../../dsl/index.js';

/** a + b for unsigned operands, width max + 1, as a ripple of full adders. */
export function gateAdd(a: Expr, b: Expr): Expr {
  const w = Math.max(a.width, b.width);
  const x = a.zext(w), y = b.zext(w);
  const bits: Expr[] = [];
  let carry: Expr | undefined;
  for (let i = 0; i < w; i++) {
    const ai = x.bit(i), bi = y.bit(i);
    const half = ai.xor(bi);
    bits.push(carry ? half.xor(carry) : half);
    const gen = ai.and(bi);
    carry = carry ? gen.or(half.and(carry)) : gen;
  }
  return cat(carry!, ...bits.reverse());
}

/** neg ? −x : x for an unsigned x, as SInt(width + 1): bit i flips when neg and a lower bit is set. */
export function gateConditionalNegate(x: Expr, neg: Expr): Expr {
  const w = x.width + 1;
  const v = x.zext(w);
  const bits: Expr[] = [v.bit(0)];
  let anyBelow = v.bit(0);
  for (let i = 1; i < w; i++) {
    bits.push(v.bit(i).xor(neg.and(anyBelow)));
    anyBelow = anyBelow.or(v.bit(i));
  }
  return cat(...bits.reverse()).asSInt();
}
