// dfp.fma: the INT16 dynamic-fixed-point FMA (Das et al., ICLR 2018; docs/training-accelerators.md):
// per beat acc += a0·b0 + a1·b1 into an INT32 accumulator. When the add would overflow, the
// accumulator leaves as a partial sum (with the exponent ea + eb) and restarts from the beat's
// products; the last beat of a packet sends the final partial. A last beat that also overflows sends
// two partials, the second from `pend` while the input waits.

import { Bool, defineModule, lit, mux, reg, SInt, streamIn, streamOut, when, type Expr } from '../../../dsl/index.js';
import { multiplyOperands } from '../../int/mac/booth.js';
import { EXP_BITS, IN_BITS, type DfpFmaParams } from './params.js';

export { params } from './params.js';

const MIN16 = -(2 ** (IN_BITS - 1));
/** −32768 is not a DFP16 value: read as −32767, so a beat's two products always fit 32 bits. */
const dfp16 = (x: Expr) => mux(x.eq(lit(MIN16, SInt(IN_BITS))), lit(MIN16 + 1, SInt(IN_BITS)), x);

/** x fits in w signed bits: its bits from w − 1 up are all equal. */
function fits(x: Expr, w: number): Expr {
  const top = x.bits(x.width - 1, w - 1);
  return top.andR().or(top.orR().not());
}

export const dfpFma = defineModule('dfp_fma', (p: DfpFmaParams) => {
  const W = p.accBits, S = SInt(IN_BITS);
  const inp = streamIn({ in_last: Bool, a0: S, b0: S, a1: S, b1: S, ea: SInt(EXP_BITS), eb: SInt(EXP_BITS) });
  const out = streamOut({ partial: SInt(W), exp: SInt(EXP_BITS + 1), out_last: Bool });
  const d = inp.data;

  const acc = reg('acc', SInt(W), { init: 0 });
  const first = reg('first', Bool, { init: 1 }); // the next beat starts a packet
  const expR = reg('exp_r', SInt(EXP_BITS + 1), { init: 0 });
  const pend = reg('pend', Bool, { init: 0 }); // the final partial (acc) is still to send
  const oValid = reg('o_valid', Bool, { init: 0 });
  const oPartial = reg('o_partial', SInt(W), { init: 0 });
  const oExp = reg('o_exp', SInt(EXP_BITS + 1), { init: 0 });
  const oLast = reg('o_last', Bool, { init: 0 });

  const mul = (a: Expr, b: Expr) => multiplyOperands(dfp16(a), dfp16(b), true, p.multiplier);
  const pair = mul(d.a0, d.b0).add(mul(d.a1, d.b1)).trunc(2 * IN_BITS).named('pair'); // |pair| < 2^31
  const s = acc.add(pair); // exact: max(W, 32) + 1 bits
  const overflow = fits(s, W).not().named('overflow');
  const expNow = mux(first, d.ea.add(d.eb), expR);
  const slotFree = oValid.not().or(out.ready);

  inp.ready.set(pend.not().and(slotFree));
  const send = (partial: Expr, exp: Expr, last: Expr) => { oPartial.set(partial); oExp.set(exp); oLast.set(last); oValid.set(1); };
  when(inp.fire, () => {
    first.set(d.in_last);
    expR.set(expNow);
    when(overflow, () => {
      send(acc, expNow, lit(0, Bool));
      acc.set(pair.ext(W));
      pend.set(d.in_last);
    }).elseWhen(d.in_last, () => {
      send(s.trunc(W), expNow, lit(1, Bool));
      acc.set(lit(0, SInt(W)));
    }).otherwise(() => {
      acc.set(s.trunc(W));
      when(out.ready, () => oValid.set(0));
    });
  }).elseWhen(pend.and(slotFree), () => {
    send(acc, expR, lit(1, Bool));
    acc.set(lit(0, SInt(W)));
    pend.set(0);
  }).elseWhen(out.ready, () => oValid.set(0));

  out.valid.set(oValid);
  out.data.partial.set(oPartial);
  out.data.exp.set(oExp);
  out.data.out_last.set(oLast);
});
