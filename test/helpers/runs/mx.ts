// The MX units' Verilator runs per configuration, at the tier's vector count (tiers.ts): the fast
// tier's files and the long tier's call the same suites.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { BlockDef } from '../../../src/blocks/block.js';
import { mxDotGeneralBlock } from '../../../src/blocks/mx/dot-general/block.js';
import { mxDotBlock } from '../../../src/blocks/mx/dot/block.js';
import { mxNvfp4DotBlock } from '../../../src/blocks/mx/nvfp4-dot/block.js';
import { mxNvfp4QuantizeBlock } from '../../../src/blocks/mx/nvfp4-quantize/block.js';
import { mxQuantizeBlock } from '../../../src/blocks/mx/quantize/block.js';
import { simulate } from '../../../src/cosim/run.js';
import { countLabel, VECTORS, type Tier } from '../tiers.js';

export const OCP = ['e5m2', 'e4m3', 'e3m2', 'e2m3', 'e2m1', 'int8'] as const;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-mx-runs-'));

async function clean(block: unknown, params: Record<string, unknown>, seed: number, vectors: number) {
  const r = await simulate(block as BlockDef, params, 'verilator', { seed, vectors, outDir: tmp() });
  expect(r.failed, r.report.join('\n')).toBe(0);
  expect(r.passed).toBeGreaterThan(vectors);
}

export function mxDotRuns(tier: Tier, seed: number): void {
  const n = VECTORS[tier], label = countLabel(n);
  for (const elem of OCP) {
    it(`${elem}, k = 32: ${label} random block pairs plus directed ones in Verilator, 0 mismatches`, () => clean(mxDotBlock, mxDotBlock.params.parse({ elem }), seed, n), 240_000);
  }
  for (const v of [{ elem: 'e4m3', elemB: 'e5m2' }, { elem: 'int8', elemB: 'e2m1' }, { elem: 'e2m3', elemB: 'e3m2' }, { elem: 'e2m1', output: 'bf16' },
    { elem: 'e5m2', output: 'bf16', stages: 0, treeStages: 0 }, { elem: 'e4m3', block: 16, stages: 3 }, { elem: 'int8', intMultiplier: 'operator' }, { elem: 'int8', elemB: 'e4m3', stages: 2 },
    // Each fabric's bit heap (how the carry-ins enter) and the earlier sum: small blocks in the fast tier.
    // The products' ones' complements are taken after the shift and their NaN/Inf words left as they are.
    ...[{ elem: 'e4m3', fabric: 'lut6' }, { elem: 'e2m1', fabric: 'lut4' }, { elem: 'e5m2', elemB: 'e4m3', fabric: 'lut4' }, { elem: 'e5m2', elemB: 'e3m2', fabric: 'lut6', stages: 0 }, { elem: 'int8', elemB: 'e2m3', fabric: 'lut4', stages: 2 }, { elem: 'e4m3', arith: 'legacy' }]
      .map((v) => ({ ...v, block: tier === 'fast' ? 8 : 32 }))]) {
    it(`${JSON.stringify(v)}: ${label} random pairs plus directed ones, 0 mismatches`, () => clean(mxDotBlock, mxDotBlock.params.parse(v), seed, n), 240_000);
  }
}

export function mxQuantizeRuns(tier: Tier, seed: number): void {
  const n = VECTORS[tier], label = countLabel(n);
  for (const elem of OCP) {
    it(`${elem}, k = 32: ${label} random blocks plus directed ones in Verilator, 0 mismatches`, () => clean(mxQuantizeBlock, mxQuantizeBlock.params.parse({ elem }), seed, n), 240_000);
  }
}

