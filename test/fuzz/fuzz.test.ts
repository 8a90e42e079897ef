// Differential fuzzing: the TypeScript simulator, Verilator and Icarus agree on random designs, and
// so do designs before and after each pass; a wrong operator in the TypeScript simulator is found
// and reduced to a handful of cells.

import { describe, expect, it } from 'vitest';
import { elaborateSpec } from '../../src/fuzz/build.js';
import { cellCount, designSeed, fuzz } from '../../src/fuzz/fuzz.js';
import { randomDesign } from '../../src/fuzz/generate.js';
import { seededRng } from '../../src/cosim/model.js';
import { NODE_OPS } from '../../src/ir/netlist.js';
import { verifyNetlist } from '../../src/ir/verify.js';

describe('bitforge fuzz', () => {
  it('200 designs, seed 1: the three simulators and the passes agree', async () => {
    const r = await fuzz({ designs: 200, cycles: 40, seed: 1 });
    expect(r.disagreements.map((d) => d.first)).toEqual([]);
  }, 180_000); // a fixed amount of work; Verilator builds dominate on a slow machine

  it('the generated designs cover every operator, wide and narrow, with registers, memories and instances', () => {
    const ops = new Set<string>();
    let wide = 0, mems = 0, insts = 0, regs = 0, modules = 0;
    for (let i = 0; i < 200; i++) {
      const d = elaborateSpec(randomDesign(seededRng(designSeed(1, i)), `cov${i}`));
      verifyNetlist(d);
      for (const m of d.modules) {
        modules++;
        for (const n of m.nodes) { ops.add(n.op); if (n.type.width > 64) wide++; }
        mems += m.mems.length; insts += m.instances.length; regs += m.signals.filter((s) => s.kind === 'reg').length;
      }
    }
    expect([...NODE_OPS].filter((op) => !ops.has(op))).toEqual([]);
    expect(wide).toBeGreaterThan(100);
    expect(Math.min(mems, insts, regs, modules - 200)).toBeGreaterThan(20);
  });

  it('a wrong TypeScript operator (32-bit sub computes +) is found and reduced to ≤ 10 cells', async () => {
    const seed = 11;
    console.log(`wrong-operator fuzz: seed ${seed}`);
    const compile = { mutateNode: (op: string, js: string, t: { width: number }) => (op === 'sub' && t.width <= 32 ? js.replace(' - ', ' + ') : js) };
    // Found over 40 designs, then reduced as a user would: the seed and the index rerun that design alone.
    const found = await fuzz({ designs: 40, cycles: 30, seed, against: ['icarus'], reduce: false, compile });
    expect(found.disagreements.length).toBeGreaterThan(0);
    expect(found.disagreements.every((x) => x.reduced === null)).toBe(true);
    const first = found.disagreements[0]!;
    const r = await fuzz({ designs: 1, from: first.index, cycles: 30, seed, against: ['icarus'], compile });
    expect(r.disagreements).toHaveLength(1);
    const d = r.disagreements[0]!;
    expect([d.index, d.first, d.cells]).toEqual([first.index, first.first, first.cells]);
    expect(d.first.check).toBe('ts vs icarus');
    const x = d.reduced!;
    expect(x.cells).toBeLessThanOrEqual(10);
    expect(x.cells).toBeLessThan(d.cells);
    expect(x.first.check).toBe('ts vs icarus');
    expect(x.values['ts']).not.toBe(x.values['icarus']);
    expect(x.values['verilator']).toBe(x.values['icarus']); // the two Verilog simulators agree: the TS one is wrong
    const reduced = elaborateSpec(x.spec);
    expect(cellCount(reduced)).toBe(x.cells);
    expect(reduced.modules.some((m) => m.nodes.some((n) => n.op === 'sub' && n.type.width <= 32))).toBe(true);
  }, 180_000); // a fixed amount of work; Verilator builds dominate on a slow machine
});
