// A cosimulation must tell the user exactly what went wrong: a mutated operator, a design that ignores
// back-pressure, a design that never answers, a wrong golden model, a missing tool.

import { execa } from 'execa';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { adderTreeBlock } from '../../src/blocks/examples/adder-tree/block.js';
import { fifoBlock } from '../../src/blocks/examples/fifo/block.js';
import { simulate, type Simulator } from '../../src/cosim/run.js';
import { runTestbench } from '../../src/cosim/simulators.js';
import { ToolError } from '../../src/util/tool-error.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-cosim-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 7);
console.log(`cosim failures: seed ${SEED}`);
const B = (b: unknown) => b as BlockDef;
const cli = join(process.cwd(), 'dist', 'cli', 'main.js');

describe('mismatches are caught, decoded and replayed', () => {
  for (const sim of ['verilator', 'icarus'] as Simulator[]) {
    it(`${sim}: a mutated operator (first + turned into -) is caught; the replay and its VCD reproduce it`, async () => {
      const out = tmp();
      let mutated = 0;
      const mutate = (_path: string, v: string) => v.replace(/ \+ /, () => { mutated++; return ' - '; });
      const r = await simulate(B(adderTreeBlock), { n: 4, width: 8, every: 1 }, sim, { seed: SEED, vectors: 2000, outDir: out, transformVerilog: mutate });
      expect(mutated).toBe(1);
      expect([r.failed, r.passed]).toEqual([1, r.mismatch!.index]); // stops at the first mismatch
      expect(r.report[0]).toBe(`MISMATCH at transaction ${r.mismatch!.index}`);
      // The decoded report is right: recompute both sides from the printed inputs.
      const ins = /^ {2}inputs: {3}x0=(-?\d+) \(0x[0-9a-f]{2}\) x1=(-?\d+) \(0x[0-9a-f]{2}\) x2=(-?\d+) \(0x[0-9a-f]{2}\) x3=(-?\d+) \(0x[0-9a-f]{2}\)$/.exec(r.report[1]!);
      expect(ins, r.report.join('\n')).not.toBeNull();
      const [x0, x1, x2, x3] = ins!.slice(1).map(Number) as [number, number, number, number];
      const sum = (v: number) => `sum=${v} (0x${(v & 0x3ff).toString(16).padStart(3, '0')})`;
      expect(r.report[2]).toBe(`  expected: ${sum(x0 + x1 + x2 + x3)}`);
      expect(r.report[3]).toBe(`  got:      ${sum(x0 - x1 + x2 + x3)}`);
      // The replay is short (the failing transaction and 8 before it), reproduces it, and dumps a VCD.
      expect(r.replay!.reproduced).toBe(true);
      expect(r.replay!.from).toBe(Math.max(0, r.mismatch!.index - 8));
      expect(readFileSync(r.replay!.files[1]!, 'utf8').trim().split('\n')).toHaveLength(r.mismatch!.index + 1 - r.replay!.from);
      expect(readFileSync(r.replay!.vcd, 'utf8')).toMatch(/\$var wire\s+\d+ \S+ out_valid/);
      await execa('iverilog', ['-g2005', '-s', 'tb', '-o', 'again.vvp', 'replay.v', 'adder_tree__n4_width8.v'], { cwd: out });
      const again = await execa('vvp', ['-n', 'again.vvp'], { cwd: out, reject: false });
      expect(again.stdout).toMatch(/MISMATCH transaction/);
      expect(again.exitCode).not.toBe(0); // $fatal
    });
  }

  it('a FIFO that ignores out_ready loses data under back-pressure, in both simulators', async () => {
    // pop without out_ready: the entry is dropped when the testbench stalls.
    const mutate = (_p: string, v: string) => v.replace(/assign (\w+) = out_valid & out_ready;/, 'assign $1 = out_valid;');
    for (const sim of ['verilator', 'icarus'] as Simulator[]) {
      let changed = false;
      const r = await simulate(B(fifoBlock), { depth: 2, width: 8 }, sim, {
        seed: SEED, outDir: tmp(), transformVerilog: (p, v) => { const w = mutate(p, v); changed ||= w !== v; return w; },
      });
      expect(changed).toBe(true);
      expect(r.failed, sim).toBe(1);
      expect(r.report[2]).toMatch(/^ {2}expected: out_data=\d+ \(0x[0-9a-f]{2}\)$/);
    }
  });

  it('a design that never raises out_valid times out with a clear report, in both simulators', async () => {
    const mutate = (_p: string, v: string) => v.replace(/assign out_valid = [^;]+;/, "assign out_valid = 1'b0;");
    for (const sim of ['verilator', 'icarus'] as Simulator[]) {
      const r = await simulate(B(adderTreeBlock), { n: 2, width: 4, every: 1 }, sim, { seed: SEED, vectors: 50, outDir: tmp(), transformVerilog: mutate });
      expect([sim, r.passed, r.failed > 0]).toEqual([sim, 0, true]);
      expect(r.report[3]).toMatch(sim === 'verilator' ? /^ {2}got: {6}nothing: no output for transaction 0 within \d+ cycles/ : /^ {2}got: {6}nothing: TIMEOUT after \d+ cycles: 0 of 56 outputs seen/);
    }
  });

  it('a wrong golden model is caught the same way (the model, not the RTL, is wrong)', async () => {
    const base = B(adderTreeBlock);
    const wrong: BlockDef = {
      ...base,
      cosim: { kind: 'transaction', stimulus: base.cosim!.stimulus as Extract<BlockDef['cosim'], { kind: 'transaction' }>['stimulus'], create: () => (v) => ({ sum: v.x0! + v.x1! + (v.x0 === 3n && v.x1 === -2n ? 1n : 0n) }) },
    };
    const r = await simulate(wrong, { n: 2, width: 4, every: 1 }, 'verilator', { seed: SEED, outDir: tmp() });
    expect(r.report.slice(1)).toEqual(['  inputs:   x0=3 (0x3) x1=-2 (0xe)', '  expected: sum=2 (0x02)', '  got:      sum=1 (0x01)']);
  });
});

