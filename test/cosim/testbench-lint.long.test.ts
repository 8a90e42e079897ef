// Every catalogue block's generated testbench (its defaults, and the stream and packet forms) builds
// under a plain `verilator --binary`, whose default warnings are errors: what a user's CI runs.

import { execa } from 'execa';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/blocks/catalogue.js';

const CLI = join(process.cwd(), 'dist', 'cli', 'main.js');
const CONFIGS: Array<[string, string[]]> = [
  ...catalogue.map((b) => [b.name, []] as [string, string[]]),
  ['mx.quantize', ['--block', '32', '--lanes', '8']], ['examples.fifo', ['--depth', '2']],
];

describe('generated testbenches under plain verilator --binary', () => {
  it.each(CONFIGS)('%s %j', async (name, args) => {
    const out = mkdtempSync(join(tmpdir(), 'bitforge-tblint-'));
    const t = await execa('node', [CLI, 'tb', name, ...args, '--vectors', '50', '--out-dir', out], { reject: false });
    expect(t.exitCode, t.stderr).toBe(0);
    const design = readdirSync(out).filter((f) => f.endsWith('.v') && f !== 'tb.v');
    // --lint-only with --timing is --binary's front end: the same warnings, no C++ compile.
    const lint = await execa('verilator', ['--lint-only', '--timing', '--top-module', 'tb', 'tb.v', ...design], { cwd: out, reject: false });
    expect(lint.exitCode, lint.stderr).toBe(0);
    expect(lint.stderr).not.toMatch(/%Warning/);
  }, 120_000);
});
