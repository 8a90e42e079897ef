// Fast golden models on rows must agree with the plain per-vector models they shortcut, and values
// are shown in number-format terms.

import { describe, expect, it } from 'vitest';
import { adderTreeGolden, adderTreeGoldenRows } from '../../src/blocks/examples/adder-tree/golden.js';
import { adderTreeStimulus } from '../../src/blocks/examples/adder-tree/stimulus.js';
import { intMacGolden, intMacGoldenRows } from '../../src/blocks/int/mac/golden.js';
import { intMacStimulus } from '../../src/blocks/int/mac/stimulus.js';
import { describeValue } from '../../src/cosim/describe.js';
import { seededRng, type RowGolden, type Stimulus, type Vector } from '../../src/cosim/model.js';
import { getRow, putRow, rowLayout, type RowLayout } from '../../src/cosim/rows.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 11);
console.log(`fast paths: seed ${SEED}`);

const port = (name: string, width: number, signed: boolean, direction: 'input' | 'output' = 'input') => ({ name, width, signed, direction });

function agree(stim: Stimulus, ins: RowLayout, outs: RowLayout, fast: RowGolden, slow: (v: Vector) => Vector, n: number) {
  const rows = new Uint32Array(n * ins.words);
  stim.directed.slice(0, n).forEach((v, i) => putRow(ins, rows, i, v));
  const d = Math.min(n, stim.directed.length);
  stim.randomRows!(seededRng(SEED), ins, rows.subarray(d * ins.words), n - d);
  const out = new Uint32Array(n * outs.words);
  fast(rows, n, out);
  for (let i = 0; i < n; i++) expect([i, getRow(outs, out, i)]).toEqual([i, slow(getRow(ins, rows, i))]);
}

describe('row golden models equal the per-vector ones', () => {
  it('adder tree: widths 1, 16 and 29 (sum up to 32 bits)', () => {
    for (const [n, width] of [[8, 1], [8, 16], [7, 29]] as const) {
      const ins = rowLayout(Array.from({ length: n }, (_, i) => port(`x${i}`, width, true)));
      const outs = rowLayout([port('sum', width + Math.ceil(Math.log2(n)), true, 'output')]);
      agree(adderTreeStimulus({ n, width }), ins, outs, adderTreeGoldenRows({ n, width }, ins, outs)!, adderTreeGolden({ n }), 20_000);
    }
  });

  it('adder tree: no fast path when the sum needs more than a word', () => {
    const ins = rowLayout(Array.from({ length: 4 }, (_, i) => port(`x${i}`, 31, true)));
    expect(adderTreeGoldenRows({ n: 4, width: 31 }, ins, rowLayout([port('sum', 33, true, 'output')]))).toBeUndefined();
  });

  it('int.mac: signed and unsigned, including accumulators that wrap', () => {
    for (const p of [{ aBits: 8, bBits: 8, signed: true, n: 1024 }, { aBits: 5, bBits: 3, signed: false, n: 4 }, { aBits: 16, bBits: 7, signed: true, n: 2 }]) {
      const T = p.signed;
      const ins = rowLayout([port('clear', 1, false), port('a', p.aBits, T), port('b', p.bBits, T)]);
      const outs = rowLayout([port('acc', p.aBits + p.bBits + Math.ceil(Math.log2(p.n)) + 1, T, 'output')]);
      agree(intMacStimulus(p), ins, outs, intMacGoldenRows(p, ins, outs)!, intMacGolden(p), 30_000);
    }
  });
});

describe('values are shown decoded', () => {
  it('number formats by name, integers in decimal with their bits', () => {
    expect(describeValue(port('y', 8, false), 0x7en, 'e4m3')).toBe('e4m3 0x7e (448)');
    expect(describeValue(port('y', 8, false), 0x7dn, 'e4m3')).toBe('e4m3 0x7d (416)');
    expect(describeValue(port('y', 8, false), 0x80n, 'e4m3')).toBe('e4m3 0x80 (-0)');
    expect(describeValue(port('y', 8, false), 0x7fn, 'e4m3')).toBe('e4m3 0x7f (NaN)');
    expect(describeValue(port('y', 4, false), 0xfn, 'e2m1')).toBe('e2m1 0xf (-6)');
    expect(describeValue(port('s', 19, true), -12n)).toBe('-12 (0x7fff4)');
    expect(describeValue(port('v', 1, false), 1n)).toBe('1');
  });
});