describe('the command line', () => {
  it('bitforge sim ends with "N passed, 0 failed" (exit 0), or the mismatch (exit 1); bad input exits 2', async () => {
    const s = await execa('node', [cli, 'sim', 'examples.adder-tree', '--n', '2', '--width', '6'], { reject: false });
    expect(s.exitCode, s.stderr).toBe(0);
    const lines = s.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^examples\.adder-tree on verilator( \(cached build\))?: exhaustive \(2\^12\) \+ 6 directed$/);
    expect(lines.pop()).toBe('4102 passed, 0 failed');
    expect(lines.pop()).toMatch(/^input vectors 4102, outputs checked 4102, seed 1, cycles \d+, [\d.]+ s \(build [\d.]+ s\), \d+ vectors\/s simulated$/);
    // A packet block: beats in, results out, both said (they used to stand as "vectors N" beside "M passed").
    const pk = await execa('node', [cli, 'sim', 'mokey.pe', '--lanes', '2', '--vectors', '300'], { reject: false });
    const line = /input vectors (\d+), outputs checked (\d+),/.exec(pk.stdout);
    expect(line, pk.stdout).not.toBeNull();
    expect(Number(line![1])).toBeGreaterThan(Number(line![2]));
    expect(pk.stdout).toContain(`${line![2]} passed, 0 failed`);
    const bad = await execa('node', [cli, 'sim', 'examples.counter', '--simulator', 'modelsim'], { reject: false });
    expect([bad.exitCode, bad.stderr.trim()]).toEqual([2, "bitforge: error: --simulator: expected one of verilator, ts, icarus, verilator-tb, got 'modelsim'"]);
    const badN = await execa('node', [cli, 'sim', 'examples.counter', '--vectors', 'lots'], { reject: false });
    expect([badN.exitCode, badN.stderr.trim()]).toEqual([2, "bitforge: error: --vectors: expected an integer in 1..1000000000, got 'lots'"]);
  });

  it('long runs print progress on stderr; stdout keeps the summary', async () => {
    // Progress starts after a second; this run is faster than that, so the threshold is lowered.
    const s = await execa('node', [cli, 'sim', 'int.mac', '--vectors', '3000000'], { reject: false, env: { BITFORGE_PROGRESS_MS: '0' } });
    expect(s.exitCode, s.stderr).toBe(0);
    expect(s.stdout.trim().split('\n').pop()).toBe('3003074 passed, 0 failed');
    expect(s.stderr).toMatch(/int\.mac on verilator: \d+\/3003074 vectors \(\d+%\)/);
  });

  it('bitforge tb writes a testbench that Icarus runs unchanged', async () => {
    const out = tmp();
    const t = await execa('node', [cli, 'tb', 'examples.counter', '--vectors', '500', '--out', out], { reject: false });
    expect(t.exitCode, t.stderr).toBe(0);
    await execa('iverilog', ['-g2005', '-s', 'tb', '-o', 'tb.vvp', 'tb.v', 'counter.v'], { cwd: out });
    expect((await execa('vvp', ['-n', 'tb.vvp'], { cwd: out })).stdout).toMatch(/503 passed, 0 failed/);
    // A wrong expected value: the bench says so and exits non-zero ($fatal), as a CI job needs, in Icarus
    // and in a plain `verilator --binary` (its default warnings are errors).
    const exp = join(out, 'tb_expected.hex');
    const lines = readFileSync(exp, 'utf8').split('\n');
    lines[100] = lines[100]!.replace(/.$/, (c) => (c === '0' ? '1' : '0')); // the lowest digit: the compared bits
    writeFileSync(exp, lines.join('\n'));
    const bad = await execa('vvp', ['-n', 'tb.vvp'], { cwd: out, reject: false });
    expect(bad.stdout).toMatch(/MISMATCH cycle 100/);
    expect(bad.stdout).toMatch(/ 1 failed/);
    expect(bad.exitCode).not.toBe(0);
    await execa('verilator', ['--binary', '--top-module', 'tb', '-o', 'tbsim', 'tb.v', 'counter.v'], { cwd: out });
    const v = await execa(join(out, 'obj_dir', 'tbsim'), [], { cwd: out, reject: false });
    expect(v.stdout).toMatch(/ 1 failed/);
    expect(v.exitCode).not.toBe(0);
  }, 120_000);

  it('tool failures are one line: a missing simulator names the install command; a compile error names the file', async () => {
    const bin = tmp();
    symlinkSync(process.execPath, join(bin, 'node'));
    for (const [sim, tool] of [['icarus', 'iverilog'], ['verilator', 'verilator']]) {
      const r = await execa(join(bin, 'node'), [cli, 'sim', 'examples.counter', '--simulator', sim!], { reject: false, env: { PATH: bin, BITFORGE_CACHE: tmp() } });
      expect([r.exitCode, r.stderr.trim()]).toEqual([1, `bitforge: ${tool} not found: run \`npm run tools\` (as root) or apt-get install -y ${tool}`]);
    }
    const dir = tmp();
    writeFileSync(join(dir, 'tb.v'), 'module tb;\n  this is not verilog\nendmodule\n');
    const err = await runTestbench('icarus', dir, []).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as Error).message).toMatch(/^Icarus compile failed \(exit \d+\): tb\.v:2: syntax error/);
    expect(existsSync(join(dir, 'tb.vvp'))).toBe(false);
  });
});
