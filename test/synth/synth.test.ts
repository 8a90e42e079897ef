// Synthesis through the bundled WebAssembly Yosys and nextpnr-ice40 on small designs: the report's
// numbers are what the tools said, for every target; failures and timeouts are reported, not thrown
// raw. The whole catalogue (`bitforge build`) is in synth.long.test.ts.

import { execa } from 'execa';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { adderTreeBlock } from '../../src/blocks/examples/adder-tree/block.js';
import { ToolError } from '../../src/util/tool-error.js';
import { synthReportSchema } from '../../src/report/schema.js';
import { parseStat } from '../../src/synth/parse.js';
import { synthesizeRun, synthesizeSourceRun, type SynthSource } from '../../src/synth/run.js';
import { relevantLines, runTool } from '../../src/synth/tools.js';
import { utilizationOf } from '../../src/synth/targets.js';

const cli = join(process.cwd(), 'dist', 'cli', 'main.js');
const tree = adderTreeBlock as unknown as BlockDef;

describe('synthesis reports', () => {
  it('xc7: cells and totals are exactly Yosys\'s own stat -json for the same run', async () => {
    const run = await synthesizeRun(tree, { n: 4, width: 8, every: 1 }, { target: 'xc7' });
    const stat = JSON.parse(run.statJson) as { design: { num_cells_by_type: Record<string, number> } };
    const byType = stat.design.num_cells_by_type;
    expect(run.report.cells).toEqual(byType);
    const sum = (re: RegExp) => Object.entries(byType).filter(([k]) => re.test(k)).reduce((a, [, n]) => a + n, 0);
    expect(run.report.totals).toEqual({ lut: sum(/^LUT\d$/), ff: sum(/^FD/), carry: sum(/^CARRY4$/), bram: 0, dsp: 0 });
    // 4 × 8-bit signed inputs, 2 levels of adders and registers: 10-bit sum, 3 valid bits, 18 + 10 level registers.
    expect(run.report.totals.ff).toBe(2 * 9 + 10 + 2);
    expect(run.report.totals.lut).toBeGreaterThan(0);
    expect(run.report.tools.yosys.version).toMatch(/^@yowasp\/yosys 0\.55\.\d+ \(Yosys 0\.55/);
    expect(synthReportSchema.safeParse(run.report).success).toBe(true);
    expect(run.report.utilization).toEqual({ device: 'xc7a35t', lut: Math.round((run.report.totals.lut / 20800) * 1e4) / 1e4, ff: Math.round((run.report.totals.ff / 41600) * 1e4) / 1e4, bram: 0, dsp: 0 });
    // Timing without place and route: the estimate over this run's netlist, named in the design's signals.
    const t = run.report.timing;
    expect(t.source).toBe('estimate');
    expect(t.fmaxMHz).toBeCloseTo(1000 / t.criticalPathNs!, 1);
    expect(t.logicLevels).toBeGreaterThanOrEqual(2); // two adder levels at least, between registers
    expect(t.from).toMatch(/^(x\d|in_valid|s\d|level|sum|valid)/);
    expect(t.to).not.toMatch(/\$|_SB_|_LUT/);
  });

  it('xc7: a path through a submodule instance is timed (synth_xilinx keeps the hierarchy)', async () => {
    // Registers in the top, a 32-bit three-operand sum between them in a child: the longest path
    // starts at a top register, runs through the child's carry chains and ends at a top register.
    const ports = [{ name: 'clk', direction: 'input' as const, width: 1, signed: false }, ...['a', 'b', 'c'].map((name) => ({ name, direction: 'input' as const, width: 32, signed: false })), { name: 'y', direction: 'output' as const, width: 32, signed: false }];
    const child = 'module sum3(input [31:0] a, input [31:0] b, input [31:0] c, output [31:0] y);\n  assign y = (a * b) + c;\nendmodule\n';
    const top = 'module top(input clk, input [31:0] a, input [31:0] b, input [31:0] c, output reg [31:0] y);\n  reg [31:0] ra, rb, rc;\n  wire [31:0] s;\n  sum3 u_sum(.a(ra), .b(rb), .c(rc), .y(s));\n  always @(posedge clk) begin ra <= a; rb <= b; rc <= c; y <= s; end\nendmodule\n';
    const src: SynthSource = { name: 'test.hier', params: {}, top: 'top', ports, verilog: [{ path: 'sum3.v', content: child }, { path: 'top.v', content: top }] };
    const run = await synthesizeSourceRun(src, { target: 'xc7-nodsp' });
    const t = run.report.timing;
    expect(run.report.totals.lut).toBeGreaterThan(500); // the multiplier is counted (stat sums the hierarchy)
    // A 32×32 LUT multiplier and an add (7 levels, 10.6 ns measured); timed in the top alone, the path
    // was one LUT from ra[0] to y[0] at 725 MHz.
    expect(t.logicLevels).toBeGreaterThanOrEqual(5);
    expect(t.fmaxMHz).toBeLessThan(200);
    expect(t.from).toMatch(/^r[abc]/);
    expect(t.to).toMatch(/^y/);
  }, 120_000);

  it('xc7: LUT RAM and shift registers count as the LUT sites they occupy, RAMB36 as two 18 Kb BRAMs', () => {
    const stat = { design: { num_cells_by_type: { LUT6: 10, RAM32M: 3, RAM64X1D: 2, SRLC32E: 5, RAMB36E1: 1, RAMB18E1: 1, FDRE: 7, MUXF7: 4 } } };
    const { totals } = parseStat('xc7', JSON.stringify(stat));
    expect(totals).toEqual({ lut: 10 + 3 * 4 + 2 * 2 + 5, ff: 7, carry: 0, bram: 3, dsp: 0 });
    expect(parseStat('ice40', JSON.stringify({ design: { num_cells_by_type: { SB_LUT4: 9, SB_RAM40_4K: 2 } } })).totals).toMatchObject({ lut: 9, bram: 2 });
    // An inverter is a LUT1 once placed: an 8-bit counter's INV (Yosys keeps it apart from the carry chain) is not 0 LUTs.
    expect(parseStat('xc7', JSON.stringify({ design: { num_cells_by_type: { BUFG: 1, CARRY4: 2, FDRE: 8, INV: 1 } } })).totals).toEqual({ lut: 1, ff: 8, carry: 2, bram: 0, dsp: 0 });
    expect(parseStat('gowin', JSON.stringify({ design: { num_cells_by_type: { LUT2: 3, INV: 2, DFF: 4 } } })).totals).toMatchObject({ lut: 5, ff: 4 });
  });

  it('utilization: the block\'s share of each resource of a part of the target\'s family, from the datasheets', () => {
    // Artix-7 35T: 20,800 LUTs, 41,600 flip-flops, 50 RAMB36 (100 × 18 Kb), 90 DSP48E1.
    expect(utilizationOf('xc7', { lut: 2080, ff: 416, carry: 30, bram: 10, dsp: 45 })).toEqual({ device: 'xc7a35t', lut: 0.1, ff: 0.01, bram: 0.1, dsp: 0.5 });
    // ECP5's carry cell is two LUT4s of a slice: LFE5U-25F has 24,288 LUT4s.
    expect(utilizationOf('ecp5', { lut: 1000, ff: 0, carry: 100, bram: 0, dsp: 0 }).lut).toBe(Math.round((1200 / 24288) * 1e4) / 1e4);
    // Over 1: does not fit (the HX8K has no DSPs at all).
    expect(utilizationOf('ice40', { lut: 9000, ff: 0, carry: 0, bram: 0, dsp: 2 })).toMatchObject({ device: 'iCE40 HX8K', lut: 1.1719, dsp: 2 });
  });

  it('ice40: the Fmax is nextpnr\'s last post-route figure for clk, from its log', async () => {
    const run = await synthesizeRun(tree, { n: 4, width: 8, every: 1 }, { target: 'ice40' });
    const lines = run.nextpnrLog!.split('\n').filter((l) => l.includes('Max frequency for clock'));
    expect(lines.length).toBeGreaterThan(0);
    const last = lines.at(-1)!;
    expect(last).toContain(`${run.report.pnr!.fmaxMHz} MHz`);
    expect(run.report.pnr!.clock).toMatch(/^clk/);
    expect(run.report.pnr!.fmaxMHz).toBeGreaterThan(50);
    expect(run.report.pnr!.logicCells).toBeGreaterThanOrEqual(run.report.totals.lut);
    expect(run.report.timing).toMatchObject({ source: 'nextpnr', fmaxMHz: run.report.pnr!.fmaxMHz });
    expect(run.report.timing.estimateMHz).toBeGreaterThan(0);
    expect(run.report.pnr!.utilization).toBeCloseTo(run.report.pnr!.logicCells! / 7680, 4);
    expect(run.report.tools.nextpnr?.version).toMatch(/^@yowasp\/nextpnr-ice40 /);
  });

  it('ice40: a block with more port bits than pins needs the wrapper; its own cells are counted apart', async () => {
    const params = { n: 16, width: 16, every: 1 };
    // 16 × 16-bit operands + in_valid, 20-bit sum + out_valid, clk and rst: 280 pins, the HX8K ct256 has 206.
    await expect(synthesizeRun(tree, params, { target: 'ice40', wrapper: 'never' })).rejects.toThrow(/nextpnr-ice40 failed.*Unable to find a placement location/);
    const run = await synthesizeRun(tree, params, { target: 'ice40' });
    const w = run.report.wrapper;
    if (!w) throw new Error('expected the wrapper');
    expect([w.pinsNeeded, w.inputChainBits, w.outputChainBits]).toEqual([280, 16 * 16 + 1, 20 + 1]);
    expect(w.reason).toBe('280 port bits exceed the 206 pins of the iCE40 HX8K ct256');
    const stat = JSON.parse(run.statJson) as { modules: Record<string, { num_cells_by_type: Record<string, number> }> };
    const mod = (name: string) => stat.modules[name] ?? stat.modules[`\\${name}`]!;
    expect(run.report.cells).toEqual(mod(run.report.module).num_cells_by_type);
    const { [run.report.module]: instance, ...wrapperCells } = mod('bitforge_pin_wrapper').num_cells_by_type;
    expect(instance ?? mod('bitforge_pin_wrapper').num_cells_by_type[`\\${run.report.module}`]).toBe(1);
    expect(w.cells).toEqual(Object.fromEntries(Object.entries(wrapperCells).filter(([k]) => !k.endsWith(run.report.module))));
    // The block's registers: 8×17 + 4×18 + 2×19 + 20 sum bits and 4 valid bits, as unwrapped.
    expect(run.report.totals.ff).toBe(8 * 17 + 4 * 18 + 2 * 19 + 20 + 4);
    expect(w.totals.ff).toBe(w.inputChainBits + w.outputChainBits);
    expect(run.report.pnr!.fmaxMHz).toBeGreaterThan(50);
    expect(run.report.pnr!.logicCells).toBeGreaterThanOrEqual(run.report.totals.lut + w.totals.lut);
  }, 120_000);

  it('ice40: a design with more flip-flops than the HX8K has logic cells is packed, not placed, and reported with nextpnr\'s cell count', async () => {
    const n = 7800; // one flip-flop per logic cell at most: 7800 > 7680 cannot fit
    const src: SynthSource = {
      name: 'test.shift-chain', params: { n }, top: 'chain', ports: [{ name: 'clk', direction: 'input', width: 1, signed: false }, { name: 'd', direction: 'input', width: 1, signed: false }, { name: 'q', direction: 'output', width: 1, signed: false }],
      verilog: [{ path: 'chain.v', content: `module chain(input clk, input d, output q);\n  reg [${n - 1}:0] r;\n  always @(posedge clk) r <= {r[${n - 2}:0], d};\n  assign q = r[${n - 1}];\nendmodule\n` }],
    };
    const run = await synthesizeSourceRun(src, { target: 'ice40', wrapper: 'never' });
    expect(run.report.totals.ff).toBe(n);
    const lcs = Number(/ICESTORM_LC:\s+(\d+)\s*\/\s*7680/.exec(run.nextpnrLog!)?.[1]);
    expect(lcs).toBeGreaterThanOrEqual(n);
    expect(run.report.pnr).toEqual({ device: 'iCE40 HX8K ct256', logicCells: lcs, fmaxMHz: null, clock: null, utilization: Math.round((lcs / 7680) * 1e4) / 1e4, unplaced: `does not fit the iCE40 HX8K ct256: ${lcs} logic cells of 7680` });
    expect(run.nextpnrLog).toContain('Packing LUT-FFs');
    expect(run.nextpnrLog).not.toMatch(/Placed \d+ cells|Max frequency/);
  }, 120_000);

  it('bitforge synth --json works for every target with no native Yosys', async () => {
    const totals: Record<string, unknown> = {};
    for (const target of ['xc7', 'ice40', 'ecp5', 'gowin']) {
      const r = await execa('node', [cli, 'synth', 'examples.adder-tree', '--n', '8', '--width', '16', '--target', target, '--json'], { reject: false, env: { PATH: `${join(process.execPath, '..')}:/usr/bin:/bin` } });
      expect(r.exitCode, r.stderr).toBe(0);
      const report = synthReportSchema.parse(JSON.parse(r.stdout));
      expect(report.target).toBe(target);
      totals[target] = report.totals;
    }
    // The pipelined 8-input tree registers 4×17 + 2×18 + 19 sum bits and 3 valid bits on every target.
    for (const t of Object.values(totals)) expect((t as { ff: number }).ff).toBe(4 * 17 + 2 * 18 + 19 + 3);
  }, 180_000);

  it('bad input exits 2 naming the flag; tool errors and timeouts are one clear line', async () => {
    const bad = await execa('node', [cli, 'synth', 'examples.adder-tree', '--target', 'virtex2'], { reject: false });
    expect([bad.exitCode, bad.stderr.trim()]).toEqual([2, "bitforge: error: --target: expected one of ice40, xc7, xc7-nodsp, ecp5, gowin, got 'virtex2'"]);
    const r = await runTool({ tool: 'yosys', args: ['-p', 'read_verilog bad.v'], files: { 'bad.v': 'module bad(input a);\n  this is not verilog\nendmodule\n' } }, 'wasm', 120_000);
    expect(r.ok).toBe(false);
    expect(relevantLines(r.log)).toMatch(/bad\.v:2: ERROR: syntax error/);
    const slow = runTool({ tool: 'yosys', args: ['-p', 'read_verilog a.v; synth_xilinx -top a'], files: { 'a.v': 'module a(input [63:0] x, y, output [127:0] p); assign p = x * y; endmodule\n' } }, 'wasm', 200);
    await expect(slow).rejects.toThrow(ToolError);
    await expect(slow).rejects.toThrow('yosys did not finish within 0 s and was stopped');
  });
});
