// The step sequencer shared by loom.sip and loom.tile: one busy flag, the activation-group counter i
// and the weight-plane counter j (both counting down: MSB first), and the valid/ready handshake.
// A step is taken when idle or in the current step's last cycle.
//
// With `stages` > 0 the datapath behind the sequencer is that many cycles deeper: each cycle's
// control (valid, top group, first plane, plane end, last cycle) travels down a chain of registers
// beside the data. The whole unit stalls as one (`go` low) only when a result reaches the output
// register while that still holds one not taken; with no stages that is the last cycle waiting, as
// before. Every register of the unit advances on `go`.

import { Bool, cat, lit, mux, reg, std, UInt, when, wire, type Expr, type Signal } from '../../../dsl/index.js';

export interface SerialShape {
  readonly P: number; // largest precision (port width)
  readonly Bg: number; // activation bits per cycle (P in fc mode)
  readonly NG: number; // activation groups of a P-bit activation
  readonly signed: boolean;
  readonly stages: number; // pipeline stages between the sequencer and the result register (0–3)
  readonly slices: number; // input register slices in front of the sequencer (input-slice.ts)
}

export function serialShape(p: { maxPrecision: number; bits: number; mode: 'conv' | 'fc'; signed: boolean; stages: number }): SerialShape {
  const Bg = p.mode === 'fc' ? p.maxPrecision : p.bits;
  // The `stages` parameter counts the slices as its fourth (and fifth) stage.
  return { P: p.maxPrecision, Bg, NG: Math.ceil(p.maxPrecision / Bg), signed: p.signed, stages: Math.min(p.stages, 3), slices: Math.max(0, p.stages - 3) };
}

/** One cycle's control, as the datapath stage that works on it sees it. */
export interface StageControl {
  readonly valid: Expr; // a step's cycle is in this stage
  readonly top: Expr; // its activation group is the top one (read as signed)
  readonly firstPass: Expr; // its weight plane is the MSB one
  readonly passEnd: Expr; // group 0: the plane's last cycle
  readonly last: Expr; // the step's last cycle
}

export interface SerialControl {
  readonly ready: Expr; // in_ready
  readonly take: Expr; // a step is taken this cycle
  readonly go: Expr; // the unit (sequencer and every stage) advances this cycle
  readonly groupShift: Expr; // stage 0: i · B, the bit offset of group i
  readonly j: Expr; // stage 0: the weight plane
  /** Stage k's control (0: the sequencer's own cycle), k = 0..stages. */
  stage(k: number): StageControl;
  readonly finish: Expr; // the result register loads this cycle (last stage, last cycle, go)
  readonly outValid: Signal;
}

/** `pa`, `pw`: the clamped precisions of the step being offered. */
export function serialControl(s: SerialShape, inValid: Expr, outReady: Expr, pa: Expr, pw: Expr): SerialControl {
  const gw = Math.max(1, std.clog2(s.NG)), jw = Math.max(1, std.clog2(s.P));
  const busy = reg('busy', Bool, { init: 0 }), outV = reg('out_valid_q', Bool, { init: 0 });
  const iTop = reg('i_top', UInt(gw)), i = reg('i', UInt(gw)), j = reg('j', UInt(jw)), firstPass = reg('first_pass', Bool);
  const passEnd = i.eq(lit(0, UInt(gw)));
  // busy ∧ i = 0 ∧ j = 0, kept in a register of its own (loaded with what it will be): in_ready then
  // starts from registers, not from the counters' comparisons, on its way through the input slices to
  // their load enables.
  const lastStepQ = reg('last_step', Bool, { init: 0 });
  const lastStep = lastStepQ as Expr;
  const stage0: StageControl = { valid: busy, top: i.eq(iTop), firstPass, passEnd, last: lastStep };

  // The stall: `go` is read by every stage's registers, and depends only on registers and out_ready.
  const goWire = wire('go', Bool);
  const stages: StageControl[] = [stage0];
  for (let k = 1; k <= s.stages; k++) {
    const prev = stages[k - 1]!;
    const held = (name: string, e: Expr, init?: number) => {
      const r = reg(`${name}_s${k}`, Bool, { en: goWire, ...(init === undefined ? {} : { init }) });
      r.set(e);
      return r;
    };
    stages.push({
      valid: held('valid', prev.valid, 0), top: held('top', prev.top), firstPass: held('first_pass', prev.firstPass),
      passEnd: held('pass_end', prev.passEnd), last: held('last', prev.last),
    });
  }
  const out = stages[s.stages]!;
  const arriving = out.valid.and(out.last);
  goWire.set(outV.and(outReady.not()).and(arriving).not());
  const go = goWire as Expr;
  const ready = busy.not().or(lastStep).and(go);
  const advance = busy.and(go);
  const take = inValid.and(ready);

  when(outV.and(outReady), () => outV.set(lit(0, Bool)));
  when(arriving.and(go), () => outV.set(lit(1, Bool)));
  when(advance, () => {
    when(passEnd, () => {
      i.set(iTop);
      j.set(j.subWrap(lit(1, UInt(jw))));
      firstPass.set(lit(0, Bool));
    }).otherwise(() => i.set(i.subWrap(lit(1, UInt(gw)))));
    when(lastStep, () => busy.set(lit(0, Bool)));
  });
  // The top group of a Pa-bit activation: ⌊(Pa − 1) / B⌋.
  const iTopNew = s.NG === 1 ? lit(0, UInt(gw)) : pa.subWrap(lit(1, pa.type)).shr(std.clog2(s.Bg)).bits(gw - 1, 0);
  const jNew = pw.subWrap(lit(1, pw.type)).bits(jw - 1, 0);
  when(take, () => {
    iTop.set(iTopNew);
    i.set(iTopNew);
    j.set(jNew);
    firstPass.set(lit(1, Bool));
    busy.set(lit(1, Bool));
  });
  // last_step's next value, as the assignments above leave busy, i and j: a step taken starts at its
  // top group and first plane; an advance moves the counters (a busy unit not in its last cycle stays
  // busy); a stall holds them. Each case from registers alone, so that the stall and the take only pick.
  const zero = (x: Expr) => x.eq(lit(0, x.type));
  // A taken step's top group is 0 exactly when Pa ≤ B (Pa is 1 … P): a comparison, not the subtraction and shift.
  const afterTake = (s.NG === 1 ? lit(1, Bool) : pa.le(lit(s.Bg, pa.type))).and(zero(jNew));
  const afterAdvance = busy.and(lastStep.not())
    .and(zero(mux(passEnd, iTop, i.subWrap(lit(1, UInt(gw))))))
    .and(zero(mux(passEnd, j.subWrap(lit(1, UInt(jw))), j)));
  lastStepQ.set(mux(take, afterTake, mux(go, afterAdvance, lastStep)));
  return {
    ready, take, go, groupShift: s.Bg === 1 ? i : cat(i, lit(0, UInt(std.clog2(s.Bg)))), j,
    stage: (k) => stages[k]!, finish: arriving.and(go), outValid: outV,
  };
}
