// Pipelining to a period: a pipelined design computes, `latency` cycles later, exactly what the
// combinational one computes now (TypeScript simulator, random inputs); every stage fits the period
// by the model; the fewest stages; what it refuses.

import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/blocks/catalogue.js';
import { Bool, cat, Expr, defineModule, elaborate, input, lit, mem, mux, output, reg, SInt, UInt, when } from '../../src/dsl/index.js';
import type { FabricDelays } from '../../src/ir/delay.js';
import { treeNodes as treeNodesOf, type Netlist } from '../../src/ir/netlist.js';
import { PipelineError, pipelineNetlist } from '../../src/ir/passes/pipeline.js';
import { splitSlow } from '../../src/ir/passes/split-slow.js';
import { FREE, schedule } from '../../src/ir/passes/pipeline-schedule.js';
import { nodeDelay, packsIntoLut } from '../../src/ir/delay.js';
import { verifyNetlist } from '../../src/ir/verify.js';
import { Simulator } from '../../src/sim/index.js';
import { TIMING_MODELS } from '../../src/synth/timing-model.js';
import { seededRng } from '../../src/util/rng.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 5);
console.log(`pipeline: seed ${SEED}`);
const ICE40 = TIMING_MODELS.ice40.fabric;

function randomInputs(n: Netlist, r: () => number): Array<[string, bigint]> {
  return n.top.ports.map((i) => n.top.signals[i]!).filter((s) => s.kind === 'input' && s.name !== 'in_valid' && s.name !== 'rst')
    .map((s) => {
      const bits = BigInt(Math.floor(r() * 2 ** 30)) * 2n ** 30n + BigInt(Math.floor(r() * 2 ** 30));
      return [s.name, s.type.signed ? BigInt.asIntN(s.type.width, bits) : BigInt.asUintN(s.type.width, bits)];
    });
}

/** The pipelined design against the combinational one, vector by vector, `latency` cycles apart. */
function checkEquivalent(comb: Netlist, piped: Netlist, latency: number, vectors: number, seed: number) {
  const a = new Simulator(comb), b = new Simulator(piped);
  const outs = a.outputs.filter((o) => o !== 'out_valid');
  const r = seededRng(seed);
  b.set('rst', 1).step().set('rst', 0);
  const expected: string[] = [];
  for (let t = 0; t < vectors + latency; t++) {
    const ins = randomInputs(comb, r);
    for (const [k, v] of ins) { a.set(k, v); b.set(k, v); }
    b.set('in_valid', t < vectors ? 1 : 0);
    a.settle(); b.settle();
    expected.push(outs.map((o) => a.get(o).toString(16)).join(' '));
    if (t >= latency) {
      expect(b.get('out_valid'), `out_valid at cycle ${t}`).toBe(t - latency < vectors ? 1n : 0n);
      expect(outs.map((o) => b.get(o).toString(16)).join(' '), `vector ${t - latency}`).toBe(expected[t - latency]);
    } else expect(b.get('out_valid')).toBe(0n);
    b.step();
  }
}

const combinational = (name: string, raw: Record<string, unknown> = {}) => {
  const b = catalogue.find((x) => x.name === name)!;
  return elaborate(b.generator, b.fmaxBase!(b.params.parse(raw)) as Record<string, unknown>);
};

