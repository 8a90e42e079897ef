// Golden model of mx.dot: the numerics library's exact block dot product (formats.md §4), rounded
// once with RNE into the output format; the code is compared, so NaN is the canonical one.
import type { Vector } from '../../../cosim/model.js';
import { roundTo } from '../../../numerics/dyadic.js';
import { parseFormat } from '../../../numerics/format.js';
import { mxDotExact } from '../../../numerics/mx-dot.js';

export function mxDotGolden(p: { elem: string; elemB: string; block: number; output: string }) {
  const fa = parseFormat(p.elem), fb = parseFormat(p.elemB || p.elem), fo = parseFormat(p.output);
  const a = new Array<number>(p.block), b = new Array<number>(p.block);
  return (v: Vector): Vector => {
    for (let i = 0; i < p.block; i++) { a[i] = Number(v[`a${i}`]); b[i] = Number(v[`b${i}`]); }
    const exact = mxDotExact({ scale: Number(v.sa), codes: a, elem: fa }, { scale: Number(v.sb), codes: b, elem: fb });
    return { c: BigInt(roundTo(fo, exact)) };
  };
}
