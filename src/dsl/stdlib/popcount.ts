import type { Expr } from '../expr.js';
import { BitHeap } from './bit-heap.js';
import { bitsFor } from './clog2.js';

/** Number of set bits of x as UInt(bitsFor(width)), through a bit heap (full adders on carry chains). */
export function popcount(x: Expr): Expr {
  const heap = new BitHeap();
  for (let i = 0; i < x.width; i++) heap.addBit(x.bit(i));
  // The heap grows one bit per level; the count never exceeds x.width, so the top bits are zero.
  return heap.sum().trunc(bitsFor(x.width));
}
