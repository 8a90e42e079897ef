// Golden model of mx.dequantize: v_i = X · P_i exactly (formats.md §3), rounded once into the output
// format (RNE); a NaN scale gives NaN everywhere.
import type { Vector } from '../../../cosim/model.js';
import { fromCode, NAN, roundTo, scale } from '../../../numerics/dyadic.js';
import { parseFormat } from '../../../numerics/format.js';
import { MX_NAN_SCALE } from '../../../numerics/mx.js';

export function mxDequantizeGolden(p: { elem: string; block: number; output: string }) {
  const elem = parseFormat(p.elem), fo = parseFormat(p.output);
  return (v: Vector): Vector => {
    const x = Number(v.scale), out: Vector = {};
    for (let i = 0; i < p.block; i++) out[`v${i}`] = BigInt(roundTo(fo, x === MX_NAN_SCALE ? NAN : scale(fromCode(elem, Number(v[`p${i}`])), x - 127)));
    return out;
  };
}
