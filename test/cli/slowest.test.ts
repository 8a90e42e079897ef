// scripts/slowest.mjs: the slowest files and tests of a vitest JSON report, longest first, and the
// tier's pass/fail line; a missing report or a bad --top is one line and exit 2.

import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = join(process.cwd(), 'scripts', 'slowest.mjs');

describe('scripts/slowest.mjs', () => {
  it('lists files and tests longest first, at most --top of each, and ends with the pass/fail counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitforge-slowest-'));
    const file = (name: string, start: number, end: number, tests: Array<[string, number]>) => ({
      name: join(dir, name), startTime: start, endTime: end,
      assertionResults: tests.map(([fullName, duration]) => ({ fullName, duration, status: 'passed' })),
    });
    const report = {
      startTime: 1000, numPassedTests: 4, numFailedTests: 1,
      testResults: [file('a.test.ts', 1000, 4000, [['a one', 2500], ['a two', 400]]), file('b.test.ts', 1100, 9100, [['b one', 7000]]), file('c.test.ts', 2000, 2500, [['c one', 450], ['c two', 10]])],
    };
    writeFileSync(join(dir, 'r.json'), JSON.stringify(report));
    const r = await execa('node', [script, 'r.json', '--top', '2'], { cwd: dir });
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toEqual([
      '2 slowest test files (3 files, 8.1 s wall from the first file\'s start):',
      '    8.0 s  b.test.ts (1 tests)',
      '    3.0 s  a.test.ts (2 tests)',
      '2 slowest tests:',
      '    7.0 s  b.test.ts > b one',
      '    2.5 s  a.test.ts > a one',
      '4 passed, 1 failed',
    ]);
  });

  it('a missing report or a bad --top is one line on stderr and exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitforge-slowest-'));
    const missing = await execa('node', [script, 'none.json'], { cwd: dir, reject: false });
    expect([missing.exitCode, missing.stderr.trim()]).toEqual([2, 'slowest: cannot read none.json: no such file (run the tests first)']);
    writeFileSync(join(dir, 'r.json'), JSON.stringify({ startTime: 0, numPassedTests: 0, numFailedTests: 0, testResults: [] }));
    const top = await execa('node', [script, 'r.json', '--top', 'ten'], { cwd: dir, reject: false });
    expect([top.exitCode, top.stderr.trim()]).toEqual([2, "slowest: --top: expected a positive integer, got 'ten'"]);
  });
});
