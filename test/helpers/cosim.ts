// One cosimulation run that must end with 0 mismatches; the decoded report of the first mismatch is
// the failure message. Returns the result for further checks (vectors passed, source).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { simulate, type SimResult, type Simulator } from '../../src/cosim/run.js';

export async function cosimClean(block: unknown, params: unknown, simulator: Simulator, o: { seed: number; vectors?: number; label?: string }): Promise<SimResult> {
  const outDir = mkdtempSync(join(tmpdir(), 'bitforge-cosim-'));
  const r = await simulate(block as BlockDef, params as Record<string, unknown>, simulator, { seed: o.seed, outDir, ...(o.vectors !== undefined ? { vectors: o.vectors } : {}) });
  expect(r.failed, `${o.label ? `${o.label}: ` : ''}${r.report.join('\n')}`).toBe(0);
  return r;
}
