// Design mistakes in a user's block module (test/fixtures/user-blocks/mistakes.ts), through the CLI as a
// user meets them: each is a diagnostic with the user's TypeScript file:line (the `// @name` marker in
// the fixture) and the kind, exit 2, never a raw JavaScript error or an internal error.

import { execa } from 'execa';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'dist', 'cli', 'main.js'); // built by `npm test` (pretest)
const FIXTURE = 'test/fixtures/user-blocks/mistakes.ts';
const SRC = readFileSync(FIXTURE, 'utf8').split('\n');
const lineOf = (marker: string) => {
  const i = SRC.findIndex((l) => l.includes(`// @${marker}`));
  if (i < 0) throw new Error(`marker ${marker} not found`);
  return i + 1;
};

// export name → [kind, message pattern, marker of the line it must point to, more the line must say]
const CASES: Array<[string, string, RegExp, string, RegExp?]> = [
  ['foreignOperator', 'foreign-signal', /signal 'secret' belongs to module leaker__width4, not foreign_operator__width4/, 'foreignOperator'],
  ['foreignCondition', 'foreign-signal', /signal 'secret' belongs to module leaker__width4/, 'foreignCondition'],
  ['foreignSet', 'foreign-signal', /signal 'secret' belongs to module leaker__width4, not foreign_set__width4/, 'foreignSet'],
  ['foreignEnable', 'foreign-signal', /signal 'secret' belongs to module leaker__width4/, 'foreignEnable'],
  ['foreignPortMap', 'foreign-signal', /signal 'secret' belongs to module leaker__width4/, 'foreignPortMap'],
  ['foreignMemAddress', 'foreign-signal', /signal 'secret' belongs to module leaker__width4, not foreign_mem_address__width4/, 'foreignMemAddress'],
  ['numberTooBig', 'width-mismatch', /WIDTH MISMATCH \(4 bits <- 10 bits\) on y\.set/, 'numberTooBig'],
  ['stringWidth', 'bad-range', /UInt\('4'\): width must be an integer in 1\.\.65536: got the string '4'/, 'stringWidth', /Number\(\.\.\.\)/],
  ['jsPlus', 'not-a-value', /the string '\[object Object\]\[object Object\]' where a signal or a constant belongs/, 'jsPlus', /use a\.add\(b\)/],
  ['undefinedValue', 'not-a-value', /undefined where a signal or a constant belongs/, 'undefinedValue', /missing array element/],
  ['asyncBody', 'async-body', /the body of module 'async_body' is async/, 'asyncBody'],
  ['twoDrivers', 'multiple-drivers', /'w' has two drivers: assigned at test\/fixtures\/user-blocks\/mistakes\.ts:(\d+), and driven by u_leaker\.o at test\/fixtures\/user-blocks\/mistakes\.ts:(\d+)/, 'twoDrivers'],
  ['runawayRecursion', 'recursive-instance', /instances nest more than 100 levels deep: runaway__width4 → runaway__width5 → runaway__width6 → … → .* → runaway \{"width":104\}/, 'runawayRecursion'],
  ['helperInLoop', 'width-mismatch', /WIDTH MISMATCH \(4 bits <- 5 bits\) on wa0\.set\(\.\.\.\) \[the same mistake 8 times at this line\]/, 'helperInLoop'],
  ['bitsString', 'bad-range', /bits\('3', 0\): bit indices are whole numbers, got string '3'/, 'bitsString'],
  ['shlString', 'bad-range', /shl\('2'\): the amount is a number or a UInt signal, got string '2'/, 'shlString'],
  ['typeNumber', 'bad-range', /input 'a': its type is the number 8, not a hardware type/, 'typeNumber', /UInt\(8\)/],
  ['nameNumber', 'bad-name', /an input named by number 5, not a string/, 'nameNumber'],
  ['instanceNotModule', 'bad-port-map', /instance\(\) of a function: the first argument is a module/, 'instanceNotModule', /defineModule/],
  ['paramMisspelt', 'bad-range', /UInt\(undefined\): width must be an integer in 1\.\.65536: got undefined \(a parameter or variable that is not there\?\)/, 'paramMisspelt'],
  ['generatorThrows', 'generator-threw', /the generator threw TypeError: Cannot read properties of undefined \(reading 'valueOf'\) \(instance path generator_throws__width4; parameters \{"width":4\}\)/, 'generatorThrows'],
];

describe('design mistakes in a user block: file:line diagnostics, never a raw error', () => {
  it('each mistake category is one diagnostic at the right line of the user\'s .ts file, exit 2, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bitforge-mistakes-'));
    const results = await Promise.all(CASES.map(([name]) => execa('node', [CLI, 'emit', `${FIXTURE}#${name}`, '--out', join(dir, name)], { reject: false })));
    results.forEach((r, k) => {
      const [name, kind, message, marker, more] = CASES[k]!;
      const lines = r.stderr.trim().split('\n');
      expect([r.exitCode, lines.length], `${name}: ${r.stderr}`).toEqual([2, 2]); // the diagnostic, then the count
      expect(lines[0]).toContain(`${FIXTURE}:${lineOf(marker)}: error[${kind}] in module `);
      expect(lines[0]).toMatch(message);
      if (more) expect(lines[0]).toMatch(more);
      expect(lines[1]).toBe('bitforge: 1 design error(s); nothing was written');
      expect(r.stderr).not.toMatch(/\n\s+at |internal error|<unknown>/);
      expect(existsSync(join(dir, name)), `${name} wrote its folder`).toBe(false);
    });
    // Two drivers: both lines named; a helper's mistake: the loop that called it.
    const two = results[CASES.findIndex(([n]) => n === 'twoDrivers')]!.stderr;
    expect(two).toContain(`assigned at ${FIXTURE}:${lineOf('twoDrivers')}, and driven by u_leaker.o at ${FIXTURE}:${lineOf('twoDriversInstance')}`);
    const helper = results[CASES.findIndex(([n]) => n === 'helperInLoop')]!.stderr;
    expect(helper).toContain(`[called from ${FIXTURE}:${lineOf('helperCaller')}`);
    const threw = results[CASES.findIndex(([n]) => n === 'generatorThrows')]!.stderr;
    expect(threw).toContain(`[called from ${FIXTURE}:${lineOf('generatorThrowsCaller')}`);
  });
});
