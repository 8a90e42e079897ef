// `bitforge apack encode|decode|stats` on raw tensor files: the round trip through files, the stats
// lines, and bad input (missing file, wrong size for the dtype, bad flag, corrupt or truncated file)
// as one line on stderr, exit 2, no output file.

import { execa } from 'execa';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeValues } from '../../src/blocks/apack/codec/dtype.js';
import { seededRng } from '../../src/cosim/model.js';

const CLI = join(process.cwd(), 'dist', 'cli', 'main.js'); // built by `npm test` (pretest)
const run = (args: string[]) => execa('node', [CLI, ...args], { reject: false });
const SEED = Number(process.env.BITFORGE_SEED ?? 107);
console.log(`apack cli: seed ${SEED}`);

describe('bitforge apack', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bitforge-apack-'));
  const rng = seededRng(SEED);
  const raw = writeValues(Array.from({ length: 20_000 }, () => Math.round(Math.log(rng() || 1e-9) * 150 * (rng() < 0.5 ? 1 : -1))), 'int16');
  const input = join(dir, 't.i16');
  writeFileSync(input, raw);

  it('encode then decode gives the file back; stats prints the size, the entropy bound and the throughput', async () => {
    const enc = await run(['apack', 'encode', input, '-o', join(dir, 't.apk'), '--dtype', 'int16', '--split', '4']);
    expect(enc.exitCode, enc.stderr).toBe(0);
    expect(enc.stdout).toMatch(/40000 → \d+ bytes \(\d+\.\d %\)/);
    const dec = await run(['apack', 'decode', join(dir, 't.apk'), '-o', join(dir, 'back.i16')]);
    expect(dec.exitCode, dec.stderr).toBe(0);
    expect(dec.stdout).toContain('20000 int16 values');
    expect(Buffer.compare(readFileSync(join(dir, 'back.i16')), readFileSync(input))).toBe(0);
    const st = await run(['apack', 'stats', input, '--dtype', 'int16']);
    expect(st.exitCode, st.stderr).toBe(0);
    expect(st.stdout).toMatch(/20000 int16 values, 320000 bits/);
    expect(st.stdout).toMatch(/entropy bound \d+ bits; APack \/ entropy = 1\.0\d{3}/);
    expect(st.stdout).toMatch(/encode [\d.]+ MB\/s, decode [\d.]+ MB\/s/);
  });

  it('bad input: one line naming the file or the flag, exit 2, nothing written', async () => {
    const odd = join(dir, 'odd.bin');
    writeFileSync(odd, Uint8Array.from([1, 2, 3]));
    const truncated = join(dir, 'trunc.apk');
    const full = readFileSync(join(dir, 't.apk'));
    writeFileSync(truncated, full.subarray(0, full.length - 3));
    const cases: Array<[string[], RegExp]> = [
      [['apack', 'encode', join(dir, 'missing'), '-o', join(dir, 'o1')], /cannot read .*missing: ENOENT/],
      [['apack', 'encode', odd, '-o', join(dir, 'o2'), '--dtype', 'int16'], /--dtype int16: .*odd\.bin has 3 bytes/],
      [['apack', 'encode', input, '-o', join(dir, 'o3'), '--precision', '16'], /--precision: expected an integer in 1\.\.15/],
      [['apack', 'encode', input, '-o', join(dir, 'o4'), '--dtype', 'fp8'], /option '--dtype <type>' argument 'fp8' is invalid/],
      [['apack', 'decode', truncated, '-o', join(dir, 'o5')], /trunc\.apk: corrupt APack file: truncated/],
      [['apack', 'decode', input, '-o', join(dir, 'o6')], /corrupt APack file: not an APack file/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.exitCode, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(existsSync(args[args.indexOf('-o') + 1]!)).toBe(false);
    }
  });
});
