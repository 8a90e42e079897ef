// `bitforge sweep`: parameter lists expand as specified; a failing configuration does not stop the
// others; spec mistakes are one line. The example spec killed part-way and resumed from the cache is
// in sweep.long.test.ts.

import { execa } from 'execa';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cartesian, loadSweepSpec } from '../../src/sweep/spec.js';

const cli = join(process.cwd(), 'dist', 'cli', 'main.js');
const cache = mkdtempSync(join(tmpdir(), 'bitforge-sweep-cache-')); // cold: every configuration really runs
const env = { BITFORGE_CACHE: cache };

describe('bitforge sweep', () => {
  it('expands parameter lists as a cartesian product, the last key fastest', () => {
    expect(cartesian({ width: [8, 16], n: [4, 8, 16] })).toEqual([
      { width: 8, n: 4 }, { width: 8, n: 8 }, { width: 8, n: 16 }, { width: 16, n: 4 }, { width: 16, n: 8 }, { width: 16, n: 16 }]);
  });

  it('the minifloat-vs-int example: every ExMy of 3 to 8 bits (a × a, tied) and INT3–INT8 on xc7 and ice40', async () => {
    const plan = await loadSweepSpec(join(process.cwd(), 'examples', 'sweeps', 'minifloat-vs-int.json'), 'x');
    const fmts = plan.configs.filter((c) => c.block.name === 'minifloat.mac');
    expect(fmts.every((c) => c.params['a'] === c.params['b'])).toBe(true);
    const names = [...new Set(fmts.map((c) => String(c.params['a'])))];
    const expected = [3, 4, 5, 6, 7, 8].flatMap((t) => Array.from({ length: t - 1 }, (_, i) => `e${i + 1}m${t - 2 - i}`));
    expect(names).toEqual(expected);
    const ints = plan.configs.filter((c) => c.block.name === 'int.mac');
    expect([...new Set(ints.map((c) => `${String(c.params['aBits'])}x${String(c.params['bBits'])}`))]).toEqual(['3x3', '4x4', '5x5', '6x6', '7x7', '8x8']);
    expect(plan.configs).toHaveLength((27 + 6) * 2);
    expect(plan.axes).toEqual({ 'minifloat.mac': ['a'], 'int.mac': ['aBits'] });
  });

  it('fmax: every configuration at every frequency, the frequency an axis of the charts', async () => {
    const plan = await loadSweepSpec(join(process.cwd(), 'examples', 'sweeps', 'minifloat-iso-fmax.json'), 'x');
    expect(plan.configs.map((c) => `${String(c.params['a'])}x${String(c.params['b'])}@${c.fmaxMHz}`)).toEqual(
      ['e2m1', 'e3m2', 'e4m3', 'e5m2'].flatMap((f) => [`${f}x${f}@50`, `${f}x${f}@100`]));
    expect(plan.axes).toEqual({ 'minifloat.mul': ['a', 'fmax'] });
  });

  it('fmax on a sequential block: its configurations are timed at the frequency, registers kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitforge-sweep-'));
    const file = join(dir, 'seq.json');
    writeFileSync(file, JSON.stringify({ block: 'examples.counter', params: { width: [4, 8] }, targets: ['xc7'], fmax: 100 }));
    const plan = await loadSweepSpec(file, 'x');
    expect(plan.configs.map((c) => `${String(c.params['width'])}@${c.fmaxMHz}`)).toEqual(['4@100', '8@100']);
  });

  it('a failing configuration is reported with its reason and the others complete', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitforge-sweep-'));
    const spec = join(dir, 'nowrap.json');
    writeFileSync(spec, JSON.stringify({ block: 'examples.adder-tree', params: { n: [4, 16], width: 16 }, targets: ['ice40'], wrapper: 'never' }));
    const r = await execa('node', [cli, 'sweep', spec, '--out', 'out'], { cwd: dir, env, reject: false });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/FAILED examples\.adder-tree n=16 width=16 every=1 on ice40: nextpnr-ice40 failed .*Unable to find a placement location/);
    expect(r.stdout).toMatch(/\(1 ok of which \d from cache, 1 failed\)/);
    const json = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as { reports: Array<{ params: { n: number } }>; failures: Array<{ reason: string }> };
    expect(json.reports.map((x) => x.params.n)).toEqual([4]);
    expect(json.failures).toHaveLength(1);
  }, 120_000);

  it('spec mistakes are one line naming the file and the field; nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitforge-sweep-'));
    const cases: Array<[unknown, string]> = [
      [{ block: 'examples.adder-tree', params: { n: [4] }, targets: ['virtex2'] }, "targets[0]: 'virtex2' is not one of ice40, xc7, xc7-nodsp, ecp5, gowin"],
      [{ block: 'examples.nope', params: {}, targets: ['xc7'] }, "block: unknown block 'examples.nope'"],
      [{ block: 'examples.adder-tree', params: { n: [4, 1] }, targets: ['xc7'] }, 'params.n: '],
      [{ targets: ['xc7'], sweeps: [{ block: 'examples.adder-tree', param: {} }] }, "sweeps[0]: unknown key 'param' (did you mean params?)"],
      [{ block: 'examples.adder-tree', params: { n: [4, 8] }, tie: { width: 'm' }, targets: ['xc7'] }, "tie.width: 'm' is not one of the params"],
      [{ block: 'examples.adder-tree', params: { n: [4, 8], width: 3 }, tie: { width: 'n' }, targets: ['xc7'] }, "tie.width: 'width' is tied, so it cannot also be given in params"],
      [{ block: 'minifloat.mul', params: { stages: 2 }, targets: ['ice40'], fmax: [50, 100] }, 'fmax: fmax and params.stages both set the pipelining of minifloat.mul: give one'],
      [{ block: 'mx.quantize', params: { block: 32, lanes: 8 }, targets: ['ice40'], fmax: 100 }, 'fmax: mx.quantize cannot be pipelined with block=32 lanes=8: --lanes below --block makes a lane stream'],
      [{ block: 'minifloat.mul', params: {}, targets: ['ice40'], fmax: 0 }, 'fmax: 0 is below the minimum 1'],
    ];
    for (const [spec, message] of cases) {
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify(spec));
      const r = await execa('node', [cli, 'sweep', file], { cwd: dir, env, reject: false });
      expect(r.exitCode).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`bitforge: error: ${file}: ${message}`);
    }
    const missing = await execa('node', [cli, 'sweep', join(dir, 'none.json')], { cwd: dir, reject: false });
    expect([missing.exitCode, missing.stderr.trim()]).toEqual([2, `bitforge: error: ${join(dir, 'none.json')}: no such file`]);
    expect(existsSync(join(dir, 'sweep-bad'))).toBe(false);
  });

  it('a parameter name the block does not have is refused, not dropped (the sweep would run the defaults)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitforge-sweep-'));
    const cases: Array<[unknown, string]> = [
      [{ block: 'examples.adder-tree', params: { widht: [4, 8] }, targets: ['ice40'] }, "params.widht: examples.adder-tree has no parameter 'widht' (did you mean width?) (parameters: n, width, every)"],
      [{ block: 'int.mac', params: { 'a-bits': [4, 8] }, targets: ['ice40'] }, "params.a-bits: a spec names parameters as in TypeScript: 'aBits' (the CLI's --a-bits)"],
      [{ targets: ['ice40'], sweeps: [{ block: 'int.mac', params: { aBits: 4 } }, { block: 'int.mac', params: { aBits: [4, 8] }, tie: { bbits: 'aBits' } }] }, "sweeps[1].tie.bbits: int.mac has no parameter 'bbits' (did you mean bBits?)"],
      [{ block: 'int.mac', params: { aBits: [4, 99] }, targets: ['ice40'] }, 'params.aBits: 99 is above the maximum 32 (aBits=99)'],
      [{ block: 'int.mac', params: {}, targets: ['ice40'], timeoutSecond: 3 }, "(top level): unknown key 'timeoutSecond' (did you mean timeoutSeconds?)"],
    ];
    for (const [spec, message] of cases) {
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify(spec));
      await expect(loadSweepSpec(file, 'bad')).rejects.toThrow(`${file}: ${message}`);
    }
  });
});
