// Golden model of blockfmt.dot: numerics' exact block dot (formats.md §4 for any format of §8),
// rounded once to float32 with RNE; the code is compared, so NaN is the canonical one.
import type { Vector } from '../../../cosim/model.js';
import { blockDotExact, blockElem, type BlockFormat, type IntRange, type ScaleName } from '../../../numerics/blockfmt.js';
import { roundTo } from '../../../numerics/dyadic.js';
import { parseFormat } from '../../../numerics/format.js';
import { f32FromBits } from '../../../numerics/mx.js';

const FP32 = parseFormat('fp32');

export function blockfmtDotGolden(p: { elem: string; elemB: string; block: number; scale: ScaleName; tensorScale?: boolean | undefined; intRange: IntRange }) {
  const st = p.scale !== 'e8m0' && p.tensorScale !== false;
  const side = (name: string): BlockFormat => ({ elem: blockElem(name, p.scale, p.intRange), block: p.block, scale: p.scale, tensorScale: st });
  const fa = side(p.elem), fb = side(p.elemB || p.elem);
  return (v: Vector): Vector => {
    const codes = (x: string) => Array.from({ length: p.block }, (_, i) => Number(v[`${x}${i}`]));
    const exact = blockDotExact(
      { scale: Number(v.sa), codes: codes('a'), tensorScale: st ? f32FromBits(Number(v.sta)) : 1 }, fa,
      { scale: Number(v.sb), codes: codes('b'), tensorScale: st ? f32FromBits(Number(v.stb)) : 1 }, fb,
    );
    return { c: BigInt(roundTo(FP32, exact)) };
  };
}
