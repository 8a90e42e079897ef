// Enumerations: state machines whose states are named in the Verilog, and mistakes in declaring them.

import { describe, expect, it } from 'vitest';
import { defineModule, elaborate, ElaborationError, enumType, inputs, outputs, reg, when, wire, Bool } from '../../src/dsl/index.js';
import { designFiles } from '../../src/codegen/design-files.js';
import { Simulator } from '../../src/sim/index.js';

const light = defineModule('light', () => {
  const { go } = inputs({ go: Bool });
  const clash = wire('LIGHT_RED', Bool); // a signal that already has an enumeration value's name
  clash.set(go);
  const S = enumType('light', ['red', 'green', 'yellow']);
  const st = reg('st', S.type, { init: S.index('red') });
  when(st.eq(S.of('red')).and(go), () => st.set(S.of('green')))
    .elseWhen(st.eq(S.of('green')), () => st.set(S.of('yellow')))
    .elseWhen(st.eq(S.of('yellow')), () => st.set(S.of('red')));
  const out = outputs({ state: S.type, echo: Bool });
  out.state.set(st);
  out.echo.set(clash);
});

describe('enumType', () => {
  it('names the states in the Verilog and numbers them from 0 (the simulator steps through them)', () => {
    const d = elaborate(light, {});
    const v = designFiles(d).find((f) => f.path.endsWith('.v'))!.content;
    expect(v).toMatch(/localparam \[1:0\] LIGHT_RED_\d+ = 2'd0;\n\s+localparam \[1:0\] LIGHT_GREEN = 2'd1;\n\s+localparam \[1:0\] LIGHT_YELLOW = 2'd2;/);
    expect(v).toContain('st == LIGHT_GREEN');
    expect(v).not.toMatch(/st == 2'd/);
    const sim = new Simulator(d);
    sim.reset();
    const seen = [sim.get('state')];
    sim.set('go', 0).step(1); seen.push(sim.get('state'));
    sim.set('go', 1).step(1); seen.push(sim.get('state'));
    sim.set('go', 0).step(1); seen.push(sim.get('state'));
    sim.step(1); seen.push(sim.get('state'));
    expect(seen).toEqual([0n, 0n, 1n, 2n, 0n]);
  });

  it('a state listed twice, or one not in the list, is a diagnostic at the line', () => {
    const bad = defineModule('bad_enum', () => {
      const S = enumType('mode', ['a', 'b', 'a']);
      const T = enumType('phase', ['x', 'y']);
      outputs({ o: T.type }).o.set(T.of('z' as 'x'));
      void S;
    });
    try {
      elaborate(bad, {});
      expect.unreachable();
    } catch (e) {
      const ds = (e as ElaborationError).diagnostics.map((d) => `${d.kind}: ${d.message} @${d.loc.file}`);
      expect(ds).toContain("bad-range: enumType('mode'): the state 'a' is listed twice @test/dsl/enum.test.ts");
      expect(ds).toContain("bad-range: 'z' is not a state of phase (x, y) @test/dsl/enum.test.ts");
    }
  });
});
