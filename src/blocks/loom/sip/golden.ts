// Golden cycle model of loom.sip, from blocks.md §3: the exact Σ w·a of the operands read at their
// runtime precisions (the low Pa / Pw bits, two's complement when signed); a step runs ⌈Pa/B⌉·Pw
// cycles (conv) or Pw (fc), with the serial units' timing (serial/timing-model.ts).

import { intValue } from '../../../cosim/model.js';
import { clampPrecision } from '../precision-range.js';
import { serialTimingModel } from '../serial/timing-model.js';
import { resultWidth, stepCycles, type SipParams } from './params.js';

/** The value of an operand read at its runtime precision: its low `bits` bits. */
export const operandValue = intValue;

/** The exact dot product of one step. */
export function sipDot(p: SipParams, ws: readonly bigint[], as: readonly bigint[], pa: number, pw: number): bigint {
  let s = 0n;
  for (let l = 0; l < p.lanes; l++) s += operandValue(ws[l]!, pw, p.signed) * operandValue(as[l]!, pa, p.signed);
  return s;
}

export function loomSipModel(p: SipParams) {
  const W = resultWidth(p), P = p.maxPrecision;
  return serialTimingModel(p.stages, (v) => {
    const ws = Array.from({ length: p.lanes }, (_, l) => v[`w${l}`]!), as = Array.from({ length: p.lanes }, (_, l) => v[`a${l}`]!);
    const pa = clampPrecision(Number(v.pa), P), pw = clampPrecision(Number(v.pw), P);
    return { cycles: stepCycles(p, pa, pw), results: BigInt.asUintN(W, sipDot(p, ws, as, pa, pw)) };
  }, (result) => ({ result }), 0n);
}
