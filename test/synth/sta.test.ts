// The pre-route timing estimate on hand-written Yosys netlists: every delay on the path is the
// model's, summed here by hand; names come from the design; carry chains and loops.

import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../src/synth/sta.js';
import { TIMING_MODELS } from '../../src/synth/timing-model.js';

const M = TIMING_MODELS.ice40;
const route = (fanout: number) => M.route.base + M.route.perLog2Fanout * Math.log2(fanout);
const LUT = (pins: Record<string, number>, o: number) => ({ type: 'SB_LUT4', port_directions: { I0: 'input', I1: 'input', I2: 'input', I3: 'input', O: 'output' }, connections: { I0: [pins.I0 ?? '0'], I1: [pins.I1 ?? '0'], I2: [pins.I2 ?? '0'], I3: [pins.I3 ?? '0'], O: [o] } });
const DFF = (d: number, q: number) => ({ type: 'SB_DFF', port_directions: { C: 'input', D: 'input', Q: 'output' }, connections: { C: [2], D: [d], Q: [q] } });
const CARRY = (i0: number, i1: number, ci: number | string, co: number) => ({ type: 'SB_CARRY', port_directions: { I0: 'input', I1: 'input', CI: 'input', CO: 'output' }, connections: { I0: [i0], I1: [i1], CI: [ci], CO: [co] } });
const netlist = (cells: Record<string, unknown>, ports: Record<string, unknown>, netnames: Record<string, unknown>) =>
  JSON.stringify({ modules: { top: { attributes: { top: '00000000000000000000000000000001' }, ports, cells, netnames } } });

describe('pre-route critical path', () => {
  it('register → two LUTs → register: clock to out, three nets, two LUT arcs, setup; named by the registers', () => {
    const json = netlist(
      { r0: DFF(3, 4), l1: LUT({ I0: 4 }, 5), l2: LUT({ I3: 5, I0: 4 }, 6), r1: DFF(6, 7) },
      { clk: { direction: 'input', bits: [2] }, d: { direction: 'input', bits: [3] }, q: { direction: 'output', bits: [7] } },
      { clk: { hide_name: 0, bits: [2] }, acc: { hide_name: 0, bits: [4] }, $abc$12: { hide_name: 1, bits: [5] }, result: { hide_name: 0, bits: [7] } },
    );
    const p = criticalPath(json, M)!;
    // acc fans out to two LUTs; I0 of l1 (0.449), then l1's output into l2's I3 (0.316).
    const expected = 0.540 + route(2) + 0.449 + route(1) + 0.316 + route(1) + (0.470 - 0.449);
    expect(p.criticalPathNs).toBeCloseTo(expected, 3);
    expect(p.logicLevels).toBe(2);
    expect(p.from).toBe('acc');
    expect(p.to).toBe('result');
    expect(p.routes).toBe(3);
  });

  it('a carry chain counts as one level and its links take no routing', () => {
    // a, b (ports) → 3 carries chained → LUT on the carry out (I3) → output port.
    const json = netlist(
      { c0: CARRY(3, 4, '0', 10), c1: CARRY(3, 4, 10, 11), c2: CARRY(3, 4, 11, 12), s: LUT({ I3: 12 }, 13) },
      { a: { direction: 'input', bits: [3] }, b: { direction: 'input', bits: [4] }, y: { direction: 'output', bits: [13] } },
      { a: { hide_name: 0, bits: [3] }, b: { hide_name: 0, bits: [4] }, y: { hide_name: 0, bits: [13] } },
    );
    const p = criticalPath(json, M)!;
    const expected = M.io.clockToOut + route(3) + 0.259 + 0.126 + 0.126 + 0.316 + route(1) + M.io.setup;
    expect(p.criticalPathNs).toBeCloseTo(expected, 3);
    expect(p.logicLevels).toBe(1);
    expect(p.from).toBe('a');
    expect(p.to).toBe('y');
  });

  it('multi-bit names, the design\'s own names over names synthesis made, and the wrapper\'s prefix', () => {
    const json = netlist(
      { r0: DFF(3, 4), l1: LUT({ I0: 4 }, 5), r1: DFF(5, 6) },
      { clk: { direction: 'input', bits: [2] } },
      {
        in_chain: { hide_name: 0, bits: [9, 4] }, 'dut.x': { hide_name: 0, bits: [8, 4] },
        'dut.prod_SB_DFF_Q_D': { hide_name: 0, bits: [6] }, 'dut.prod': { hide_name: 0, bits: [11, 6] },
      },
    );
    expect(criticalPath(json, M, 'dut.', { signals: new Set(['x', 'prod']), ports: new Set(['x']) })).toMatchObject({ from: 'x[1]', to: 'prod[1]' });
    expect(criticalPath(json, M, '', { signals: new Set(), ports: new Set() })).toMatchObject({ from: 'dut.x[1]' });
    // A register that also drives an output port is named as the register.
    const aliased = netlist(
      { r0: DFF(3, 4), l1: LUT({ I0: 4 }, 5), r1: DFF(5, 6) },
      { clk: { direction: 'input', bits: [2] }, nan: { direction: 'output', bits: [4] } },
      { nan: { hide_name: 0, bits: [4] }, flag_d1: { hide_name: 0, bits: [4] }, sum: { hide_name: 0, bits: [6] } },
    );
    expect(criticalPath(aliased, M, '', { signals: new Set(['nan', 'flag_d1', 'sum']), ports: new Set(['nan']) })).toMatchObject({ from: 'flag_d1', to: 'sum' });
  });

  it('a combinational loop ends instead of hanging; a design without paths gives null', () => {
    const loop = netlist({ a: LUT({ I0: 5 }, 4), b: LUT({ I0: 4 }, 5), r: DFF(5, 6) }, { q: { direction: 'output', bits: [6] } }, {});
    expect(criticalPath(loop, M)).not.toBeNull();
    expect(criticalPath(netlist({}, { k: { direction: 'output', bits: ['1'] } }, {}), M)).toBeNull();
  });
});
