// The step sequencer shared by loom.sip and loom.tile: one busy flag, the activation-group counter i
// and the weight-plane counter j (both counting down: MSB first), and the valid/ready handshake.
// A step is taken when idle or in the current step's last cycle; the last cycle waits while a
// previous result is still not taken.

import { Bool, cat, lit, reg, std, UInt, when, type Expr, type Signal } from '../../../dsl/index.js';

export interface SerialShape {
  readonly P: number; // largest precision (port width)
  readonly Bg: number; // activation bits per cycle (P in fc mode)
  readonly NG: number; // activation groups of a P-bit activation
  readonly signed: boolean;
}

export function serialShape(p: { maxPrecision: number; bits: number; mode: 'conv' | 'fc'; signed: boolean }): SerialShape {
  const Bg = p.mode === 'fc' ? p.maxPrecision : p.bits;
  return { P: p.maxPrecision, Bg, NG: Math.ceil(p.maxPrecision / Bg), signed: p.signed };
}

export interface SerialControl {
  readonly ready: Expr; // in_ready
  readonly take: Expr; // a step is taken this cycle
  readonly advance: Expr; // the running step moves on this cycle
  readonly finish: Expr; // ... and this is its last cycle: results go to the output registers
  readonly top: Expr; // i is the top activation group (read as signed)
  readonly groupShift: Expr; // i · B: the bit offset of group i
  readonly firstPass: Expr; // j is the weight's MSB plane
  readonly passEnd: Expr; // i = 0: the plane's last group
  readonly j: Expr;
  readonly outValid: Signal;
}

/** `pa`, `pw`: the clamped precisions of the step being offered. */
export function serialControl(s: SerialShape, inValid: Expr, outReady: Expr, pa: Expr, pw: Expr): SerialControl {
  const gw = Math.max(1, std.clog2(s.NG)), jw = Math.max(1, std.clog2(s.P));
  const busy = reg('busy', Bool, { init: 0 }), outV = reg('out_valid_q', Bool, { init: 0 });
  const iTop = reg('i_top', UInt(gw)), i = reg('i', UInt(gw)), j = reg('j', UInt(jw)), firstPass = reg('first_pass', Bool);
  const passEnd = i.eq(lit(0, UInt(gw)));
  const lastStep = busy.and(passEnd).and(j.eq(lit(0, UInt(jw))));
  const canFinish = outV.not().or(outReady);
  const ready = busy.not().or(lastStep.and(canFinish));
  const advance = busy.and(lastStep.not().or(canFinish));
  const take = inValid.and(ready);

  when(outV.and(outReady), () => outV.set(lit(0, Bool)));
  when(advance, () => {
    when(passEnd, () => {
      i.set(iTop);
      j.set(j.subWrap(lit(1, UInt(jw))));
      firstPass.set(lit(0, Bool));
    }).otherwise(() => i.set(i.subWrap(lit(1, UInt(gw)))));
    when(lastStep, () => { outV.set(lit(1, Bool)); busy.set(lit(0, Bool)); });
  });
  // The top group of a Pa-bit activation: ⌊(Pa − 1) / B⌋.
  const iTopNew = s.NG === 1 ? lit(0, UInt(gw)) : pa.subWrap(lit(1, pa.type)).shr(std.clog2(s.Bg)).bits(gw - 1, 0);
  when(take, () => {
    iTop.set(iTopNew);
    i.set(iTopNew);
    j.set(pw.subWrap(lit(1, pw.type)).bits(jw - 1, 0));
    firstPass.set(lit(1, Bool));
    busy.set(lit(1, Bool));
  });
  return {
    ready, take, advance, finish: advance.and(lastStep), top: i.eq(iTop),
    groupShift: s.Bg === 1 ? i : cat(i, lit(0, UInt(std.clog2(s.Bg)))), firstPass, passEnd, j, outValid: outV,
  };
}
