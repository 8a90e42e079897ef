// loom.sip: the golden cycle model against hand-worked steps (values and cycles from blocks.md §3),
// then Verilator against the model every cycle (in_ready, out_valid, result) for every B, signed and
// unsigned, conv and fc, and odd shapes, and Icarus on two of them: 0 mismatches in values and cycle counts. The
// 2·10^5-cycle runs, Icarus on every B and mode, a mutation and the int8 tensors of three models are in
// loom-sip.long.test.ts.

import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { loomSipBlock } from '../../src/blocks/loom/sip/block.js';
import { loomSipModel, sipDot } from '../../src/blocks/loom/sip/golden.js';
import { loomSipStimulus } from '../../src/blocks/loom/sip/stimulus.js';
import { seededRng, type Vector } from '../../src/cosim/model.js';
import { cosimClean } from '../helpers/cosim.js';
import { SIP_CONFIGS as configs, SIP_STAGED_SMALL } from '../helpers/loom.js';
import { cycleRuns } from '../helpers/runs/cycles.js';

const block = loomSipBlock as unknown as BlockDef;
const SEED = Number(process.env.BITFORGE_SEED ?? 61);
console.log(`loom.sip: seed ${SEED}`);

const params = (o: Record<string, unknown>) => loomSipBlock.params.parse(o);

