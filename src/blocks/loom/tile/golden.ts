// Golden cycle model of loom.tile (blocks.md §3): SIP (r, c) = Σ_l w[r][l] · a[c][l] with weights read
// at Pw and activations at the step's Pa; the step's Pa is the runtime Pa lowered to the largest
// precision loom.precision finds among the columns (at least 1); the timing is loom.sip's:
// ⌈Pa/B⌉·Pw cycles (conv) or Pw (fc), taken when idle or in the last cycle, result the cycle after.

import type { Vector } from '../../../cosim/model.js';
import { groupPrecision } from '../precision/golden.js';
import { clampPrecision } from '../precision-range.js';
import { operandValue } from '../sip/golden.js';
import { resultWidth, stepCycles } from '../sip/params.js';
import type { TileParams } from './params.js';

/** The Pa a step runs at. */
export function tilePrecision(p: TileParams, cols: ReadonlyArray<readonly bigint[]>, pa: number): number {
  const need = Math.max(...cols.map((a) => groupPrecision(a, { group: a.length, width: p.maxPrecision, signed: p.signed, trailing: false }).p));
  return Math.min(clampPrecision(pa, p.maxPrecision), clampPrecision(need, p.maxPrecision));
}

export function loomTileModel(p: TileParams) {
  const W = resultWidth(p), P = p.maxPrecision, R = p.rows, C = p.cols, L = p.lanes;
  let reset = false, busy = false, left = 0, outValid = false;
  let pending: bigint[] = [], outData: bigint[] = new Array<bigint>(R * C).fill(0n);
  const outputs = (inReady: boolean): Vector => {
    const v: Vector = { in_ready: inReady ? 1n : 0n, out_valid: outValid ? 1n : 0n };
    for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) v[`result${r}_${c}`] = outData[r * C + c]!;
    return v;
  };
  return {
    step(v: Vector): Vector | null {
      const last = busy && left === 1, canFinish = !outValid || v.out_ready === 1n;
      const inReady = !busy || (last && canFinish);
      const out = reset ? outputs(inReady) : null;
      if (v.rst === 1n) {
        reset = true; busy = false; outValid = false; outData = outData.map(() => 0n);
        return out;
      }
      if (!reset) return out;
      if (outValid && v.out_ready === 1n) outValid = false;
      if (busy && !last) left--;
      else if (last && canFinish) { outValid = true; outData = pending; busy = false; }
      if (v.in_valid === 1n && inReady) {
        const cols = Array.from({ length: C }, (_, c) => Array.from({ length: L }, (_, l) => v[`a${c}_${l}`]!));
        const pa = tilePrecision(p, cols, Number(v.pa)), pw = clampPrecision(Number(v.pw), P);
        pending = [];
        for (let r = 0; r < R; r++) {
          for (let c = 0; c < C; c++) {
            let s = 0n;
            for (let l = 0; l < L; l++) s += operandValue(v[`w${r}_${l}`]!, pw, p.signed) * operandValue(cols[c]![l]!, pa, p.signed);
            pending.push(BigInt.asUintN(W, s));
          }
        }
        left = stepCycles(p, pa, pw);
        busy = true;
      }
      return out;
    },
  };
}
