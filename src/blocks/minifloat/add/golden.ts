// Golden model of minifloat.add: the exact sum of the two decoded values, rounded once into the
// output format by the numerics library's encoder (formats.md §2, §6).
import type { Vector } from '../../../cosim/model.js';
import { parseFormat } from '../../../numerics/format.js';
import { mfAdd } from '../../../numerics/minifloat.js';
import type { RoundingMode } from '../../../numerics/rounding.js';

export function minifloatAddGolden(p: { a: string; b: string; out: string; round: RoundingMode }) {
  const fa = parseFormat(p.a), fb = parseFormat(p.b), fo = parseFormat(p.out);
  return (v: Vector): Vector => ({ sum: BigInt(mfAdd(fa, Number(v.a), fb, Number(v.b), fo, p.round)) });
}
