// dfp.quantize: B float32 values → a shared exponent E_s = E_max − 14 and B INT16 elements
// RNE(x·2^−E_s), saturated to ±32767 (docs/training-accelerators.md, INT16 dynamic fixed point).
// The block maximum is a tree over the exponent fields; each lane then shifts its significand right
// by 9 + (E_max − e), at least 9, with round to nearest even.

import { Bool, cat, defineModule, lit, mux, numbered, outputs, pipelineValid, SInt, std, UInt, inputs, type Expr, type HwType } from '../../../dsl/index.js';
import type { DfpQuantizeParams } from './params.js';

export { params } from './params.js';

/** A shift past 17 leaves less than half an LSB of any 24-bit significand: the result is 0. */
const MAX_EXTRA_SHIFT = 17;

/** max(f, 1): zeros and subnormals have the scale of exponent field 1. */
const effectiveField = (f: Expr) => mux(f.eq(0), lit(1, UInt(8)), f);

function maxTree(xs: readonly Expr[]): Expr {
  if (xs.length === 1) return xs[0]!;
  const half = Math.ceil(xs.length / 2), a = maxTree(xs.slice(0, half)), b = maxTree(xs.slice(half));
  return mux(a.ge(b), a, b);
}

/** One lane: the float32 `x` in units of 2^E_s, where `fmax` is the block's largest effective field. */
function convertLane(x: Expr, fmax: Expr): Expr {
  const f = x.bits(30, 23), man = x.bits(22, 0), neg = x.bit(31);
  const sig = cat(f.ne(0), man); // 24 bits
  const d = fmax.sub(effectiveField(f)).trunc(8); // 0 … 254: E_max − e
  const t = mux(d.gt(MAX_EXTRA_SHIFT), lit(MAX_EXTRA_SHIFT, UInt(5)), d.trunc(5));
  const y = std.barrelShift(sig, t, 'right-logical');
  const lost = sig.and(std.barrelShift(lit((1 << 24) - 1, UInt(24)), t, 'left').not()).orR(); // bits below the shift by t
  const q = y.bits(23, 9), guard = y.bit(8), sticky = y.bits(7, 0).orR().or(lost);
  const r = q.zext(16).addWrap(guard.and(sticky.or(q.bit(0))).zext(16));
  const mag = mux(r.bit(15), lit(32767, UInt(16)), r); // only the block's maximum rounds up to 2^15
  const special = f.eq(255), nan = special.and(man.orR());
  const m = mux(special, mux(nan, lit(0, UInt(16)), lit(32767, UInt(16))), mag);
  return mux(neg, m.asSInt().neg().trunc(16), m.asSInt());
}

export const dfpQuantize = defineModule('dfp_quantize', (p: DfpQuantizeParams) => {
  const B = p.block;
  pipelineValid(p.stages);
  const x = Object.values(inputs(numbered('x', B, UInt(32))));
  const out = outputs<Record<string, HwType>>({ exp: SInt(9), special: Bool, ...numbered('q', B, SInt(16)) });

  const fields = x.map((v) => v.bits(30, 23));
  const fmax0 = maxTree(fields.map(effectiveField));
  const special0 = fields.map((f) => f.eq(255)).reduce((a, b) => a.or(b));
  // Stage 1 after the maximum; stage 2 after the conversion.
  const s1 = Math.min(p.stages, 1), s2 = p.stages - s1;
  const fmax = std.pipe(fmax0, s1, 'fmax'), xs = x.map((v, i) => std.pipe(v, s1, `x${i}`));
  const q = xs.map((v, i) => std.pipe(convertLane(v, fmax), s2, `q${i}`));
  out.exp!.set(std.pipe(fmax.zext(9).asSInt().subWrap(lit(141, SInt(9))), s2, 'exp'));
  out.special!.set(std.pipe(special0, p.stages, 'special'));
  q.forEach((v, i) => out[`q${i}`]!.set(v));
});
