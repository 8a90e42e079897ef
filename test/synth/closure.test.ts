// The margin search of timing closure (synth/closure.ts, run by run.ts closeTiming), on made-up
// designs: Fmax as a function of the margin, null where the design no longer fits.

import { describe, expect, it } from 'vitest';
import { CLOSURE_TRIES, MAX_MARGIN, nextMargin, searchMargins } from '../../src/synth/closure.js';

/** The search over a design given as margin → Fmax: every try, the first included. */
async function close(asked: number, first: number, design: (margin: number) => number | null): Promise<Array<[number, number | null]>> {
  const tries = await searchMargins(asked, { margin: first, got: design(first)! }, async (m) => ({ got: design(m), result: m }));
  return [[first, design(first)], ...tries.map((t): [number, number | null] => [t.margin, 'got' in t ? t.got : null])];
}

describe('timing closure: the margin search', () => {
  it('grows the margin by the shortfall, and 2 % more', () => {
    // 241.72 of 250 MHz at the model's 0.2: the budget shrinks to 0.8 · 241.72 / 250 · 0.98.
    expect(nextMargin(250, { fits: { margin: 0.2, got: 241.72 }, tooDeep: Infinity })).toBe(0.242);
  });

  it('bisects back below a margin whose design did not fit, and meets the frequency between', async () => {
    // Fmax grows with the margin; past 0.25 the design no longer fits (the NVFP4 quantizer's case).
    const tries = await close(100, 0.2, (m) => (m > 0.25 ? null : 93.86 + (m - 0.2) * 300));
    expect(tries[1]![0]).toBeGreaterThan(0.25); // the first step overshoots
    expect(tries[1]![1]).toBeNull();
    expect(tries[2]![0]).toBeCloseTo((0.2 + tries[1]![0]) / 2, 3); // bisected
    expect(tries.at(-1)![1]).toBeGreaterThanOrEqual(100);
    expect(tries.at(-1)![0]).toBeLessThanOrEqual(0.25);
  });

  it('stops when the next margin is within a step of the last; never passes the largest', () => {
    expect(nextMargin(100, { fits: { margin: 0.24, got: 99 }, tooDeep: 0.245 })).toBeNull();
    expect(MAX_MARGIN).toBeLessThan(0.755);
    expect(nextMargin(100, { fits: { margin: 0.5, got: 50 }, tooDeep: Infinity })).toBe(MAX_MARGIN); // 0.755 asked
    expect(nextMargin(100, { fits: { margin: MAX_MARGIN, got: 50 }, tooDeep: Infinity })).toBeNull();
  });

  it('never passes the cap that leaves a stage one LUT level, and stops once it is reached', async () => {
    // 154 of 250 MHz would ask for 0.517; a cap at one LUT level would be 1 − (1.29 + 0.65) / 4 = 0.515.
    expect(nextMargin(250, { fits: { margin: 0.2, got: 154 }, tooDeep: Infinity, cap: 0.515 })).toBe(0.515);
    expect(nextMargin(250, { fits: { margin: 0.515, got: 240 }, tooDeep: Infinity, cap: 0.515 })).toBeNull();
    const seen: number[] = [];
    await searchMargins(250, { margin: 0.2, got: 154 }, async (m) => { seen.push(m); return { got: 200, result: m }; }, 0.3);
    expect(seen).toEqual([0.3]);
  });

  it('takes at most CLOSURE_TRIES more tries on a design that never meets, each deeper', async () => {
    const tries = await close(260, 0.2, (m) => 240 + m * 5);
    expect(tries.length).toBe(1 + CLOSURE_TRIES);
    for (let i = 1; i < tries.length; i++) expect(tries[i]![0]).toBeGreaterThan(tries[i - 1]![0]);
  });

  it('treats a try the tools could not finish as too deep, and stops at the first that meets', async () => {
    const seen: number[] = [];
    const tries = await searchMargins(100, { margin: 0.2, got: 93.86 }, async (m) => {
      seen.push(m);
      return m > 0.25 ? { failed: 'nextpnr did not finish' } : { got: 104, result: m };
    });
    expect(seen).toHaveLength(2);
    expect(tries[0]).toMatchObject({ failed: 'nextpnr did not finish' });
    expect(tries[1]).toMatchObject({ got: 104 });
    expect(seen[1]).toBeLessThan(seen[0]!);
  });
});
