// loom.sip: Loom's serial inner-product unit. L lanes, each holding one weight and one activation;
// per cycle one weight bit plane and one group of B activation bits (serial/dot.ts), so a step takes
// ⌈Pa/B⌉·Pw cycles (conv) or Pw (fc, activations bit-parallel). Two's complement: the weight's MSB
// plane is subtracted and the activation's top group is signed, so the result is the exact Σ w·a.
// Handshake (serial/control.ts): valid/ready in (operands and runtime Pa, Pw), valid/ready out; the
// next step is taken in the current one's last cycle; the result appears the cycle after it.
// Stages (params.ts) deepen the datapath (serial/dot.ts) and add an input slice (serial/input-slice.ts).

import { Bool, defineModule, input, output, reg, UInt, when } from '../../../dsl/index.js';
import { clampPrecisionHw, precisionWidth } from '../precision-range.js';
import { serialControl, serialShape } from '../serial/control.js';
import { serialDot } from '../serial/dot.js';
import { inputSlices } from '../serial/input-slice.js';
import { extendActivation } from '../serial/operands.js';
import { accumulatorWidth, resultWidth, type SipParams } from './params.js';

export const loomSip = defineModule('loom_sip', (p: SipParams) => {
  const s = serialShape(p), L = p.lanes, P = p.maxPrecision;
  const pwid = precisionWidth(P), Wout = resultWidth(p);
  const inValid = input('in_valid', Bool), outReady = input('out_ready', Bool);
  const ws = Array.from({ length: L }, (_, l) => input(`w${l}`, UInt(P)));
  const as = Array.from({ length: L }, (_, l) => input(`a${l}`, UInt(P)));
  const pa = clampPrecisionHw(input('pa', UInt(pwid)), P), pw = clampPrecisionHw(input('pw', UInt(pwid)), P);
  const inReady = output('in_ready', Bool), outValid = output('out_valid', Bool), result = output('result', UInt(Wout));

  const slice = inputSlices(s.slices, inValid, { pa, pw, ...Object.fromEntries([...ws.map((w, l) => [`w${l}`, w]), ...as.map((a, l) => [`a${l}`, a])]) });
  const f = slice.fields;
  const ctl = serialControl(s, slice.valid, outReady, f.pa!, f.pw!);
  inReady.set(slice.connect(ctl.ready));
  const wRegs = ws.map((_, l) => reg(`w_r${l}`, UInt(P)));
  const aRegs = as.map((_, l) => reg(`a_r${l}`, UInt(s.NG * s.Bg)));
  when(ctl.take, () => {
    wRegs.forEach((r, l) => r.set(f[`w${l}`]!));
    aRegs.forEach((r, l) => r.set(extendActivation(f[`a${l}`]!, f.pa!, s)));
  });
  const sum = serialDot(ctl, s, wRegs, aRegs, accumulatorWidth(p), 'dot');
  const outD = reg('result_q', UInt(Wout), { init: 0 });
  when(ctl.finish, () => outD.set(sum.bits(Wout - 1, 0)));
  outValid.set(ctl.outValid);
  result.set(outD);
});
