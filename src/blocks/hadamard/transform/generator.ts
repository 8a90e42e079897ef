// hadamard.transform: y = H_N · x for a block of N values (formats.md §8), H_N the Sylvester Hadamard
// matrix, by log2 N butterfly levels of exact adders and subtractors (a + b, a − b, one bit wider per
// level), which give Sylvester order. Integer inputs: exact integer outputs, no factor. Float inputs:
// each code becomes an exact fixed-point word, the butterflies stay exact, and each output is rounded
// once (RNE) into `output` with the factor 2^−⌈log2(N)/2⌉ as a shift of the LSB (free). NaN, the
// infinities and the sign of a zero travel beside the words as flags, through the same butterflies.
// `stages` registers are spread over the levels (the rounding is one more for floats), the last at
// the output; in_valid travels beside.

import { Bool, defineModule, input, output, SInt, std, UInt, type Expr } from '../../../dsl/index.js';
import { parseFormat, type FloatFormat } from '../../../numerics/format.js';
import { fields } from '../../minifloat/fields.js';
import { fixedWord } from '../../minifloat/fixed.js';
import { roundToFormat } from '../../minifloat/round.js';
import { specialsOf } from '../../minifloat/specials.js';
import { factorLog2, inputBits, intOutputBits, isFloat, outFormat, registerLevels, type HadamardParams } from './params.js';

export { params } from './params.js';

/** One value between levels: the exact word, and for floats the flags of its sum (undefined: 0). */
interface Lane {
  readonly value: Expr;
  readonly nan?: Expr | undefined;
  readonly pinf?: Expr | undefined;
  readonly ninf?: Expr | undefined;
  /** Every term of the sum is −0 (then a zero sum is −0), and every term is +0. */
  readonly zn?: Expr | undefined;
  readonly zp?: Expr | undefined;
}

const or = (a?: Expr, b?: Expr) => (a && b ? a.or(b) : (a ?? b));
const and = (a?: Expr, b?: Expr) => (a && b ? a.and(b) : undefined);

/** (a + b, a − b): negating b swaps its infinities and its zeros' signs. */
function butterfly(a: Lane, b: Lane): [Lane, Lane] {
  const w = Math.max(a.value.width, b.value.width) + 1;
  const x = a.value.ext(w), y = b.value.ext(w), nan = or(a.nan, b.nan);
  return [
    { value: x.addWrap(y), nan, pinf: or(a.pinf, b.pinf), ninf: or(a.ninf, b.ninf), zn: and(a.zn, b.zn), zp: and(a.zp, b.zp) },
    { value: x.subWrap(y), nan, pinf: or(a.pinf, b.ninf), ninf: or(a.ninf, b.pinf), zn: and(a.zn, b.zp), zp: and(a.zp, b.zn) },
  ];
}

function registered(l: Lane, name: string): Lane {
  const r = (e: Expr | undefined, tag: string) => (e ? std.pipe(e, 1, `${name}${tag}`) : undefined);
  return { value: r(l.value, '')!, nan: r(l.nan, '_nan'), pinf: r(l.pinf, '_pinf'), ninf: r(l.ninf, '_ninf'), zn: r(l.zn, '_zn'), zp: r(l.zp, '_zp') };
}

/** A float code as an exact word (LSB 2^lsb) with its flags. */
function floatLane(code: Expr, f: FloatFormat): { lane: Lane; lsb: number } {
  const x = fields(code, f), w = fixedWord(x, f), sp = specialsOf(x);
  const zero = x.sig.orR().not();
  return {
    lane: { value: w.value, nan: sp.nan, pinf: sp.pinf, ninf: sp.ninf, zn: sp.zeroNeg, zp: x.sign ? x.sign.not().and(zero) : zero },
    lsb: w.lsb,
  };
}

export const hadamard = defineModule('hadamard', (p: HadamardParams) => {
  const float = isFloat(p), fi = float ? (parseFormat(p.in) as FloatFormat) : undefined, fo = outFormat(p);
  const inValid = p.stages > 0 ? input('in_valid', Bool) : undefined;
  const xs = Array.from({ length: p.n }, (_, i) => input(`x${i}`, float ? UInt(inputBits(p)) : SInt(inputBits(p))));
  const outValid = inValid ? output('out_valid', Bool) : undefined;
  const ys = Array.from({ length: p.n }, (_, i) => output(`y${i}`, float ? UInt(fo.width) : SInt(intOutputBits(p))));

  const lanes = xs.map((x) => (fi ? floatLane(x, fi) : { lane: { value: x } as Lane, lsb: 0 }));
  const lsb = lanes[0]!.lsb; // of every input's word (0 for integers)
  let v = lanes.map((l) => l.lane);
  const at = registerLevels(p);
  let valid: Expr | undefined = inValid;
  const stage = (level: number) => { if (valid && at.has(level)) valid = std.pipeValid(valid, 1, `valid_l${level}`); };
  let level = 1;
  for (let h = 1; h < p.n; level++, h *= 2) {
    // Pairs h apart within blocks of 2h.
    const next: Lane[] = new Array(p.n);
    for (let i = 0; i < p.n; i += 2 * h) {
      for (let j = i; j < i + h; j++) [next[j], next[j + h]] = butterfly(v[j]!, v[j + h]!);
    }
    v = at.has(level) ? next.map((l, i) => registered(l, `l${level}_${i}`)) : next;
    stage(level);
  }
  const outs = v.map((l, i) => {
    if (!float) return l.value;
    // y = 2^factor · (H·x): the same word, its LSB lower. NaN wins over the infinities in the rounder.
    const code = roundToFormat({ value: l.value, lsb: lsb + factorLog2(p), zeroNeg: l.zn, nan: or(l.nan, and(l.pinf, l.ninf)), pinf: l.pinf, ninf: l.ninf }, fo, 'rne');
    return at.has(level) ? std.pipe(code, 1, `y${i}_r`) : code;
  });
  if (float) stage(level);
  ys.forEach((y, i) => y.set(outs[i]!));
  if (outValid && valid) outValid.set(valid);
});
