// Golden model of mx.dot-general (formats.md §4 DotGeneral), one output per block pair: the result of
// the pairs since the last clear. exact: Σ of the exact block Dots (the numerics library's
// mxDotExact) in the Kulisch register's LSB units, wrapping at its width like the register, IEEE
// specials sticky; one RNE rounding. fp32: each Dot rounded to float32, added in float32.
import type { Vector } from '../../../cosim/model.js';
import { NAN, roundTo } from '../../../numerics/dyadic.js';
import { decodeToNumber } from '../../../numerics/decode.js';
import { encoderFor } from '../../../numerics/encode.js';
import { parseFormat } from '../../../numerics/format.js';
import { kulischLsb, kulischWidth } from '../../../numerics/minifloat.js';
import { mxDotExact } from '../../../numerics/mx-dot.js';
import { fieldsFormat } from '../elem.js';
import type { DotGeneralParams } from './params.js';

const FP32 = parseFormat('fp32');

export function mxDotGeneralGolden(p: DotGeneralParams) {
  const fa = parseFormat(p.elem), fb = parseFormat(p.elemB || p.elem), fo = parseFormat(p.output);
  // The register the spec sizes for n block pairs (blocks.md: a block sum shifted by up to 2·254,
  // n times, signed); past n pairs it wraps, and so does the model.
  const Wk = kulischWidth(fieldsFormat(fa), fieldsFormat(fb), p.block) + 508 + Math.ceil(Math.log2(p.n)) + 1;
  const lsb = kulischLsb(fieldsFormat(fa), fieldsFormat(fb)) - 254;
  let sum = 0n, nan = false, pinf = false, ninf = false, acc = 0;
  const a = new Array<number>(p.block), b = new Array<number>(p.block);
  return (v: Vector): Vector => {
    for (let i = 0; i < p.block; i++) { a[i] = Number(v[`a${i}`]); b[i] = Number(v[`b${i}`]); }
    const x = mxDotExact({ scale: Number(v.sa), codes: a, elem: fa }, { scale: Number(v.sb), codes: b, elem: fb });
    if (p.acc === 'fp32') {
      if (v.clear === 1n) acc = 0;
      acc = Math.fround(acc + decodeToNumber(FP32, roundTo(FP32, x))); // float32 + float32, rounded once
      return { c: BigInt(encoderFor(fo).encodeNumber(acc)) }; // exact for float32 values; NaN → the canonical NaN
    }
    if (v.clear === 1n) { sum = 0n; nan = pinf = ninf = false; }
    if (x.kind === 'nan') nan = true;
    else if (x.kind === 'inf') { if (x.neg) ninf = true; else pinf = true; }
    else sum = BigInt.asIntN(Wk, sum + (x.sig << BigInt(x.exp - lsb)));
    const out = nan || (pinf && ninf) ? roundTo(fo, NAN) : pinf || ninf ? roundTo(fo, { kind: 'inf', neg: ninf }) : roundTo(fo, { kind: 'num', sig: sum, exp: lsb });
    return { c: BigInt(out) };
  };
}
