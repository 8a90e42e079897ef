// Long register chains into block RAM (delay-ram.ts): the memory delays exactly as the chain did,
// cycle for cycle (TypeScript simulator and Icarus), takes only tap-free runs written from a register,
// shares a memory between runs, and keeps within its block budget.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cat, defineModule, elaborate, input, lit, output, reg, SInt, UInt, type Expr } from '../../src/dsl/index.js';
import type { DelayRam } from '../../src/ir/delay.js';
import type { IrModule, Netlist } from '../../src/ir/netlist.js';
import { delayLinesToRam } from '../../src/ir/passes/delay-ram.js';
import { knownBits } from '../../src/ir/known-bits.js';
import { pipelineNetlist } from '../../src/ir/passes/pipeline.js';
import { verifyNetlist } from '../../src/ir/verify.js';
import { designFiles, portsOf } from '../../src/codegen/index.js';
import { catalogue } from '../../src/blocks/catalogue.js';
import { Simulator } from '../../src/sim/index.js';
import { TIMING_MODELS } from '../../src/synth/timing-model.js';
import { seededRng } from '../../src/util/rng.js';
import { simulate as icarus } from '../helpers/hdl.js';
import { simulate as cosim } from '../../src/cosim/run.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 11);
console.log(`delay-ram: seed ${SEED}`);
const RAM: DelayRam = { width: 16, depth: 256, blocks: 8, minDepth: 4 };

/** Chains of registers after inputs; `taps` reads a chain's k-th register out as well. */
type Chain = { width: number; depth: number; signed?: boolean; tap?: number; pad?: number };
const chains = defineModule('chains', (p: { chains: Chain[] }) => {
  p.chains.forEach((c, i) => {
    let v: Expr = input(`x${i}`, c.signed ? SInt(c.width) : UInt(c.width));
    if (c.pad) v = cat(lit(1, UInt(1)), v, lit(0, UInt(c.pad))); // constant bits on both sides
    for (let k = 1; k <= c.depth; k++) {
      const r = reg(`c${i}_r${k}`, v.type);
      r.set(v);
      v = r;
      if (k === c.tap) output(`t${i}`, v.type).set(v);
    }
    output(`y${i}`, v.type).set(v);
  });
});

const build = (cs: Chain[]) => elaborate(chains, { chains: cs });
const lower = (n: Netlist, ram = RAM) => {
  const r = delayLinesToRam(n.top, ram);
  const out: Netlist = { modules: [r.module], top: r.module };
  verifyNetlist(out);
  return { ...r, netlist: out };
};
const regs = (m: IrModule) => m.signals.filter((s) => s.kind === 'reg').map((s) => s.name);

/** Both designs, the same random inputs each cycle: every output equal once the deepest chain has filled. */
function checkSame(a: Netlist, b: Netlist, fill: number, cycles: number, seed: number) {
  const sa = new Simulator(a), sb = new Simulator(b);
  sb.set('rst', 1).step().set('rst', 0);
  const r = seededRng(seed);
  const ins = a.top.ports.map((i) => a.top.signals[i]!).filter((s) => s.kind === 'input');
  const outs = sa.outputs;
  for (let t = 0; t < cycles; t++) {
    for (const s of ins) {
      const v = BigInt(Math.floor(r() * 2 ** 30));
      const x = s.type.signed ? BigInt.asIntN(s.type.width, v) : BigInt.asUintN(s.type.width, v);
      sa.set(s.name, x); sb.set(s.name, x);
    }
    sa.settle(); sb.settle();
    if (t >= fill) for (const o of outs) expect(sb.get(o), `${o} at cycle ${t}`).toBe(sa.get(o));
    sa.step(); sb.step();
  }
}

