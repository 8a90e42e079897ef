// The arithmetic structures as synthesis sees them (issue 31): adds stay carry chains instead of the
// full adders Yosys folds a tree into, a heap's carry-ins place and route on the iCE40, and a block's
// `fabric: auto` becomes the target's. The units' LUT bars at k = 32 are in arith.long.test.ts.

import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { adderTreeBlock } from '../../src/blocks/examples/adder-tree/block.js';
import { intMacBlock } from '../../src/blocks/int/mac/block.js';
import { mxDotBlock } from '../../src/blocks/mx/dot/block.js';
import { blockSource, synthesize } from '../../src/synth/run.js';
import { paramsForTarget } from '../../src/synth/targets.js';

const tree = adderTreeBlock as unknown as BlockDef;

describe('bit heaps and carry chains in synthesis', () => {
  it('xc7: a tree of 8 × 16-bit adds is seven carry chains, about one LUT per sum bit', async () => {
    const r = await synthesize(tree, { n: 8, width: 16, every: 0 }, { target: 'xc7-nodsp', cache: false });
    // Sum bits: 4 × 17 + 2 × 18 + 19 = 123; every add its own chain of at least 17 bits (5 CARRY4).
    // Folded into one $macc (what Yosys does with plain adds) there is a single final chain.
    expect(r.totals.carry).toBeGreaterThanOrEqual(7 * 5);
    expect(r.totals.lut).toBeLessThanOrEqual(123);
  }, 120_000);

  it('ice40: the LUT4 heap (carry-ins as 1 + bit) places and routes; int.mac meets its bar', async () => {
    const dot = await synthesize(mxDotBlock as unknown as BlockDef, mxDotBlock.params.parse({ elem: 'e2m1', block: 4 }), { target: 'ice40', cache: false, timeoutMs: 180_000 });
    expect(dot.params.fabric).toBe('lut4');
    expect(dot.pnr && 'fmaxMHz' in dot.pnr ? dot.pnr.fmaxMHz : null).toBeGreaterThan(10);
    const mac = await synthesize(intMacBlock as unknown as BlockDef, intMacBlock.params.parse({}), { target: 'ice40', cache: false });
    // Issue 31: 0.85 × 187, a careful 8 × 8 multiplier's LUTs alone.
    expect(mac.totals.lut).toBeLessThanOrEqual(159);
  }, 300_000);

  it('fabric auto becomes the target\'s in synthesis and stays auto when only emitting', () => {
    const p = intMacBlock.params.parse({});
    expect(p.fabric).toBe('auto');
    expect(paramsForTarget(p, 'ice40').fabric).toBe('lut4');
    expect(paramsForTarget(p, 'ecp5').fabric).toBe('lut4');
    expect(paramsForTarget(p, 'xc7-nodsp').fabric).toBe('lut6');
    expect(paramsForTarget({ ...p, fabric: 'lut6' }, 'ice40').fabric).toBe('lut6'); // a given fabric is kept
    expect(blockSource(intMacBlock as unknown as BlockDef, p).params.fabric).toBe('auto');
    expect(blockSource(intMacBlock as unknown as BlockDef, p, undefined, 'xc7').params.fabric).toBe('lut6');
  });
});
