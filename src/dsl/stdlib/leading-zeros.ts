import { cat, mux, lit, type Expr } from '../expr.js';
import { UInt } from '../types.js';
import { bitsFor } from './clog2.js';
import { firstOneFromMsb } from './first-one.js';

/** Number of leading zeros of x (x.width when x is 0), as UInt(bits for 0..width). */
export function leadingZeros(x: Expr): Expr {
  const w = x.width;
  const out = bitsFor(w);
  if (w === 1) return x.not();
  const { found, offset } = firstOneFromMsb(x);
  const off = offset.width < out ? offset.zext(out) : offset;
  return mux(found, off, lit(w, UInt(out)));
}

/** Index of the least-significant set bit and whether any bit is set (Chisel's PriorityEncoder). */
export function priorityEncoder(x: Expr): { index: Expr; valid: Expr } {
  if (x.width === 1) return { index: lit(0, UInt(1)), valid: x.bit(0) };
  const bits: Expr[] = [];
  for (let i = 0; i < x.width; i++) bits.push(x.bit(i)); // reversed: LSB first becomes MSB
  const { found, offset } = firstOneFromMsb(cat(...bits));
  return { index: offset, valid: found };
}

/**
 * Index of the most-significant set bit and whether any bit is set. For a power-of-two width the
 * index is the first-one search's offset complemented, so nothing follows the search; other widths
 * subtract a constant.
 */
export function highestOne(x: Expr): { index: Expr; valid: Expr } {
  if (x.width === 1) return { index: lit(0, UInt(1)), valid: x.bit(0) };
  const { found, offset } = firstOneFromMsb(x);
  const n = 2 ** offset.width; // the search pads x below its LSB to n bits
  const flipped = offset.not();
  return { index: n === x.width ? flipped : flipped.subWrap(lit(n - x.width, flipped.type)), valid: found };
}
