// One byte shift of the range encoder (codec/range-coder.ts `shift`), as logic: low's top byte either
// resolves (low < 0xFF000000, or a carry in bit 32) — the cache + carry goes out, then the held bytes,
// all 0xFF + carry, and the top byte becomes the cache — or is 0xFF and joins the held run.
// low ← (low mod 2^24) · 2^8. The held run leaves as one (byte, count) item, expanded downstream.

import { cat, lit, mux, UInt, type Expr } from '../../../dsl/index.js';

export interface CoderState {
  readonly low: Expr; // 33 bits: bit 32 is a pending carry
  readonly cache: Expr; // 8 bits
  readonly cacheValid: Expr; // a byte is held (not before the first shift)
  readonly held: Expr; // 0xFF bytes behind the cache (HELD_BITS)
}

export interface ShiftOut {
  readonly state: CoderState;
  readonly resolved: Expr;
  readonly byteValid: Expr; // cache + carry goes out
  readonly byte: Expr;
  readonly runByte: Expr; // 0xFF + carry
  readonly runCount: Expr; // the held bytes that go out (0 when none)
}

export const HELD_BITS = 32;

export function shiftOnce(s: CoderState): ShiftOut {
  const carry = s.low.bit(32), top = s.low.bits(31, 24);
  const resolved = carry.or(top.ne(0xff));
  const zeroHeld = lit(0, UInt(HELD_BITS));
  return {
    resolved,
    byteValid: resolved.and(s.cacheValid),
    byte: s.cache.addWrap(carry.zext(8)),
    runByte: mux(carry, lit(0, UInt(8)), lit(0xff, UInt(8))),
    runCount: mux(resolved, s.held, zeroHeld),
    state: {
      low: cat(lit(0, UInt(1)), s.low.bits(23, 0), lit(0, UInt(8))),
      cache: mux(resolved, top, s.cache),
      cacheValid: resolved.or(s.cacheValid),
      held: mux(resolved, zeroHeld, s.held.addWrap(lit(1, UInt(HELD_BITS)))),
    },
  };
}

/**
 * finish()'s target: the value in [low, low + range) with the most trailing zeros. With a = low and
 * b = low + range − 1, it is b with every bit below the highest bit where a − 1 and b differ
 * cleared (no multiple of a larger power of two lies between them). low = 0 gives 0.
 */
export function mostTrailingZeros(low: Expr, range: Expr): Expr {
  const W = 34;
  const a1 = low.zext(W).subWrap(lit(1, UInt(W)));
  const b = low.zext(W).addWrap(range.zext(W)).subWrap(lit(1, UInt(W)));
  let smear = a1.xor(b);
  for (let k = 1; k < W; k *= 2) smear = smear.or(smear.shr(k).zext(W));
  return b.and(smear.shr(1).zext(W).not()).bits(32, 0);
}
