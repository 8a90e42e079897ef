// Golden model of mx.nvfp4-quantize: numerics' NVFP4 block quantizer (formats.md §5), which divides
// in float32 order (float64 then fround: correctly rounded, 53 ≥ 2·24 + 2) — the hardware's
// threshold compares are checked against real divisions.
import type { Vector } from '../../../cosim/model.js';
import { nvfp4QuantizeBlock } from '../../../numerics/nvfp4.js';

export interface Nvfp4QuantizeGoldenParams { block: number; scaleClamp: 'bump' | 'torchao' }

export function nvfp4QuantizeGolden(p: Nvfp4QuantizeGoldenParams) {
  const bits = new Uint32Array(p.block + 1), values = new Float32Array(bits.buffer), block = values.subarray(0, p.block);
  return (v: Vector): Vector => {
    for (let i = 0; i < p.block; i++) bits[i] = Number(v[`v${i}`]);
    bits[p.block] = Number(v.st);
    const b = nvfp4QuantizeBlock(block, values[p.block]!, { torchaoClamp: p.scaleClamp === 'torchao' });
    const out: Vector = { scale: BigInt(b.scale), nan_block: b.flags ? 1n : 0n };
    b.codes.forEach((c, i) => { out[`p${i}`] = BigInt(c); });
    return out;
  };
}
