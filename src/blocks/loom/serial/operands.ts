// Operands as the serial units hold them: a weight keeps its P bits (only planes 0..Pw−1 are read);
// an activation keeps its low Pa bits, sign-extended (signed) or zero-extended to whole groups, so
// that its top group reads as a signed number and groups above it are never needed.

import { cat, lit, Bool, UInt, type Expr } from '../../../dsl/index.js';
import type { SerialShape } from './control.js';

export function extendActivation(a: Expr, pa: Expr, s: SerialShape): Expr {
  const { P, Bg, NG } = s;
  // One bit per group: the top group is bit Pa − 1 itself and no bit above it is read, so there is
  // nothing to extend (and no path from the precision into the activation registers).
  if (Bg === 1) return a;
  const keep = Array.from({ length: P + 1 }, (_, k) => (k < P ? pa.gt(lit(k, UInt(pa.width))) : lit(0, Bool)));
  const sign = s.signed ? keep.slice(0, P).map((m, k) => a.bit(k).and(m).and(keep[k + 1]!.not())).reduce((x, y) => x.or(y)) : lit(0, Bool);
  const bits = Array.from({ length: NG * Bg }, (_, k) => (k < P ? a.bit(k).and(keep[k]!).or(sign.and(keep[k]!.not())) : sign));
  return cat(...bits.reverse());
}
