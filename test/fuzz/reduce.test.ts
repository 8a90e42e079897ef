// The reducer judges candidates in chunks (one simulator batch each): the result must be the
// one-at-a-time greedy reduction's, with fewer calls. The failure here is a property of the design
// (it still holds a subtraction), so no simulator runs.

import { describe, expect, it } from 'vitest';
import { elaborateSpec } from '../../src/fuzz/build.js';
import { randomDesign } from '../../src/fuzz/generate.js';
import { reduceSpec } from '../../src/fuzz/reduce.js';
import type { DesignSpec } from '../../src/fuzz/spec.js';
import { seededRng } from '../../src/util/rng.js';

const hasSub = (s: DesignSpec) => {
  try { return elaborateSpec(s).modules.some((m) => m.nodes.some((n) => n.op === 'sub')); } catch { return false; }
};

describe('reduceSpec', () => {
  it('in chunks of up to 32 it reaches the same design as one candidate at a time, in fewer calls', async () => {
    let compared = 0;
    for (let i = 0; compared < 3 && i < 200; i++) {
      const spec = randomDesign(seededRng(1000 + i), `rd${i}`);
      if (!hasSub(spec)) continue;
      compared++;
      let calls1 = 0, callsN = 0;
      const one = await reduceSpec(spec, async (ss) => { calls1++; return ss.map(hasSub); }, 3000, 1);
      const many = await reduceSpec(spec, async (ss) => { callsN++; return ss.map(hasSub); }, 3000, 32);
      expect(many.spec).toEqual(one.spec);
      expect(many.accepted).toBe(one.accepted);
      expect(hasSub(many.spec)).toBe(true);
      expect(callsN).toBeLessThan(calls1);
    }
    expect(compared).toBe(3);
  });
});
