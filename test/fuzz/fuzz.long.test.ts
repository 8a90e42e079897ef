// The long fuzz run: 10^4 random designs on the TypeScript simulator, Verilator and Icarus, and
// before/after each pass. Every disagreement is printed reduced, so a failure here is a bug report.
// Verilator 5.006 (Debian 12's) miscompiles a few of these designs where Icarus and the TypeScript
// simulator agree on every cycle; those are printed as Verilator's and counted, not failed on. Any
// disagreement with Icarus, or across a pass, fails.

import { describe, expect, it } from 'vitest';
import { fuzz } from '../../src/fuzz/fuzz.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 2);

describe('bitforge fuzz, long', () => {
  it('10^4 designs: no disagreement', async () => {
    console.log(`fuzz long: 10000 designs, seed ${SEED}`);
    const r = await fuzz({ designs: 10_000, cycles: 40, seed: SEED });
    const verilatorOnly = (d: (typeof r.disagreements)[number]) => /^(ts vs verilator|verilator failed)$/.test(d.first.check) && d.agreeing.includes('icarus');
    for (const d of r.disagreements) {
      console.log(`design ${d.index}${verilatorOnly(d) ? ' (Verilator only: Icarus agrees with the TS simulator)' : ''}: ${JSON.stringify(d.first)}; reduced to ${d.reduced?.cells} cells: ${JSON.stringify(d.reduced?.values)}`);
      for (const f of d.reduced?.files ?? []) if (f.path.endsWith('.v')) console.log(f.content);
    }
    console.log(`fuzz long: ${r.disagreements.filter(verilatorOnly).length} Verilator-only disagreements in ${r.designs} designs`);
    expect(r.disagreements.filter((d) => !verilatorOnly(d)).map((d) => [d.index, d.first.check])).toEqual([]);
  }, 40 * 60_000); // 40 Verilator and 40 Icarus batch compiles: about 12 minutes on 2 cores
});
