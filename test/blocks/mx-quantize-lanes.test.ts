// mx.quantize --lanes L: the lane stream. Its golden model puts the rational reference's codes on the
// right beats and lanes; Verilator and Icarus agree with it (0 mismatches) over random bubbles and
// back-pressure, for every OCP element format and the other options; without bubbles it takes one
// beat per cycle (the two banks overlap collect and emit); bad lane counts are refused.

import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { mxQuantizeBlock } from '../../src/blocks/mx/quantize/block.js';
import { mxQuantizeGroupGolden } from '../../src/blocks/mx/quantize/golden.js';
import { mxQuantizeStimulus } from '../../src/blocks/mx/quantize/stimulus.js';
import { runInProcess } from '../../src/cosim/in-process.js';
import { setupCosim } from '../../src/cosim/setup.js';
import { vectorSource, type VectorSource } from '../../src/cosim/vectors.js';
import { parseFormat } from '../../src/numerics/format.js';
import { refMxQuantize } from '../../src/numerics/reference/mx.js';
import { cosimClean } from '../helpers/cosim.js';

const block = mxQuantizeBlock as unknown as BlockDef;
const SEED = Number(process.env.BITFORGE_SEED ?? 53);
console.log(`mx.quantize --lanes: seed ${SEED}`);

describe('mx.quantize --lanes', () => {
  it('the golden model: beat j lane i holds element j·L + i of the rational reference, every beat the scale, the last beat `last`', () => {
    for (const [elem, lanes] of [['e2m1', 8], ['int8', 4], ['e5m2', 1]] as const) {
      const p = mxQuantizeBlock.params.parse({ elem, lanes });
      const G = p.block / lanes;
      const g = mxQuantizeGroupGolden(p), s = mxQuantizeStimulus(p);
      expect(s.directed.length % G).toBe(0);
      for (let b = 0; b < s.directed.length; b += G) {
        const beats = s.directed.slice(b, b + G);
        const bits = Uint32Array.from({ length: p.block }, (_, e) => Number(beats[Math.floor(e / lanes)]![`v${e % lanes}`]));
        const ref = refMxQuantize(bits, parseFormat(elem), 'floor', 'rne');
        const out = g(beats);
        expect(out).toHaveLength(G);
        out.forEach((o, j) => {
          expect(Number(o.scale)).toBe(ref.scale);
          expect(o.last).toBe(j === G - 1 ? 1n : 0n);
          expect(o.nan_block).toBe(ref.scale === 0xff ? 1n : 0n);
          if (ref.scale !== 0xff) for (let i = 0; i < lanes; i++) expect(Number(o[`p${i}`])).toBe(ref.codes[j * lanes + i]);
        });
      }
    }
  });

  const OCP = ['e5m2', 'e4m3', 'e3m2', 'e2m3', 'e2m1', 'int8'];
  for (const elem of OCP) {
    it(`${elem}, k = 32, L = 8: 10^5 random beats plus the directed blocks in Verilator, 0 mismatches`, async () => {
      const r = await cosimClean(block, mxQuantizeBlock.params.parse({ elem, lanes: 8 }), 'verilator', { seed: SEED, vectors: 100_000 });
      expect(r.passed).toBeGreaterThan(100_000);
    }, 240_000);
  }

  const variants: Array<Record<string, unknown>> = [
    { elem: 'e4m3', lanes: 1 }, { elem: 'e2m1', lanes: 16, scaleRule: 'rceil' }, { elem: 'int8', block: 24, lanes: 8, scaleRule: 'even' },
    { elem: 'e2m3', lanes: 4, round: 'stochastic', randomBits: 5 }, { elem: 'e3m2', block: 16, lanes: 2, input: 'bf16', scaleRule: 'ceil', round: 'rna' },
    { elem: 'e5m2', lanes: 2, round: 'rtz' },
  ];
  for (const v of variants) {
    it(`${JSON.stringify(v)}: 20000 random beats plus the directed blocks, 0 mismatches`, async () => {
      const r = await cosimClean(block, mxQuantizeBlock.params.parse(v), 'verilator', { seed: SEED, vectors: 20_000 });
      expect(r.passed).toBeGreaterThan(20_000);
    }, 240_000);
  }

  it('groups of 3 beats (k = 12, L = 4) over more than one 2^16-row chunk: chunks end on block boundaries, 0 mismatches', async () => {
    const p = mxQuantizeBlock.params.parse({ elem: 'e4m3', block: 12, lanes: 4 });
    const src = vectorSource(setupCosim(block, p), { seed: SEED, vectors: 100_000 });
    expect(src.total % 3).toBe(0);
    for (const c of src.chunks(1000)) expect(c.n % 3, `chunk at ${c.first}`).toBe(0);
    const r = await cosimClean(block, p, 'verilator', { seed: SEED, vectors: 100_000 });
    expect(r.passed).toBe(src.total);
  }, 240_000);

  it('Icarus agrees: e2m1 L = 8 and int8 k = 24 L = 8', async () => {
    for (const v of [{ elem: 'e2m1', lanes: 8 }, { elem: 'int8', block: 24, lanes: 8, scaleRule: 'even' }]) {
      const r = await cosimClean(block, mxQuantizeBlock.params.parse(v), 'icarus', { seed: SEED, vectors: 3000, label: JSON.stringify(v) });
      expect(r.passed).toBeGreaterThan(3000);
    }
  }, 600_000);

  it('without bubbles or back-pressure it takes one beat per cycle, in and out', async () => {
    for (const lanes of [8, 1]) {
      const s = setupCosim(block, mxQuantizeBlock.params.parse({ elem: 'e4m3', lanes }));
      const src = vectorSource(s, { seed: SEED, vectors: 4000 });
      const steady: VectorSource = { ...src, *chunks(size) { for (const c of src.chunks(size)) yield { ...c, gaps: c.gaps.fill(0), stalls: c.stalls.fill(0) }; } };
      const r = await runInProcess(s, steady);
      expect(r.failed).toBe(0);
      expect(r.passed).toBe(src.total);
      // A block is collected in k/L cycles while the previous one is emitted. Beyond one cycle per
      // beat: the last block's emission (k/L), the reset and the pipeline (read, round). Without the
      // second bank it would take about twice as long.
      expect(r.cycles, `L = ${lanes}`).toBeLessThanOrEqual(src.total + 32 / lanes + 8);
    }
  }, 240_000);

  it('refuses a lane count that does not divide the block, and --stages on the lane stream', () => {
    expect(() => mxQuantizeBlock.params.parse({ block: 32, lanes: 5 })).toThrow(/5 does not divide the block size 32/);
    expect(() => mxQuantizeBlock.params.parse({ lanes: 8, stages: 3 })).toThrow(/fixed pipeline/);
    expect(mxQuantizeBlock.params.parse({ lanes: 32, stages: 3 }).stages).toBe(3); // L = k is the parallel quantizer
  });
});
