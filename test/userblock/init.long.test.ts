// The issue's "done when": outside the repository, `bitforge init demo && cd demo && npm install && npm
// test` passes, then `npx bitforge sim ./src/sat-add.ts` and `npx bitforge synth ./src/sat-add.ts
// --target ice40` work (npm install reaches the registry for vitest and typescript).

import { execa } from 'execa';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'dist', 'cli', 'main.js');

describe('bitforge init, end to end', () => {
  it('npm install && npm test pass in the new project; npx bitforge sim and synth work on its block', async () => {
    const base = mkdtempSync(join(tmpdir(), 'bitforge-init-e2e-'));
    await execa('node', [CLI, 'init', 'demo'], { cwd: base });
    const cwd = join(base, 'demo');
    await execa('npm', ['install', '--no-audit', '--no-fund'], { cwd });
    const test = await execa('npm', ['test'], { cwd, reject: false });
    expect(test.exitCode, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toMatch(/Tests\s+.*2 passed/);
    const sim = await execa('npx', ['bitforge', 'sim', './src/sat-add.ts'], { cwd });
    expect(sim.stdout).toMatch(/exhaustive \(2\^16\) \+ 3 directed/);
    expect(sim.stdout).toMatch(/\n65539 passed, 0 failed$/);
    const synth = await execa('npx', ['bitforge', 'synth', './src/sat-add.ts', '--target', 'ice40'], { cwd });
    expect(synth.stdout).toMatch(/LUT \d+ {2}FF 0/);
    expect(synth.stdout).toMatch(/Fmax \d+(\.\d+)? MHz/);
    const types = await execa('npx', ['tsc', '-p', 'tsconfig.json'], { cwd, reject: false });
    expect(types.exitCode, types.stdout).toBe(0);
  }, 600_000);
});
