// Options of the commands that take no block (sweep, worker, build, mx quantize, …) given twice or
// both ways: one line naming the flag, exit 2, before any work; not "the last one wins". (Block
// commands check their own arguments: block-params.test.ts.)

import { execa } from 'execa';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { program } from '../../src/cli/program.js';
import { repeatedOption } from '../../src/cli/repeated-options.js';

const check = (...argv: string[]) => repeatedOption(program(), argv);

describe('repeated command options', () => {
  it.each([
    [['sweep', 'spec.json', '--jobs', '1', '--jobs', '2'], '--jobs is given twice (--jobs 1, then --jobs 2): give it once'],
    [['sweep', 'spec.json', '--queue=redis://a', '--queue', 'redis://b'], '--queue is given twice (--queue redis://a, then --queue redis://b): give it once'],
    [['worker', '--queue', 'redis://a', '--jobs', '1', '--jobs=2'], '--jobs is given twice (--jobs 1, then --jobs 2): give it once'],
    [['build', '--no-synth', '--no-synth'], '--no-synth is given twice (--no-synth, then --no-synth): give it once'],
    [['build', '--targets', 'ice40', '--reports', 'r', '--targets', 'xc7'], '--targets is given twice (--targets ice40, then --targets xc7): give it once'],
    [['mx', 'quantize', '--scale-rule', 'floor', '--scale-rule', 'ceil'], '--scale-rule is given twice (--scale-rule floor, then --scale-rule ceil): give it once'],
  ])('%j', (argv, message) => {
    expect(check(...argv)).toBe(message);
  });

  it('once each, a value that looks like the flag, or after `--`: accepted', () => {
    expect(check('sweep', 'spec.json', '--jobs', '2', '--out', 'o')).toBeUndefined();
    expect(check('sweep', 'spec.json', '--out', '--jobs', '--jobs', '2')).toBeUndefined(); // an output folder named --jobs
    expect(check('build', '--', '--targets', '--targets')).toBeUndefined();
    expect(check('emit', 'examples.counter', '--width', '4')).toBeUndefined(); // block commands check their own
  });

  it('the CLI: one line, exit 2, nothing run', async () => {
    const r = await execa('node', [join(process.cwd(), 'dist', 'cli', 'main.js'), 'sweep', 'examples/sweeps/adder-tree.json', '--jobs', '1', '--jobs', '2'], { reject: false });
    expect([r.exitCode, r.stderr.trim(), r.stdout]).toEqual([2, 'bitforge: error: --jobs is given twice (--jobs 1, then --jobs 2): give it once', '']);
  });
});
