// mx.dot-general: DotGeneral (formats.md §4) over a stream of block pairs with valid/ready. Each
// accepted pair adds its Dot to the running result, `clear` starts a new one, and every pair gives
// the result so far. `exact`: the block's exact sum is shifted by sa + sb into a Kulisch register that
// covers the whole e8m0 range (sticky NaN/Inf flags), rounded once (RNE) on the way out. `fp32`: the
// block's Dot is rounded to float32 and added to a float32 accumulator by a rounding float adder.
// Three register stages (block sum, accumulator, output), and up to three more (`stages`), in the
// order they pay off: exact, the rounding cut after the magnitude, then after the normalizing shift,
// then the aligned term registered before the accumulator's add; fp32, the block's rounded Dot
// registered before the float add (the others only delay). When the output waits, everything waits.

import { Bool, defineModule, lit, mux, numbered, reg, SInt, std, streamIn, streamOut, UInt, when, type Expr, type HwType } from '../../../dsl/index.js';
import { parseFormat, type FloatFormat } from '../../../numerics/format.js';
import { kulischWidth } from '../../../numerics/minifloat.js';
import { fields } from '../../minifloat/fields.js';
import { floatAdd } from '../../minifloat/float-add.js';
import { alignLeft } from '../../minifloat/align-left.js';
import { roundToFormat } from '../../minifloat/round.js';
import { kulischRegister } from '../../minifloat/kulisch-acc.js';
import { roundScaled } from '../../minifloat/round-scaled.js';
import { orAll, sumSpecials } from '../../minifloat/specials.js';
import { elemBOf } from '../dot/generator.js';
import { roundBlockSum } from '../round-block-sum.js';
import { elemProduct, fieldsFormat } from '../elem.js';
import type { DotGeneralParams } from './params.js';

/** Signed width of the Kulisch register: a block sum, shifted by up to 508, n times. */
export function kulischRegisterWidth(p: DotGeneralParams): number {
  const sumWidth = kulischWidth(fieldsFormat(parseFormat(p.elem)), fieldsFormat(parseFormat(p.elemB || p.elem)), p.block);
  return sumWidth + 508 + Math.ceil(Math.log2(p.n)) + 1;
}

export const mxDotGeneral = defineModule('mx_dot_general', (p: DotGeneralParams) => {
  const fa = parseFormat(p.elem), fb = parseFormat(elemBOf(p)), fo = parseFormat(p.output) as FloatFormat;
  const fp32 = parseFormat('fp32') as FloatFormat;
  const inp = streamIn<Record<string, HwType>>({ clear: Bool, sa: UInt(8), sb: UInt(8), ...numbered('a', p.block, UInt(fa.width)), ...numbered('b', p.block, UInt(fb.width)) });
  const result = streamOut({ c: UInt(fo.width) });
  const { valid: inValid, ready: inReady } = inp, { valid: outValid, ready: outReady } = result, c = result.data.c;
  const clear = inp.data['clear']!, sa = inp.data['sa']!, sb = inp.data['sb']!;
  const as = Array.from({ length: p.block }, (_, i) => inp.data[`a${i}`]!), bs = Array.from({ length: p.block }, (_, i) => inp.data[`b${i}`]!);

  const v3 = reg('valid_out', Bool, { init: 0 });
  const adv = outReady.or(v3.not()); // the pipeline moves unless a valid output waits
  inReady.set(adv);
  const stage = (x: Expr, name: string) => std.pipe(x, 1, name, adv);
  const validReg = (name: string, d: Expr) => { const r = reg(name, Bool, { init: 0 }); when(adv, () => r.set(d)); return r; };

  // Stage 1: exact products, exact tree, specials, the scale exponent sum.
  const prods = as.map((a, i) => elemProduct(a, fa, bs[i]!, fb, 0, 'auto', p.intMultiplier));
  const lsb = prods[0]!.lsb;
  const sp = sumSpecials(prods);
  const sum1 = stage(std.adderTree(prods.map((x) => x.word)), 'sum');
  const shift1 = stage(sa.zext(9).addWrap(sb.zext(9)), 'shift');
  const nan1 = stage(orAll([sp.nan, sa.andR(), sb.andR()])!, 'nan');
  const pinf1 = sp.pinf ? stage(sp.pinf, 'pinf') : undefined, ninf1 = sp.ninf ? stage(sp.ninf, 'ninf') : undefined;
  const clear1 = stage(clear, 'clear'), v1 = validReg('valid_sum', inValid);
  // The extra stages: `at` registers (on adv, as every stage) when that many are asked for.
  const extra = (at: number, x: Expr, name: string) => (p.stages >= at ? stage(x, name) : x);
  const extraValid = (at: number, v: Expr, name: string) => (p.stages >= at ? validReg(name, v) : v);
  const exact = p.acc === 'exact';
  const termAt = exact ? 3 : 1; // the stage that registers what the accumulator adds
  const vT = extraValid(termAt, v1, 'valid_term');
  const step = adv.and(vT);
  const v2 = validReg('valid_acc', vT);
  const [r1, r2] = exact ? [1, 2] : [2, 3]; // the stages between the accumulator and the output
  const vR = extraValid(r2, extraValid(r1, v2, 'valid_r1'), 'valid_r2');
  v3.set(mux(adv, vR, v3));
  outValid.set(v3);
  const clearT = extra(termAt, clear1, 'clear_t');

  if (p.acc === 'exact') {
    // Stage 2: the Kulisch register; stage 3: one rounding.
    const Wk = kulischRegisterWidth(p);
    const f = (x: Expr | undefined, name: string) => x && extra(termAt, x, name);
    const term = { word: extra(termAt, alignLeft(sum1, shift1, 0, Wk), 'term'), nan: f(nan1, 'nan_t')!, pinf: f(pinf1, 'pinf_t'), ninf: f(ninf1, 'ninf_t') };
    const k = kulischRegister(Wk, term, { nan: true, inf: !!(pinf1 && ninf1) }, step, clearT);
    const code = roundToFormat({ value: k.acc, lsb: lsb - 254, zeroNeg: undefined, nan: k.nan, pinf: k.pinf, ninf: k.ninf }, fo, 'rne', extra); // the rounding's cuts are stages 1 and 2
    c.set(stage(code, 'c_q'));
    return;
  }
  // fp32: stage 2 rounds the block's Dot and adds it to the float32 accumulator (the adder is in the
  // accumulator's loop); stage 3 is the output register (rounding to bf16 when asked). The first extra
  // stage registers the rounded Dot; the others only delay (the rounding cuts are the exact sum's).
  const dot = extra(termAt, roundBlockSum(sum1, lsb, shift1, { nan: nan1, pinf: pinf1, ninf: ninf1 }, fp32), 'dot_t');
  const acc = reg('acc', UInt(32), { init: 0 });
  when(step, () => acc.set(floatAdd(mux(clearT, lit(0, UInt(32)), acc), dot, fp32)));
  let out: Expr = acc;
  if (fo.name !== 'fp32') {
    const x = fields(acc, fp32);
    out = roundScaled({
      neg: x.sign!, mag: x.sig, exp: x.exp.zext(10).asSInt().addWrap(lit(-127, SInt(10))), expMin: -126, expMax: 128, maxNormShift: 23,
      nan: x.nan, pinf: x.inf!.and(x.sign!.not()), ninf: x.inf!.and(x.sign!),
    }, fo, 'rne', { sat: false });
  }
  c.set(stage(extra(r2, extra(r1, out, 'c_d1'), 'c_d2'), 'c_q'));
});
