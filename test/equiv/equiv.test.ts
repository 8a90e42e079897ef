// bitforge equiv: proofs that hold, differences found and reproduced outside the solver, bounds said
// as bounds, timeouts as unknown, and user mistakes as one line.

import { execa } from 'execa';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/blocks/catalogue.js';
import type { BlockDef } from '../../src/blocks/block.js';
import { checkEquivalence } from '../../src/equiv/check.js';
import { blockSide, referenceSide, type DesignSide } from '../../src/equiv/sides.js';
import { parseFormat, type FloatFormat } from '../../src/numerics/format.js';
import { productFixed } from '../../src/numerics/minifloat.js';
import { TIMING_MODELS } from '../../src/synth/timing-model.js';

const CLI = join(process.cwd(), 'dist/cli/main.js');
const cli = (args: string[], cwd = process.cwd()) => execa('node', [CLI, ...args], { cwd, reject: false });
const find = (name: string) => catalogue.find((b) => b.name === name) as unknown as BlockDef;
const BASELINE = join(process.cwd(), 'bench/baselines/mf_mul_baseline.v');
const FORMATS = join(process.cwd(), 'bench/baselines/mf_mul_formats.v');
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-equiv-'));
const PROOF = { depth: 12, timeoutS: 300 };

const mul = find('minifloat.mul');
const mulSide = (fmt: string, extra: Record<string, unknown> = {}) => {
  const p = mul.params.parse({ a: fmt, b: fmt, ...extra }) as Record<string, unknown>;
  return { p, side: blockSide(mul, p, `minifloat.mul ${fmt}`) };
};

/** The baseline with one line changed, written next to the format wrappers. */
function mutant(from: string, to: string): string[] {
  const src = readFileSync(BASELINE, 'utf8');
  expect(src, `the mutation site ${from}`).toContain(from);
  const dir = tmp();
  writeFileSync(join(dir, 'mf_mul_baseline.v'), src.replace(from, to));
  return [join(dir, 'mf_mul_baseline.v'), FORMATS];
}