/** Both accumulation modes over the OCP formats (e4m3 ran 10^5 pairs before the tiers split, the others 3·10^4). */
export function mxDotGeneralRuns(tier: Tier, seed: number): void {
  const cases = [['e4m3', 'exact'], ['e4m3', 'fp32'], ['e5m2', 'exact'], ['e5m2', 'fp32'], ['e3m2', 'exact'], ['e2m3', 'fp32'], ['e2m1', 'exact'], ['int8', 'fp32'], ['int8', 'exact']] as const;
  for (const [elem, acc] of cases) {
    const vectors = tier === 'fast' ? VECTORS.fast : elem === 'e4m3' ? 100_000 : 30_000;
    it(`${elem}, ${acc}, k = 32: ${vectors} block pairs plus directed sequences, with bubbles and back-pressure, 0 mismatches`,
      () => clean(mxDotGeneralBlock, mxDotGeneralBlock.params.parse({ elem, acc }), seed, vectors), 300_000);
  }
  // Its own stages (what --fmax chooses among): every count for both accumulations, small blocks in the
  // fast tier, k = 32 in the long one.
  const staged = [['e4m3', 'exact', 1], ['e2m1', 'exact', 2], ['int8', 'exact', 3], ['e5m2', 'fp32', 1], ['e4m3', 'fp32', 3]] as const;
  for (const [elem, acc, stages] of staged) {
    const block = tier === 'fast' ? 4 : 32;
    it(`${elem}, ${acc}, k = ${block}, stages ${stages}: ${countLabel(VECTORS[tier])} block pairs plus directed sequences, with bubbles and back-pressure, 0 mismatches`,
      () => clean(mxDotGeneralBlock, mxDotGeneralBlock.params.parse({ elem, acc, stages, block, ...(acc === 'fp32' && stages === 3 ? { output: 'bf16' } : {}) }), seed, VECTORS[tier]), 300_000);
  }
}

export function nvfp4QuantizeRuns(tier: Tier, seed: number): void {
  const n = VECTORS[tier], label = countLabel(n);
  for (const v of [{}, { scaleClamp: 'torchao' }, { stages: 0 }, { stages: 3 }, { block: 8, stages: 1 }]) {
    it(`${JSON.stringify(v)}: ${label} random blocks plus directed ones in Verilator, 0 mismatches`,
      () => clean(mxNvfp4QuantizeBlock, mxNvfp4QuantizeBlock.params.parse(v), seed, n), 240_000);
  }
}

export function nvfp4DotRuns(tier: Tier, seed: number): void {
  const n = VECTORS[tier], label = countLabel(n);
  for (const v of [{}, { stages: 0, treeStages: 0, mulStages: 0 }, { stages: 3, block: 8 }]) {
    it(`${JSON.stringify(v)}: ${label} random pairs plus directed ones in Verilator, 0 mismatches`,
      () => clean(mxNvfp4DotBlock, mxNvfp4DotBlock.params.parse(v), seed, n), 240_000);
  }
}

/** Scale rules, rounding modes, inputs, element formats and stages beyond the OCP defaults. */
export function mxQuantizeVariantRuns(tier: Tier, seed: number): void {
  const n = VECTORS[tier], label = countLabel(n);
  const variants: Array<Record<string, unknown>> = [
    { elem: 'e4m3', scaleRule: 'ceil' }, { elem: 'e2m1', scaleRule: 'rceil' }, { elem: 'int8', scaleRule: 'rceil' },
    { elem: 'e5m2', scaleRule: 'even' }, { elem: 'int8', scaleRule: 'even' },
    { elem: 'e3m2', round: 'rna' }, { elem: 'e5m2', round: 'rtz' },
    { elem: 'e2m1', round: 'stochastic' }, { elem: 'e4m3', round: 'stochastic', randomBits: 3 },
    { elem: 'e4m3', input: 'bf16' }, { elem: 'e2m3', input: 'bf16', scaleRule: 'even' },
    { elem: 'e3m4', block: 16 }, { elem: 'e4m3fnuz' }, { elem: 'e2m3', stages: 0 }, { elem: 'e5m2', stages: 3, scaleRule: 'ceil' },
  ];
  for (const v of variants) {
    it(`${JSON.stringify(v)}: ${label} random blocks plus directed ones, 0 mismatches`, () => clean(mxQuantizeBlock, mxQuantizeBlock.params.parse(v), seed, n), 240_000);
  }
}
