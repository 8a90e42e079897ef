// A narrow signed value shifted far left, for LUT4 fabrics. The value is shifted by the low b bits
// of the shift into a window of 2B bits (B = 2^b ≥ its width − 1); the window then lands on two
// neighbouring chunks of B output bits, chosen by the high bits. Each output bit is one LUT4 of
// four signals: its two window bits and two per-chunk selects that also encode the fill (0, or
// the sign above the value). A log shifter spends a 2:1 mux per bit per level instead.

import { cat, lit, mux, UInt, type Expr } from '../../dsl/index.js';
import { alignLeft } from './align-left.js';

/**
 * (value << shift) >> offset as a W-bit word, sign-extended when value is signed; `fill` is what
 * enters at the bottom (default 0), as in alignLeft.
 */
export function windowAlign(value: Expr, shift: Expr, offset: number, W: number, fill?: Expr): Expr {
  const n = value.width;
  let b = 1;
  while (2 ** b + 1 < n) b++;
  const B = 2 ** b;
  if (shift.width <= b) return alignLeft(value, shift, offset, W, fill);
  const keep = W + offset;
  const sh = shift.bits(shift.width - 1, b);
  const shMax = 2 ** sh.width - 1;
  const zero = lit(0, UInt(1)), one = lit(1, UInt(1));
  const sign = value.signed ? value.bit(n - 1) : zero;
  // The window: value << (shift mod B), sign-extended to 2B bits (n + B − 1 ≤ 2B).
  const t = alignLeft(value, shift.bits(b - 1, 0), 0, 2 * B, fill);

  const shEq = (m: number) => (m < 0 || m > shMax ? zero : sh.eq(m));
  const bits: Expr[] = [];
  for (let m = 0; m * B < keep; m++) {
    const a = shEq(m), c = shEq(m - 1);
    // Outside the window: the sign above it, the fill below it.
    const above = m < 2 ? zero : m - 1 > shMax ? one : sh.lt(m - 1);
    const below = m >= shMax ? zero : sh.gt(m);
    const out = above.and(sign).or(fill ? below.and(fill) : zero);
    // (x, y): (1, 0) the window's low half, (0, 1) its high half, (1, 1) a one, (0, 0) a zero.
    const x = a.or(out), y = c.or(out);
    for (let r = 0; r < B && m * B + r < keep; r++) {
      if (m * B + r < offset) continue;
      bits.push(mux(x, mux(y, one, t.bit(r)), y.and(t.bit(r + B))));
    }
  }
  const word = cat(...bits.reverse());
  return value.signed ? word.asSInt() : word;
}
