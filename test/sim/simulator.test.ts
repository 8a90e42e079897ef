// The programmatic testbench API of the TypeScript simulator: inputs, settled outputs, clock edges,
// synchronous reset and enables, memories (a read in the cycle of a write sees the old word),
// hierarchy, run-until, and a VCD of every signal.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Bool, defineModule, elaborate, input, instance, mem, output, reg, SInt, UInt, when } from '../../src/dsl/index.js';
import { SimError, Simulator } from '../../src/sim/index.js';

const counter = defineModule('api_counter', (p: { w: number }) => {
  const en = input('en', Bool);
  const q = output('q', UInt(p.w));
  const r = reg('r', UInt(p.w), { init: 3, en });
  r.set(r.addWrap(1));
  q.set(r);
});

const ram = defineModule('api_ram', () => {
  const we = input('we', Bool);
  const addr = input('addr', UInt(3));
  const din = input('din', SInt(70));
  const dout = output('dout', SInt(70));
  const m = mem('words', { depth: 8, type: SInt(70), init: [5n, -7n] });
  when(we, () => m.write(addr, din));
  dout.set(m.read(addr));
});

const top = defineModule('api_top', () => {
  const en = input('en', Bool);
  const a = input('a', SInt(8));
  const b = input('b', SInt(8));
  const sum = output('sum', SInt(9));
  const cnt = output('cnt', UInt(4));
  sum.set(a.add(b));
  cnt.set(instance(counter, { w: 4 }, { en }).out('q'));
});

describe('the TypeScript simulator API', () => {
  it('counts with an enable, wraps, and reloads its reset value', () => {
    const sim = new Simulator(elaborate(counter, { w: 4 }));
    sim.reset();
    expect(sim.get('q')).toBe(3n);
    sim.set('en', 0).step(5);
    expect(sim.get('q')).toBe(3n);
    sim.set('en', 1).step(14);
    expect(sim.get('q')).toBe(1n); // 3 + 14 wraps at 16
    expect(sim.runUntil((s) => s.get('q') === 9n)).toBe(8);
    sim.reset(2);
    expect(sim.get('q')).toBe(3n);
    expect(sim.cycles).toBe(1 + 14 + 5 + 8 + 2);
  });

  it('a memory read in the cycle of a write returns the old word; wide signed words round-trip', () => {
    const sim = new Simulator(elaborate(ram, {}));
    sim.set('addr', 1).set('we', 0).step();
    expect(sim.get('dout')).toBe(-7n); // init
    sim.set('we', 1).set('din', -(1n << 69n)).step();
    expect(sim.get('dout')).toBe(-7n); // read-during-write: old word
    sim.set('we', 0).step();
    expect(sim.get('dout')).toBe(-(1n << 69n));
    sim.set('addr', 0).step();
    expect(sim.get('dout')).toBe(5n);
  });

  it('hierarchy: a child instance runs inside its parent; signals are reachable by path', () => {
    const sim = new Simulator(elaborate(top, {}));
    sim.set('a', -128).set('b', -1);
    expect(sim.get('sum')).toBe(-129n);
    sim.reset().set('en', 1).step(2);
    expect(sim.get('cnt')).toBe(5n);
    expect(sim.get('u_api_counter.r')).toBe(5n);
    expect(sim.inputs.sort()).toEqual(['a', 'b', 'en', 'rst']);
  });

  it('rejects values that do not fit and unknown ports, naming them', () => {
    const sim = new Simulator(elaborate(top, {}));
    expect(() => sim.set('a', 128)).toThrow(new SimError(`128 does not fit input 'a' (SInt(8))`));
    expect(() => sim.set('nope', 1)).toThrow(/no input port 'nope'/);
    expect(() => sim.get('nope')).toThrow(/no port or signal 'nope'/);
  });

  it('writes a VCD with the hierarchy, the clock and every change', () => {
    const sim = new Simulator(elaborate(top, {})).trace();
    sim.reset().set('en', 1).set('a', 3).set('b', 4).step(3);
    const path = join(mkdtempSync(join(tmpdir(), 'bitforge-vcd-')), 'wave.vcd');
    sim.writeVcd(path);
    const vcd = readFileSync(path, 'utf8');
    expect(vcd).toContain('$scope module u_api_counter $end');
    expect(vcd).toMatch(/\$var wire 9 \S+ sum \$end/);
    const id = /\$var wire 4 (\S+) r \$end/.exec(vcd)![1]!;
    // r: 3 after reset, then 4, 5, 6 on the three enabled edges.
    const values = vcd.split('\n').filter((l) => l.endsWith(` ${id}`)).map((l) => parseInt(l.slice(1, -id.length - 1), 2));
    expect(values).toEqual([0, 3, 4, 5, 6]);
    expect(vcd).toContain('#8');
  });
});
