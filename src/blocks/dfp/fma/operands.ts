// Dot products of two DFP16 vectors as dfp.fma packets: two element pairs per beat (an odd length
// pads with 0·0), both tensors' exponents on every beat.

import type { Vector } from '../../../cosim/model.js';

export function dotPacket(a: ArrayLike<number>, ea: number, b: ArrayLike<number>, eb: number): Vector[] {
  const beats = Math.max(1, Math.ceil(a.length / 2)), out: Vector[] = [];
  for (let k = 0; k < beats; k++) {
    const at = (x: ArrayLike<number>, i: number) => BigInt(i < x.length ? x[i]! : 0);
    out.push({ in_last: k === beats - 1 ? 1n : 0n, a0: at(a, 2 * k), b0: at(b, 2 * k), a1: at(a, 2 * k + 1), b1: at(b, 2 * k + 1), ea: BigInt(ea), eb: BigInt(eb) });
  }
  return out;
}
