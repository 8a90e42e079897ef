// Stimulus for minifloat.dot: the mac's directed sequences with every lane doing the same (so the
// bound is n·L largest products), lanes that cancel each other, then random lanes.
import { type Stimulus, type Vector } from '../../../cosim/model.js';
import { parseFormat, type FloatFormat } from '../../../numerics/format.js';
import { minifloatMacStimulus } from '../mac/stimulus.js';

export function minifloatDotStimulus(p: { a: string; b: string; lanes: number; n: number }): Stimulus {
  const mac = minifloatMacStimulus({ a: p.a, b: p.b, n: p.n });
  const spread = (v: Vector, vary?: (i: number) => Vector): Vector => {
    const out: Vector = { clear: v.clear! };
    for (let i = 0; i < p.lanes; i++) {
      const x = vary ? vary(i) : v;
      out[`a${i}`] = x.a!;
      out[`b${i}`] = x.b!;
    }
    return out;
  };
  const directed = mac.directed.map((v) => spread(v));
  // Lanes that cancel in pairs (x·y and (−x)·y, exactly 0 with an even lane count), then random lanes
  // that each cancel their neighbour.
  const fa = parseFormat(p.a) as FloatFormat;
  if (fa.signed) {
    const sign = 1n << BigInt(fa.width - 1);
    const flip = (v: Vector) => spread(v, (i) => (i % 2 ? { ...v, a: v.a! ^ sign } : v));
    directed.push(...mac.directed.slice(0, 64).map(flip));
  }
  return {
    directed,
    spaceBits: 64,
    exhaustive: () => spread({ clear: 1n, a: 0n, b: 0n }),
    random: (rng) => {
      const first = mac.random(rng);
      return spread(first, (i) => (i === 0 ? first : { ...mac.random(rng), clear: first.clear! }));
    },
  };
}
