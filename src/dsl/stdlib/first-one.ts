// Balanced search for the first set bit, shared by leadingZeros and priorityEncoder: log2(w) levels of
// 2:1 muxes instead of a w-deep priority chain.

import { cat, mux, type Expr } from '../expr.js';
import { lit } from '../expr.js';
import { UInt } from '../types.js';
import { clog2 } from './clog2.js';

interface Node { any: Expr; pos: Expr | null } // pos: offset of the first one from the MSB of the node

/** Offset of the first 1 scanning from the MSB of `x`, and whether there is one. */
export function firstOneFromMsb(x: Expr): { found: Expr; offset: Expr } {
  const w = x.width;
  const n = 2 ** clog2(w);
  let level: Node[] = [];
  for (let i = 0; i < n; i++) {
    const bitIndex = w - 1 - i; // i-th bit from the MSB; padding bits past the LSB are 0
    level.push({ any: bitIndex >= 0 ? x.bit(bitIndex) : lit(0, UInt(1)), pos: null });
  }
  while (level.length > 1) {
    const next: Node[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const hi = level[i]!, lo = level[i + 1]!;
      const any = hi.any.or(lo.any);
      const pos = hi.pos && lo.pos ? cat(hi.any.not(), mux(hi.any, hi.pos, lo.pos)) : hi.any.not();
      next.push({ any, pos });
    }
    level = next;
  }
  const root = level[0]!;
  return { found: root.any, offset: root.pos ?? lit(0, UInt(1)) };
}
