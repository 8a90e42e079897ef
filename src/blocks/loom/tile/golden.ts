// Golden cycle model of loom.tile (blocks.md §3): SIP (r, c) = Σ_l w[r][l] · a[c][l] with weights read
// at Pw and activations at the step's Pa; the step's Pa is the runtime Pa lowered to the largest
// precision loom.precision finds among the columns (at least 1); ⌈Pa/B⌉·Pw cycles (conv) or Pw (fc)
// with the serial units' timing (serial/timing-model.ts).

import type { Vector } from '../../../cosim/model.js';
import { groupPrecision } from '../precision/golden.js';
import { clampPrecision } from '../precision-range.js';
import { serialTimingModel } from '../serial/timing-model.js';
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
  return serialTimingModel(p.stages, (v) => {
    const cols = Array.from({ length: C }, (_, c) => Array.from({ length: L }, (_, l) => v[`a${c}_${l}`]!));
    const pa = tilePrecision(p, cols, Number(v.pa)), pw = clampPrecision(Number(v.pw), P);
    const results: bigint[] = [];
    for (let r = 0; r < R; r++) {
      for (let c = 0; c < C; c++) {
        let s = 0n;
        for (let l = 0; l < L; l++) s += operandValue(v[`w${r}_${l}`]!, pw, p.signed) * operandValue(cols[c]![l]!, pa, p.signed);
        results.push(BigInt.asUintN(W, s));
      }
    }
    return { cycles: stepCycles(p, pa, pw), results };
  }, (results) => {
    const out: Vector = {};
    for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) out[`result${r}_${c}`] = results[r * C + c]!;
    return out;
  }, new Array<bigint>(R * C).fill(0n));
}