describe('equiv against a reference', () => {
  for (const fmt of ['e2m1', 'e2m3', 'e3m2', 'e4m3', 'e5m2']) {
    it(`minifloat.mul ${fmt} (--out fixed) equals the behavioural baseline`, async () => {
      const { side } = mulSide(fmt);
      const ref = await referenceSide([BASELINE, FORMATS], `mf_mul_${fmt}`, undefined, side.latency);
      const r = await checkEquivalence(side, ref, PROOF);
      expect(r.verdict).toEqual({ kind: 'equivalent', method: 'sat' });
      if (fmt === 'e4m3') expect(r.seconds).toBeLessThan(30);
    });
  }

  // One gate changed each: the sign, a NaN decode, a significand's hidden bit, the exponent bias.
  const MUTATIONS: Array<[string, string]> = [
    ['wire             neg   = sa ^ sb;', 'wire             neg   = sa | sb;'],
    ['(&ea && &ma)', '(&ea && ma[0])'],
    ['{eb != 0, mb}', '{eb == 0, mb}'],
    ['expa + expb - 2', 'expa + expb - 1'],
  ];
  for (const [from, to] of MUTATIONS) {
    it(`a baseline with ${to.trim()} differs from minifloat.mul e4m3: the counterexample is right by the spec and Icarus reproduces it`, async () => {
      const { side } = mulSide('e4m3');
      const ref = await referenceSide(mutant(from, to), 'mf_mul_e4m3', undefined, side.latency);
      const dir = tmp();
      const r = await checkEquivalence(side, ref, { ...PROOF, formats: { a: 'e4m3', b: 'e4m3' }, replayDir: dir });
      expect(r.verdict.kind).toBe('different');
      const c = r.counterexample!;
      expect(c.replay).toEqual({ dir, reproduced: true });
      expect(readFileSync(join(dir, 'replay.vcd'), 'utf8')).toContain('$enddefinitions');
      // The block's side of the counterexample is the spec's product of the inputs it names.
      const [a, b] = c.inputs[0]!.map((x) => Number(x.hex));
      expect(c.inputs[0]!.map((x) => x.value)[0]).toMatch(/^e4m3 0x[0-9a-f]{2} \(/);
      const f = parseFormat('e4m3') as FloatFormat;
      const word = productFixed(f, a!, f, b!);
      const isNan = word === null;
      for (const o of c.outputs) {
        if (o.port === 'p') expect(BigInt(o.goldHex)).toBe(isNan ? 0n : BigInt.asUintN(37, word!));
        if (o.port === 'nan') expect(o.goldHex).toBe(isNan ? '0x1' : '0x0');
        expect(o.gateHex).not.toBe(o.goldHex);
      }
      expect(c.outputs.length).toBeGreaterThan(0);
    });
  }
});

describe('equiv between variants', () => {
  it('minifloat.mul unpipelined vs --stages 2: the latencies aligned, proved by induction', async () => {
    const gold = mulSide('e4m3', { stages: 0 }).side, gate = mulSide('e4m3', { stages: 2 }).side;
    const r = await checkEquivalence(gold, gate, PROOF);
    expect(r.verdict).toMatchObject({ kind: 'equivalent', method: 'induction' });
    expect(r.alignment).toMatch(/latencies 0 and 2 aligned/);
  });

  it('minifloat.mul --fmax 150 on ice40 (the IR pass\'s pipelining) equals the unpipelined design', async () => {
    const p = mul.params.parse({}) as Record<string, unknown>;
    const gold = blockSide(mul, p, 'base');
    const gate = blockSide(mul, p, 'fmax', { mhz: 150, fabric: TIMING_MODELS.ice40.fabric });
    expect(gate.latency).toBeGreaterThan(0);
    const r = await checkEquivalence(gold, gate, PROOF);
    expect(r.verdict).toMatchObject({ kind: 'equivalent', method: 'induction' });
  });

  it('a pipelined variant with one operator broken: a counterexample over cycles that Icarus reproduces', async () => {
    const gold = mulSide('e4m3', { stages: 0 }).side, good = mulSide('e4m3', { stages: 2 }).side;
    const v = good.files.find((f) => f.path === `${good.top}.v`)!;
    const broken = v.content.replace(/ \^ /, ' | ');
    expect(broken).not.toBe(v.content);
    const gate: DesignSide = { ...good, files: good.files.map((f) => (f === v ? { ...f, content: broken } : f)) };
    const dir = tmp();
    const r = await checkEquivalence(gold, gate, { ...PROOF, replayDir: dir });
    expect(r.verdict.kind).toBe('different');
    expect(r.counterexample!.step).toBeGreaterThan(3); // after the reset and the pipeline's fill
    expect(r.counterexample!.replay!.reproduced).toBe(true);
  });

  it('int.mac --stages 1 vs 2: accumulators that plain induction cannot relate, proved after ABC\'s register correspondence', async () => {
    const mac = find('int.mac');
    const [a, b] = [1, 2].map((stages) => blockSide(mac, mac.params.parse({ stages }) as Record<string, unknown>, `stages ${stages}`));
    const r = await checkEquivalence(a!, b!, { ...PROOF, depth: 6 });
    expect(r.verdict).toMatchObject({ kind: 'equivalent', method: 'scorr' });
  });

  it('state that neither induction nor register correspondence relates is bounded, and said so', async () => {
    // A counter that wraps at 199 never shows 250, so its flag equals a constant 0 from reset; but the
    // states above 199 reach 250 after a few cycles, so no induction of a few steps closes, and the
    // flag is not equal to 0 from every state (scorr cannot merge it).
    const side = (name: string, top: string): DesignSide => ({
      label: name, top: name, latency: null, timing: 'free-running',
      ports: [{ name: 'clk', direction: 'input', width: 1, signed: false }, { name: 'rst', direction: 'input', width: 1, signed: false },
        { name: 'en', direction: 'input', width: 1, signed: false }, { name: 'flag', direction: 'output', width: 1, signed: false }],
      files: [{ path: `${name}.v`, content: `module ${name} (input wire clk, input wire rst, input wire en, output wire flag);\n  reg [7:0] c;\n  always @(posedge clk) if (rst) c <= 0; else if (en) c <= (c == 8'd199) ? 8'd0 : c + 8'd1;\n  assign flag = ${top};\nendmodule\n` }],
    });
    const r = await checkEquivalence(side('wraps', "c == 8'd250"), side('zero', "1'b0"), { ...PROOF, depth: 6 });
    expect(r.verdict).toEqual({ kind: 'bounded', cycles: 6 });
  });

  it('a proof past its time limit is unknown, never equivalent', async () => {
    const dot = find('mx.dot');
    const [a, b] = [0, 2].map((stages) => blockSide(dot, dot.params.parse({ block: 4, stages }) as Record<string, unknown>, `stages ${stages}`));
    const r = await checkEquivalence(a!, b!, { ...PROOF, timeoutS: 3 });
    expect(r.verdict).toEqual({ kind: 'unknown', reason: 'timeout after 3 s' });
  });
});

describe('bitforge equiv (CLI)', () => {
  it('proves a variant, and prints the verdict', async () => {
    const r = await cli(['equiv', 'minifloat.mul', '--a', 'e2m1', '--b', 'e2m1', '--variant', 'stages=1']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/EQUIVALENT: proved by induction/);
  });

  it('a parameter given for the gold side and varied (--stages 0 --variant stages=2): the variant sets it, not "given twice"', async () => {
    for (const given of [['--stages', '0'], ['--stages=0']]) {
      const r = await cli(['equiv', 'minifloat.mul', '--a', 'e2m1', '--b', 'e2m1', ...given, '--variant', 'stages=2', '--json']);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ alignment: 'latencies 0 and 2 aligned (the gold side delayed 2 cycle(s)), from reset', verdict: { kind: 'equivalent' } });
    }
  });

  it('--json: the verdict as data', async () => {
    const r = await cli(['equiv', 'minifloat.mul', '--a', 'e2m1', '--b', 'e2m1', '--fmax', '200', '--target', 'ice40', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { verdict: { kind: string; method: string }; alignment: string; seconds: number };
    expect(j.verdict).toMatchObject({ kind: 'equivalent', method: 'induction' });
    expect(j.alignment).toMatch(/^latencies 0 and [1-9]\d* aligned/);
    expect(j.seconds).toBeGreaterThan(0);
  });

  it('a difference exits 1 with the decoded counterexample and the replay', async () => {
    const dir = tmp();
    const files = mutant('wire             neg   = sa ^ sb;', 'wire             neg   = sa & sb;');
    const r = await cli(['equiv', 'minifloat.mul', '--out', 'fixed', '--against', `${files.join(',')}:mf_mul_e4m3`, '--out-dir', join(dir, 'cex')]);
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/DIFFERENT/);
    expect(r.stdout).toMatch(/inputs: a=e4m3 0x[0-9a-f]{2} \(-?[\d.e+-]+\) b=e4m3/);
    expect(r.stdout).toMatch(/Icarus: reproduced/);
  });

  // User mistakes: one line naming the problem, exit 2, before any proof.
  const MISTAKES: Array<[string, string[], RegExp]> = [
    ['two modules with different ports', ['minifloat.mul', '--against', `${BASELINE},${FORMATS}:mf_mul_e5m2`], /^bitforge: error: --against .*ports differ: .*(pinf|ninf|p is output p\[36:0\] in .* but output p\[64:0\])/],
    ['a reference file that does not exist', ['minifloat.mul', '--against', '/nonexistent/ref.v'], /^bitforge: error: --against \/nonexistent\/ref.v: cannot read \/nonexistent\/ref.v: no such file/],
    ['a module the file does not have', ['minifloat.mul', '--against', `${BASELINE}:nosuch`], /^bitforge: error: --against .*nosuch/],
    ['neither a variant nor a reference', ['minifloat.mul'], /needs --variant/],
    ['a variant and a reference', ['minifloat.mul', '--variant', 'stages=1', '--against', BASELINE], /--against and --variant: give one/],
    ['a variant of an unknown parameter', ['minifloat.mul', '--variant', 'widht=3'], /--variant widht=3: minifloat.mul has no parameter widht/],
    ['a variant without a value', ['minifloat.mul', '--variant', 'stages'], /--variant stages: expected name=value/],
    ['a variant out of range', ['minifloat.mul', '--variant', 'stages=99'], /--variant: --stages: /],
    ['a variant that changes nothing', ['minifloat.mul', '--variant', 'stages=0'], /stages is already 0/],
    ['a variant that changes the ports', ['minifloat.mul', '--variant', 'out=e4m3'], /out=e4m3: ports differ/],
    ['a variant that changes a sequential block\'s timing', ['loom.sip', '--lanes', '2', '--variant', 'stages=1'], /stages=1: the two differ in cycle behaviour \(.*latency 1 vs .*latency 2\)/],
    ['a depth that is not a number', ['minifloat.mul', '--variant', 'stages=1', '--depth', 'x'], /--depth: expected an integer from 1 to 1000, got 'x'/],
    ['a zero timeout', ['minifloat.mul', '--variant', 'stages=1', '--timeout', '0'], /--timeout: expected an integer/],
    ['--latency without a reference', ['minifloat.mul', '--variant', 'stages=1', '--latency', '2'], /--latency: only with --against/],
    ['an unknown block', ['minifloat.mull', '--variant', 'stages=1'], /unknown block 'minifloat.mull'/],
    ['--fmax without --target', ['minifloat.mul', '--fmax', '100'], /--fmax needs --target/],
  ];
  for (const [what, args, re] of MISTAKES) {
    it(`${what}: one line, exit 2`, async () => {
      const r = await cli(['equiv', ...args]);
      expect(r.exitCode, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(re);
      expect(r.stdout).toBe('');
    });
  }

  it('--out naming a file: one line, exit 2, the file untouched', async () => {
    const f = join(tmp(), 'taken');
    writeFileSync(f, 'mine');
    const r = await cli(['equiv', 'minifloat.mul', '--variant', 'stages=1', '--out-dir', f]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/--out-dir: .*taken is a file/);
    expect(readFileSync(f, 'utf8')).toBe('mine');
  });
});