describe('pipelining to a period', () => {
  it('the schedule is causal for every block --fmax takes: no value before its arguments, none longer than its stage', () => {
    for (const b of catalogue.filter((x) => x.fmaxBase)) {
      const base = b.fmaxBase!(b.params.parse({}));
      if (typeof base === 'string') continue;
      const m = elaborate(b.generator, base).top;
      const budget = 10 * (1 - ICE40.derate) - ICE40.registerNs;
      const s = schedule(m, budget, ICE40);
      m.nodes.forEach((e, i) => {
        if (e.op === 'const' || e.op === 'sig') return;
        for (const a of e.args) {
          if (s.nStage[a]! === FREE) continue;
          expect(s.nStage[i], `${b.name}: node ${i} (${e.op}) before its argument ${a}`).toBeGreaterThanOrEqual(s.nStage[a]!);
          // A gate may join its argument's LUT and take no time of its own; any other operator adds its delay.
          const own = packsIntoLut(e.op) ? 0 : nodeDelay(ICE40, m, e);
          if (s.nStage[i] === s.nStage[a]) expect(s.nLocal[i]! + 1e-9, `${b.name}: node ${i} (${e.op})`).toBeGreaterThanOrEqual(s.nLocal[a]! + own);
        }
      });
    }
  });

  for (const [name, raw] of [['minifloat.mul', {}], ['minifloat.add', {}], ['examples.adder-tree', { n: 8, width: 12 }], ['loom.precision', {}], ['mx.dequantize', {}], ['mx.nvfp4-quantize', {}], ['tensordash.scheduler', {}]] as const) {
    it(`${name}: the same results, latency cycles later, at 50, 100 and 150 MHz`, () => {
      const comb = combinational(name, raw);
      let previous = 0;
      for (const mhz of [50, 100, 150]) { // (150 MHz is about as fast as the iCE40 goes: bench/results/fmax.md)
        const r = pipelineNetlist(comb, 1000 / mhz, ICE40);
        verifyNetlist(r.netlist);
        expect(r.latency).toBeGreaterThanOrEqual(previous); // a shorter period never takes fewer stages
        previous = r.latency;
        // Every stage fits the period less the derating, unless a single operator is slower than that.
        expect(r.stageNs).toBeLessThanOrEqual(Math.max((1000 / mhz) * (1 - ICE40.derate), r.floorNs) + 1e-9);
        if (r.latency > 0) checkEquivalent(comb, r.netlist, r.latency, 300, SEED + mhz);
      }
    });
  }

  it('the fewest stages: one register fewer cannot meet the period, and a slow enough clock needs none', () => {
    const comb = combinational('minifloat.add');
    const full = pipelineNetlist(comb, 1e6, ICE40);
    expect(full.latency).toBe(0);
    expect(full.netlist).toBe(comb);
    const critical = full.stageNs - ICE40.registerNs; // the whole combinational path by the model
    for (const k of [1, 2, 3, 5]) {
      const budget = critical / k;
      const r = pipelineNetlist(comb, (budget + ICE40.registerNs) / (1 - ICE40.derate), ICE40);
      // The path needs at least k stages of this budget (k − 1 registers); ASAP places each operator
      // as early as it fits, so it uses no more than one extra stage per operator straddling a boundary.
      expect(r.latency).toBeGreaterThanOrEqual(k - 1);
      expect(r.latency).toBeLessThanOrEqual(Math.ceil(critical / (budget - (r.floorNs - ICE40.registerNs))));
    }
  });

  it('wiring is carried as its arguments: an 8-bit input extended and shifted to 48 bits is registered as 8 bits', () => {
    const design = defineModule('widen', () => {
      const a = input('a', UInt(32)), x = input('x', UInt(8));
      let acc: Expr = a;
      for (let i = 0; i < 6; i++) acc = acc.add(a).bits(31, 0); // a slow path: several stages
      output('y', UInt(48)).set(acc.zext(48).add(x.zext(48).shl(8)).bits(47, 0));
    });
    const n = elaborate(design, {});
    const fabric: FabricDelays = { lutInputs: 4, levelNs: 1, carryNsPerBit: 0, carryOutNs: 0, registerNs: 1, muxLevels: 0, derate: 0 };
    const r = pipelineNetlist(n, 3, fabric);
    expect(r.latency).toBeGreaterThanOrEqual(3);
    const regs = r.netlist.top.signals.filter((s) => s.kind === 'reg');
    expect(regs.filter((s) => s.name.startsWith('x_d')).map((s) => s.type.width)).toEqual(new Array(r.latency).fill(8));
    expect(regs.filter((s) => s.type.width > 33).map((s) => s.name)).toEqual([]); // no extended copy of x, no 48-bit sum before the end
    checkEquivalent(n, r.netlist, r.latency, 100, SEED);
  });

  it('with shift-register LUTs, every register that logic reads is kept a flip-flop, and the others are left to fold', () => {
    // x is read by the last stage only: a run of registers; y's sum is read at once.
    const design = defineModule('taps', () => {
      const a = input('a', UInt(16)), x = input('x', UInt(16));
      let acc: Expr = a;
      for (let i = 0; i < 6; i++) acc = acc.add(a).bits(15, 0);
      output('y', UInt(16)).set(acc.xor(x));
    });
    const n = elaborate(design, {});
    const base: FabricDelays = { lutInputs: 4, levelNs: 1, carryNsPerBit: 0, carryOutNs: 0, registerNs: 1, muxLevels: 0, derate: 0 };
    const plain = pipelineNetlist(n, 3, base), srl = pipelineNetlist(n, 3, { ...base, shiftRegisterLuts: true });
    expect(srl.latency).toBe(plain.latency);
    expect(plain.netlist.top.signals.some((s) => s.keep)).toBe(false);
    const top = srl.netlist.top;
    const regs = top.signals.map((s, i) => [s, i] as const).filter(([s]) => s.kind === 'reg');
    // Which registers some non-register logic (a node of another signal's driver) reads.
    const readBy = new Map<number, string[]>();
    top.signals.forEach((s) => { if (s.driver) for (const k of treeNodesOf(s.driver)) { const e = top.nodes[k]!; if (e.op === 'sig') (readBy.get(e.lo) ?? readBy.set(e.lo, []).get(e.lo)!).push(s.kind); } });
    top.nodes.forEach((e) => e.args.forEach((a) => { const x = top.nodes[a]!; if (x.op === 'sig') (readBy.get(x.lo) ?? readBy.set(x.lo, []).get(x.lo)!).push('logic'); }));
    const xs = regs.filter(([s]) => s.name.startsWith('x_d'));
    expect(xs.length).toBeGreaterThanOrEqual(3);
    for (const [s, i] of regs) {
      const tap = (readBy.get(i) ?? []).some((k) => k !== 'reg');
      expect(s.keep === true, `${s.name}: kept exactly when logic reads it`).toBe(tap);
    }
    expect(xs.filter(([s]) => s.keep).map(([s]) => s.name)).toEqual([xs.at(-1)![0].name]); // the run's end only
    checkEquivalent(n, srl.netlist, srl.latency, 100, SEED);
  });

  it('overlapping slices of one value read late are carried as the value once', () => {
    const design = defineModule('slices', () => {
      const a = input('a', UInt(40)), b = input('b', UInt(16));
      let acc: Expr = b;
      for (let i = 0; i < 6; i++) acc = acc.add(b).bits(15, 0); // a slow path: several stages
      // Each slice meets the slow path's result: read in the last stage.
      output('y', UInt(32)).set([a.bits(31, 0), a.bits(35, 4), a.bits(39, 8)].map((x) => x.add(acc.zext(32)).bits(31, 0)).reduce((x: Expr, y) => x.xor(y)));
    });
    const n = elaborate(design, {});
    const fabric: FabricDelays = { lutInputs: 4, levelNs: 1, carryNsPerBit: 0, carryOutNs: 0, registerNs: 1, muxLevels: 0, derate: 0 };
    const r = pipelineNetlist(n, 3, fabric);
    expect(r.latency).toBeGreaterThanOrEqual(3);
    const widths = r.netlist.top.signals.filter((s) => s.kind === 'reg').map((s) => `${s.name}:${s.type.width}`);
    expect(widths.filter((w) => w.endsWith(':32'))).toEqual([]); // three 32-bit slices would be 96 bits a stage
    expect(widths.filter((w) => w.startsWith('a_d'))).toHaveLength(r.latency); // a, 40 bits, once
    checkEquivalent(n, r.netlist, r.latency, 100, SEED);
  });

  it('a chain of adders splits where the period says, by the fabric\'s delays', () => {
    const chain = defineModule('chain', () => {
      const x = input('x', UInt(8));
      let acc: Expr = x;
      for (let i = 0; i < 8; i++) acc = acc.add(x).bits(7, 0);
      output('y', UInt(8)).set(acc);
    });
    const n = elaborate(chain, {});
    const fabric: FabricDelays = { lutInputs: 4, levelNs: 1, carryNsPerBit: 0, carryOutNs: 0, registerNs: 1, muxLevels: 0, derate: 0 };
    // Each 8-bit add costs one level (1 ns) here: 8 adds in a 3 ns period (2 ns of logic) → stages of 2.
    const r = pipelineNetlist(n, 3, fabric);
    expect(r.latency).toBe(3);
    expect(r.stageNs).toBe(3);
    checkEquivalent(n, r.netlist, 3, 100, SEED);
  });

  it('a feedback loop stays in one stage: an accumulator is pipelined around it, gives the same sums later, and its loop is the bound', () => {
    const mac = defineModule('mac', () => {
      const inValid = input('in_valid', Bool);
      const clear = input('clear', Bool);
      const a = input('a', UInt(8));
      const b = input('b', UInt(8));
      const acc = reg('acc', UInt(20), { init: 0 });
      const valid = reg('valid', Bool, { init: 0 });
      valid.set(inValid);
      when(inValid, () => acc.set(mux(clear, lit(0, UInt(20)), acc).add(a.mul(b)).bits(19, 0)));
      output('sum', UInt(20)).set(acc);
      output('out_valid', Bool).set(valid);
    });
    const n = elaborate(mac, {});
    const slow = pipelineNetlist(n, 1e4, ICE40);
    expect(slow.latency).toBe(0);
    expect(slow.loopNs).not.toBeNull();
    // A period between the loop (or the multiplier alone) and the whole path: the multiplier moves out
    // of the loop into a stage before it.
    expect(slow.loopNs!).toBeLessThan(slow.stageNs);
    const period = Math.max(slow.loopNs!, slow.floorNs) / (1 - ICE40.derate) + 0.01;
    const fast = pipelineNetlist(n, period, ICE40);
    expect(fast.latency).toBeGreaterThan(0);
    expect(fast.stageNs).toBeLessThanOrEqual(period);
    // Asking for more than the loop allows: the loop is what is left, and it is reported.
    const tooFast = pipelineNetlist(n, slow.loopNs! * 0.9, ICE40);
    expect(tooFast.floorNs).toBeGreaterThanOrEqual(tooFast.loopNs!);
    expect(tooFast.stageNs).toBeCloseTo(Math.max(tooFast.loopNs!, tooFast.floorNs), 6);
    // Cycle by cycle, with valid, clear and data random: the pipelined sums are the original's, `latency` later.
    for (const r of [fast, tooFast]) {
      const orig = new Simulator(n), piped = new Simulator(r.netlist);
      const rng = seededRng(SEED);
      orig.set('rst', 1).step().set('rst', 0);
      piped.set('rst', 1).step().set('rst', 0);
      const want: string[] = [];
      for (let t = 0; t < 400; t++) {
        const v = [rng() < 0.7 ? 1 : 0, rng() < 0.1 ? 1 : 0, Math.floor(rng() * 256), Math.floor(rng() * 256)] as const;
        for (const sim of [orig, piped]) sim.set('in_valid', v[0]).set('clear', v[1]).set('a', v[2]).set('b', v[3]);
        orig.settle(); piped.settle();
        want.push(`${orig.get('out_valid')} ${orig.get('sum')}`);
        if (t >= r.latency) expect(`${piped.get('out_valid')} ${piped.get('sum')}`, `cycle ${t}`).toBe(want[t - r.latency]);
        orig.step(); piped.step();
      }
    }
  });

  it('the loop bound counts loops only: a slow register-to-register path on no loop leaves it, a loop through k registers shares its delay k ways', () => {
    // acc <= acc + m_r is the loop; a_r * b_r → m_r is a register-to-register path on no loop.
    const design = (slowPath: boolean, ring: number) => elaborate(defineModule('loops', () => {
      const a = input('a', UInt(16)), b = input('b', UInt(16));
      const ar = reg('a_r', UInt(16), { init: 0 }), br = reg('b_r', UInt(16), { init: 0 });
      ar.set(a); br.set(b);
      const m = reg('m_r', UInt(32), { init: 0 });
      m.set(slowPath ? ar.mul(br) : cat(ar, br));
      // A ring of registers with one adder in it: r0 <= r_last + m_r, r_i <= r_{i-1}.
      const rs = Array.from({ length: ring }, (_, i) => reg(`r${i}`, UInt(32), { init: 0 }));
      rs[0]!.set(rs[ring - 1]!.add(m).bits(31, 0));
      for (let i = 1; i < ring; i++) rs[i]!.set(rs[i - 1]!);
      output('sum', UInt(32)).set(rs[ring - 1]!);
    }), {});
    const timed = (slowPath: boolean, ring: number) => pipelineNetlist(design(slowPath, ring), Infinity, ICE40);
    const slow = timed(true, 1), plain = timed(false, 1), two = timed(true, 2), three = timed(true, 3);
    expect(slow.floorNs).toBeGreaterThan(slow.loopNs!); // the multiplier path is the slowest, and on no loop
    expect(slow.loopNs).toBeCloseTo(plain.loopNs!, 9); // so taking it away leaves the bound alone
    const logic = (r: typeof slow) => r.loopNs! - ICE40.registerNs;
    expect(logic(two)).toBeCloseTo(logic(slow) / 2, 6);
    expect(logic(three)).toBeCloseTo(logic(slow) / 3, 6);
    // Without registers on a loop there is no bound.
    expect(pipelineNetlist(elaborate(defineModule('ff', () => {
      const r = reg('r', UInt(8), { init: 0 });
      r.set(input('x', UInt(8)).add(lit(1, UInt(8))).bits(7, 0));
      output('y', UInt(8)).set(r);
    }), {}), Infinity, ICE40).loopNs).toBeNull();
  });

  it('slow multipliers and shifters split into rows and levels compute the same bits, every sign and width', () => {
    const ops = defineModule('ops', () => {
      const a = input('a', UInt(7)), b = input('b', SInt(5)), c = input('c', SInt(9)), sh = input('sh', UInt(4));
      output('p1', UInt(12)).set(a.mul(b.asUInt()));
      output('p2', SInt(14)).set(b.mul(c));
      output('p3', SInt(6)).set(c.mul(b).bits(5, 0).asSInt());
      output('p4', UInt(7)).set(a.mulWrap(a)); // products cut to their operand's width: rows past it drop
      output('p5', SInt(9)).set(c.mulWrap(b.sext(9)));
      output('l', UInt(22)).set(a.shl(sh));
      output('r1', SInt(9)).set(c.shr(sh));
      output('r2', UInt(7)).set(a.shr(sh));
      output('s1', SInt(10)).set(c.add(b));
      output('s2', SInt(10)).set(c.sub(b));
      output('s3', UInt(8)).set(a.add(a));
      const wide = cat(a, c, a, sh, b.asUInt(), c.asUInt()); // 41 bits
      output('e1', Bool).set(c.eq(b));
      output('e2', Bool).set(a.ne(sh));
      output('q1', Bool).set(wide.andR());
      output('q2', Bool).set(wide.orR());
      output('q3', Bool).set(wide.xorR());
      output('q4', Bool).set(wide.not().andR());
    });
    const n = elaborate(ops, {});
    let split = n.top; // every such operator is slower than nothing; again: a multiplier's rows are adders, an equality a reduction
    for (let i = 0; i < 4; i++) split = splitSlow(split, 0, ICE40);
    expect(split.nodes.filter((e) => e.op === 'mul' || e.op === 'dshl' || e.op === 'dshr' || e.op === 'eq' || e.op === 'ne')).toHaveLength(0);
    // Reductions in pieces of one LUT (4 bits here): none reads more.
    for (const e of split.nodes.filter((x) => x.op === 'andr' || x.op === 'orr' || x.op === 'xorr')) expect(split.nodes[e.args[0]!]!.type.width).toBeLessThanOrEqual(4);
    // Adders in one-bit pieces here (no budget at all): the widest piece adds one bit and its carries.
    expect(Math.max(...split.nodes.filter((e) => e.op === 'add').map((e) => e.type.width))).toBe(3);
    const s = { modules: [split], top: split };
    verifyNetlist(s);
    const x = new Simulator(n), y = new Simulator(s);
    const r = seededRng(SEED);
    for (let i = 0; i < 3000; i++) {
      for (const [k, v] of randomInputs(n, r)) { x.set(k, v); y.set(k, v); }
      x.settle(); y.settle();
      for (const o of x.outputs) expect(y.get(o), `${o} at vector ${i}`).toBe(x.get(o));
    }
  });

  it('refuses what it cannot pipeline, in one line', () => {
    const withMem = defineModule('m', () => {
      const a = input('a', UInt(4));
      const store = mem('store', { depth: 16, type: UInt(4) });
      store.write(a, a);
      output('y', UInt(4)).set(store.read(a));
    });
    expect(() => pipelineNetlist(elaborate(withMem, {}), 10, ICE40)).toThrow(PipelineError);
    expect(() => pipelineNetlist(elaborate(withMem, {}), 10, ICE40)).toThrow(/^m: pipelining does not yet follow paths through memories \(store\)$/);
    // Timing only (a block that keeps its registers): the message says what was asked.
    expect(() => pipelineNetlist(elaborate(withMem, {}), Infinity, ICE40)).toThrow(/^m: timing by the IR model does not yet follow paths through memories \(store\)$/);
    expect(() => pipelineNetlist(combinational('minifloat.mul'), ICE40.registerNs, ICE40)).toThrow(/leaves no time after the register/);
  });
});