describe('loom.sip golden model', () => {
  it('reads operands at their runtime precision: low bits, two\'s complement when signed', () => {
    const p = params({ lanes: 2, maxPrecision: 4 });
    // 3·5 + 1·2 unsigned; signed at Pa = 3, Pw = 2: 3 → −1, 5 → −3, 1 → 1, 2 → 2: (−1)(−3) + 1·2.
    expect(sipDot(p, [3n, 1n], [5n, 2n], 3, 2)).toBe(17n);
    expect(sipDot({ ...p, signed: true }, [3n, 1n], [5n, 2n], 3, 2)).toBe(5n);
    // Bits above the precision are ignored: 0b1101 at Pa = 2 is 0b01.
    expect(sipDot(p, [1n, 0n], [13n, 0n], 2, 1)).toBe(1n);
  });

  it('times a step as ⌈Pa/B⌉·Pw cycles (conv) or Pw (fc); the result comes the cycle after; the next step is taken in the last cycle', () => {
    const run = (p: ReturnType<typeof params>, cycles: Vector[]) => { const m = loomSipModel(p); return cycles.map((c) => m.step(c)); };
    const idle: Vector = { rst: 0n, in_valid: 0n, out_ready: 1n, pa: 1n, pw: 1n, w0: 0n, w1: 0n, a0: 0n, a1: 0n };
    const go: Vector = { ...idle, in_valid: 1n, pa: 3n, pw: 2n, w0: 3n, w1: 1n, a0: 5n, a1: 2n };
    const conv = params({ lanes: 2, maxPrecision: 4, bits: 2 }); // ⌈3/2⌉·2 = 4 cycles
    const out = run(conv, [{ ...idle, rst: 1n }, go, idle, idle, idle, idle, idle]);
    expect(out[0]).toBeNull();
    expect(out.slice(1).map((o) => [o!.in_ready, o!.out_valid, o!.result])).toEqual([
      [1n, 0n, 0n], // taken
      [0n, 0n, 0n], [0n, 0n, 0n], [0n, 0n, 0n], // cycles 1–3 of 4
      [1n, 0n, 0n], // cycle 4 of 4: the next step could be taken now
      [1n, 1n, 17n], // result: 3·5 + 1·2
    ]);
    // fc: Pw = 2 cycles whatever Pa; back to back: the second step is taken in the first one's last cycle.
    const fc = params({ lanes: 2, maxPrecision: 4, mode: 'fc' });
    const go2: Vector = { ...go, w0: 1n, a0: 1n, a1: 0n };
    const o2 = run(fc, [{ ...idle, rst: 1n }, go, go2, go2, go2, idle, idle]);
    expect(o2.slice(1).map((o) => [o!.in_ready, o!.out_valid, o!.result])).toEqual([
      [1n, 0n, 0n], [0n, 0n, 0n], [1n, 0n, 0n], [0n, 1n, 17n], [1n, 0n, 17n], [1n, 1n, 1n],
    ]);
    // Back-pressure: the last cycle waits while the previous result is not taken.
    const stalled = run(fc, [{ ...idle, rst: 1n }, go, idle, { ...go2, out_ready: 0n }, { ...idle, out_ready: 0n }, { ...idle, out_ready: 0n }, { ...idle, out_ready: 0n }, idle, idle]);
    expect(stalled.slice(1).map((o) => [o!.in_ready, o!.out_valid])).toEqual([[1n, 0n], [0n, 0n], [1n, 0n], [0n, 1n], [0n, 1n], [0n, 1n], [1n, 1n], [1n, 1n]]);
  });

  it('stages: the result comes a cycle later per stage; a result arriving at a held one stalls the whole unit; the slice starts a step a cycle late', () => {
    // Cycle 0 resets; the outputs of cycles 1… as [in_ready, out_valid, result].
    const run = (p: ReturnType<typeof params>, cycles: Vector[]) => { const m = loomSipModel(p); return cycles.map((c) => m.step(c)).slice(1).map((o) => [o!.in_ready, o!.out_valid, o!.result]); };
    const idle: Vector = { rst: 0n, in_valid: 0n, out_ready: 1n, pa: 1n, pw: 1n, w0: 0n, w1: 0n, a0: 0n, a1: 0n };
    const rst = { ...idle, rst: 1n };
    const go: Vector = { ...idle, in_valid: 1n, pa: 3n, pw: 2n, w0: 3n, w1: 1n, a0: 5n, a1: 2n };
    // fc, Pw = 2: taken in cycle 1, cycles 2–3; with no stages the result shows in cycle 4, with 2 in cycle 6.
    const fc2 = params({ lanes: 2, maxPrecision: 4, mode: 'fc', stages: 2 });
    expect(run(fc2, [rst, go, idle, idle, idle, idle, idle]).map((o) => o[1])).toEqual([0n, 0n, 0n, 0n, 0n, 1n]);
    // One-cycle steps (fc, Pw = 1: result = a0) back to back under out_ready low, one stage: s1 and s2
    // are taken freely; s1 lands in the output register; s2 arrives at it in cycle 4 and the unit
    // stalls (in_ready low, s4 held) until out_ready rises in cycle 6.
    const fc1 = params({ lanes: 2, maxPrecision: 4, mode: 'fc', stages: 1 });
    const s = (k: bigint, ready: bigint): Vector => ({ ...idle, in_valid: 1n, pa: 4n, pw: 1n, w0: 1n, a0: k, out_ready: ready });
    expect(run(fc1, [rst, s(1n, 0n), s(2n, 0n), s(3n, 0n), s(4n, 0n), s(4n, 0n), s(4n, 1n), { ...idle, out_ready: 1n }])).toEqual([
      [1n, 0n, 0n], [1n, 0n, 0n], [1n, 0n, 0n], [0n, 1n, 1n], [0n, 1n, 1n], [1n, 1n, 1n], [1n, 1n, 2n],
    ]);
    // Stages 4 (3 datapath stages and the slice): conv B = 2, 4 cycles: with no stages the result shows in
    // cycle 6, here in cycle 10; in_ready stays up while the slice empties into the idle unit.
    const conv4 = params({ lanes: 2, maxPrecision: 4, bits: 2, stages: 4 });
    const o4 = run(conv4, [rst, go, idle, idle, idle, idle, idle, idle, idle, idle, idle]);
    expect(o4.map((o) => o[1])).toEqual([0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 1n]);
    expect(o4[9]![2]).toBe(17n);
    expect(o4.slice(0, 2).map((o) => o[0])).toEqual([1n, 1n]);
  });

  it('the stimulus reaches clamped precisions, back-pressure on a waiting result and steps taken in a last cycle', () => {
    const p = params({ lanes: 4, bits: 2, signed: true });
    const s = loomSipStimulus(p), m = loomSipModel(p), rng = seededRng(SEED);
    const seen = new Set<string>();
    let prev: Vector | null = null;
    for (let c = 0; c < 200_000; c++) {
      const v = c < s.directed.length ? s.directed[c]! : s.random(rng);
      const o = m.step(v);
      if (!o) continue;
      if (o.in_ready === 1n && v.in_valid === 1n && (v.pa === 0n || v.pa > 16n)) seen.add('clamped');
      if (o.out_valid === 1n && v.out_ready === 0n) seen.add('held');
      if (prev && prev.in_ready === 0n && o.in_ready === 1n && v.in_valid === 1n) seen.add('taken-in-last-cycle');
      prev = o;
    }
    expect([...seen].sort()).toEqual(['clamped', 'held', 'taken-in-last-cycle']);
  });
});

describe('loom.sip RTL', () => {
  cycleRuns('fast', SEED, loomSipBlock, configs, ', every output every cycle, 0 mismatches', 240_000);
  cycleRuns('fast', SEED, loomSipBlock, SIP_STAGED_SMALL, ', pipelined: every output every cycle, 0 mismatches', 240_000);

  it('Icarus agrees: the default and B = 2 signed (5000 cycles each)', async () => {
    for (const c of [{}, { bits: 2, signed: true }]) {
      const r = await cosimClean(block, params(c), 'icarus', { seed: SEED, vectors: 5000, label: JSON.stringify(c) });
      expect(r.passed).toBeGreaterThan(5000);
    }
  }, 600_000);

  it('refuses B outside 1, 2, 4', () => {
    expect(() => params({ bits: 3 })).toThrow(/must be 1, 2 or 4/);
  });
});
