// mokey.pe in Verilator per shape, at the tier's beat count (tiers.ts): the fast tier's file and the
// long tier's call the same suite.

import { expect, it } from 'vitest';
import { mokeyPeBlock } from '../../../src/blocks/mokey/pe/block.js';
import { params, type PeParams } from '../../../src/blocks/mokey/pe/params.js';
import { cosimClean } from '../cosim.js';
import { countLabel, VECTORS, type Tier } from '../tiers.js';

export const PE_SHAPES: Array<Partial<PeParams>> = [
  {}, // L = 16, C = 16, F = 16, outlier lane
  { lanes: 4, countBits: 6 },
  { lanes: 1, countBits: 3, fracBits: 4 },
  { lanes: 3, countBits: 8, fracBits: 20, outlierLane: false },
  { lanes: 24, countBits: 10 },
  { lanes: 8, countBits: 32, fracBits: 24 },
  { postMacs: 4 },
  { lanes: 2, countBits: 5, postMacs: 5 },
  { lanes: 5, postMacs: 24 },
  // The stages (what --fmax chooses among).
  { lanes: 4, countBits: 6, stages: 1 },
  { postMacs: 4, stages: 2 },
  { lanes: 3, countBits: 8, fracBits: 20, outlierLane: false, postMacs: 2, stages: 2 },
  { lanes: 6, stages: 3 },
  { lanes: 2, countBits: 5, fracBits: 5, postMacs: 5, stages: 3 },
  // Stage 4: term multiplies in four parts, the outlier product in four a stage apart.
  { lanes: 8, stages: 4 },
  { lanes: 2, countBits: 5, fracBits: 5, postMacs: 24, stages: 4 },
];

export function mokeyPeRuns(tier: Tier, seed: number): void {
  const n = VECTORS[tier];
  for (const o of PE_SHAPES) {
    it(`${JSON.stringify(o)}: ${countLabel(n)} random beats + the directed packets in Verilator, 0 mismatches`, async () => {
      const r = await cosimClean(mokeyPeBlock, params.parse(o), 'verilator', { seed, vectors: n, label: JSON.stringify(o) });
      expect(r.passed).toBeGreaterThan(Math.floor((n * 800) / 30_000)); // outputs compared: dot products, about one per 30 beats
    }, 300_000);
  }
}
