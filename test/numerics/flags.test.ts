// Conversion flags (inexact, overflow, underflow, invalid), hand-computed from formats.md §2.

import { describe, expect, it } from 'vitest';
import { encode, flagNames, parseFormat } from '../../src/numerics/index.js';

const e4m3 = parseFormat('e4m3');
const cases: Array<[string, string, number, object, number, string[]]> = [
  ['exact value', 'e4m3', 448, {}, 0x7e, []],
  ['rounded', 'e4m3', 400, {}, 0x7c, ['inexact']],
  ['beyond max → NaN', 'e4m3', 500, {}, 0x7f, ['inexact', 'overflow']],
  ['beyond max, saturated', 'e4m3', 500, { sat: true }, 0x7e, ['inexact', 'overflow']],
  ['rtz never overflows to NaN', 'e4m3', 500, { round: 'rtz' }, 0x7e, ['inexact', 'overflow']],
  ['e5m2 overflow → Inf', 'e5m2', 61440, {}, 0x7c, ['inexact', 'overflow']],
  ['tiny → signed zero', 'e4m3', -(2 ** -12), {}, 0x80, ['inexact', 'underflow']],
  ['subnormal tie 1.5·2^-9 → even (2·2^-9)', 'e4m3', 3 * 2 ** -10, {}, 0x02, ['inexact', 'underflow']],
  ['NaN into a format without NaN → +0', 'e2m1', NaN, {}, 0x0, ['invalid']],
  ['Inf into e4m3 → NaN', 'e4m3', -Infinity, {}, 0xff, ['invalid']],
  ['Inf into e2m1 → −max', 'e2m1', -Infinity, {}, 0xf, ['invalid']],
  ['zero into e8m0 → NaN', 'e8m0', 0, {}, 0xff, ['invalid']],
  ['negative into e8m0 → NaN', 'e8m0', -2, {}, 0xff, ['invalid']],
  ['e8m0: ties up in the mantissa (1.5 → 2)', 'e8m0', 1.5, {}, 128, ['inexact']],
  ['−0 keeps its sign', 'e4m3', -0, {}, 0x80, []],
];

describe('conversion flags', () => {
  for (const [what, fmt, x, opts, code, flags] of cases) {
    it(`${fmt} ${what}`, () => {
      const r = encode(parseFormat(fmt), x, opts);
      expect([r.code, flagNames(r.flags)]).toEqual([code, flags]);
    });
  }
  it('stochastic rounding: the random bits decide, deterministically', () => {
    // 400 = 384 + 16: half-way in a step of 32; with R = 4 bits, rnd >= 8 rounds up
    expect(encode(e4m3, 400, { round: 'stochastic', randomBits: 4 }, 7).code).toBe(0x7c);
    expect(encode(e4m3, 400, { round: 'stochastic', randomBits: 4 }, 8).code).toBe(0x7d);
  });
});
