// The product shifters against shifts written here in BigInt: the window shifter (window-align.ts)
// and the log shifter it stands in for, signed with zero or sign fill, every value and every amount.

import { describe, it } from 'vitest';
import { Bool, defineModule, input, output, SInt, UInt } from '../../src/dsl/index.js';
import { alignLeft } from '../../src/blocks/minifloat/align-left.js';
import { windowAlign } from '../../src/blocks/minifloat/window-align.js';
import { allValues, checkBehaviour, emit, product } from '../helpers/hdl.js';

/** (v << s) >> off as a W-bit two's-complement word; `fill` ones enter at the bottom. */
function shifted(v: bigint, s: bigint, off: number, W: number, fill: bigint): bigint {
  const ones = fill ? (1n << s) - 1n : 0n;
  const x = ((v << s) | ones) >> BigInt(off); // arithmetic shift: BigInt keeps the sign
  const m = x & ((1n << BigInt(W)) - 1n);
  return m >= 1n << BigInt(W - 1) ? m - (1n << BigInt(W)) : m;
}

describe('product shifters', () => {
  // Widths of minifloat.mul's e5m2 (7-bit value, 6-bit shift, 65-bit word) and e4m3 (9, 5, 37) products.
  for (const [n, S, W] of [[7, 6, 65], [9, 5, 37], [5, 4, 20]] as const) {
    it(`windowAlign and alignLeft: SInt(${n}) << (${S}-bit shift) >> 2 into ${W} bits, zero and sign fill, exhaustive`, async () => {
      const g = defineModule('align', () => {
        const v = input('v', SInt(n)), s = input('s', UInt(S)), f = input('f', Bool);
        output('win', SInt(W)).set(windowAlign(v, s, 2, W));
        output('win_f', SInt(W)).set(windowAlign(v, s, 2, W, f));
        output('log', SInt(W)).set(alignLeft(v, s, 2, W));
      });
      // The fill is the value's sign where a caller uses it (a ones'-complement product).
      const vecs = product({ v: allValues(n, true), s: allValues(S, false) }).map((x) => ({ ...x, f: BigInt(x.v) < 0n ? 1n : 0n }));
      await checkBehaviour(emit(g, {}), vecs, (x) => {
        const v = BigInt(x.v), s = BigInt(x.s);
        const plain = shifted(v, s, 2, W, 0n);
        return { win: plain, win_f: shifted(v, s, 2, W, BigInt(x.f)), log: plain };
      });
    }, 120_000);
  }
});
