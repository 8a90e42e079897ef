// Block parameters on the command line: every kind of mistake is one UserError naming the flag, and
// nothing is silently taken (a repeated or contradictory flag, a misspelt name, a folder given as a
// format). The CLI's end-to-end cases (exit 2, one line, nothing written) are in cli.test.ts.

import { describe, expect, it } from 'vitest';
import { findBlock } from '../../src/blocks/catalogue.js';
import type { BlockDef } from '../../src/blocks/block.js';
import { parseBlockArgs } from '../../src/cli/block-params.js';
import { UserError } from '../../src/cli/user-error.js';

const block = (name: string) => findBlock(name) as unknown as BlockDef;
const EMIT = ['out', 'passes', 'fmax', 'target', 'fmax-margin'];
const error = (name: string, tokens: string[], extra = EMIT): string => {
  try {
    parseBlockArgs(block(name), tokens, extra);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error(`accepted: ${name} ${tokens.join(' ')}`);
};

describe('block parameters on the command line', () => {
  it.each([
    ['a value given twice', 'examples.counter', ['--width', '4', '--width', '9'], '--width is given twice (--width 4, then --width 9): give it once'],
    ['a value given twice, once inline', 'examples.counter', ['--width=4', '--width', '4'], '--width is given twice'],
    ['a switch both on and off', 'mokey.pe', ['--outlier-lane', '--no-outlier-lane'], '--outlier-lane contradicts itself (--outlier-lane, then --no-outlier-lane): give it once'],
    ['a command option given twice', 'examples.counter', ['--fmax', '100', '--fmax', '200', '--target', 'ice40'], '--fmax is given twice'],
    ['--out and --out-dir together', 'examples.counter', ['--out', 'a', '--out-dir', 'b'], '--out and --out-dir name the same option: give one'],
    ['a misspelt parameter', 'examples.counter', ['--widht', '9'], 'unknown option --widht for examples.counter (did you mean --width?) (its parameters: --width; the command\'s options: --out, --out-dir, --passes, --fmax, --target, --fmax-margin)'],
    ['an option of another command', 'examples.counter', ['--simulator', 'icarus'], 'unknown option --simulator for examples.counter (its parameters: --width;'],
    ['a folder where minifloat.add takes its output format', 'minifloat.add', ['--out', 'build/'], "unknown format 'build/'"],
    ['above a maximum', 'minifloat.mul', ['--stages', '9'], '--stages: 9 is above the maximum 4 (minifloat.mul)'],
    ['below a minimum', 'examples.counter', ['--width=-3'], '--width: -3 is below the minimum 1 (examples.counter)'],
    ['not one of the choices', 'loom.sip', ['--mode', 'fully'], "--mode: 'fully' is not one of conv, fc (loom.sip)"],
    ['a refinement', 'loom.sip', ['--bits', '3'], '--bits: must be 1, 2 or 4 (got 3) (loom.sip)'],
    ['a missing value', 'examples.counter', ['--width'], '--width needs a value'],
    ['an option where a value goes', 'examples.counter', ['--width', '--out', 'x'], '--width needs a value (the next word, --out, is an option)'],
    ['a negative number (a value, not an option)', 'examples.counter', ['--width', '-3'], '--width: -3 is below the minimum 1 (examples.counter)'],
    ['a negative number after a switch', 'int.mac', ['--signed', '-3'], "--signed is a switch and takes no value: use --signed or --no-signed (got '-3')"],
    ['a stray negative number', 'examples.counter', ['-3'], 'unexpected argument -3 for examples.counter'],
  ])('%s', (_, name, tokens, message) => {
    expect(error(name, tokens)).toContain(message);
  });

  it('a command option\'s negative number reaches its own check (sim --vectors -5 used to say "argument is ambiguous")', () => {
    expect(parseBlockArgs(block('examples.counter'), ['--vectors', '-5'], ['vectors']).options['vectors']).toBe('-5');
  });

  it('a format mistaken for a folder says where the folder goes', () => {
    expect(error('minifloat.add', ['--out', 'build/'])).toMatch(/; the output folder is --out-dir for this block\)$/);
    // Where the command has no output folder, no such hint.
    expect(error('minifloat.add', ['--out', 'build/'], ['target'])).not.toContain('--out-dir');
  });

  it('--out-dir names the output folder on every block, and --out where no parameter takes the name', () => {
    expect(parseBlockArgs(block('examples.counter'), ['--out-dir', 'x'], EMIT).options['out']).toBe('x');
    expect(parseBlockArgs(block('examples.counter'), ['--out', 'x'], EMIT).options['out']).toBe('x');
    const mf = parseBlockArgs(block('minifloat.add'), ['--out', 'e5m2', '--out-dir', 'x'], EMIT);
    expect([mf.params['out'], mf.options['out']]).toEqual(['e5m2', 'x']);
  });
});
