// Golden model of blockfmt.quantize: numerics' block-scaled quantizer (formats.md §8), one block per
// transaction, after the Hadamard rotation with --rotate hadamard. With the on-chip LFSR the model keeps the lanes' states from transaction to
// transaction (numerics/lfsr.ts, from the spec), so it is stateful: a replay starts from reset.

import type { Vector } from '../../../cosim/model.js';
import { blockElem, quantizeBlock, type BlockFormat, type IntRange, type ScaleName } from '../../../numerics/blockfmt.js';
import { hadamardRotate } from '../../../numerics/hadamard.js';
import { LaneLfsr } from '../../../numerics/lfsr.js';
import { f32FromBits, type ScaleRule } from '../../../numerics/mx.js';

export interface BlockQuantizeGoldenParams {
  elem: string; block: number; scale: ScaleName; tensorScale?: boolean | undefined; intRange: IntRange;
  scaleRule?: ScaleRule | undefined; round: 'rne' | 'rna' | 'rtz' | 'stochastic'; randomBits: number;
  rng: 'ports' | 'lfsr'; seed?: number | undefined; lfsrLanes?: number | undefined; input: 'fp32' | 'bf16'; rotate: 'none' | 'hadamard';
}

export function blockfmtQuantizeGolden(p: BlockQuantizeGoldenParams) {
  const st = p.scale !== 'e8m0' && p.tensorScale !== false; // a ue scale has S_t unless turned off
  const bf: BlockFormat = {
    elem: blockElem(p.elem, p.scale, p.intRange), block: p.block, scale: p.scale, tensorScale: st,
    scaleRule: p.scaleRule ?? 'floor', round: p.round, ...(p.round === 'stochastic' ? { randomBits: p.randomBits } : {}),
  };
  const lfsr = p.round === 'stochastic' && p.rng === 'lfsr' ? new LaneLfsr(p.seed ?? 1, p.lfsrLanes ?? p.block, p.block, p.randomBits) : undefined;
  const shift = p.input === 'bf16' ? 16 : 0;
  const bits = new Uint32Array(p.block), values = new Float32Array(bits.buffer), ports = new Uint32Array(p.block);
  return (v: Vector): Vector => {
    for (let i = 0; i < p.block; i++) {
      bits[i] = Number(v[`v${i}`]) << shift >>> 0;
      if (p.round === 'stochastic' && !lfsr) ports[i] = Number(v[`rnd${i}`]);
    }
    if (p.rotate === 'hadamard') bits.set(hadamardRotate(bits)); // quantize(H·x), formats.md §8
    const random = p.round !== 'stochastic' ? undefined : lfsr ? lfsr.next() : ports;
    const q = quantizeBlock(values, bf, st ? f32FromBits(Number(v.st)) : 1, random);
    const out: Vector = { scale: BigInt(q.scale), nan_block: q.flags ? 1n : 0n };
    q.codes.forEach((c, i) => { out[`p${i}`] = BigInt(c); });
    return out;
  };
}
