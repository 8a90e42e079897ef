// The Mokey bench's throughput table on the real transformer pairs (../shared/data/weights): each
// row finite and within what L lanes plus the outlier lane can do, and no slower with more post-MACs.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs bench module without types
import { runMokeyCycles } from '../../bench/mokey.mjs';
import { bankCycles } from '../../src/blocks/mokey/pe/params.js';

interface Row { lanes: number; postMacs: number; bankCycles: number; pairsPerCycle: number; laneUse: number; outlierPairs: number }

describe('mokey bench cycles', () => {
  it('bank cycles of the synthesized PE (no stages); pairs per cycle in (0, L + 1], lanes busy in (0, 1], rising with post-MACs', async () => {
    const rows = (await runMokeyCycles()) as Row[];
    expect(rows.map((r) => r.postMacs)).toEqual([1, 4, 24]);
    for (const r of rows) {
      expect(r.bankCycles).toBe(bankCycles({ postMacs: r.postMacs, stages: 0 }));
      expect(r.pairsPerCycle).toBeGreaterThan(0);
      // A beat takes L code pairs and, beside them, one outlier pair.
      expect(r.pairsPerCycle).toBeLessThanOrEqual(r.lanes + 1);
      expect(r.laneUse).toBeGreaterThan(0);
      expect(r.laneUse).toBeLessThanOrEqual(1);
    }
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.pairsPerCycle).toBeGreaterThanOrEqual(rows[i - 1]!.pairsPerCycle);
  });
});
