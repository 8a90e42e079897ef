import type { Expr } from '../expr.js';
import { adderTree } from './adder-tree.js';
import { bitsFor } from './clog2.js';

/** Number of set bits of x as UInt(bitsFor(width)), through a balanced adder tree. */
export function popcount(x: Expr): Expr {
  const bits: Expr[] = [];
  for (let i = 0; i < x.width; i++) bits.push(x.bit(i));
  // The tree grows one bit per level; the count never exceeds x.width, so the top bits are zero.
  return adderTree(bits).trunc(bitsFor(x.width));
}
