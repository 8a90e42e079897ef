// Malformed designs, one per mistake a user makes. Each asserts the error kind, the message and the
// TS line it points to (found from the `// @Ennn` marker on that line of this file).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  Bool, defineModule, elaborate, ElaborationError, input, instance, lit, mem, mux, output, reg, SInt, UInt, when, wire,
  type Diagnostic, type DiagnosticKind, type ModuleGenerator,
} from '../../src/dsl/index.js';

const SRC = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
const lineOf = (marker: string) => {
  const i = SRC.findIndex((l) => l.includes(`// @${marker}`) && !l.includes('lineOf'));
  if (i < 0) throw new Error(`marker ${marker} not found`);
  return i + 1;
};

function errorsOf<P>(gen: ModuleGenerator<P>, params: P): Diagnostic[] {
  try {
    elaborate(gen, params);
  } catch (e) {
    if (e instanceof ElaborationError) return e.diagnostics.filter((d) => d.severity === 'error');
    throw e;
  }
  throw new Error('design elaborated without errors');
}

function expectError<P>(gen: ModuleGenerator<P>, params: P, kind: DiagnosticKind, message: RegExp, marker: string) {
  const errs = errorsOf(gen, params);
  const d = errs.find((x) => x.kind === kind);
  expect(d, `no ${kind} error among: ${errs.map((x) => `${x.kind}: ${x.message}`).join('; ')}`).toBeDefined();
  expect(d!.message).toMatch(message);
  expect(d!.fix.length).toBeGreaterThan(5);
  expect(d!.loc).toEqual({ file: 'test/dsl/errors.test.ts', line: lineOf(marker) });
  return errs;
}

// A small child module used by the instance cases.
const Adder = defineModule('adder', (p: { w: number }) => {
  const a = input('a', UInt(p.w));
  const b = input('b', UInt(p.w));
  const s = output('s', UInt(p.w + 1));
  s.set(a.add(b));
});
const Pass = defineModule('pass', () => {
  const i = input('i', UInt(4));
  const o = output('o', UInt(4));
  o.set(i);
});

