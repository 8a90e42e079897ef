// MX dot products (formats.md §4): exact element products, exact sum, scale, one rounding.

import { add, fromCode, mul, NAN, roundTo, scale, ZERO, type Dyadic } from './dyadic.js';
import { decodeToNumber } from './decode.js';
import { parseFormat, type Format } from './format.js';
import { MX_NAN_SCALE } from './mx.js';

export interface MxOperand {
  readonly scale: number; // e8m0 code
  readonly codes: ArrayLike<number>;
  readonly elem: Format;
}

const FP32 = parseFormat('fp32');

/** The exact (unrounded) value X_A · X_B · Σ P_A,i · P_B,i of one block pair. */
export function mxDotExact(a: MxOperand, b: MxOperand): Dyadic {
  if (a.codes.length !== b.codes.length) throw new RangeError(`block sizes differ: ${a.codes.length} and ${b.codes.length}`);
  if (a.scale === MX_NAN_SCALE || b.scale === MX_NAN_SCALE) return NAN;
  let sum: Dyadic = ZERO;
  for (let i = 0; i < a.codes.length; i++) sum = add(sum, mul(fromCode(a.elem, a.codes[i]!), fromCode(b.elem, b.codes[i]!)));
  return scale(sum, a.scale - 127 + b.scale - 127);
}

/** Dot(A, B): one block pair → float32 (or bf16), rounded once with RNE. */
export function mxDot(a: MxOperand, b: MxOperand, out: Format = FP32): number {
  return decodeToNumber(out, roundTo(out, mxDotExact(a, b)));
}

/** DotGeneral over n block pairs: `exact` (one wide accumulator, one rounding) or `fp32` (round per block, float32 adds). */
export function mxDotGeneral(as: readonly MxOperand[], bs: readonly MxOperand[], acc: 'exact' | 'fp32' = 'exact', out: Format = FP32): number {
  if (as.length !== bs.length) throw new RangeError(`${as.length} A blocks but ${bs.length} B blocks`);
  if (acc === 'exact') {
    let sum: Dyadic = ZERO;
    for (let j = 0; j < as.length; j++) sum = add(sum, mxDotExact(as[j]!, bs[j]!));
    return decodeToNumber(out, roundTo(out, sum));
  }
  let s = 0;
  // float32 + float32 in float64 then fround is the correctly rounded float32 sum (53 >= 2·24 + 2).
  for (let j = 0; j < as.length; j++) s = Math.fround(s + mxDot(as[j]!, bs[j]!));
  return out.name === 'fp32' ? s : decodeToNumber(out, roundTo(out, s === 0 ? ZERO : fromNumber(s)));
}

function fromNumber(x: number): Dyadic {
  if (Number.isNaN(x)) return NAN;
  if (!Number.isFinite(x)) return { kind: 'inf', neg: x < 0 };
  let e = 0, m = x;
  while (!Number.isInteger(m)) { m *= 2; e--; }
  return { kind: 'num', sig: BigInt(m), exp: e };
}
