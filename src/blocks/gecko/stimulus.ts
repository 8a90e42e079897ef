// Value streams for both Gecko units. Directed: one value, a full group, a group plus one, every
// exponent field alone and in spread groups (deltas of every width 0 … 8, fields 0 and 255), NaNs whose
// kept bits are 0, signed zeros, subnormals. Random: streams of 1 … 5 groups and a remainder, whose
// exponents spread by a random width around a random centre (all widths occur).

import type { Vector } from '../../cosim/model.js';
import { encode } from './codec.js';
import { manBits, valueBits, type GeckoFormat } from './params.js';

type Rng = () => number;

export function valueOf(f: GeckoFormat, sign: number, exp: number, man: number): number {
  return ((sign << (valueBits(f) - 1)) | (exp << manBits(f)) | man) >>> 0;
}

export function directedStreams(f: GeckoFormat, rng: Rng): number[][] {
  const M = manBits(f), G = f.group, man = () => Math.floor(rng() * 2 ** M), sign = () => (rng() < 0.5 ? 1 : 0);
  const spread = (lo: number, width: number, n: number) => Array.from({ length: n }, (_, i) => valueOf(f, sign(), i === 0 ? lo : i === 1 ? Math.min(255, lo + 2 ** width - 1) : lo + Math.floor(rng() * Math.min(2 ** width, 256 - lo)), man()));
  const out: number[][] = [];
  out.push([valueOf(f, 0, 127, 0)], [valueOf(f, 1, 0, 0)], Array.from({ length: G }, () => valueOf(f, 0, 0, 0)), Array.from({ length: G + 1 }, () => valueOf(f, 1, 130, man())));
  for (let w = 0; w <= 8; w++) out.push(spread(w === 8 ? 0 : 100, w, G), spread(w === 8 ? 0 : 255 - 2 ** w + 1, w, G + 3));
  out.push(Array.from({ length: 256 }, (_, e) => valueOf(f, e & 1, e, man())));
  const nan = valueOf(f, 0, 255, 1), inf = valueOf(f, 1, 255, 0);
  out.push([nan, inf, valueOf(f, 0, 255, 2 ** (M - 1)), valueOf(f, 0, 254, 2 ** M - 1), valueOf(f, 0, 0, 1), valueOf(f, 1, 0, 2 ** M - 1)]);
  out.push(Array.from({ length: 2 * G - 1 }, (_, i) => (i % 2 ? valueOf(f, 0, 0, man()) : valueOf(f, 1, 255, 1 + Math.floor(rng() * (2 ** M - 1))))));
  return out;
}

export function randomStream(f: GeckoFormat, rng: Rng): number[] {
  const M = manBits(f), groups = Math.floor(rng() * 5), n = groups * f.group + (rng() < 0.7 ? 1 + Math.floor(rng() * f.group) : 0) || 1;
  const width = Math.floor(rng() * 9), centre = Math.floor(rng() * 256);
  return Array.from({ length: n }, () => {
    const e = Math.max(0, Math.min(255, centre + Math.floor((rng() - 0.5) * 2 ** width)));
    return valueOf(f, rng() < 0.5 ? 1 : 0, e, Math.floor(rng() * 2 ** M));
  });
}

export const valueBeats = (values: readonly number[]): Vector[] => values.map((x, i) => ({ in_last: i === values.length - 1 ? 1n : 0n, x: BigInt(x) }));

/** The decoder's input for a value stream: the codec's words, the last one marked. */
export function wordBeats(f: GeckoFormat, values: readonly number[]): Vector[] {
  const words = encode(f, values);
  return words.map((word, i) => ({ in_last: i === words.length - 1 ? 1n : 0n, word }));
}
