// Golden model of mx.nvfp4-dot: numerics' exact NVFP4 dot (dyadic product of the block sum and the
// four scales), rounded once to float32.
import type { Vector } from '../../../cosim/model.js';
import { roundTo } from '../../../numerics/dyadic.js';
import { parseFormat } from '../../../numerics/format.js';
import { nvfp4DotExact } from '../../../numerics/nvfp4.js';

const FP32 = parseFormat('fp32');
const f32 = new Float32Array(1), u32 = new Uint32Array(f32.buffer);
const fromBits = (b: bigint) => { u32[0] = Number(b); return f32[0]!; };

export function nvfp4DotGolden(p: { block: number }) {
  return (v: Vector): Vector => {
    const codes = (x: string) => Array.from({ length: p.block }, (_, i) => Number(v[`${x}${i}`]));
    const exact = nvfp4DotExact(
      { scale: Number(v.sa), codes: codes('a'), tensorScale: fromBits(v.sta!) },
      { scale: Number(v.sb), codes: codes('b'), tensorScale: fromBits(v.stb!) },
    );
    return { c: BigInt(roundTo(FP32, exact)) };
  };
}
