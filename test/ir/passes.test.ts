// The IR passes: every catalogue block simulates the same before and after constant folding and
// dead-logic removal; each pass does what it says on small designs; a pass that breaks the netlist
// is stopped by the verifier, named.

import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/blocks/catalogue.js';
import { seededRng } from '../../src/util/rng.js';
import { defineModule, elaborate, input, instance, lit, output, reg, UInt, SInt, when, type Design } from '../../src/dsl/index.js';
import { constFold, deadLogic, OPTIMIZE, runPasses, type Netlist } from '../../src/ir/index.js';
import { IrVerifyError, verifyNetlist } from '../../src/ir/verify.js';
import { Simulator } from '../../src/sim/index.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 3);
console.log(`passes: seed ${SEED}`);

/** Outputs of a design over `cycles` cycles of random inputs (rst high in the first two). */
function trace(n: Netlist, cycles: number, seed: number): string[] {
  const sim = new Simulator(n);
  const r = seededRng(seed);
  const ins = n.top.ports.map((i) => n.top.signals[i]!).filter((s) => s.kind === 'input');
  const out: string[] = [];
  for (let c = 0; c < cycles; c++) {
    if (sim.inputs.includes('rst')) sim.set('rst', c < 2 || r() < 0.02 ? 1 : 0);
    for (const p of ins) {
      let v = 0n;
      for (let k = 0; k < p.type.width; k += 24) v = (v << 24n) | BigInt(Math.floor(r() * 2 ** 24));
      v = BigInt.asUintN(p.type.width, v);
      sim.set(p.name, p.type.signed ? BigInt.asIntN(p.type.width, v) : v);
    }
    out.push(sim.outputs.map((o) => sim.get(o).toString(16)).join(' '));
    sim.step();
  }
  return out;
}

const ops = (n: Netlist) => n.modules.reduce((s, m) => s + m.nodes.filter((x) => x.op !== 'const' && x.op !== 'sig').length, 0);

describe('IR passes', () => {
  for (const b of catalogue) {
    it(`${b.name}: the same outputs before and after const-fold + dce, cycle by cycle`, () => {
      const before = elaborate(b.generator, b.params.parse({}) as never);
      const after = runPasses(before, OPTIMIZE);
      verifyNetlist(after);
      expect(ops(after)).toBeLessThanOrEqual(ops(before));
      expect(trace(after, 300, SEED)).toEqual(trace(before, 300, SEED));
    });
  }

  const child = defineModule('p_child', () => {
    const x = input('x', UInt(4));
    output('y', UInt(4)).set(x.not());
  });
  const top = defineModule('p_top', () => {
    const a = input('a', SInt(8));
    const k = lit(-3, SInt(4)).mul(lit(5, SInt(4))); // -15 as SInt(8), foldable
    const out = output('o', SInt(16));
    const dead = reg('dead', UInt(4), { init: 1 });
    dead.set(instance(child, {}, { x: dead }).out('y')); // a register and an instance nothing reads
    when(lit(1, UInt(1)), () => out.set(a.mul(k))).otherwise(() => out.set(a.mul(a)));
  });

  it('const-fold: constant products and when-branches on constants fold; dce drops the unread register and instance', () => {
    const d: Design = elaborate(top, {});
    const folded = constFold.run(d);
    verifyNetlist(folded);
    const t = folded.top;
    expect(t.nodes.some((n) => n.op === 'const' && n.value === -15n && n.type.width === 8)).toBe(true);
    expect(t.signals.find((s) => s.name === 'o')!.driver!.kind).toBe('leaf'); // the when on 1 is gone
    const clean = deadLogic.run(folded);
    verifyNetlist(clean);
    expect(clean.top.signals.map((s) => s.name)).not.toContain('dead');
    expect(clean.top.instances).toEqual([]);
    expect(clean.modules.map((m) => m.name)).toEqual(['p_top']);
    const sim = new Simulator(clean);
    sim.set('a', -7);
    expect(sim.get('o')).toBe(105n);
  });

  it('a pass that breaks the netlist is stopped by the verifier, which names it', () => {
    const broken = { name: 'widen-adds', run: (n: Netlist): Netlist => ({ ...n, top: { ...n.top, nodes: n.top.nodes.map((x) => (x.op === 'mul' ? { ...x, type: { ...x.type, width: 1 } } : x)) }, modules: n.modules.map((m) => (m === n.top ? { ...m, nodes: m.nodes.map((x) => (x.op === 'mul' ? { ...x, type: { ...x.type, width: 1 } } : x)) } : m)) }) };
    expect(() => runPasses(elaborate(top, {}), [broken])).toThrow(IrVerifyError);
    expect(() => runPasses(elaborate(top, {}), [broken])).toThrow(/after pass widen-adds: p_top: node \d+ \(mul\)/);
  });
});
