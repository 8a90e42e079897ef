// mx.quantize --lanes L: L inputs per beat, k/L beats per block, valid/ready on both sides; the
// output carries the block's scale on every beat and `last` on its final one.
// The first output beat needs the block's last input beat, so blocks pass through a two-bank buffer.
// Collect side: each beat is written into the filling bank and folded into a running max word
// (scale.ts reduceInputs/combineReduced); the block's final word is kept beside its bank, which is
// then full. Emit side: a full bank is read beat by beat (a memory with a read register, so Yosys
// can use block or LUT RAM), the scale is computed from the bank's word beside the read, and L
// elements per beat are rounded into the output register. With two banks one block is collected
// while the other is emitted: one beat per cycle each way.

import { Bool, cat, lit, mem, mux, numbered, reg, std, streamIn, streamOut, UInt, when, type Expr, type HwType } from '../../../dsl/index.js';
import { parseFormat } from '../../../numerics/format.js';
import { elementCode, inputFields, scaleOutput } from './element.js';
import { beatsPerBlock, inputWidth, type QuantizeParams } from './params.js';
import { combineReduced, exponentOfReduced, reduceInputs, scaleCode } from './scale.js';

export function laneStreamQuantizer(p: QuantizeParams): void {
  const elem = parseFormat(p.elem), L = p.lanes!, G = beatsPerBlock(p), Wi = inputWidth(p);
  const R = p.round === 'stochastic' ? p.randomBits : 0, Wl = Wi + R; // bits per lane in the buffer
  const inp = streamIn({ ...numbered('v', L, UInt(Wi)), ...numbered('rnd', R ? L : 0, UInt(Math.max(R, 1))) });
  const out = streamOut<Record<string, HwType>>({ scale: UInt(8), nan_block: Bool, last: Bool, ...numbered('p', L, UInt(elem.width)) });
  const { valid: inValid, ready: inReady } = inp, { valid: outValid, ready: outReady } = out;
  const vs = Array.from({ length: L }, (_, i) => inp.data[`v${i}`]!);
  const rnds = Array.from({ length: R ? L : 0 }, (_, i) => inp.data[`rnd${i}`]!);
  const { scale: scaleOut, nan_block: nanOut, last: lastOut } = out.data;
  const codesOut = Array.from({ length: L }, (_, i) => out.data[`p${i}`]!);

  const bw = std.clog2(G), beatT = UInt(bw);
  const isLastBeat = (beat: Expr) => beat.eq(lit(G - 1, beatT));
  const full = [reg('full0', Bool, { init: 0 }), reg('full1', Bool, { init: 0 })] as const;
  const pick = (bank: Expr, xs: readonly [Expr, Expr]) => mux(bank, xs[1], xs[0]);
  // Buffer word: lane i at bits [i·Wl, i·Wl + Wl), its random bits above its input.
  const buffer = mem('buffer', { depth: 2 << bw, type: UInt(L * Wl) });

  // Collect.
  const wbank = reg('wbank', Bool, { init: 0 }), wbeat = reg('wbeat', beatT, { init: 0 });
  const ready = pick(wbank, full).not();
  const take = inValid.and(ready);
  inReady.set(ready);
  buffer.write(cat(wbank, wbeat), cat(...vs.map((v, i) => (R ? cat(rnds[i]!, v) : v)).reverse()), take);
  const xs = vs.map(inputFields);
  const part = reduceInputs(xs, p.scaleRule), partSpecial = xs.map((x) => x.e.andR()).reduce((a, b) => a.or(b));
  const acc = reg('max_acc', part.type), accSpecial = reg('special_acc', Bool);
  const first = wbeat.eq(lit(0, beatT));
  const folded = mux(first, part, combineReduced(acc, part, p.scaleRule));
  const foldedSpecial = partSpecial.or(accSpecial.and(first.not()));
  const bankMax = [reg('bank0_max', part.type), reg('bank1_max', part.type)] as const;
  const bankSpecial = [reg('bank0_special', Bool), reg('bank1_special', Bool)] as const;
  when(take, () => {
    acc.set(folded);
    accSpecial.set(foldedSpecial);
    when(isLastBeat(wbeat), () => {
      wbeat.set(lit(0, beatT));
      wbank.set(wbank.not());
      for (const b of [0, 1] as const) {
        when(wbank.eq(lit(b, Bool)), () => { full[b].set(lit(1, Bool)); bankMax[b].set(folded); bankSpecial[b].set(foldedSpecial); });
      }
    }).otherwise(() => wbeat.set(wbeat.addWrap(lit(1, beatT))));
  });

  // Emit, stage A: read the beat and compute the bank's scale. When a valid output waits, all waits.
  const outV = reg('out_valid_q', Bool, { init: 0 });
  const adv = outReady.or(outV.not());
  const rbank = reg('rbank', Bool, { init: 0 }), rbeat = reg('rbeat', beatT, { init: 0 });
  const issue = adv.and(pick(rbank, full));
  const data = buffer.read(cat(rbank, rbeat), adv);
  const blk = exponentOfReduced(pick(rbank, bankMax), elem, p.scaleRule);
  const stageA = (x: Expr, name: string) => std.pipe(x, 1, name, adv);
  const aValid = reg('a_valid', Bool, { init: 0 });
  when(adv, () => aValid.set(pick(rbank, full)));
  const aLast = stageA(isLastBeat(rbeat), 'a_last');
  const aScale = stageA(scaleCode(blk, elem), 'a_scale'), aNan = stageA(pick(rbank, bankSpecial), 'a_nan'), aZero = stageA(blk.zero, 'a_zero');
  when(issue, () => {
    when(isLastBeat(rbeat), () => {
      rbeat.set(lit(0, beatT));
      rbank.set(rbank.not());
      for (const b of [0, 1] as const) when(rbank.eq(lit(b, Bool)), () => full[b].set(lit(0, Bool)));
    }).otherwise(() => rbeat.set(rbeat.addWrap(lit(1, beatT))));
  });

  // Stage B: round L elements into the output register.
  when(adv, () => outV.set(aValid));
  outValid.set(outV);
  const stageB = (x: Expr, name: string) => std.pipe(x, 1, name, adv);
  vs.forEach((_, i) => {
    const v = data.bits(i * Wl + Wi - 1, i * Wl), rnd = R ? data.bits(i * Wl + Wl - 1, i * Wl + Wi) : undefined;
    codesOut[i]!.set(stageB(elementCode(v, aScale, aNan, elem, p, rnd), `p${i}_q`));
  });
  scaleOut.set(stageB(scaleOutput(aScale, aNan, aZero), 'scale_q'));
  nanOut.set(stageB(aNan, 'nan_q'));
  lastOut.set(stageB(aLast, 'last_q'));
}
