// Interfaces: bundles, valid/ready streams and a pipeline's valid create the conventional ports, and the
// block's handshake follows from what the module declared.

import { describe, expect, it } from 'vitest';
import {
  Bool, defineModule, elaborate, ElaborationError, inputs, instance, mux, outputs, pipelineValid, reg, streamIn, streamOut, UInt,
  type VectorOf,
} from '../../src/dsl/index.js';
import { Simulator } from '../../src/sim/index.js';
import { defineBlock } from '../../src/blocks/block.js';
import { emitBlock } from '../../src/codegen/emit-block.js';
import { ContractError } from '../../src/codegen/contract.js';
import { fifo } from '../../src/blocks/examples/fifo/generator.js';
import { z } from 'zod';

const portsOf = (d: ReturnType<typeof elaborate>) => d.top.ports.map((i) => { const s = d.top.signals[i]!; return `${s.kind === 'input' ? 'in' : 'out'} ${s.name}:${s.type.width}`; });
const params = z.object({ n: z.number().int().default(3) });

describe('interfaces', () => {
  it('a stream pair makes in_valid/in_ready/out_valid/out_ready and the data fields; the handshake is stream', () => {
    const skid = defineModule('skid', (_p: { n: number }) => {
      const i = streamIn({ x: UInt(8), last: Bool }, { maxInterval: 2 });
      const o = streamOut({ y: UInt(8) });
      const held = reg('held', UInt(8), { init: 0 }), full = reg('full', Bool, { init: 0 });
      i.ready.set(full.not());
      o.valid.set(full);
      o.data.y.set(held);
      const take = i.fire, give = o.fire; // valid and ready, each side
      full.set(full.and(give.not()).or(take));
      held.set(mux(take, i.data.x, held));
    });
    expect(portsOf(elaborate(skid, { n: 3 }))).toEqual(['in in_valid:1', 'out in_ready:1', 'in x:8', 'in last:1', 'out out_valid:1', 'in out_ready:1', 'out y:8']);
    const block = defineBlock({ name: 't.skid', summary: '', params, generator: skid });
    expect(block.handshake({ n: 3 })).toEqual({ kind: 'stream', maxInterval: 2 });
  });

  it('ports() connects an instance\'s stream ends in one call: a wrapper around the FIFO passes beats through', () => {
    const wrap = defineModule('wrap', (_p: { n: number }) => {
      const i = streamIn({ in_data: UInt(8) }), o = streamOut({ out_data: UInt(8) });
      instance(fifo, { depth: 2, width: 8 }, { ...i.ports(), ...o.ports() });
    });
    const sim = new Simulator(elaborate(wrap, { n: 1 }));
    sim.reset().set('out_ready', 1).set('in_valid', 1).set('in_data', 42);
    expect(sim.get('in_ready')).toBe(1n);
    sim.step(1).set('in_valid', 0);
    expect([sim.get('out_valid'), sim.get('out_data')]).toEqual([1n, 42n]);
    expect(defineBlock({ name: 't.wrap', summary: '', params, generator: wrap }).handshake({ n: 1 })).toEqual({ kind: 'stream' });
  });

  it('pipelineValid(latency) makes in_valid and out_valid, the latter `latency` cycles later; 0 is combinational', () => {
    const double = defineModule('double', (p: { n: number }) => {
      pipelineValid(p.n);
      const { a } = inputs({ a: UInt(4) });
      let v = a.zext(5).add(a.zext(5)).trunc(5);
      for (let i = 0; i < p.n; i++) { const r = reg(`r${i}`, UInt(5)); r.set(v); v = r; }
      outputs({ y: UInt(5) }).y.set(v);
    });
    const d = elaborate(double, { n: 3 });
    expect(portsOf(d)).toEqual(['in in_valid:1', 'out out_valid:1', 'in a:4', 'out y:5']);
    const sim = new Simulator(d);
    // One beat in at the first clock edge: out_valid rises after the third, with the data beside it.
    sim.reset().set('in_valid', 1).set('a', 5).step(1).set('in_valid', 0).set('a', 0);
    const seen: Array<[bigint, bigint]> = [];
    for (let c = 0; c < 5; c++) { seen.push([sim.get('out_valid'), sim.get('y')]); sim.step(1); }
    expect(seen.map(([v]) => v)).toEqual([0n, 0n, 1n, 0n, 0n]);
    expect(seen[2]![1]).toBe(10n);
    expect(portsOf(elaborate(double, { n: 0 }))).toEqual(['in a:4', 'out y:5']);
    const block = defineBlock({ name: 't.double', summary: '', params, generator: double });
    expect([block.handshake({ n: 3 }), block.handshake({ n: 0 })]).toEqual([{ kind: 'pipeline', latency: 3 }, { kind: 'combinational' }]);
    // The golden model's keys are the bundle's fields, typed.
    const fields = { a: UInt(4) };
    const v: VectorOf<typeof fields> = { a: 3n };
    expect(Object.keys(v)).toEqual(['a']);
  });

  it('a clocked module that declares nothing, two different handshakes, or a handshake that contradicts the interfaces', () => {
    const counter = defineModule('cnt', (_p: { n: number }) => {
      const r = reg('r', UInt(4), { init: 0 });
      r.set(r.addWrap(1));
      outputs({ q: UInt(4) }).q.set(r);
    });
    const bare = defineBlock({ name: 't.cnt', summary: '', params, generator: counter });
    expect(() => bare.handshake({ n: 3 })).toThrow(ContractError);
    expect(() => bare.handshake({ n: 3 })).toThrow('t.cnt: the module has registers but declares no handshake: use streamIn/streamOut or pipelineValid(latency) in the generator, or give the block a handshake(params)');

    const both = defineModule('both', (_p: { n: number }) => {
      pipelineValid(2);
      streamIn({ x: UInt(2) });
      outputs({ y: UInt(2) }).y.set(0);
    });
    try {
      elaborate(both, { n: 3 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ElaborationError);
      const d = (e as ElaborationError).diagnostics.find((x) => x.kind === 'bad-interface')!;
      expect(d.message).toBe('streamIn declared in a module that already declared a pipeline of latency 2');
      expect(d.loc.file).toBe('test/dsl/interface.test.ts');
    }

    const piped = defineModule('piped', (p: { n: number }) => {
      pipelineValid(p.n);
      const { a } = inputs({ a: UInt(4) });
      let v = a;
      for (let i = 0; i < p.n; i++) { const r = reg(`r${i}`, UInt(4)); r.set(v); v = r; }
      outputs({ y: UInt(4) }).y.set(v);
    });
    const lying = defineBlock({ name: 't.lying', summary: '', params, generator: piped, handshake: (p) => ({ kind: 'pipeline', latency: p.n + 1 }) });
    expect(() => emitBlock(lying, { n: 2 })).toThrow('t.lying: handshake(params) gives {"kind":"pipeline","latency":3}, but the module\'s interfaces declare {"kind":"pipeline","latency":2}');
  });
});
