// The long fuzz run: 10^4 random designs on the TypeScript simulator, Verilator and Icarus, and
// before/after each pass. Every disagreement is printed reduced, so a failure here is a bug report.

import { describe, expect, it } from 'vitest';
import { fuzz } from '../../src/fuzz/fuzz.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 2);

describe('bitforge fuzz, long', () => {
  it('10^4 designs: no disagreement', async () => {
    console.log(`fuzz long: 10000 designs, seed ${SEED}`);
    const r = await fuzz({ designs: 10_000, cycles: 40, seed: SEED });
    for (const d of r.disagreements) {
      console.log(`design ${d.index}: ${JSON.stringify(d.first)}; reduced to ${d.reduced?.cells} cells: ${JSON.stringify(d.reduced?.values)}`);
      for (const f of d.reduced?.files ?? []) if (f.path.endsWith('.v')) console.log(f.content);
    }
    expect(r.disagreements.map((d) => d.index)).toEqual([]);
  }, 40 * 60_000); // 40 Verilator and 40 Icarus batch compiles: about 12 minutes on 2 cores
});
