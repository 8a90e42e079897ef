// Stimulus for mx.dot: directed block pairs (zeros, NaN scales, NaN and Inf elements, Inf · 0,
// exact cancellation, every product at the format's max with the largest scales (overflow to Inf),
// the smallest scales (float32 subnormals and underflow), a big term with tiny ones (sticky bits),
// then random pairs: random codes, scales mostly around 127 and sometimes anywhere.

import type { Stimulus, Vector } from '../../../cosim/model.js';
import { decodeToNumber } from '../../../numerics/decode.js';
import { parseFormat, type Format } from '../../../numerics/format.js';
import { encoderFor } from '../../../numerics/encode.js';

export interface DotStimulusParams { elem: string; elemB: string; block: number }

const codeOf = (f: Format, x: number) => encoderFor(f, { sat: true }).encodeNumber(x);
const negate = (f: Format, c: number) => (f.kind === 'int' ? (2 ** f.width - c) % 2 ** f.width : c ^ (2 ** (f.width - 1)));
const specials = (f: Format) => {
  const out: number[] = [];
  for (let c = 0; c < 2 ** f.width; c++) if (!Number.isFinite(decodeToNumber(f, c))) out.push(c);
  return out;
};

export function mxDotStimulus(p: DotStimulusParams): Stimulus {
  const k = p.block, fa = parseFormat(p.elem), fb = parseFormat(p.elemB || p.elem);
  const pair = (sa: number, sb: number, a: number[], b: number[]): Vector => {
    const v: Vector = { sa: BigInt(sa), sb: BigInt(sb) };
    for (let i = 0; i < k; i++) { v[`a${i}`] = BigInt(a[i % a.length]!); v[`b${i}`] = BigInt(b[i % b.length]!); }
    return v;
  };
  const rcode = (f: Format, rng: () => number) => Math.floor(rng() * 2 ** f.width);
  const rcodes = (f: Format, rng: () => number) => Array.from({ length: k }, () => rcode(f, rng));
  const one = (f: Format) => codeOf(f, 1), maxA = codeOf(fa, Infinity), maxB = codeOf(fb, Infinity);
  const tiny = (_f: Format) => 1; // the smallest positive code (a subnormal, or int8's 1/64)

  let seed = 0x2468ace;
  const drng = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
  const directed: Vector[] = [
    pair(127, 127, [0], [0]), pair(0, 0, [0], [0]), pair(254, 254, [0], [0]),
    pair(0xff, 127, [one(fa)], [one(fb)]), pair(127, 0xff, [0], [0]), pair(0xff, 0xff, rcodes(fa, drng), rcodes(fb, drng)),
  ];
  // NaN and Inf elements, alone and against zeros (Inf · 0 = NaN) and against each other (Inf − Inf).
  for (const s of specials(fa)) directed.push(pair(127, 127, [s, ...rcodes(fa, drng)], rcodes(fb, drng)), pair(127, 127, [s], [0]));
  for (const s of specials(fb)) directed.push(pair(127, 127, rcodes(fa, drng), [s, ...rcodes(fb, drng)]));
  const infA = specials(fa).filter((c) => decodeToNumber(fa, c) === Infinity);
  if (infA.length) directed.push(pair(127, 127, [infA[0]!, negate(fa, infA[0]!)], [one(fb)]), pair(127, 127, [infA[0]!, infA[0]!], [one(fb), negate(fb, one(fb))]));
  // Exact cancellation: x·y and (−x)·y in neighbouring lanes.
  for (let r = 0; r < 8; r++) {
    const a = rcodes(fa, drng).map((c, i, all) => (i % 2 ? negate(fa, all[i - 1]!) : c)), b = rcodes(fb, drng).map((c, i, all) => (i % 2 ? all[i - 1]! : c));
    directed.push(pair(100 + r * 10, 127, a.map((c) => (Number.isFinite(decodeToNumber(fa, c)) ? c : 0)), b.map((c) => (Number.isFinite(decodeToNumber(fb, c)) ? c : 0))));
  }
  // Every product at max: the largest scales overflow to Inf, mid scales give a large finite sum.
  for (const [sa, sb] of [[254, 254], [200, 180], [127, 127], [127 + 60, 127 + 60]]) directed.push(pair(sa!, sb!, [maxA], [maxB]), pair(sa!, sb!, [negate(fa, maxA)], [maxB]));
  // The smallest scales: float32 subnormal results and underflow to 0; around the subnormal boundary.
  for (const [sa, sb] of [[0, 0], [0, 127], [1, 2], [127 - 60, 127 - 60], [127 - 63, 127 - 63]]) {
    directed.push(pair(sa!, sb!, [maxA], [maxB]), pair(sa!, sb!, [tiny(fa)], [tiny(fb)]), pair(sa!, sb!, rcodes(fa, drng), rcodes(fb, drng)));
  }
  // One large term and tiny ones: the tiny ones reach the result only through the sticky bit.
  directed.push(pair(127, 127, [maxA, tiny(fa)], [maxB, tiny(fb)]), pair(127, 127, [maxA, negate(fa, tiny(fa))], [maxB, tiny(fb)]));
  const clean = (f: Format, cs: number[]) => cs.map((c) => (Number.isFinite(decodeToNumber(f, c)) ? c : 0));
  return {
    directed,
    spaceBits: 16 + k * (fa.width + fb.width),
    exhaustive: () => pair(127, 127, [0], [0]),
    random: (rng) => {
      const r = rng();
      const scale = () => (r < 0.1 ? Math.floor(rng() * 256) : 127 - 20 + Math.floor(rng() * 40));
      // Specials would turn most random pairs into NaN: keep them to a few percent of the blocks.
      const keep = rng() < 0.03;
      return pair(scale(), scale(), keep ? rcodes(fa, rng) : clean(fa, rcodes(fa, rng)), keep ? rcodes(fb, rng) : clean(fb, rcodes(fb, rng)));
    },
  };
}
