// Stimulus for mx.dot-general: dot products of random length (1 to 24 pairs, sometimes up to n)
// from mx.dot's random and directed block pairs, and directed sequences across blocks: a block and
// its negation (exact 0), the largest and smallest scales in one dot (the exact mode keeps both),
// NaN and Inf blocks mid-product (sticky until clear), +Inf then −Inf.

import type { Stimulus, Vector } from '../../../cosim/model.js';
import { parseFormat } from '../../../numerics/format.js';
import { mxDotStimulus } from '../dot/stimulus.js';

export function mxDotGeneralStimulus(p: { elem: string; elemB: string; block: number; n: number }): Stimulus {
  const dot = mxDotStimulus(p);
  const k = p.block, fa = parseFormat(p.elem), wa = BigInt(fa.width);
  // −A: flip every element's sign (int8: two's-complement negation), so A·B + (−A)·B is exactly 0.
  const negated = (v: Vector): Vector => {
    const w: Vector = { ...v };
    for (let i = 0; i < k; i++) {
      const c = v[`a${i}`]!;
      w[`a${i}`] = fa.kind === 'int' ? BigInt.asUintN(fa.width, -c) : c ^ (1n << (wa - 1n));
    }
    return w;
  };
  const withClear = (v: Vector, clear: boolean): Vector => ({ ...v, clear: clear ? 1n : 0n });
  const directed: Vector[] = [];
  // mx.dot's directed pairs, each its own product, then all of them as one long product.
  dot.directed.forEach((v) => directed.push(withClear(v, true)));
  dot.directed.forEach((v, i) => directed.push(withClear(v, i === 0)));
  let seed = 0x13579bd;
  const drng = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
  // Cancellation across blocks: A·B, then (−A)·B with the same scales.
  for (let r = 0; r < 16; r++) {
    const v = dot.random(drng);
    directed.push(withClear(v, true), withClear(negated(v), false));
  }
  // Extreme scales in one product, then a tiny one: the exact mode keeps every bit.
  for (let r = 0; r < 8; r++) {
    const big = dot.random(drng), small = dot.random(drng);
    directed.push(withClear({ ...big, sa: 254n, sb: 200n }, true), withClear({ ...small, sa: 0n, sb: 1n }, false), withClear({ ...big, sa: 254n, sb: 200n }, false));
  }
  let left = 0;
  return {
    directed,
    spaceBits: dot.spaceBits + 1,
    exhaustive: (i) => withClear(dot.exhaustive(i), true),
    random: (rng) => {
      const start = left === 0;
      if (start) left = rng() < 0.05 ? 1 + Math.floor(rng() * p.n) : 1 + Math.floor(rng() * 24);
      left--;
      return withClear(dot.random(rng), start);
    },
  };
}
