// A user's own block in every command: loaded from a .ts path without a build step, simulated in both
// simulators, emitted, synthesized; every way of getting the module or the block contract wrong is one
// line naming the file or the key, exit 2, nothing written.

import { execa } from 'execa';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'dist', 'cli', 'main.js'); // built by `npm test` (pretest)
const run = (args: string[], cwd = process.cwd()) => execa('node', [CLI, ...args], { cwd, reject: false });
const FIX = 'test/fixtures/user-blocks';

describe('user blocks in every command', () => {
  it('sim (Verilator, Icarus, the TS simulator), emit, equiv, tb and synth take a path to a .ts block', async () => {
    const [v, i, ts] = await Promise.all([
      run(['sim', `${FIX}/sat-add.ts`, '--width', '4']),
      run(['sim', `./${FIX}/sat-add.ts`, '--width', '3', '--simulator', 'icarus']),
      run(['sim', `${FIX}/sat-add.ts#default`, '--width', '5', '--simulator', 'ts']),
    ]);
    expect(v.stdout).toMatch(/demo\.sat-add on verilator( \(cached build\))?: exhaustive \(2\^8\) \+ 3 directed/);
    expect(v.stdout).toMatch(/\n259 passed, 0 failed$/);
    expect(i.stdout).toMatch(/\n67 passed, 0 failed$/);
    expect(ts.stdout).toMatch(/\n1027 passed, 0 failed$/);
    const out = mkdtempSync(join(tmpdir(), 'bitforge-user-'));
    const e = await run(['emit', `${FIX}/sat-add.ts`, '--out', out]);
    expect(e.exitCode).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['sat_add.f', 'sat_add.json', 'sat_add.v']);
    // equiv and tb take the path too.
    const [eq, tb] = await Promise.all([
      run(['equiv', `${FIX}/sat-add.ts`, '--width', '4', '--passes', 'const-fold,dce']),
      run(['tb', `${FIX}/sat-add.ts`, '--width', '3', '--out', join(out, 'tb')]),
    ]);
    expect(eq.stdout).toContain('EQUIVALENT: proved by SAT over all inputs');
    expect(tb.stdout).toContain('demo.sat-add: testbench tb.v + vectors (exhaustive (2^6) + 3 directed)');
    const s = await run(['synth', `${FIX}/sat-add.ts`, '--width', '4', '--target', 'xc7', '--json']);
    expect(s.exitCode).toBe(0);
    const rep = JSON.parse(s.stdout) as { block: string; totals: { lut: number } };
    expect(rep.block).toBe('demo.sat-add');
    expect(rep.totals.lut).toBeGreaterThan(0);
  });

  it('a golden model that disagrees with the hardware fails the sim (the user block is really checked)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitforge-user-'));
    const wrong = join(dir, 'wrong.ts');
    // The same block with a golden model that wraps instead of saturating.
    writeFileSync(wrong, `import b from '${join(process.cwd(), FIX, 'sat-add.ts')}';
export default { ...b, name: 'demo.wrap-add', cosim: { ...b.cosim, create: (p: { width: number }) => (v: Record<string, bigint>) => ({ y: (v.a! + v.b!) & ((1n << BigInt(p.width)) - 1n) }) } };
`);
    const r = await run(['sim', wrong, '--width', '3']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('MISMATCH');
    expect(r.stdout).toMatch(/\d+ passed, [1-9]\d* failed$/);
  });

  it('a module that cannot be loaded, or exports no usable block: one line naming the file, exit 2, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitforge-user-'));
    const file = (name: string, text: string) => { writeFileSync(join(dir, name), text); return join(dir, name); };
    const cases: Array<[string, string | RegExp]> = [
      ['./nope.ts', './nope.ts: no such file (a block is a catalogue name, see bitforge list, or a path to a .ts/.js module)'],
      [dir, `${dir}: a folder, not a module file`],
      [file('notes.txt', 'x'), /notes\.txt: a block module is a \.ts \.mts \.cts \.js \.mjs \.cjs file$/],
      [file('syntax.ts', 'const x: = 3;\n'), /syntax\.ts:1:\d+: syntax error: Unexpected token/],
      [file('import.ts', "import { q } from 'bitforge/cosim';\nexport const y = q;\n"), /import\.ts: cannot import 'bitforge\/cosim' \(bitforge exports bitforge, bitforge\/block, bitforge\/dsl, /],
      [file('missing.ts', "import { q } from './helpers.js';\nexport const y = q;\n"), /missing\.ts: cannot import '\.\/helpers\.js'$/],
      [file('throws.ts', "const a = 1;\nthrow new RangeError('no table for ' + a);\n"), /throws\.ts:2: loading the module threw RangeError: no table for 1$/],
      [file('none.ts', 'export const x = 3;\n'), /none\.ts: exports no block \(export a defineBlock\(\{ \.\.\. \}\) from 'bitforge\/block'; its exports: x\)$/],
      [`${FIX}/contract.ts`, /contract\.ts: exports 10 blocks \(.*\): name one as .*contract\.ts#badHandshake$/],
      [`${FIX}/contract.ts#nope`, /contract\.ts#nope: the module has no export 'nope' \(its exports: .*omitsOutput.*\)$/],
      [`${FIX}/contract.ts#notABlock`, /bad\.not-a-block: params is number 3, not a zod object schema/],
      [file('clash.ts', `import b from '${join(process.cwd(), FIX, 'sat-add.ts')}';\nexport default { ...b, name: 'mx.dot' };\n`), /clash\.ts: its name 'mx\.dot' is a catalogue block's: choose another$/],
      [file('badname.ts', `import b from '${join(process.cwd(), FIX, 'sat-add.ts')}';\nexport default { ...b, name: 'My Block' };\n`), /its name 'My Block' is not kebab case words joined by dots/],
      ['mx.dott', "unknown block 'mx.dott' (did you mean mx.dot?)"],
    ];
    const out = join(dir, 'out');
    const results = await Promise.all(cases.map(([ref]) => run(['emit', ref, '--out', out])));
    results.forEach((r, k) => {
      const [ref, msg] = cases[k]!;
      expect(r.exitCode, ref).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, ref).toHaveLength(1);
      if (typeof msg === 'string') expect(lines[0]).toContain(msg);
      else expect(lines[0]).toMatch(msg);
      expect(lines[0]).toMatch(/^bitforge: error: /);
    });
    expect(existsSync(out)).toBe(false);
  });

  it('the block contract is checked before a simulator is built: each break is one line naming the port or key', async () => {
    const cases: Array<[string, string, string]> = [
      ['sim', 'omitsOutput', "bad.omits-output: the golden model's output has no value for port 'y' (every one of y is needed)"],
      ['sim', 'unknownKey', "bad.unknown-key: the golden model's output has a key 'z' that is not one of its ports (y)"],
      ['sim', 'numberValue', "bad.number-value: the golden model's output gives port 'y' the number 1: port values are BigInt (1n, or BigInt(1))"],
      ['sim', 'tooWide', "bad.too-wide: the golden model's output gives port 'y' 16n, which does not fit its 4 bit(s)"],
      ['sim', 'goldenThrows', `bad.golden-throws: the golden model threw TypeError: Cannot read properties of undefined (reading 'c') (at ${FIX}/contract.ts:`],
      ['sim', 'stimulusMissing', "bad.stimulus-missing: stimulus vector directed[0] has a key 'b' that is not one of its ports (a)"],
      ['sim', 'pipelineWithoutValid', "bad.pipeline-without-valid: its handshake is 'pipeline', so the module needs an input 'in_valid' (1 bit), and has none (ports: clk, rst, a, y)"],
      ['tb', 'pipelineWithoutValid', "its handshake is 'pipeline', so the module needs an input 'in_valid'"],
      ['emit', 'badHandshake', 'bad.handshake: handshake(params) returned {"kind":"pipelined","latency":2}: expected { kind: \'combinational\' | \'pipeline\' | \'stream\' | \'sequential\' }'],
      ['emit', 'wideValid', "bad.wide-valid: port 'in_valid' of a 'pipeline' handshake is 1 bit, the module's is 2"],
      ['synth', 'badHandshake', 'handshake(params) returned'],
      ['sim', 'badHandshake', 'bad.handshake has no golden model yet: nothing to cosimulate'],
    ];
    const dir = mkdtempSync(join(tmpdir(), 'bitforge-user-'));
    const results = await Promise.all(cases.map(([cmd, name]) => run([cmd, `${FIX}/contract.ts#${name}`, ...(cmd === 'synth' ? [] : ['--out', join(dir, name)])])));
    results.forEach((r, k) => {
      const [cmd, name, msg] = cases[k]!;
      expect([r.exitCode, r.stderr.trim().split('\n').length], `${cmd} ${name}: ${r.stderr}`).toEqual([2, 1]);
      expect(r.stderr).toContain(`bitforge: error: `);
      expect(r.stderr).toContain(msg);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error|Vdut|\.cpp/);
      expect(existsSync(join(dir, name)), `${cmd} ${name} wrote its folder`).toBe(false);
    });
  });
});
