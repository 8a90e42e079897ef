// gobo.pe: GOBO's dot-product unit (docs/training-accelerators.md). Index beats add each activation
// (fp16, exact at 2^−24) into the bin of its centroid; outlier beats add o·x exactly into the
// accumulator; after the last beat, 8 cycles add c_k·bin_k and the exact sum is rounded once to
// float32.

import { Bool, defineModule, lit, mux, numbered, reg, SInt, std, streamIn, streamOut, UInt, when, type Expr, type HwType } from '../../../dsl/index.js';
import { parseFormat, type FloatFormat } from '../../../numerics/format.js';
import { fields } from '../../minifloat/fields.js';
import { fixedWord } from '../../minifloat/fixed.js';
import { alignLeft } from '../../minifloat/align-left.js';
import { pipelinedProduct } from '../../minifloat/product.js';
import { roundToFormat } from '../../minifloat/round.js';
import { KIND_CENTROID, KIND_INDEX } from '../params.js';
import { accBits, ACC_LSB, binBits, type GoboPeParams } from './params.js';

export { params } from './params.js';

const FP16 = parseFormat('fp16') as FloatFormat, FP32 = parseFormat('fp32') as FloatFormat;
const KIND_OUTLIER = 1;

export const goboPe = defineModule('gobo_pe', (p: GoboPeParams) => {
  const L = p.lanes, WB = binBits(p), W = accBits(p), H = UInt(16);
  const inp = streamIn<Record<string, HwType>>({ in_kind: UInt(2), in_last: Bool, sel: UInt(3), o: H, ox: H, omask: UInt(L), ...numbered('idx', L, UInt(3)), ...numbered('x', L, H) });
  const out = streamOut({ result: UInt(32) });
  const d = inp.data;

  const dict = Array.from({ length: 8 }, (_, k) => reg(`c${k}`, H, { init: 0 }));
  const bins = Array.from({ length: 8 }, (_, k) => reg(`bin${k}`, SInt(WB), { init: 0 }));
  const acc = reg('acc', SInt(W), { init: 0 });
  const special = reg('special', Bool, { init: 0 });
  const post = reg('post', Bool, { init: 0 }), k = reg('k', UInt(4), { init: 0 });
  const oValid = reg('o_valid', Bool, { init: 0 }), oResult = reg('o_result', UInt(32), { init: 0 });

  const fire = inp.fire, kind = d.in_kind!;
  const isIndex = fire.and(kind.eq(KIND_INDEX)), isOutlier = fire.and(kind.eq(KIND_OUTLIER));
  const notNumber = (code: Expr) => { const f = fields(code, FP16); return f.nan!.or(f.inf!); };

  // ---- Index beats: per centroid, the sum of its lanes' activations.
  const xs = Array.from({ length: L }, (_, i) => fixedWord(fields(d[`x${i}`]!, FP16), FP16).value); // SInt(42), LSB 2^−24
  const laneTo = (i: number, c: number) => d[`idx${i}`]!.eq(c).and(d.omask!.bit(i).not());
  const beatSum = (c: number) => std.adderTree(xs.map((x, i) => mux(laneTo(i, c), x, lit(0, SInt(x.width)))));
  const beatSpecial = Array.from({ length: L }, (_, i) => notNumber(d[`x${i}`]!)).reduce((a, b) => a.or(b));

  // ---- Outlier beats: o·x exact at 2^−48.
  const prod = pipelinedProduct(d.o!, FP16, d.ox!, FP16, W, 0, 'carry');
  const outlierSpecial = notNumber(d.o!).or(notNumber(d.ox!));

  // ---- After the last beat: c_k·bin_k for k = 0 … 7, then the rounding.
  const ck = fields(std.select(k.bits(2, 0), dict), FP16), bk = std.select(k.bits(2, 0), bins);
  const mag = ck.sig.zext(12).asSInt().mul(bk); // SInt(WB + 12)
  const term = alignLeft(mux(ck.sign!, lit(0, SInt(mag.width)).subWrap(mag), mag), ck.exp, 1, W);
  const dictSpecial = dict.map((c) => notNumber(c)).reduce((a, b) => a.or(b));
  const code = roundToFormat({ value: acc, lsb: ACC_LSB, zeroNeg: undefined, nan: special.or(dictSpecial), pinf: undefined, ninf: undefined }, FP32, 'rne');

  const slotFree = oValid.not().or(out.ready);
  const finishing = post.and(k.eq(8));
  inp.ready.set(post.not());
  when(fire.and(kind.eq(KIND_CENTROID)), () => dict.forEach((c, j) => when(d.sel!.eq(j), () => c.set(d.o!))));
  when(isIndex, () => {
    bins.forEach((b, c) => { const t = beatSum(c); b.set(b.addWrap(t.width > WB ? t.trunc(WB).asSInt() : t.ext(WB))); }); // modular: a beat wider than the bins wraps as they do
    when(beatSpecial, () => special.set(1));
  });
  when(isOutlier, () => {
    acc.set(acc.addWrap(prod.word));
    when(outlierSpecial, () => special.set(1));
  });
  when(fire.and(d.in_last!), () => { post.set(1); k.set(lit(0, UInt(4))); });
  when(post.and(k.lt(8)), () => {
    acc.set(acc.addWrap(term));
    k.set(k.addWrap(1));
  });
  when(finishing.and(slotFree), () => {
    oResult.set(code);
    oValid.set(1);
    post.set(0);
    acc.set(lit(0, SInt(W)));
    special.set(0);
    bins.forEach((b) => b.set(lit(0, SInt(WB))));
  }).elseWhen(out.ready, () => oValid.set(0));

  out.valid.set(oValid);
  out.data.result.set(oResult);
});
