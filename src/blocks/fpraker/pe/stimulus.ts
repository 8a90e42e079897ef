// fpraker.pe's stimulus: dot products as packets of groups. Directed: a pair alone in each lane,
// significands with 1 … 5 NAF terms (0x80, 0xff, 0xaa, 0xd5, 0xb7), zeros, subnormals, products at the
// exponent extremes (overflow to Inf, the subnormal grid), one lane far above the others (its terms
// skip theirs), cancellation to 0, NaN and Inf. Random: 1 … 40 groups with exponents spread by a
// random width around a random centre, a random share of zeros.

import type { PacketStimulus, Vector } from '../../../cosim/model.js';
import type { FprakerParams } from './params.js';

type Rng = () => number;
const ONE = 0x3f80, NEG = 0x8000;
const bf = (sign: number, e: number, m: number) => (sign << 15) | (e << 7) | m;

export function fprakerStimulus(p: FprakerParams): PacketStimulus {
  const L = p.lanes;
  const group = (pairs: (i: number) => [number, number], last = false): Vector => {
    const v: Vector = { in_last: last ? 1n : 0n };
    for (let i = 0; i < L; i++) { const [a, b] = pairs(i); v[`a${i}`] = BigInt(a); v[`b${i}`] = BigInt(b); }
    return v;
  };
  const dot = (groups: Array<(i: number) => [number, number]>) => groups.map((g, j) => group(g, j === groups.length - 1));
  const directed: Vector[][] = [
    ...Array.from({ length: L }, (_, l) => dot([(i) => (i === l ? [bf(0, 127, 0x55), bf(1, 130, 0x2a)] : [0, ONE])])),
    ...[0x00, 0x7f, 0x2a, 0x55, 0x37].map((m) => dot([() => [bf(0, 127, m), bf(0, 127, 0x7f)], () => [bf(1, 128, m), bf(0, 126, 0x01)]])),
    dot([() => [0, 0], () => [NEG, ONE]]),
    dot([(i) => [bf(i & 1, 0, 1 + i), bf(0, 0, 0x7f)]]), dot([() => [bf(0, 0, 0x40), bf(0, 127, 0)]]),
    dot([() => [bf(0, 254, 0x7f), bf(0, 254, 0x7f)]]), dot([() => [bf(0, 1, 0), bf(0, 1, 0)]]), dot([() => [bf(1, 30, 0x11), bf(0, 100, 0)]]),
    dot([(i) => (i === 0 ? [bf(0, 200, 0x7f), ONE] : [bf(0, 127, 0x7f), ONE])]),
    dot([(i) => (i === 0 ? [bf(0, 150, 0x7f), ONE] : [bf(0, 140, 0x55), bf(1, 127, 0x3f)])]),
    dot([(i) => [bf(i % 2, 140, 0x11), ONE], (i) => [bf(1 - (i % 2), 140, 0x11), ONE]]),
    dot([() => [ONE, ONE], () => [bf(0, 255, 0), ONE]]), dot([() => [bf(0, 255, 1), 0]]),
    dot(Array.from({ length: 30 }, (_, j) => () => [bf(0, 127 + (j % 5), 0x7f), bf(j & 1, 127, 0x7f)])),
  ];
  const code = (rng: Rng, centre: number, spread: number, zeros: number) => {
    if (rng() < zeros) return rng() < 0.5 ? 0 : NEG;
    const e = Math.max(0, Math.min(254, centre + Math.floor((rng() - 0.5) * spread)));
    return bf(rng() < 0.5 ? 1 : 0, e, Math.floor(rng() * 128));
  };
  return {
    directed,
    random: (rng) => {
      const n = 1 + Math.floor(rng() * 40), ca = 100 + Math.floor(rng() * 56), cb = 100 + Math.floor(rng() * 56), spread = 1 + Math.floor(rng() * 40), zeros = rng() < 0.5 ? 0 : rng() * 0.6;
      return dot(Array.from({ length: n }, () => () => [code(rng, ca, spread, zeros), code(rng, cb, spread, zeros)]));
    },
  };
}
