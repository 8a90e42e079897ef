// docs/tutorial.md, run as written: its ```sh blocks in order, in an empty folder outside the repository,
// with `bitforge` on PATH. This is also the issue's "done when": `bitforge init demo && cd demo && npm
// install && npm test` passes, then `npx bitforge sim ./src/sat-add.ts` and `npx bitforge synth
// ./src/sat-add.ts --target ice40` work (npm install reaches the registry for vitest and typescript).

import { execa } from 'execa';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'dist', 'cli', 'main.js');

describe('docs/tutorial.md', () => {
  it('every command of the tutorial runs, in order, and does what the page says', async () => {
    const blocks = [...readFileSync('docs/tutorial.md', 'utf8').matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBe(3);
    const base = mkdtempSync(join(tmpdir(), 'bitforge-tutorial-'));
    const bin = join(base, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'bitforge'), `#!/bin/sh\nexec node ${CLI} "$@"\n`);
    chmodSync(join(bin, 'bitforge'), 0o755);
    const work = join(base, 'work');
    mkdirSync(work);
    // Each command echoed before it runs, so the output can be split per command.
    const script = ['set -e', ...blocks.join('\n').split('\n').filter((l) => l.trim()).map((l) => `echo "@@ ${l.replace(/"/g, '\\"')}"\n${l}`)].join('\n');
    const r = await execa('bash', ['-c', script], { cwd: work, env: { PATH: `${bin}:${process.env['PATH']}` }, reject: false, all: true });
    expect(r.exitCode, r.all).toBe(0);
    const out = Object.fromEntries(r.all!.split('@@ ').slice(1).map((chunk) => [chunk.split('\n')[0]!, chunk.split('\n').slice(1).join('\n')]));
    expect(out['npm test']).toMatch(/Tests\s+.*2 passed/);
    expect(out['npx bitforge sim ./src/sat-add.ts --width 8']).toMatch(/exhaustive \(2\^16\) \+ 3 directed[\s\S]*\n65539 passed, 0 failed/);
    expect(out['npx bitforge sim ./src/sat-add.ts --width 6 --simulator icarus']).toMatch(/\n4099 passed, 0 failed/);
    expect(out['npx bitforge emit ./src/sat-add.ts --width 8 --out rtl']).toContain('demo.sat-add: sat_add');
    expect(existsSync(join(work, 'demo', 'rtl', 'sat_add.v'))).toBe(true);
    expect(out['npx bitforge synth ./src/sat-add.ts --width 8 --target ice40']).toMatch(/LUT \d+ {2}FF 0[\s\S]*Fmax \d+(\.\d+)? MHz/);
    expect(out['npx bitforge sim ./src/sat-add.ts --help']).toContain('--width <integer 1..64>  operand width in bits (default 8)');
    expect(out['npx bitforge sweep sweep.json --jobs 2 --out sweep-report']).toMatch(/6 ok of which \d+ from cache, 0 failed/);
    expect(out['ls sweep-report']).toMatch(/index\.html[\s\S]*report\.json[\s\S]*report\.md/);
    // The project type-checks as written (its editor view is right).
    const types = await execa('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: join(work, 'demo'), reject: false });
    expect(types.exitCode, types.stdout).toBe(0);
  }, 900_000);
});
