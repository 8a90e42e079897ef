// loom.tile: the step's Pa is the runtime Pa lowered to the largest detected column precision, and
// the lock-step timing follows it; Verilator and Icarus agree with the golden cycle model on every
// output every cycle, 0 mismatches, for every B, signed and unsigned, conv and fc, 2·10^4 cycles per
// shape (10^5 in Verilator and 2·10^4 in Icarus in loom-tile.long.test.ts).

import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { loomTileBlock } from '../../src/blocks/loom/tile/block.js';
import { loomTileModel, tilePrecision } from '../../src/blocks/loom/tile/golden.js';
import { loomTileStimulus } from '../../src/blocks/loom/tile/stimulus.js';
import { seededRng, type Vector } from '../../src/cosim/model.js';
import { cosimClean } from '../helpers/cosim.js';
import { TILE_CONFIGS, TILE_STAGED_SMALL } from '../helpers/loom.js';
import { cycleRuns } from '../helpers/runs/cycles.js';

const block = loomTileBlock as unknown as BlockDef;
const SEED = Number(process.env.BITFORGE_SEED ?? 71);
console.log(`loom.tile: seed ${SEED}`);
const params = (o: Record<string, unknown>) => loomTileBlock.params.parse(o);

describe('loom.tile golden model', () => {
  it('runs at the largest column precision, never above the runtime Pa, never below 1', () => {
    const p = params({ rows: 1, cols: 2, lanes: 2, maxPrecision: 8, signed: true });
    expect(tilePrecision(p, [[0n, 0n], [0n, 0n]], 8)).toBe(1); // nothing to read
    expect(tilePrecision(p, [[3n, 0n], [0xfen, 1n]], 8)).toBe(3); // 3 needs 3 signed bits, −2 needs 2
    expect(tilePrecision(p, [[0x80n, 0n], [1n, 1n]], 8)).toBe(8); // −128
    expect(tilePrecision(p, [[0x80n, 0n], [1n, 1n]], 5)).toBe(5); // the runtime Pa caps it
  });

  it('a step of all-zero activations takes ⌈1/B⌉·Pw cycles: in_ready again after Pw cycles', () => {
    const p = params({ rows: 1, cols: 1, lanes: 1, maxPrecision: 8, bits: 2 });
    const m = loomTileModel(p);
    const idle: Vector = { rst: 0n, in_valid: 0n, out_ready: 1n, pa: 8n, pw: 3n, w0_0: 5n, a0_0: 0n };
    const trace = [{ ...idle, rst: 1n }, { ...idle, in_valid: 1n }, idle, idle, idle, idle].map((v) => m.step(v));
    expect(trace.slice(1).map((o) => [o!.in_ready, o!.out_valid])).toEqual([[1n, 0n], [0n, 0n], [0n, 0n], [1n, 0n], [1n, 1n]]);
  });

  it('the stimulus makes the detected Pa vary over the whole range', () => {
    const p = params({ bits: 2, signed: true });
    const s = loomTileStimulus(p), rng = seededRng(SEED);
    const seen = new Set<number>();
    for (let c = 0; c < 50_000; c++) {
      const v = c < s.directed.length ? s.directed[c]! : s.random(rng);
      if (v.in_valid !== 1n) continue;
      const cols = Array.from({ length: p.cols }, (_, k) => Array.from({ length: p.lanes }, (_, l) => v[`a${k}_${l}`]!));
      seen.add(tilePrecision(p, cols, Number(v.pa)));
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });
});

describe('loom.tile RTL', () => {
  cycleRuns('fast', SEED, loomTileBlock, TILE_CONFIGS, ', every output every cycle, 0 mismatches', 300_000);
  cycleRuns('fast', SEED, loomTileBlock, TILE_STAGED_SMALL, ', pipelined: every output every cycle, 0 mismatches', 300_000);

  it('Icarus agrees: 3 × 2, B = 2, signed (5000 cycles)', async () => {
    const r = await cosimClean(block, params({ rows: 3, cols: 2, bits: 2, signed: true }), 'icarus', { seed: SEED, vectors: 5000 });
    expect(r.passed).toBeGreaterThan(5000);
  }, 600_000);
});
