// Stimulus for mx.nvfp4-quantize. Directed blocks: zeros, signed zeros, NaN/Inf, float32 subnormals;
// elements at every e2m1 midpoint of the block's denominator and a few ulps either side (where the
// float32 quotient rounds onto the midpoint: the double-rounding ties); block maxima at ue4m3
// midpoints times 6·S_t and a few ulps either side; the block scale's saturation at 448, its bump to
// 2^-9 and the torchao clamp at 2^-6; tensor scales that are subnormal, tiny (the denominator
// underflows to 0), huge (6·S_t overflows) and unusable (0, negative, Inf, NaN). Random blocks take
// a tensor scale from a tensor amax 1–2^12 times their own, and sometimes any bit pattern.

import type { Stimulus, Vector } from '../../../cosim/model.js';
import { decodeToNumber } from '../../../numerics/decode.js';
import { f32Bits, f32FromBits as fromBits } from '../../../numerics/mx.js';
import { nvfp4QuantizeBlock } from '../../../numerics/nvfp4.js';
import { parseFormat } from '../../../numerics/format.js';
import { randomBlock } from '../quantize/stimulus.js';

export interface Nvfp4QuantizeStimulusParams { block: number; scaleClamp: 'bump' | 'torchao' }

const UE4M3 = parseFormat('ue4m3');
const f = Math.fround;
const E2M1_MIDPOINTS = [0.25, 0.75, 1.25, 1.75, 2.5, 3.5, 5];
const nudge = (x: number, ulps: number) => (f32Bits(x) + ulps) >>> 0; // x > 0

export function directedBlocks(k: number, rng: () => number): { block: number[]; st: number }[] {
  const out: { block: number[]; st: number }[] = [];
  const fill = (x: number) => Array.from({ length: k }, () => x >>> 0);
  const randSign = (x: number) => (rng() < 0.5 ? x : (x | 0x80000000)) >>> 0;
  const smallish = (amax: number) => Array.from({ length: k }, () => randSign(f32Bits(f(amax * rng()))));
  const push = (block: number[], st: number) => out.push({ block: block.map((x) => x >>> 0), st: st >>> 0 });
  const one = f32Bits(1);
  push(fill(0), one); push(fill(0x80000000), one); push(Array.from({ length: k }, (_, i) => (i % 2 ? 0x80000000 : 0)), one);
  for (const sp of [0x7fc00000, 0x7f800000, 0xff800000, 0xffc00001]) for (const i of [0, k - 1]) {
    const b = smallish(100); b[i] = sp; push(b, f32Bits(f(100 / 2688)));
  }
  // Unusable tensor scales.
  for (const st of [0, 0x80000000, 0xbf800000, 0x7f800000, 0x7fc00000, 0xff800000]) push(smallish(3), st);
  // float32 subnormals: with a normal S_t (all round to 0 or bump), and with subnormal or tiny S_t.
  const sub = () => randSign(1 + Math.floor(rng() * 0x7fffff));
  for (const st of [one, 1, 0x10, 0x2000, 0x7fffff, 0x00800000, 0x01000000]) push(Array.from({ length: k }, sub), st);
  push(Array.from({ length: k }, (_, i) => (i === 0 ? 0x7fffff : sub())), 0x3000);
  // The denominator fl(S_b · S_t) underflows to 0: V / 0 = ±Inf saturates, 0 / 0 = NaN gives +0.
  push(fill(0), 1); push(fill(0x80000000), 1);
  push(Array.from({ length: k }, (_, i) => [1, 0x80000001, 0, 0x80000000][i % 4]!), 1);
  // Huge tensor scales: 6·S_t overflows to Inf (S_b bumps), or almost.
  for (const st of [0x7f7fffff, 0x7e400000, 0x7e2aaaab, 0x7e2aaaaa]) { push(smallish(3e38), st); push(fill(0x7f7fffff), st); }
  // e2m1 midpoints of the block's denominator, ±0..3 ulps; amax placed first to pin S_b.
  for (const [amax, stv] of [[6, 1], [2688, 1], [1, f(1 / 2688)], [7.3, f(0.37)], [1e-30, f(3e-33)], [5e-38, f(2e-41)], [1, f(1e-5)]] as const) {
    const st = f32Bits(stv);
    const q = nvfp4QuantizeBlock([amax], stv);
    const denom = f(decodeToNumber(UE4M3, q.scale) * stv);
    const cands: number[] = [];
    for (const m of E2M1_MIDPOINTS) {
      const at = f(m * denom);
      if (at > 0 && at < amax) for (let u = -3; u <= 3; u++) cands.push(randSign(nudge(at, u)));
    }
    // A one-element block is its own amax: each candidate then sets a block scale of its own.
    if (k === 1) for (const c of cands) push([c], st);
    else for (let off = 0; off < cands.length; off += k - 1) push([f32Bits(amax), ...Array.from({ length: k - 1 }, (_, i) => cands[(off + i) % cands.length]!)], st);
  }
  // Block maxima at ue4m3 midpoints (and 2^-6, 448, 464 and the bump region) times six = fl(6·S_t).
  const ue4m3Mid: number[] = [];
  for (let c = 1; c < 0x7e; c++) ue4m3Mid.push((decodeToNumber(UE4M3, c) + decodeToNumber(UE4M3, c + 1)) / 2);
  const pres = [...ue4m3Mid, 2 ** -10, 2 ** -9, 2 ** -6, 448, 464, 480, 1e4];
  for (const stv of [f(1 / 2688), 1, f(0.001)]) {
    const six = f(6 * stv);
    for (const pre of pres) for (let u = -2; u <= 2; u++) {
      const amax = nudge(f(pre * six), u);
      const b = smallish(fromBits(amax)); b[Math.floor(rng() * k)] = randSign(amax);
      push(b, f32Bits(stv));
    }
  }
  return out;
}

export function nvfp4QuantizeStimulus(p: Nvfp4QuantizeStimulusParams): Stimulus {
  const k = p.block;
  const toVector = (block: number[], st: number): Vector => {
    const v: Vector = { st: BigInt(st >>> 0) };
    block.forEach((x, i) => { v[`v${i}`] = BigInt(x >>> 0); });
    return v;
  };
  let seed = 0x13572468;
  const drng = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; }; // fixed directed set
  const directed = directedBlocks(k, drng).map((d) => toVector(d.block, d.st));
  return {
    directed,
    spaceBits: 32 * (k + 1),
    exhaustive: () => toVector(new Array<number>(k).fill(0), f32Bits(1)),
    random: (rng) => {
      const block = randomBlock(k, rng);
      const r = rng();
      if (r < 0.05) return toVector(block, Math.floor(rng() * 2 ** 32)); // any pattern: subnormal, huge, unusable
      if (r < 0.1) return toVector(block, Math.floor(rng() * 0x7f800000)); // any positive finite
      let amax = 0;
      for (const x of block) { const e = (x >>> 23) & 0xff; if (e !== 255) amax = Math.max(amax, Math.abs(fromBits(x))); }
      const tensorAmax = amax * 2 ** (rng() * 12) * (r < 0.15 ? 2 ** -(rng() * 4) : 1); // sometimes below the block's
      const st = tensorAmax === 0 ? 1 : f(tensorAmax / 2688);
      return toVector(block, f32Bits(st || 1.4e-45));
    },
  };
}
