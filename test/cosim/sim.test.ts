// Cosimulation through the generated self-checking testbench: both simulators, exhaustive where the
// input space is small, and a wrong golden model must be caught and reported decoded.

import { execa } from 'execa';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adderTreeBlock } from '../../src/blocks/examples/adder-tree/block.js';
import { counterBlock } from '../../src/blocks/examples/counter/block.js';
import type { BlockDef } from '../../src/blocks/block.js';
import { simulate } from '../../src/cosim/run.js';
import { runTestbench, ToolError } from '../../src/cosim/simulators.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-cosim-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 5);
console.log(`cosim: seed ${SEED}`);

describe('cosimulation against the golden models', () => {
  it('adder tree n=2 width=8: every input pair (2^16) with random bubbles, Icarus', async () => {
    const r = await simulate(adderTreeBlock as never as BlockDef, { n: 2, width: 8, every: 1 }, 'icarus', { seed: SEED, outDir: tmp() });
    expect([r.passed, r.failed, r.source]).toEqual([65536 + 6, 0, 'exhaustive (2^16) + 6 directed']);
  });

  it('counter: cycle model over 5000 random cycles with resets, Icarus', async () => {
    const r = await simulate(counterBlock as never as BlockDef, { width: 3 }, 'icarus', { seed: SEED, vectors: 5000, outDir: tmp() });
    expect(r.failed).toBe(0);
    expect(r.passed).toBe(5003); // the first cycle precedes the first reset: unchecked
  });

  it('Icarus and Verilator agree on the same vectors (adder tree n=5, every=2)', async () => {
    const p = { n: 5, width: 12, every: 2 };
    const a = await simulate(adderTreeBlock as never as BlockDef, p, 'icarus', { seed: SEED, vectors: 3000, outDir: tmp() });
    const b = await simulate(adderTreeBlock as never as BlockDef, p, 'verilator', { seed: SEED, vectors: 3000, outDir: tmp() });
    expect([a.passed, a.failed]).toEqual([3006, 0]);
    expect([b.passed, b.failed]).toEqual([3006, 0]);
    // Same design and testbench, other vectors: the Verilator build comes from the cache.
    const c = await simulate(adderTreeBlock as never as BlockDef, p, 'verilator', { seed: SEED + 1, vectors: 3000, outDir: tmp() });
    expect([c.passed, c.failed, c.cached]).toEqual([3006, 0, true]);
  });

  it('a wrong golden model is caught: the first mismatch, decoded, stops the run', async () => {
    const base = adderTreeBlock as never as BlockDef;
    const wrong: BlockDef = {
      ...base,
      cosim: {
        kind: 'transaction',
        stimulus: base.cosim!.stimulus,
        golden: (_p, v) => ({ sum: v.x0! + v.x1! + (v.x0 === 3n && v.x1 === -2n ? 1n : 0n) }),
      },
    };
    const r = await simulate(wrong, { n: 2, width: 4, every: 1 }, 'icarus', { seed: SEED, outDir: tmp() });
    expect(r.failed).toBeGreaterThan(0);
    expect(r.report[0]).toBe('transaction ' + r.report[0]!.split(' ')[1] + ' (x0=3 x1=-2): expected sum=2, got sum=1');
  });

  it('bitforge sim ends with "N passed, 0 failed"; bitforge tb writes a testbench Icarus runs unchanged', async () => {
    const cli = join(process.cwd(), 'dist', 'cli', 'main.js');
    const s = await execa('node', [cli, 'sim', 'examples.adder-tree', '--n', '2', '--width', '6'], { reject: false });
    expect(s.exitCode).toBe(0);
    const lines = s.stdout.trim().split('\n');
    expect(lines.pop()).toBe('4102 passed, 0 failed');
    expect(lines.pop()).toMatch(/^vectors 4102, seed 1, cycles \d+, [\d.]+ s, \d+ vectors\/s$/);
    const out = tmp();
    const t = await execa('node', [cli, 'tb', 'examples.counter', '--vectors', '500', '--out', out], { reject: false });
    expect(t.exitCode, t.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['tb.v', 'tb_in.hex', 'tb_expected.hex', 'counter__width8.v']));
    await execa('iverilog', ['-g2005', '-s', 'tb', '-o', 'tb.vvp', 'tb.v', 'counter__width8.v'], { cwd: out });
    expect((await execa('vvp', ['-n', 'tb.vvp'], { cwd: out })).stdout).toMatch(/503 passed, 0 failed/);
    const bad = await execa('node', [cli, 'sim', 'examples.counter', '--simulator', 'modelsim'], { reject: false });
    expect([bad.exitCode, bad.stderr.trim()]).toEqual([2, "bitforge: error: --simulator: expected icarus or verilator, got 'modelsim'"]);
  });

  it('tool failures are one line: a missing simulator names the install command; a compile error names the file', async () => {
    const bin = tmp();
    symlinkSync(process.execPath, join(bin, 'node'));
    const cli = join(process.cwd(), 'dist', 'cli', 'main.js');
    const r = await execa(join(bin, 'node'), [cli, 'sim', 'examples.counter', '--simulator', 'icarus'], { reject: false, env: { PATH: bin } });
    expect([r.exitCode, r.stderr.trim()]).toEqual([1, 'bitforge: iverilog not found: run `npm run tools` (as root) or apt-get install -y iverilog']);
    const dir = tmp();
    writeFileSync(join(dir, 'tb.v'), 'module tb;\n  this is not verilog\nendmodule\n');
    const err = await runTestbench('icarus', dir, []).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as Error).message).toMatch(/^Icarus compile failed \(exit \d+\): tb\.v:2: syntax error/);
  });

  it('a mutated operator in the emitted Verilog is caught, decoded, and replayed with a VCD that reproduces it', async () => {
    const out = tmp();
    let mutated = 0;
    // Turn the first adder of the tree into a subtractor.
    const mutate = (_path: string, v: string) => v.replace(/ \+ /, () => { mutated++; return ' - '; });
    const r = await simulate(adderTreeBlock as never as BlockDef, { n: 4, width: 8, every: 1 }, 'icarus', { seed: SEED, vectors: 2000, outDir: out, transformVerilog: mutate });
    expect(mutated).toBe(1);
    expect(r.failed).toBeGreaterThan(0);
    expect(r.report[0]).toMatch(/^transaction \d+ \(x0=-?\d+ x1=-?\d+ x2=-?\d+ x3=-?\d+\): expected sum=-?\d+, got sum=-?\d+$/);
    // The decoded report is right: recompute both sides from the printed inputs.
    const m = /x0=(-?\d+) x1=(-?\d+) x2=(-?\d+) x3=(-?\d+)\): expected sum=(-?\d+), got sum=(-?\d+)/.exec(r.report[0]!)!;
    const [x0, x1, x2, x3, exp, got] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    expect(exp).toBe(x0 + x1 + x2 + x3);
    expect(got).toBe(x0 - x1 + x2 + x3);
    expect(r.replay?.reproduced).toBe(true);
    expect(existsSync(r.replay!.vcd)).toBe(true);
    expect(readFileSync(r.replay!.vcd, 'utf8')).toMatch(/\$var wire\s+\d+ \S+ out_valid/);
    // The replay runs on its own: same files, same verdict.
    await execa('iverilog', ['-g2005', '-s', 'tb', '-o', 'again.vvp', 'replay.v', 'adder_tree__every1_n4_width8.v'], { cwd: out });
    expect((await execa('vvp', ['-n', 'again.vvp'], { cwd: out })).stdout).toMatch(/MISMATCH transaction/);
  });
});
