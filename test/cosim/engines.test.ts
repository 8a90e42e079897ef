// The four engines — Verilator in-process (the default), the TypeScript simulator in-process,
// Icarus on the generated testbench, and that same testbench under Verilator --binary — on every handshake: combinational, pipeline,
// stream (bubbles and back-pressure) and per-cycle models. Same vectors, same verdicts.

import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { adderTreeBlock } from '../../src/blocks/examples/adder-tree/block.js';
import { counterBlock } from '../../src/blocks/examples/counter/block.js';
import { fifoBlock } from '../../src/blocks/examples/fifo/block.js';
import { intMacBlock } from '../../src/blocks/int/mac/block.js';
import { simulate, type Simulator } from '../../src/cosim/run.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-cosim-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 5);
console.log(`cosim engines: seed ${SEED}`);
const B = (b: unknown) => b as BlockDef;

// The testbench under Verilator --binary is a slow build: it runs where the testbench is most involved.
async function all(block: BlockDef, params: Record<string, unknown>, vectors?: number, sims: Simulator[] = ['verilator', 'ts', 'icarus']) {
  const rs = [];
  for (const sim of sims) rs.push(await simulate(block, params, sim, { seed: SEED, outDir: tmp(), ...(vectors ? { vectors } : {}) }));
  return rs;
}

describe('every engine gives the same verdict on the same vectors', () => {
  it('pipeline: adder tree n=2 width=8, every input pair (2^16) with random bubbles', async () => {
    const rs = await all(B(adderTreeBlock), { n: 2, width: 8, every: 1 }, undefined, ['verilator', 'ts', 'icarus']);
    for (const r of rs) expect([r.passed, r.failed, r.source]).toEqual([65536 + 6, 0, 'exhaustive (2^16) + 6 directed']);
  });

  it('pipeline with an uneven register split: adder tree n=5, every=2', async () => {
    for (const r of await all(B(adderTreeBlock), { n: 5, width: 12, every: 2 }, 3000)) expect([r.passed, r.failed]).toEqual([3006, 0]);
  });

  it('combinational: adder tree with every=0 (no clock, no valid)', async () => {
    for (const r of await all(B(adderTreeBlock), { n: 3, width: 5, every: 0 })) expect([r.passed, r.failed]).toEqual([2 ** 15 + 6, 0]);
  });

  it('cycle model: counter over 5000 random cycles with resets', async () => {
    // The first cycle precedes the first reset: its output is undefined and not checked.
    for (const r of await all(B(counterBlock), { width: 3 }, 5000, ['verilator', 'ts', 'icarus', 'verilator-tb'])) expect([r.passed, r.failed]).toEqual([5003, 0]);
  });

  it('stream: FIFO depths 1, 3 and 4 under random bubbles and back-pressure', async () => {
    for (const depth of [1, 3, 4]) {
      const rs = await all(B(fifoBlock), { depth, width: 10 }, undefined, depth === 3 ? ['verilator', 'ts', 'icarus', 'verilator-tb'] : undefined);
      for (const r of rs) expect([depth, r.passed, r.failed]).toEqual([depth, 1028, 0]);
      // The two in-process engines run the same loop: the same bubbles and stalls take the same cycles.
      expect(rs[1]!.cycles).toBe(rs[0]!.cycles);
    }
  });

  it('stateful pipeline: int.mac (signed 8×8, and unsigned 5×3 that wraps past n)', async () => {
    for (const r of await all(B(intMacBlock), { aBits: 8, bBits: 8, signed: true, n: 1024, stages: 1 }, 5000)) expect(r.failed).toBe(0);
    for (const r of await all(B(intMacBlock), { aBits: 5, bBits: 3, signed: false, n: 4, stages: 0 }, 5000)) expect(r.failed).toBe(0);
  });
});

describe('build cache', () => {
  it('the second run of a design is served from the cache; two processes building at once share it safely', async () => {
    const cache = tmp();
    const before = process.env.BITFORGE_CACHE;
    process.env.BITFORGE_CACHE = cache;
    try {
      const p = { n: 3, width: 7, every: 1 };
      // Two concurrent runs of a design nobody has built: one builds, the other waits for its entry, both pass.
      const [a, b] = await Promise.all([1, 2].map((k) => simulate(B(adderTreeBlock), p, 'verilator', { seed: SEED + k, vectors: 1000, outDir: tmp() })));
      expect([a!.failed, b!.failed, [a!.cached, b!.cached].sort()]).toEqual([0, 0, [false, true]]);
      const entries = readdirSync(join(cache, 'harness'));
      expect(entries).toHaveLength(1); // no temporary build directory left behind
      expect(existsSync(join(cache, 'harness', entries[0]!, 'harness.node'))).toBe(true);
      const c = await simulate(B(adderTreeBlock), p, 'verilator', { seed: SEED + 3, vectors: 1000, outDir: tmp() });
      expect([c.failed, c.cached]).toEqual([0, true]);
      // Another design is another build.
      const d = await simulate(B(adderTreeBlock), { ...p, width: 6 }, 'verilator', { seed: SEED, vectors: 10, outDir: tmp() });
      expect(d.cached).toBe(false);
      expect(readdirSync(join(cache, 'harness'))).toHaveLength(2);
    } finally {
      if (before === undefined) delete process.env.BITFORGE_CACHE;
      else process.env.BITFORGE_CACHE = before;
    }
  });
});
