// --rotate hadamard: a unit behind (quantize) or in front of (dequantize) the Hadamard transform, as
// two instances in one module: hadamard.transform on fp32 blocks (formats.md §8: y = 2^−⌈log2 k/2⌉·H·x
// before quantizing, the inverse factor 2^−⌊log2 k/2⌋ after dequantizing), and the unit with
// --rotate none. The unit's side inputs (tensor scale, random bits) wait beside the rotation.

import { Bool, input, instance, output, std, UInt, type Expr, type ModuleGenerator } from '../../dsl/index.js';
import { hadamard } from '../hadamard/transform/generator.js';

export interface RotatedUnit<P> {
  readonly gen: ModuleGenerator<P>;
  readonly params: P; // with rotate none
  readonly stages: number; // of the unit: 0 means no valid ports
  /** Data ports of the block: names and width, in order (v<i> of the quantizer, p<i> of the dequantizer). */
  readonly dataIn: ReadonlyArray<readonly [string, number]>;
  /** Side inputs beside the data (st, rnd<i>, scale). */
  readonly sideIn: ReadonlyArray<readonly [string, number]>;
  readonly dataOut: ReadonlyArray<readonly [string, number]>;
  readonly sideOut: ReadonlyArray<readonly [string, number]>;
}

/** The rotation first (quantize): block inputs → hadamard → unit. */
export function rotateThenUnit<P>(u: RotatedUnit<P>, k: number, rotateStages: number): void {
  const rs = rotateStages, total = rs + u.stages;
  const inValid = total > 0 ? input('in_valid', Bool) : undefined;
  const data = u.dataIn.map(([n, w]) => input(n, UInt(w)));
  const side = u.sideIn.map(([n, w]) => [n, input(n, UInt(w))] as const);
  const h = instance(hadamard, { n: k, in: 'fp32', output: '', inverse: false, stages: rs }, {
    ...(rs ? { in_valid: inValid! } : {}), ...Object.fromEntries(data.map((d, i) => [`x${i}`, d])),
  }, 'u_rotate');
  const unitValid = rs ? h.out('out_valid') : inValid;
  const q = instance(u.gen, u.params, {
    ...(u.stages ? { in_valid: unitValid! } : {}),
    ...Object.fromEntries(u.dataIn.map(([n], i) => [n, h.out(`y${i}`)])),
    ...Object.fromEntries(side.map(([n, s]) => [n, std.pipe(s, rs, `${n}_d`)])),
  }, 'u_unit');
  for (const [n, w] of [...u.dataOut, ...u.sideOut]) output(n, UInt(w)).set(q.out(n));
  if (inValid) output('out_valid', Bool).set(u.stages ? q.out('out_valid') : unitValid!);
}

/** The unit first (dequantize): unit → inverse hadamard on its data outputs. */
export function unitThenRotate<P>(u: RotatedUnit<P>, k: number, rotateStages: number): void {
  const rs = rotateStages, total = rs + u.stages;
  const inValid = total > 0 ? input('in_valid', Bool) : undefined;
  const ins = [...u.dataIn, ...u.sideIn].map(([n, w]) => [n, input(n, UInt(w))] as const);
  const q = instance(u.gen, u.params, { ...(u.stages ? { in_valid: inValid! } : {}), ...Object.fromEntries(ins) }, 'u_unit');
  const unitValid: Expr | undefined = u.stages ? q.out('out_valid') : inValid;
  const h = instance(hadamard, { n: k, in: 'fp32', output: '', inverse: true, stages: rs }, {
    ...(rs ? { in_valid: unitValid! } : {}), ...Object.fromEntries(u.dataOut.map(([n], i) => [`x${i}`, q.out(n)])),
  }, 'u_rotate');
  u.dataOut.forEach(([n, w], i) => output(n, UInt(w)).set(h.out(`y${i}`)));
  if (inValid) output('out_valid', Bool).set(rs ? h.out('out_valid') : unitValid!);
}
