// Golden model of mx.nvfp4-dot: numerics' exact NVFP4 dot (dyadic product of the block sum and the
// four scales), rounded once to float32.
import type { Vector } from '../../../cosim/model.js';
import { roundTo } from '../../../numerics/dyadic.js';
import { parseFormat } from '../../../numerics/format.js';
import { f32FromBits } from '../../../numerics/mx.js';
import { nvfp4DotExact } from '../../../numerics/nvfp4.js';

const FP32 = parseFormat('fp32');

export function nvfp4DotGolden(p: { block: number }) {
  return (v: Vector): Vector => {
    const codes = (x: string) => Array.from({ length: p.block }, (_, i) => Number(v[`${x}${i}`]));
    const exact = nvfp4DotExact(
      { scale: Number(v.sa), codes: codes('a'), tensorScale: f32FromBits(Number(v.sta)) },
      { scale: Number(v.sb), codes: codes('b'), tensorScale: f32FromBits(Number(v.stb)) },
    );
    return { c: BigInt(roundTo(FP32, exact)) };
  };
}
