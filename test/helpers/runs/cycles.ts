// Verilator runs of a cycle-model block per configuration, every output compared every cycle, at the
// tier's count (tiers.ts): the fast tier's file and the long tier's call the same suite.

import { expect, it } from 'vitest';
import { cosimClean } from '../cosim.js';
import { countLabel, VECTORS, type Tier } from '../tiers.js';

interface ParsedBlock { readonly params: { parse(o: unknown): Record<string, unknown> } }

/** `what`: the title's tail after "<config>: <count> cycles in Verilator". */
export function cycleRuns(tier: Tier, seed: number, block: ParsedBlock, configs: ReadonlyArray<Record<string, unknown>>, what: string, timeoutMs: number): void {
  const n = VECTORS[tier];
  for (const c of configs) {
    it(`${JSON.stringify(c)}: ${countLabel(n)} cycles in Verilator${what}`, async () => {
      const r = await cosimClean(block, block.params.parse(c), 'verilator', { seed, vectors: n });
      expect(r.passed).toBeGreaterThan(n);
    }, timeoutMs);
  }
}