describe('delay lines in block RAM', () => {
  it('a 12-register chain after an input: the first stays (the write is from a register), the last too (the read data has a stage of its own), the 10 between become one memory', () => {
    const n = build([{ width: 8, depth: 12 }]);
    const r = lower(n);
    const m = r.netlist.top;
    expect(m.mems.map((x) => [x.depth, x.type.width])).toEqual([[10, 8]]);
    expect(r).toMatchObject({ blocks: 1, bits: 80 });
    expect(regs(m).filter((s) => s.startsWith('c0_'))).toEqual(['c0_r1', 'c0_r12']);
    checkSame(n, r.netlist, 13, 200, SEED);
  });

  it('a register read by another reader stays a register: a tap splits the chain, and each part is timed alone', () => {
    const n = build([{ width: 6, depth: 20, tap: 9, signed: true }]);
    const r = lower(n);
    const m = r.netlist.top;
    // The parts r2…r8 and r10…r19 share one 7-deep memory: the longer keeps its first three registers.
    expect(m.mems.map((x) => [x.depth, x.type.width])).toEqual([[7, 12]]);
    expect(regs(m).filter((s) => s.startsWith('c0_'))).toEqual(['c0_r1', 'c0_r9', 'c0_r10', 'c0_r11', 'c0_r12', 'c0_r20']);
    checkSame(n, r.netlist, 21, 200, SEED + 1);
  });

  it('runs of one depth share a memory; a shorter run fills a deeper memory\'s last block; short runs stay registers', () => {
    const n = build([{ width: 10, depth: 22 }, { width: 5, depth: 22, signed: true }, { width: 1, depth: 30 }, { width: 8, depth: 4 }]);
    const r = lower(n);
    const m = r.netlist.top;
    // 10 + 5 bits at 20 deep, and the 1-bit run (28 deep) in the same block's spare bit, 20 of its registers.
    expect(m.mems.map((x) => [x.depth, x.type.width])).toEqual([[20, 16]]);
    expect(r).toMatchObject({ blocks: 1, bits: 16 * 20 });
    expect(regs(m).filter((s) => s.startsWith('c3_'))).toHaveLength(4);
    checkSame(n, r.netlist, 31, 200, SEED + 2);
  });

  it('stores only the bits that vary: constant bits of a chain (which synthesis would not register) come back as constants', () => {
    const n = build([{ width: 6, depth: 12, pad: 20 }]);
    const r = lower(n, { ...RAM, minDepth: 2 });
    // r1 takes the concatenation, r12 the read data: r2 … r11 go, 6 of their 27 bits stored.
    expect(r.netlist.top.mems.map((x) => [x.depth, x.type.width])).toEqual([[10, 6]]);
    expect(r.bits).toBe(6 * 10);
    checkSame(n, r.netlist, 13, 150, SEED + 4);
  });

  it('keeps within the block budget, the most bits per block first, and leaves the module alone with none', () => {
    const n = build([{ width: 40, depth: 12 }, { width: 16, depth: 40 }]);
    expect(delayLinesToRam(n.top, { ...RAM, blocks: 0 }).module).toBe(n.top);
    const two = lower(n, { ...RAM, blocks: 2 });
    expect(two.netlist.top.mems.map((x) => [x.depth, x.type.width])).toEqual([[38, 16]]); // 608 bits a block, against 40·10 / 3
    expect(two.blocks).toBe(1);
    const four = lower(n, { ...RAM, blocks: 4 });
    expect(four.blocks).toBe(4);
    checkSame(n, four.netlist, 41, 120, SEED + 3);
  });

  it('the emitted Verilog delays alike in Icarus: read-before-write, the pointer wrapping at a depth that is not a power of two', async () => {
    const n = build([{ width: 12, depth: 13 }]);
    const r = lower(n);
    expect(r.netlist.top.mems[0]!.depth).toBe(11);
    const dir = mkdtempSync(join(tmpdir(), 'bf-delay-ram-'));
    try {
      const files = designFiles(r.netlist);
      for (const f of files) writeFileSync(join(dir, f.path), f.content);
      const top = r.netlist.top;
      const e = { dir, design: { ...r.netlist, warnings: [] }, top: top.name, files: files.filter((f) => f.path.endsWith('.v')).map((f) => f.path), ports: portsOf(top) };
      const xs = Array.from({ length: 60 }, (_, t) => (t * 997 + 13) % 4096);
      const ys = await icarus(e, xs.map((x, t) => ({ rst: t === 0 ? 1 : 0, x0: x })));
      for (let t = 14; t < xs.length; t++) expect(ys[t]!.y0, `cycle ${t}`).toBe(BigInt(xs[t - 13]!));
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it('pipelining for iCE40 carries the NVFP4 quantizer\'s inputs in block RAM, within 16 blocks; Icarus runs it against the golden model', async () => {
    const b = catalogue.find((x) => x.name === 'mx.nvfp4-quantize')!;
    const comb = elaborate(b.generator, b.fmaxBase!(b.params.parse({ block: 4 })) as Record<string, unknown>);
    const fabric = TIMING_MODELS.ice40.fabric;
    const r = pipelineNetlist(comb, 10, fabric);
    expect(r.delayRam?.blocks).toBeGreaterThan(0);
    expect(r.delayRam!.blocks).toBeLessThanOrEqual(16);
    expect(r.netlist.top.mems.reduce((n, x) => n + Math.ceil(x.type.width / 16), 0)).toBe(r.delayRam!.blocks);
    // xc7 has shift-register LUTs: no memories there.
    expect(pipelineNetlist(comb, 10, TIMING_MODELS.xc7.fabric).netlist.top.mems).toHaveLength(0);
    const dir = mkdtempSync(join(tmpdir(), 'bf-delay-ram-'));
    try {
      const sim = await cosim(b, b.params.parse({ block: 4 }), 'icarus', { seed: SEED, vectors: 400, outDir: dir, fmax: { mhz: 100, fabric } });
      expect(sim.failed).toBe(0);
      expect(sim.passed).toBeGreaterThan(400);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  }, 120_000);
});

describe('known bits', () => {
  it('are sound: every signal of pipelined catalogue designs, simulated on random inputs, has the bits the analysis says', () => {
    for (const [name, raw, mhz] of [['mx.dequantize', { block: 4 }, 150], ['minifloat.add', {}, 100], ['mx.nvfp4-dot', { block: 2 }, 100]] as const) {
      const b = catalogue.find((x) => x.name === name)!;
      const comb = elaborate(b.generator, b.fmaxBase!(b.params.parse(raw)) as Record<string, unknown>);
      const n = pipelineNetlist(comb, 1000 / mhz, TIMING_MODELS.xc7.fabric).netlist; // registers, no memories
      const k = knownBits(n.top);
      const watched = n.top.signals.map((s, i) => ({ s, k: k.signal(i) })).filter((x) => x.k.mask !== 0n && x.s.kind !== 'input');
      expect(watched.length, name).toBeGreaterThan(0);
      const sim = new Simulator(n);
      sim.set('rst', 1).step().set('rst', 0);
      const r = seededRng(SEED + 5);
      const ins = n.top.ports.map((i) => n.top.signals[i]!).filter((s) => s.kind === 'input' && s.name !== 'rst');
      for (let t = 0; t < 150; t++) {
        for (const s of ins) sim.set(s.name, BigInt.asUintN(s.type.width, BigInt(Math.floor(r() * 2 ** 30)) << 20n | BigInt(Math.floor(r() * 2 ** 20))));
        sim.settle();
        // Registers hold their reset or power-up value until the pipeline has filled.
        if (t > 60) for (const { s, k: kk } of watched) expect(BigInt.asUintN(s.type.width, sim.get(s.name)) & kk.mask, `${name}: ${s.name} at cycle ${t}`).toBe(kk.value);
        sim.step();
      }
    }
  });
});
