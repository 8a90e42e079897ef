// gobo.decoder: GOBO's weight decoder (docs/training-accelerators.md). Centroid beats fill the 8-entry
// dictionary, patch beats hold an outlier for a lane of the next index beat, and each index beat
// sends L values: a lane's patch, or the centroid its 3-bit index names.

import { Bool, defineModule, lit, mux, numbered, reg, std, streamIn, streamOut, UInt, when, type HwType } from '../../../dsl/index.js';
import { KIND_CENTROID, KIND_INDEX, KIND_PATCH, selBits, valueBits, type GoboParams } from '../params.js';

export { params } from '../params.js';

export const goboDecoder = defineModule('gobo_decoder', (p: GoboParams) => {
  const L = p.lanes, VW = UInt(valueBits(p));
  const inp = streamIn<Record<string, HwType>>({ in_kind: UInt(2), in_last: Bool, sel: UInt(selBits(p)), value: VW, ...numbered('idx', L, UInt(3)) });
  const out = streamOut<Record<string, HwType>>(numbered('v', L, VW));
  const d = inp.data;

  const dict = Array.from({ length: 8 }, (_, k) => reg(`c${k}`, VW, { init: 0 }));
  const patch = Array.from({ length: L }, (_, i) => reg(`patch${i}`, VW, { init: 0 }));
  const patched = reg('patched', UInt(L), { init: 0 });
  const oValid = reg('o_valid', Bool, { init: 0 });
  const oV = Array.from({ length: L }, (_, i) => reg(`o_v${i}`, VW, { init: 0 }));

  const slotFree = oValid.not().or(out.ready);
  inp.ready.set(slotFree);
  const kind = d.in_kind!, isIndex = inp.fire.and(kind.eq(KIND_INDEX));
  when(inp.fire.and(kind.eq(KIND_CENTROID)), () => dict.forEach((c, k) => when(d.sel!.eq(k), () => c.set(d.value!))));
  const lanePatch = (i: number) => inp.fire.and(kind.eq(KIND_PATCH)).and(d.sel!.eq(i));
  patch.forEach((r, i) => when(lanePatch(i), () => r.set(d.value!)));
  const newMask = Array.from({ length: L }, (_, i) => lanePatch(i).zext(L).shl(i).trunc(L)).reduce((a, b) => a.or(b));
  when(isIndex.or(inp.fire.and(d.in_last!)), () => patched.set(lit(0, UInt(L)))).otherwise(() => patched.set(patched.or(newMask)));

  when(isIndex, () => {
    oV.forEach((o, i) => o.set(mux(patched.bit(i), patch[i]!, std.select(d[`idx${i}`]!, dict))));
    oValid.set(1);
  }).elseWhen(out.ready, () => oValid.set(0));

  out.valid.set(oValid);
  oV.forEach((o, i) => out.data[`v${i}`]!.set(o));
});
