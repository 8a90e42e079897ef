// The programmatic API (`import { simulate, synthesize } from 'bitforge'`), run as a user's script would
// run it (plain Node on the built package): the same results as the CLI, mistakes as BitforgeErrors.

import { execa } from 'execa';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'dist', 'cli', 'main.js'); // built by `npm test` (pretest)
const API = join(process.cwd(), 'dist', 'api', 'index.js');
const SAT = join(process.cwd(), 'test/fixtures/user-blocks/sat-add.ts');

async function script(body: string): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'bitforge-api-'));
  const f = join(dir, 'run.mjs');
  writeFileSync(f, `import * as bf from '${API}';\nconst out = await (async () => { ${body} })();\nprocess.stdout.write(JSON.stringify(out));\n`);
  const r = await execa('node', [f], { reject: false });
  if (r.exitCode !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('the bitforge API', () => {
  it('simulate and synthesize give the CLI\'s results, by path and by block object', async () => {
    const api = await script(`
      const byPath = await bf.simulate('${SAT}', { width: 4 }, { simulator: 'ts' });
      const block = await bf.loadBlock('${SAT}');
      const byObject = await bf.simulate(block, { width: 5 }, { simulator: 'verilator' });
      const synth = await bf.synthesize(block, { width: 4 }, { target: 'xc7' });
      const emitted = await bf.emit('int.mac', { aBits: 4, bBits: 4 });
      return { byPath, byObject, lut: synth.totals.lut, ff: synth.totals.ff, top: emitted.top, files: emitted.files.map((f) => f.path), verilog: emitted.files.find((f) => f.path.endsWith('.v')).content };
    `) as { byPath: { passed: number; failed: number; source: string }; byObject: { passed: number; failed: number }; lut: number; ff: number; top: string; files: string[]; verilog: string };
    const sim = await execa('node', [CLI, 'sim', SAT, '--width', '4', '--simulator', 'ts']);
    const m = /(\d+) passed, (\d+) failed/.exec(sim.stdout)!;
    expect([api.byPath.passed, api.byPath.failed]).toEqual([Number(m[1]), Number(m[2])]);
    expect(api.byPath.source).toBe('exhaustive (2^8) + 3 directed');
    expect(api.byObject).toMatchObject({ passed: 1027, failed: 0 });
    const cli = JSON.parse((await execa('node', [CLI, 'synth', SAT, '--width', '4', '--target', 'xc7', '--json'])).stdout) as { totals: { lut: number; ff: number } };
    expect([api.lut, api.ff]).toEqual([cli.totals.lut, cli.totals.ff]);
    expect(api.files).toContain(`${api.top}.v`);
    // The same bytes as `bitforge emit` (the generator's lines are the .ts ones from both entries).
    const out = mkdtempSync(join(tmpdir(), 'bitforge-api-'));
    await execa('node', [CLI, 'emit', 'int.mac', '--a-bits', '4', '--b-bits', '4', '--out', out]);
    expect(api.verilog).toBe(readFileSync(join(out, `${api.top}.v`), 'utf8'));
    expect(api.verilog).toContain('from src/blocks/int/mac/generator.ts:');
  });

  it('mistakes reject with a BitforgeError carrying the CLI\'s one line', async () => {
    const errs = await script(`
      const msg = async (f) => { try { await f(); return 'no error'; } catch (e) { return [e.name, e instanceof bf.BitforgeError, e.message]; } };
      return [
        await msg(() => bf.simulate('./nope.ts')),
        await msg(() => bf.simulate('${SAT}', { width: 99 })),
        await msg(() => bf.simulate('mx.dott')),
        await msg(() => bf.emit({ name: 'x', params: 3 })),
        await msg(() => bf.simulate('${join(process.cwd(), 'test/fixtures/user-blocks/contract.ts')}#omitsOutput')),
        await msg(() => bf.emit('${join(process.cwd(), 'test/fixtures/user-blocks/mistakes.ts')}#jsPlus')),
      ];
    `) as Array<[string, boolean, string]>;
    for (const e of errs) expect(e.slice(0, 2)).toEqual(['BitforgeError', true]);
    expect(errs.map((e) => e[2])).toEqual([
      './nope.ts: no such file (a block is a catalogue name, see bitforge list, or a path to a .ts/.js module)',
      'width: 99 is above the maximum 64 (demo.sat-add)',
      "unknown block 'mx.dott' (did you mean mx.dot?) (see bitforge list, or give a path to your own block module, e.g. ./src/my-block.ts)",
      "x: params is number 3, not a zod object schema (z.object({ ... }) from 'bitforge/block')",
      "bad.omits-output: the golden model's output has no value for port 'y' (every one of y is needed)",
      expect.stringMatching(/^test\/fixtures\/user-blocks\/mistakes\.ts:\d+: error\[not-a-value\] in module js_plus__width4: the string '\[object Object\]\[object Object\]' where a signal or a constant belongs \(fix: /),
    ]);
  });
});
