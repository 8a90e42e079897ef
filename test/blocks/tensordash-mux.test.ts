// tensordash.mux: routes by hand on a marked buffer, then the RTL against the golden model: every
// select of every lane on marked buffers, exhaustive on a tiny instance, 2·10^4 random buffers on
// the default and odd shapes (10^5 in tensordash-mux.long.test.ts), in Verilator and Icarus.

import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { muxGolden } from '../../src/blocks/tensordash/mux/golden.js';
import { tensordashMuxBlock } from '../../src/blocks/tensordash/mux/block.js';
import type { Vector } from '../../src/cosim/model.js';
import { cosimClean } from '../helpers/cosim.js';
import { muxRuns } from '../helpers/runs/tensordash.js';

const block = tensordashMuxBlock as unknown as BlockDef;
const SEED = Number(process.env.BITFORGE_SEED ?? 79);
console.log(`tensordash.mux: seed ${SEED}`);
const params = (o: Record<string, unknown>) => tensordashMuxBlock.params.parse(o);

describe('tensordash.mux', () => {
  it('routes by hand: 16 lanes, the default set; lane 15 with (1, +3) wraps to lane 2', () => {
    const p = params({});
    const v: Vector = {};
    for (let r = 0; r < 3; r++) for (let l = 0; l < 16; l++) { v[`a${r}_${l}`] = BigInt(16 * r + l); v[`b${r}_${l}`] = BigInt(100 + 16 * r + l); }
    for (let l = 0; l < 16; l++) v[`sel${l}`] = 0n;
    v.sel15 = 7n; // (1, +3)
    v.sel0 = 3n; // (1, −1): lane 15 of row 1
    v.sel4 = 6n; // (2, +2)
    const out = muxGolden(p)(v);
    expect([out.ma15, out.mb15]).toEqual([16n + 2n, 100n + 16n + 2n]);
    expect([out.ma0, out.mb0]).toEqual([16n + 15n, 100n + 16n + 15n]);
    expect(out.ma4).toBe(32n + 6n);
    expect(out.ma7).toBe(7n); // (0, 0)
    // Three candidates take a 2-bit select; select 3 is beyond the set: a zero pair.
    const q = params({ lanes: 4, lookahead: 1, candidates: '0:0,1:0,1:1' });
    const w: Vector = { sel0: 3n, sel1: 2n, sel2: 0n, sel3: 0n };
    for (let r = 0; r < 2; r++) for (let l = 0; l < 4; l++) { w[`a${r}_${l}`] = BigInt(10 * r + l + 1); w[`b${r}_${l}`] = 9n; }
    const o = muxGolden(q)(w);
    expect([o.ma0, o.mb0]).toEqual([0n, 0n]);
    expect(o.ma1).toBe(10n + 2n + 1n); // (1, +1) from lane 1: row 1, lane 2
  });

  muxRuns('fast', SEED); // 10^5 random buffers per shape: tensordash-mux.long.test.ts

  it('exhaustive on a tiny instance (2 lanes, H = 1, 1-bit operands) in Verilator and Icarus', async () => {
    for (const sim of ['verilator', 'icarus'] as const) {
      const r = await cosimClean(block, params({ lanes: 2, lookahead: 1, aBits: 1, bBits: 1 }), sim, { seed: SEED });
      expect(r.source).toMatch(/^exhaustive/);
    }
  }, 240_000);

  it('Icarus agrees on the default instance', async () => {
    await cosimClean(block, params({}), 'icarus', { seed: SEED, vectors: 5000 });
  }, 240_000);
});
