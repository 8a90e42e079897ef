// convert / decode / mx quantize: hex lines in, hex lines out; hand-computed cases from formats.md;
// a malformed line stops with `line N: …` and exit 2; large inputs stream.

import { execa } from 'execa';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'dist', 'cli', 'main.js');
const run = (args: string[], input: string) => execa('node', [CLI, ...args], { input, reject: false });
const hex = (x: number) => new Uint32Array(new Float32Array([x]).buffer)[0]!.toString(16).padStart(8, '0');

describe('bitforge convert / decode / mx quantize', () => {
  it('e4m3: 400 → 384 (rne) and 416 (rna); 464 → 448 (rne; rna rounds the tie away, past max: NaN); 465 → NaN, or 448 with --sat', async () => {
    const input = [400, 464, 465].map(hex).join('\n') + '\n';
    expect((await run(['convert', '--to', 'e4m3'], input)).stdout.split('\n')).toEqual(['7c', '7e', '7f']);
    expect((await run(['convert', '--to', 'e4m3', '--round', 'rna'], input)).stdout.split('\n')).toEqual(['7d', '7f', '7f']);
    expect((await run(['convert', '--to', 'e4m3', '--sat'], input)).stdout.split('\n')).toEqual(['7c', '7e', '7e']);
  });

  it('decode prints the float32 hex and the value', async () => {
    const r = await run(['decode', '--from', 'e5m2'], '7b\n7c\nfe\n01\n');
    expect(r.stdout.split('\n')).toEqual(['47600000 57344', '7f800000 Infinity', 'ffc00000 nan', '37800000 0.0000152587890625']);
  });

  it('mx quantize: the e2m1 block with amax 7 has scale 2^0 and element 6', async () => {
    const r = await run(['mx', 'quantize', '--elem', 'e2m1', '--block', '4'], [7, 1, -0.5, 0].map(hex).join(' ') + '\n');
    expect(r.stdout).toBe('7f 7 2 9 0');
  });

  it('a malformed line: earlier lines are written, then `line N:` on stderr and exit 2', async () => {
    const r = await run(['convert', '--to', 'e2m1'], `${hex(1)}\n\n${hex(2)}\nnot-hex\n${hex(3)}\n`);
    expect(r.exitCode).toBe(2);
    expect(r.stdout.split('\n')).toEqual(['2', '4']);
    expect(r.stderr.trim()).toBe("bitforge: error: line 4: 'not-hex' is not a hex float32");
  });

  it('bad format, code too wide, wrong word count: one line, exit 2', async () => {
    for (const [args, input, msg] of [
      [['convert', '--to', 'e4m9x'], '', /--to: unknown format 'e4m9x'/],
      [['decode', '--from', 'e2m1'], '1f\n', /line 1: 1f does not fit in 4 bits/],
      [['mx', 'quantize', '--elem', 'e4m3'], '3f800000\n', /line 1: expected 32 float32 hex words, got 1/],
    ] as const) {
      const r = await run([...args], input);
      expect(r.exitCode).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(msg);
    }
  });

  it('streams 200,000 lines (same answers as the first lines, in order)', async () => {
    const vals = Array.from({ length: 200_000 }, (_, i) => hex((i % 1000) / 7 - 70));
    const r = await run(['convert', '--to', 'e4m3'], vals.join('\n') + '\n');
    const out = r.stdout.split('\n');
    expect(out).toHaveLength(200_000);
    expect(out.slice(1000, 2000)).toEqual(out.slice(0, 1000));
  });
});
