// Issue 31's bars at full size, with the default parameters and the target's fabric: mx.dot at k = 32
// against the best published figures (×0.8), and the unit before (`--arith legacy`) in the same run.
// bench/results/qor.md has every row with its logic levels.

import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { mxDotBlock } from '../../src/blocks/mx/dot/block.js';
import { synthesize } from '../../src/synth/run.js';
import type { Target } from '../../src/synth/targets.js';

const dot = mxDotBlock as unknown as BlockDef;
// [elem, target, best figure] (issue 31: the peer's or the best plain multipliers plus a sum).
const BARS: ReadonlyArray<readonly [string, Target, number]> = [['e2m1', 'xc7-nodsp', 1874], ['e2m1', 'ice40', 1933], ['e4m3', 'xc7-nodsp', 8176]];

describe('mx.dot at k = 32 against the issue\'s bars', () => {
  for (const [elem, target, best] of BARS) {
    it(`${elem} on ${target}: LUT ≤ 0.8 × ${best}, and below --arith legacy`, async () => {
      const o = { target, cache: false, timeoutMs: 900_000 };
      const [now, old] = await Promise.all([synthesize(dot, mxDotBlock.params.parse({ elem }), o), synthesize(dot, mxDotBlock.params.parse({ elem, arith: 'legacy' }), o)]);
      console.log(`mx.dot ${elem} on ${target}: ${now.totals.lut} LUT (legacy ${old.totals.lut}), best ${best}`);
      expect(now.totals.lut).toBeLessThanOrEqual(0.8 * best);
      expect(now.totals.lut).toBeLessThan(old.totals.lut);
    }, 1_200_000);
  }
});
