// Golden model of mx.quantize: the numerics library's MX quantizer (formats.md §3), one block per
// transaction (or one group of k/L beats for the lane stream). bf16 inputs are float32 values with 16 zero bits below.
import type { Vector } from '../../../cosim/model.js';
import { fromBeats, toBeats } from './beats.js';
import { parseFormat } from '../../../numerics/format.js';
import { mxQuantizeBlock, type MxOptions, type ScaleRule } from '../../../numerics/mx.js';

export interface QuantizeGoldenParams {
  elem: string; block: number; lanes?: number | undefined; scaleRule: ScaleRule; round: NonNullable<MxOptions['round']>; randomBits: number; input: 'fp32' | 'bf16';
}

export function mxQuantizeGolden(p: QuantizeGoldenParams) {
  const elem = parseFormat(p.elem), shift = p.input === 'bf16' ? 16 : 0;
  const opts: MxOptions = { scaleRule: p.scaleRule, round: p.round, ...(p.round === 'stochastic' ? { randomBits: p.randomBits } : {}) };
  const bits = new Uint32Array(p.block), values = new Float32Array(bits.buffer), random = new Uint32Array(p.block);
  return (v: Vector): Vector => {
    for (let i = 0; i < p.block; i++) {
      bits[i] = Number(v[`v${i}`]) << shift >>> 0;
      if (p.round === 'stochastic') random[i] = Number(v[`rnd${i}`]);
    }
    const b = mxQuantizeBlock(values, elem, opts, p.round === 'stochastic' ? random : undefined);
    const out: Vector = { scale: BigInt(b.scale), nan_block: BigInt(b.flags & 1) };
    b.codes.forEach((c, i) => { out[`p${i}`] = BigInt(c); });
    return out;
  };
}

/** The lane stream: one block from its k/L input beats, its outputs as k/L beats. */
export function mxQuantizeGroupGolden(p: QuantizeGoldenParams) {
  const block = mxQuantizeGolden(p), L = p.lanes ?? p.block;
  return (beats: Vector[]): Vector[] => {
    const out = toBeats(block(fromBeats(beats, L, ['v', 'rnd'])), p.block, L, ['p'], ['scale', 'nan_block']);
    out.forEach((beat, j) => { beat.last = j === out.length - 1 ? 1n : 0n; });
    return out;
  };
}
