// mx.quantize: for every OCP element format, 2·10^4 random blocks plus the directed corner blocks in
// Verilator (10^5 in mx-quantize.long.test.ts) and a shorter run in Icarus (0 mismatches in both);
// every scale rule, rounding mode and bf16 inputs (2·10^4 blocks each; 10^5 in the long tier); the
// directed set really reaches the corners it claims.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { mxQuantizeBlock } from '../../src/blocks/mx/quantize/block.js';
import { mxQuantizeGolden } from '../../src/blocks/mx/quantize/golden.js';
import { mxQuantizeStimulus } from '../../src/blocks/mx/quantize/stimulus.js';
import { simulate } from '../../src/cosim/run.js';
import { emax, parseFormat } from '../../src/numerics/format.js';
import { refMxQuantize } from '../../src/numerics/reference/mx.js';
import { mxQuantizeRuns, mxQuantizeVariantRuns, OCP } from '../helpers/runs/mx.js';

const block = mxQuantizeBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-mxq-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 47);
console.log(`mx.quantize: seed ${SEED}`);

describe('mx.quantize', () => {
  it('the directed blocks reach every corner: NaN blocks, the lower scale clamp and the largest scale, all-zero blocks, saturation, and agree with the rational reference', () => {
    for (const elem of OCP) {
      const p = mxQuantizeBlock.params.parse({ elem });
      const g = mxQuantizeGolden(p), s = mxQuantizeStimulus(p);
      const seen = new Set<string>();
      for (const v of s.directed) {
        const out = g(v);
        const bits = Uint32Array.from({ length: p.block }, (_, i) => Number(v[`v${i}`]));
        const ref = refMxQuantize(bits, parseFormat(elem), 'floor', 'rne');
        expect(Number(out.scale)).toBe(ref.scale);
        if (ref.scale !== 0xff) expect(Array.from({ length: p.block }, (_, i) => Number(out[`p${i}`]))).toEqual(ref.codes);
        if (out.nan_block === 1n) seen.add('nan');
        if (out.scale === 0n && bits.some((b) => (b & 0x7fffffff) !== 0)) seen.add('clamp-low');
        if (out.scale === 0n && bits.every((b) => (b & 0x7fffffff) === 0)) seen.add('zero');
        if (Number(out.scale) === 254 - emax(parseFormat(elem))) seen.add('largest-scale'); // amax in float32's top binade
        if (bits.some((b) => (b & 0x7f800000) === 0 && (b & 0x7fffff) !== 0)) seen.add('subnormal');
      }
      expect([...seen].sort(), elem).toEqual(['clamp-low', 'largest-scale', 'nan', 'subnormal', 'zero']);
    }
  });

  mxQuantizeRuns('fast', SEED);

  it('Icarus agrees: e2m1, e4m3 and int8 blocks on a shorter run', async () => {
    for (const elem of ['e2m1', 'e4m3', 'int8']) {
      const r = await simulate(block, mxQuantizeBlock.params.parse({ elem }), 'icarus', { seed: SEED, vectors: 3000, outDir: tmp() });
      expect(r.failed, `${elem}: ${r.report.join('\n')}`).toBe(0);
      expect(r.passed).toBeGreaterThan(3000);
    }
  }, 600_000);

  mxQuantizeVariantRuns('fast', SEED); // 10^5 random blocks per variant: mx-quantize.long.test.ts

  it('rejects a format that is not an MX element with a one-line reason', () => {
    expect(() => mxQuantizeBlock.params.parse({ elem: 'ue4m3' })).toThrow(/signed minifloats with subnormals/);
    expect(() => mxQuantizeBlock.params.parse({ elem: 'int4' })).toThrow(/int8/);
  });
});
