// Golden model of blockfmt.dequantize: numerics' dequantizeBlock (formats.md §8), P_i · S (· S_t)
// exact then rounded once to float32; a NaN scale makes the block NaN. --rotate hadamard: then the
// inverse rotation (numerics/hadamard.ts), rounded once more per output, as the spec orders it.
import type { Vector } from '../../../cosim/model.js';
import { blockElem, dequantizeBlock, type IntRange, type ScaleName } from '../../../numerics/blockfmt.js';
import { hadamardRotate } from '../../../numerics/hadamard.js';
import { f32Bits, f32FromBits } from '../../../numerics/mx.js';

export function blockfmtDequantizeGolden(p: { elem: string; block: number; scale: ScaleName; tensorScale?: boolean | undefined; intRange: IntRange; rotate: 'none' | 'hadamard' }) {
  const st = p.scale !== 'e8m0' && p.tensorScale !== false;
  const bf = { elem: blockElem(p.elem, p.scale, p.intRange), block: p.block, scale: p.scale, tensorScale: st };
  const codes = new Array<number>(p.block);
  return (v: Vector): Vector => {
    for (let i = 0; i < p.block; i++) codes[i] = Number(v[`p${i}`]);
    const vals = dequantizeBlock(Number(v.scale), codes, bf, st ? f32FromBits(Number(v.st)) : 1);
    // NaN compares as the canonical float32 NaN code; --rotate hadamard: the inverse rotation of the values.
    const bits = Uint32Array.from(vals, (x) => (Number.isNaN(x) ? 0x7fc00000 : f32Bits(x)));
    const out: Vector = {};
    (p.rotate === 'hadamard' ? hadamardRotate(bits, true) : bits).forEach((b, i) => { out[`v${i}`] = BigInt(b); });
    return out;
  };
}