describe('malformed designs are rejected with kind, message and line', () => {
  it('truncating assignment', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(8));
      const y = output('y', UInt(8));
      y.set(a.add(a)); // @E001
    });
    const errs = expectError(g, {}, 'width-mismatch', /WIDTH MISMATCH \(8 bits <- 9 bits\) on y\.set/, 'E001');
    expect(errs).toHaveLength(1);
  });

  it('signed and unsigned operands mixed', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(8));
      const b = input('b', SInt(8));
      const y = output('y', UInt(9));
      y.set(a.add(b)); // @E002
    });
    expectError(g, {}, 'sign-mix', /add: UInt\(8\) with SInt\(8\)/, 'E002');
  });

  it('signed value assigned to an unsigned signal', () => {
    const g = defineModule('e', () => {
      const b = input('b', SInt(8));
      const y = output('y', UInt(8));
      y.set(b); // @E003
    });
    expectError(g, {}, 'sign-mix', /assigning SInt\(8\) to UInt\(8\) 'y'/, 'E003');
  });

  it('undriven output', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(8));
      output('y', UInt(8)); // @E004
      output('z', UInt(8)).set(a);
    });
    expectError(g, {}, 'undriven', /output 'y' is never assigned/, 'E004');
  });

  it('undriven wire that is read', () => {
    const g = defineModule('e', () => {
      const w = wire('w', UInt(8)); // @E005
      output('y', UInt(8)).set(w);
    });
    expectError(g, {}, 'undriven', /wire 'w' is never assigned/, 'E005');
  });

  it('two drivers: an instance output and an assignment', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(4));
      const w = wire('w', UInt(4));
      instance(Pass, {}, { i: a, o: w });
      w.set(a); // @E006
      output('y', UInt(4)).set(w);
    });
    expectError(g, {}, 'multiple-drivers', /'w' has two drivers: instance u_pass\.o at test\/dsl\/errors\.test\.ts:\d+, and this assignment/, 'E006');
  });

  it('two instance outputs on one wire', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(4));
      const w = wire('w', UInt(4));
      instance(Pass, {}, { i: a, o: w });
      instance(Pass, {}, { i: a, o: w }); // @E007
      output('y', UInt(4)).set(w);
    });
    expectError(g, {}, 'multiple-drivers', /'w' has two drivers: u_pass\.o at test\/dsl\/errors\.test\.ts:\d+, and u_pass_1\.o here/, 'E007');
  });

  it('combinational loop, with its path', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(8));
      const p = wire('p', UInt(8)); // @E008
      const q = wire('q', UInt(8));
      p.set(q.addWrap(a));
      q.set(p.xor(1));
      output('y', UInt(8)).set(q);
    });
    expectError(g, {}, 'comb-loop', /COMBINATIONAL LOOP: (p|q) \(.*\) -> (p|q) \(.*\) -> \1/, 'E008');
  });

  it('combinational loop through an instance', () => {
    const g = defineModule('e', () => {
      const w = wire('w', UInt(4)); // @E009
      const u = instance(Pass, {}, { i: w });
      w.set(u.out('o').xor(3));
      output('y', UInt(4)).set(w);
    });
    expectError(g, {}, 'comb-loop', /COMBINATIONAL LOOP: .*u_pass_i.*-> .*w/, 'E009');
  });

  it('a register breaks the loop (no error)', () => {
    const g = defineModule('e', () => {
      const r = reg('r', UInt(4), { init: 0 });
      r.set(r.addWrap(1));
      output('y', UInt(4)).set(r);
    });
    expect(() => elaborate(g, {})).not.toThrow();
  });

  it('latch: assigned only inside a when', () => {
    const g = defineModule('e', () => {
      const c = input('c', Bool);
      const a = input('a', UInt(8));
      const y = output('y', UInt(8)); // @E010
      when(c, () => y.set(a)); // @E010b
    });
    const errs = expectError(g, {}, 'latch', /LATCH: combinational 'y' keeps its old value when the when at test\/dsl\/errors\.test\.ts:\d+ is false/, 'E010');
    expect(errs[0]!.message).toContain(`errors.test.ts:${lineOf('E010b')}`);
  });

  it('latch: elseWhen chain without otherwise', () => {
    const g = defineModule('e', () => {
      const c = input('c', UInt(2));
      const y = wire('y', UInt(2)); // @E011
      when(c.eq(0), () => y.set(1)).elseWhen(c.eq(1), () => y.set(2));
      output('o', UInt(2)).set(y);
    });
    expectError(g, {}, 'latch', /LATCH: combinational 'y'.* is false and the when at .* is false/, 'E011');
  });

  it('unknown port in a port map', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(8));
      const u = instance(Adder, { w: 8 }, { a, b: a, c: a }); // @E012
      output('y', UInt(9)).set(u.out('s'));
    });
    expectError(g, {}, 'unknown-port', /module adder__w8 has no port 'c'.*/, 'E012');
  });

  it('reading an output port that does not exist (one error, no cascade)', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(8));
      const u = instance(Adder, { w: 8 }, { a, b: a });
      output('y', UInt(1)).set(u.out('sum')); // @E012b
    });
    const errs = expectError(g, {}, 'unknown-port', /module adder__w8 has no output port 'sum'/, 'E012b');
    expect(errs).toHaveLength(1);
    expect(errs[0]!.fix).toBe('use one of: s');
  });

  it('mis-sized port in a port map', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(8));
      const u = instance(Adder, { w: 8 }, { a, b: a.bits(3, 0) }); // @E013
      output('y', UInt(9)).set(u.out('s'));
    });
    expectError(g, {}, 'width-mismatch', /port 'b' of adder__w8 is UInt\(8\), connected to UInt\(4\)/, 'E013');
  });

  it('instance input left unconnected', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(8));
      const u = instance(Adder, { w: 8 }, { a }); // @E014
      output('y', UInt(9)).set(u.out('s'));
    });
    expectError(g, {}, 'undriven', /input 'b' of instance u_adder \(module adder__w8\) is not connected/, 'E014');
  });

  it('reading an output of a module that was not instantiated', () => {
    let leaked: ReturnType<typeof output> | undefined;
    const Child = defineModule('child', () => {
      leaked = output('o', UInt(4));
      leaked.set(5);
    });
    const g = defineModule('e', () => {
      elaborate(Child, {}); // elaborated on its own, never instantiated here
      output('y', UInt(4)).set(leaked!.xor(1)); // @E015
    });
    expectError(g, {}, 'foreign-signal', /signal 'o' belongs to module child, not e/, 'E015');
  });

  it('assigning an input port', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(8));
      a.set(3); // @E016
      output('y', UInt(8)).set(a);
    });
    expectError(g, {}, 'drive-input', /cannot assign input port 'a'/, 'E016');
  });

  it('assigning an instance output', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(4));
      const u = instance(Pass, {}, { i: a });
      (u.out('o') as ReturnType<typeof wire>).set(a); // @E017
      output('y', UInt(4)).set(u.out('o'));
    });
    expectError(g, {}, 'drive-input', /cannot assign instance output 'u_pass_o'/, 'E017');
  });

  it('bit slice out of range', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(8));
      output('y', UInt(4)).set(a.bits(9, 6)); // @E018
    });
    expectError(g, {}, 'bad-range', /bits\(9, 6\) out of range for UInt\(8\)/, 'E018');
  });

  it('multi-bit when condition', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(8));
      const y = output('y', UInt(8));
      y.set(0);
      when(a, () => y.set(a)); // @E019
    });
    expectError(g, {}, 'cond-width', /when condition is UInt\(8\), not 1 bit/, 'E019');
  });

  it('negative constant with an unsigned operand', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(8));
      output('y', UInt(9)).set(a.add(-1)); // @E020
    });
    expectError(g, {}, 'bad-constant', /negative constant -1 used with unsigned UInt\(8\)/, 'E020');
  });

  it('register reset value out of range', () => {
    const g = defineModule('e', () => {
      const r = reg('r', UInt(4), { init: 16 }); // @E021
      r.set(r);
      output('y', UInt(4)).set(r);
    });
    expectError(g, {}, 'bad-constant', /reset value 16 of register 'r' does not fit UInt\(4\)/, 'E021');
  });

  it('duplicate port name', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(8));
      output('a', UInt(8)).set(a); // @E022
    });
    expectError(g, {}, 'bad-name', /port name 'a' is already used in this module/, 'E022');
  });

  it('port named after a Verilog keyword', () => {
    const g = defineModule('e', () => {
      const a = input('module', UInt(8)); // @E023
      output('y', UInt(8)).set(a);
    });
    expectError(g, {}, 'bad-name', /port name 'module' is not a legal Verilog identifier/, 'E023');
  });

  it('port named like the implicit clock', () => {
    const g = defineModule('e', () => {
      const a = input('clk', Bool); // @E024
      output('y', Bool).set(a);
    });
    expectError(g, {}, 'bad-name', /port name 'clk' is reserved for the implicit clock\/reset/, 'E024');
  });

  it('port named like the testbench\'s own signals', () => {
    const g = defineModule('e', () => {
      const a = input('tb_sent', UInt(8)); // @E038
      output('y', UInt(8)).set(a);
    });
    expectError(g, {}, 'bad-name', /port name 'tb_sent': names starting with tb_ belong to bitforge's testbenches/, 'E038');
  });

  it('output port mapped to an expression', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(4));
      instance(Pass, {}, { i: a, o: a.xor(1) }); // @E025
      output('y', UInt(4)).set(a);
    });
    expectError(g, {}, 'bad-port-map', /output port 'o' of pass must connect to a wire or output of e/, 'E025');
  });

  it('memory write wider than the word', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(4));
      const m = mem('ram', { depth: 16, type: UInt(8) });
      m.write(a, a.mul(a).mul(a)); // @E026
      output('y', UInt(8)).set(m.read(a));
    });
    expectError(g, {}, 'width-mismatch', /write of UInt\(12\) to memory 'ram' of UInt\(8\)/, 'E026');
  });

  it('signed memory address', () => {
    const g = defineModule('e', () => {
      const a = input('a', SInt(4));
      const m = mem('ram', { depth: 16, type: UInt(8) });
      output('y', UInt(8)).set(m.read(a)); // @E027
    });
    expectError(g, {}, 'sign-mix', /address of memory 'ram' is SInt\(4\)/, 'E027');
  });

  it('zero-width type from a parameter', () => {
    const g = defineModule('e', (p: { w: number }) => {
      const a = input('a', UInt(p.w)); // @E028
      output('y', UInt(1)).set(a.orR());
    });
    expectError(g, { w: 0 }, 'bad-range', /UInt\(0\): width must be an integer in 1\.\.65536/, 'E028');
  });

  it('module instantiating itself with the same parameters', () => {
    const g: ModuleGenerator<{ n: number }> = defineModule('rec', (p: { n: number }) => {
      const a = input('a', UInt(4));
      const u = instance(g, { n: p.n }, { a }); // @E029
      output('y', UInt(4)).set(u.out('y'));
    });
    expectError(g, { n: 1 }, 'recursive-instance', /module rec__n1 instantiates itself with the same parameters/, 'E029');
  });

  it('DSL call outside a module body', () => {
    try {
      input('a', UInt(8)); // @E030
      expect.unreachable();
    } catch (e) {
      const d = (e as ElaborationError).diagnostics[0]!;
      expect(d.kind).toBe('outside-module');
      expect(d.message).toMatch(/input used outside a module body/);
      expect(d.loc).toEqual({ file: 'test/dsl/errors.test.ts', line: lineOf('E030') });
    }
  });

  it('trunc to a wider width', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(8));
      output('y', UInt(8)).set(a.trunc(12)); // @E031
    });
    expectError(g, {}, 'bad-range', /trunc\(12\) of UInt\(8\)/, 'E031');
  });

  it('mux arms of different signedness', () => {
    const g = defineModule('e', () => {
      const c = input('c', Bool);
      const a = input('a', UInt(8));
      const b = input('b', SInt(8));
      output('y', UInt(8)).set(mux(c, a, b)); // @E032
    });
    expectError(g, {}, 'sign-mix', /mux arms are UInt\(8\) and SInt\(8\)/, 'E032');
  });

  it('instance output mapped to a wire of another width', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(4));
      const w = wire('w', UInt(5));
      instance(Pass, {}, { i: a, o: w }); // @E033
      output('y', UInt(5)).set(w);
    });
    expectError(g, {}, 'width-mismatch', /port 'o' of pass is UInt\(4\), connected to UInt\(5\) 'w'/, 'E033');
  });

  it('constant that does not fit its declared type', () => {
    const g = defineModule('e', () => {
      output('y', SInt(4)).set(lit(8, SInt(4))); // @E034
    });
    expectError(g, {}, 'bad-constant', /constant 8 does not fit SInt\(4\)/, 'E034');
  });

  it('sext of an unsigned value', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(4));
      output('y', UInt(8)).set(a.sext(8)); // @E035
    });
    expectError(g, {}, 'sign-mix', /sext\(8\) of UInt\(4\)/, 'E035');
  });

  it('reports every error of one elaboration together, sorted by line', () => {
    const g = defineModule('e', () => {
      const a = input('a', UInt(8));
      const b = input('b', SInt(8));
      output('y', UInt(4)).set(a); // @E036a
      output('z', UInt(8)).set(b); // @E036b
      output('u', UInt(8)); // @E036c
    });
    const errs = errorsOf(g, {});
    expect(errs.map((e) => [e.kind, e.loc.line])).toEqual([
      ['width-mismatch', lineOf('E036a')],
      ['sign-mix', lineOf('E036b')],
      ['undriven', lineOf('E036c')],
    ]);
  });

  it('unused input is a warning, not an error', () => {
    const g = defineModule('e', () => {
      input('a', UInt(8)); // @E037
      output('y', UInt(8)).set(0);
    });
    const d = elaborate(g, {});
    expect(d.warnings.map((w) => [w.kind, w.message, w.loc.line])).toEqual([['unused-input', "input 'a' is never read", lineOf('E037')]]);
  });
});
