// Stimulus for mx.nvfp4-quantize and blockfmt.quantize with ue scales (any element, ue4m3 or ue5m3,
// with or without a tensor scale; named below for NVFP4). Directed blocks: zeros, signed zeros, NaN/Inf, float32 subnormals;
// elements at every e2m1 midpoint of the block's denominator and a few ulps either side (where the
// float32 quotient rounds onto the midpoint: the double-rounding ties); block maxima at ue4m3
// midpoints times 6·S_t and a few ulps either side; the block scale's saturation at 448, its bump to
// 2^-9 and the torchao clamp at 2^-6; tensor scales that are subnormal, tiny (the denominator
// underflows to 0), huge (6·S_t overflows) and unusable (0, negative, Inf, NaN). Random blocks take
// a tensor scale from a tensor amax 1–2^12 times their own, and sometimes any bit pattern.

import type { Stimulus, Vector } from '../../../cosim/model.js';
import { decodeToNumber } from '../../../numerics/decode.js';
import { f32Bits, f32FromBits as fromBits } from '../../../numerics/mx.js';
import { emaxVal, quantizeBlock, scaleFormat, scaleMax, type BlockFormat } from '../../../numerics/blockfmt.js';
import { parseFormat, type Format } from '../../../numerics/format.js';
import { randomBlock } from '../quantize/stimulus.js';

export interface Nvfp4QuantizeStimulusParams { block: number; scaleClamp: 'bump' | 'torchao' }
/** The block-scaled format the stimulus aims at (NVFP4 when absent). */
export interface UeFormat { readonly elem: Format; readonly scale: 'ue4m3' | 'ue5m3'; readonly tensorScale: boolean }
const NVFP4: UeFormat = { elem: parseFormat('e2m1'), scale: 'ue4m3', tensorScale: true };

const f = Math.fround;
/** Midpoints between the element's magnitudes (where RNE changes). */
function midpoints(e: Format): number[] {
  const vals = new Set<number>();
  for (let c = 0; c < 2 ** e.width; c++) { const x = Math.abs(decodeToNumber(e, c)); if (Number.isFinite(x)) vals.add(x); }
  const sorted = [...vals].sort((a, b) => a - b);
  return sorted.slice(1).map((v, i) => (sorted[i]! + v) / 2);
}
const nudge = (x: number, ulps: number) => (f32Bits(x) + ulps) >>> 0; // x > 0

export function directedBlocks(k: number, rng: () => number, uf: UeFormat = NVFP4): { block: number[]; st: number }[] {
  const S = scaleFormat(uf.scale), bf: BlockFormat = { elem: uf.elem, block: 1, scale: uf.scale, tensorScale: true };
  const ev = emaxVal(uf.elem), full = f(ev * scaleMax(uf.scale)); // 6, 2688 for NVFP4
  const out: { block: number[]; st: number }[] = [];
  const fill = (x: number) => Array.from({ length: k }, () => x >>> 0);
  const randSign = (x: number) => (rng() < 0.5 ? x : (x | 0x80000000)) >>> 0;
  const smallish = (amax: number) => Array.from({ length: k }, () => randSign(f32Bits(f(amax * rng()))));
  const push = (block: number[], st: number) => out.push({ block: block.map((x) => x >>> 0), st: st >>> 0 });
  const one = f32Bits(1);
  push(fill(0), one); push(fill(0x80000000), one); push(Array.from({ length: k }, (_, i) => (i % 2 ? 0x80000000 : 0)), one);
  for (const sp of [0x7fc00000, 0x7f800000, 0xff800000, 0xffc00001]) for (const i of [0, k - 1]) {
    const b = smallish(100); b[i] = sp; push(b, f32Bits(f(100 / full)));
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
  for (const [amax, stv] of [[ev, 1], [full, 1], [1, f(1 / full)], [7.3, f(0.37)], [1e-30, f(3e-33)], [5e-38, f(2e-41)], [1, f(1e-5)]] as const) {
    const st = f32Bits(stv);
    const q = quantizeBlock([amax], bf, stv);
    const denom = f(decodeToNumber(S, q.scale) * stv);
    const cands: number[] = [];
    for (const m of midpoints(uf.elem)) {
      const at = f(m * denom);
      if (at > 0 && at < amax) for (let u = -3; u <= 3; u++) cands.push(randSign(nudge(at, u)));
    }
    // A one-element block is its own amax: each candidate then sets a block scale of its own.
    if (k === 1) for (const c of cands) push([c], st);
    else for (let off = 0; off < cands.length; off += k - 1) push([f32Bits(amax), ...Array.from({ length: k - 1 }, (_, i) => cands[(off + i) % cands.length]!)], st);
  }
  // Block maxima at the scale's midpoints (and its smallest normal, max, beyond it and the bump region) times six = fl(emax_val·S_t).
  const sMid: number[] = [], top = 2 ** S.width - 2, sMax = scaleMax(uf.scale), tiny = decodeToNumber(S, 1), minNormal = decodeToNumber(S, 8);
  for (let c = 1; c < top; c++) sMid.push((decodeToNumber(S, c) + decodeToNumber(S, c + 1)) / 2);
  const pres = [...sMid, tiny / 2, tiny, minNormal, sMax, sMax * 1.0357, sMax * 1.0714, sMax * 22];
  for (const stv of [f(1 / full), 1, f(0.001)]) {
    const six = f(ev * stv);
    for (const pre of pres) for (let u = -2; u <= 2; u++) {
      const amax = nudge(f(pre * six), u);
      const b = smallish(fromBits(amax)); b[Math.floor(rng() * k)] = randSign(amax);
      push(b, f32Bits(stv));
    }
  }
  return out;
}

export function nvfp4QuantizeStimulus(p: Nvfp4QuantizeStimulusParams, uf: UeFormat = NVFP4): Stimulus {
  const k = p.block, full = f(emaxVal(uf.elem) * scaleMax(uf.scale));
  const toVector = (block: number[], st: number): Vector => {
    const v: Vector = uf.tensorScale ? { st: BigInt(st >>> 0) } : {}; // without one, S_t = 1
    block.forEach((x, i) => { v[`v${i}`] = BigInt(x >>> 0); });
    return v;
  };
  let seed = 0x13572468;
  const drng = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; }; // fixed directed set
  const directed = directedBlocks(k, drng, uf).map((d) => toVector(d.block, d.st));
  return {
    directed,
    spaceBits: 32 * (k + (uf.tensorScale ? 1 : 0)),
    exhaustive: () => toVector(new Array<number>(k).fill(0), f32Bits(1)),
    random: (rng) => {
      const block = randomBlock(k, rng);
      const r = rng();
      if (r < 0.05) return toVector(block, Math.floor(rng() * 2 ** 32)); // any pattern: subnormal, huge, unusable
      if (r < 0.1) return toVector(block, Math.floor(rng() * 0x7f800000)); // any positive finite
      let amax = 0;
      for (const x of block) { const e = (x >>> 23) & 0xff; if (e !== 255) amax = Math.max(amax, Math.abs(fromBits(x))); }
      const tensorAmax = amax * 2 ** (rng() * 12) * (r < 0.15 ? 2 ** -(rng() * 4) : 1); // sometimes below the block's
      const st = tensorAmax === 0 ? 1 : f(tensorAmax / full);
      return toVector(block, f32Bits(st || 1.4e-45));
    },
  };
}
