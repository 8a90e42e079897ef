// Golden cycle model of loom.sip, from blocks.md §3: the exact Σ w·a of the operands read at their
// runtime precisions (the low Pa / Pw bits, two's complement when signed), and the timing: a step
// taken while the unit is idle (or in its last cycle) runs ⌈Pa/B⌉·Pw cycles (conv) or Pw (fc); its
// result is visible the cycle after the last one and held until out_ready. Outputs are predicted
// every cycle: in_ready, out_valid and the result register.

import type { Vector } from '../../../cosim/model.js';
import { clampPrecision } from '../precision-range.js';
import { resultWidth, stepCycles, type SipParams } from './params.js';

/** The value of the low `bits` bits of x, two's complement when signed. */
export function operandValue(x: bigint, bits: number, signed: boolean): bigint {
  return signed ? BigInt.asIntN(bits, x) : BigInt.asUintN(bits, x);
}

/** The exact dot product of one step. */
export function sipDot(p: SipParams, ws: readonly bigint[], as: readonly bigint[], pa: number, pw: number): bigint {
  let s = 0n;
  for (let l = 0; l < p.lanes; l++) s += operandValue(ws[l]!, pw, p.signed) * operandValue(as[l]!, pa, p.signed);
  return s;
}

export function loomSipModel(p: SipParams) {
  const W = resultWidth(p), P = p.maxPrecision;
  const ws = new Array<bigint>(p.lanes), as = new Array<bigint>(p.lanes);
  let reset = false, busy = false, left = 0, pending = 0n, outValid = false, outData = 0n;
  return {
    step(v: Vector): Vector | null {
      const last = busy && left === 1, canFinish = !outValid || v.out_ready === 1n;
      const inReady = !busy || (last && canFinish);
      const out = reset ? { in_ready: inReady ? 1n : 0n, out_valid: outValid ? 1n : 0n, result: outData } : null;
      if (v.rst === 1n) {
        reset = true; busy = false; outValid = false; outData = 0n;
        return out;
      }
      if (!reset) return out;
      if (outValid && v.out_ready === 1n) outValid = false;
      if (busy && !last) left--;
      else if (last && canFinish) { outValid = true; outData = BigInt.asUintN(W, pending); busy = false; }
      if (v.in_valid === 1n && inReady) {
        for (let l = 0; l < p.lanes; l++) { ws[l] = v[`w${l}`]!; as[l] = v[`a${l}`]!; }
        const pa = clampPrecision(Number(v.pa), P), pw = clampPrecision(Number(v.pw), P);
        pending = sipDot(p, ws, as, pa, pw);
        left = stepCycles(p, pa, pw);
        busy = true;
      }
      return out;
    },
  };
}
