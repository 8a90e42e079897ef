// loom.tile, the long tier: 10^5 cycles of every shape in Verilator and 2·10^4 cycles of a 3 × 2
// signed tile in Icarus against the golden cycle model. The golden model, 2·10^4 Verilator cycles of
// every shape and a shorter Icarus run are in loom-tile.test.ts.

import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { loomTileBlock } from '../../src/blocks/loom/tile/block.js';
import { cosimClean } from '../helpers/cosim.js';
import { TILE_CONFIGS, TILE_STAGED_FULL } from '../helpers/loom.js';
import { cycleRuns } from '../helpers/runs/cycles.js';

const block = loomTileBlock as unknown as BlockDef;
const SEED = Number(process.env.BITFORGE_SEED ?? 71);
console.log(`loom.tile (long): seed ${SEED}`);
const params = (o: Record<string, unknown>) => loomTileBlock.params.parse(o);

describe('loom.tile RTL', () => {
  cycleRuns('long', SEED, loomTileBlock, TILE_CONFIGS, ', every output every cycle, 0 mismatches', 300_000);
  cycleRuns('long', SEED, loomTileBlock, TILE_STAGED_FULL, ', pipelined: every output every cycle, 0 mismatches', 300_000);

  it('Icarus agrees: 3 × 2, B = 2, signed', async () => {
    const r = await cosimClean(block, params({ rows: 3, cols: 2, bits: 2, signed: true }), 'icarus', { seed: SEED, vectors: 20_000 });
    expect(r.passed).toBeGreaterThan(20_000);
  }, 600_000);
});
