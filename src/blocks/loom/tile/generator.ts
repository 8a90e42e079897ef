// loom.tile: R × C serial inner-product units in lock step. Row r holds filter r's L weights and
// column c the L activations of window c; SIP (r, c) computes Σ_l w[r][l] · a[c][l]. One sequencer,
// one set of weight registers per row and activation registers per column: the bit streams are
// shared. The step's Pa is the runtime Pa lowered to what the activations need: the detector
// (loom.precision) finds each column's precision and the tile runs at the largest, so a step takes
// ⌈min(Pa, max_c P_c) / B⌉ · Pw cycles. With input slices (stages 4, 5) the detector works on the way
// into them: the OR of every column into the first, its leading one and clamp into the second.

import { Bool, cat, defineModule, input, lit, mux, output, reg, std, UInt, when, type Expr } from '../../../dsl/index.js';
import { foldedOr } from '../precision/detect.js';
import { clampPrecision, clampPrecisionHw, precisionWidth } from '../precision-range.js';
import { serialControl, serialShape } from '../serial/control.js';
import { serialDot } from '../serial/dot.js';
import { inputSlices } from '../serial/input-slice.js';
import { extendActivation } from '../serial/operands.js';
import { accumulatorWidth, resultWidth } from '../sip/params.js';
import type { TileParams } from './params.js';

/**
 * clampPrecision(precisionOfFolded(folded)) from the folded OR's leading one directly: each bit of
 * the result is an OR of the one-hot "leading one at k" terms whose precision has that bit set (a
 * tree of LUTs), where the count of leading zeros, the arithmetic and the clamp were a chain of
 * multiplexers, a carry chain, two comparisons and two multiplexers. The same function, bit for bit.
 */
function neededPrecision(folded: Expr, signed: boolean, P: number): Expr {
  const W = folded.width, pw = std.bitsFor(W), mod = 2 ** pw;
  // The precision for z leading zeros (z = W: all zero), as precisionOfFolded and clampPrecisionHw compute it.
  const valueAt = (z: number) => clampPrecision((((W - z) % mod) + (signed ? 1 : 0)) % mod, P);
  const lead = Array.from({ length: W }, (_, k) => (k === W - 1 ? folded.bit(k) : folded.bit(k).and(folded.bits(W - 1, k + 1).orR().not())));
  const terms = [...lead.map((t, k) => ({ t, v: valueAt(W - 1 - k) })), { t: folded.orR().not(), v: valueAt(W) }];
  const bit = (b: number) => {
    const on = terms.filter(({ v }) => (v >> b) & 1).map(({ t }) => t);
    return on.length === 0 ? lit(0, Bool) : on.length === 1 ? on[0]! : cat(...on).orR();
  };
  return cat(...Array.from({ length: pw }, (_, b) => bit(pw - 1 - b)));
}

export const loomTile = defineModule('loom_tile', (p: TileParams) => {
  const s = serialShape(p), L = p.lanes, P = p.maxPrecision, R = p.rows, C = p.cols;
  const pwid = precisionWidth(P), Wout = resultWidth(p);
  const inValid = input('in_valid', Bool), outReady = input('out_ready', Bool);
  const ws = Array.from({ length: R }, (_, r) => Array.from({ length: L }, (_, l) => input(`w${r}_${l}`, UInt(P))));
  const as = Array.from({ length: C }, (_, c) => Array.from({ length: L }, (_, l) => input(`a${c}_${l}`, UInt(P))));
  const paIn = clampPrecisionHw(input('pa', UInt(pwid)), P), pw = clampPrecisionHw(input('pw', UInt(pwid)), P);
  const inReady = output('in_ready', Bool), outValid = output('out_valid', Bool);
  const results = Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => output(`result${r}_${c}`, UInt(Wout))));

  // The dynamic Pa: the largest column precision (at least 1), never above the runtime Pa. The
  // largest column precision is that of one OR over every column. With one slice the OR is taken on
  // the way into it and the rest of the detector on the way out; with two, the leading one and the
  // clamp go into the second (`toNeed`), and only the min with the runtime Pa is left after it.
  const toNeed = ({ folded, ...rest }: Record<string, Expr>): Record<string, Expr> => ({ ...rest, need: neededPrecision(folded!, p.signed, P) });
  const slice = inputSlices(s.slices, inValid, {
    folded: foldedOr(as.flat(), p.signed), paIn, pw, ...Object.fromEntries([...ws.flatMap((row, r) => row.map((w, l) => [`w${r}_${l}`, w])), ...as.flatMap((col, c) => col.map((a, l) => [`a${c}_${l}`, a]))]),
  }, [toNeed]);
  const f = s.slices >= 2 ? slice.fields : toNeed(slice.fields);
  const pa = mux(f.need!.lt(f.paIn!), f.need!, f.paIn!);
  const ctl = serialControl(s, slice.valid, outReady, pa, f.pw!);
  inReady.set(slice.connect(ctl.ready));
  const wRegs = ws.map((row, r) => row.map((_, l) => reg(`w_r${r}_${l}`, UInt(P))));
  const aRegs = as.map((col, c) => col.map((_, l) => reg(`a_r${c}_${l}`, UInt(s.NG * s.Bg))));
  when(ctl.take, () => {
    wRegs.forEach((row, r) => row.forEach((x, l) => x.set(f[`w${r}_${l}`]!)));
    aRegs.forEach((col, c) => col.forEach((x, l) => x.set(extendActivation(f[`a${c}_${l}`]!, pa, s))));
  });
  const Wacc = accumulatorWidth(p);
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const sum = serialDot(ctl, s, wRegs[r]!, aRegs[c]!, Wacc, `sip${r}_${c}`);
      const q = reg(`result_q${r}_${c}`, UInt(Wout), { init: 0 });
      when(ctl.finish, () => q.set(sum.bits(Wout - 1, 0)));
      results[r]![c]!.set(q);
    }
  }
  outValid.set(ctl.outValid);
});
