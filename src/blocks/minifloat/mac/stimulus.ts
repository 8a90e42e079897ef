// Stimulus for minifloat.mac: directed sequences first (n largest products of each sign up to the
// accumulator bound, cancellation back to zero, subnormal sums, NaN, ±Inf and Inf − Inf, each after
// a clear), then random codes with boundary codes often and a clear now and then.

import { randomBits, type Stimulus, type Vector } from '../../../cosim/model.js';
import { parseFormat, type FloatFormat } from '../../../numerics/format.js';
import { boundaryCodes } from '../mul/stimulus.js';

/** Largest finite code and the sign bit of a format. */
function extremes(f: FloatFormat) {
  const E = f.expBits, M = f.manBits;
  const top = ((1 << E) - 1) << M;
  const max = f.specials === 'ieee' ? top - 1 : f.specials === 'fn' ? (M === 0 ? top - 1 : top | ((1 << M) - 2)) : top | ((1 << M) - 1);
  return { max, sign: f.signed ? 1 << (E + M) : 0, minSub: 1, nan: f.specials === 'fn' ? top | ((1 << M) - 1) : f.specials === 'ieee' ? top | 1 : f.specials === 'fnuz' ? 1 << (E + M) : undefined, inf: f.specials === 'ieee' ? top : undefined };
}

export function minifloatMacStimulus(p: { a: string; b: string; n: number }): Stimulus {
  const fa = parseFormat(p.a) as FloatFormat, fb = parseFormat(p.b) as FloatFormat;
  const xa = extremes(fa), xb = extremes(fb);
  const v = (clear: boolean, a: number, b: number): Vector => ({ clear: clear ? 1n : 0n, a: BigInt(a), b: BigInt(b) });
  const run = (len: number, a: number, b: number) => Array.from({ length: len }, (_, i) => v(i === 0, a, b));
  const n = Math.min(p.n, 4096);
  const directed: Vector[] = [
    ...run(n, xa.max, xb.max),                                    // the accumulator bound, positive
    ...run(n, xa.max | xa.sign, xb.max),                          // and negative
    v(true, xa.max, xb.max), v(false, xa.max | xa.sign, xb.max),  // cancellation to exactly 0
    ...run(64, xa.minSub, xb.minSub),                             // smallest products add up exactly
    v(true, xa.minSub | xa.sign, xb.max), v(false, xa.max, xb.minSub),
  ];
  if (xa.nan !== undefined) directed.push(v(true, xa.max, xb.max), v(false, xa.nan, xb.max), v(false, xa.max, xb.max), v(true, 0, 0));
  if (xa.inf !== undefined && xb.inf !== undefined) {
    directed.push(v(true, xa.inf, xb.max), v(false, xa.max, xb.max), v(false, xa.inf | xa.sign, xb.max), v(false, 0, 0), // +Inf, then −Inf: NaN
      v(true, xa.inf, 0), v(true, xa.inf | xa.sign, xb.inf | xb.sign), v(false, xa.max, xb.max)); // Inf · 0 = NaN; −Inf · −Inf = +Inf
  }
  const ba = boundaryCodes(fa), bb = boundaryCodes(fb);
  const pick = (rng: () => number, f: FloatFormat, bounds: number[]) => (rng() < 0.1 ? BigInt(bounds[Math.floor(rng() * bounds.length)]!) : randomBits(rng, f.width, false));
  return {
    directed,
    spaceBits: 64, // sequences: always random
    exhaustive: () => v(true, 0, 0),
    random: (rng) => ({ clear: rng() < 1 / 64 ? 1n : 0n, a: pick(rng, fa, ba), b: pick(rng, fb, bb) }),
  };
}
