// `bitforge init`: the project it writes (the long tier installs it and runs its test, sim and synth).

import { execa } from 'execa';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'dist', 'cli', 'main.js'); // built by `npm test` (pretest)

describe('bitforge init', () => {
  it('writes a block, its golden model apart from the generator, a test and scripts; bitforge is this installation', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bitforge-init-')), 'My Demo');
    const r = await execa('node', [CLI, 'init', dir]);
    expect(r.stdout).toContain('wrote 8 files');
    const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));
    expect(files(dir).sort()).toEqual(['.gitignore', 'README.md', 'package.json', 'src/sat-add.golden.ts', 'src/sat-add.ts', 'sweep.json', 'test/sat-add.test.ts', 'tsconfig.json'].sort());
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.name).toBe('my-demo');
    expect(pkg.dependencies['bitforge']).toBe(`file:${process.cwd()}`);
    expect(pkg.scripts['test']).toBe('vitest run');
    // The golden model imports nothing of the generator (the project's own standard).
    expect(readFileSync(join(dir, 'src/sat-add.golden.ts'), 'utf8')).not.toMatch(/import/);
    // The sample block is a real block: it simulates with 0 mismatches from where init put it.
    const sim = await execa('node', [CLI, 'sim', join(dir, 'src/sat-add.ts'), '--width', '3', '--simulator', 'ts']);
    expect(sim.stdout).toMatch(/\n67 passed, 0 failed$/);
  });

  it('refuses a folder that is not empty, or a file, in one line with exit 2, and writes nothing', async () => {
    const base = mkdtempSync(join(tmpdir(), 'bitforge-init-'));
    mkdirSync(join(base, 'used'));
    writeFileSync(join(base, 'used', 'keep.txt'), 'x');
    writeFileSync(join(base, 'file'), 'x');
    const used = await execa('node', [CLI, 'init', join(base, 'used')], { reject: false });
    expect([used.exitCode, used.stderr]).toEqual([2, `bitforge: error: ${join(base, 'used')}: not empty; init writes a new project into a new or empty folder`]);
    expect(readdirSync(join(base, 'used'))).toEqual(['keep.txt']);
    const file = await execa('node', [CLI, 'init', join(base, 'file')], { reject: false });
    expect([file.exitCode, file.stderr]).toEqual([2, `bitforge: error: ${join(base, 'file')}: a file is there, not a folder`]);
  });
});
