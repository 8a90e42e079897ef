// loom.precision: the golden model on hand-worked groups and on what a precision means (every value,
// shifted right by lsb, fits P bits, and P − 1 would not do); then the RTL in Verilator and Icarus,
// exhaustive on shapes of up to 2^16 inputs and 10^5 random groups on the others, 0 mismatches
// (spaces up to 2^20 exhaustive in loom-precision.long.test.ts).

import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { loomPrecisionBlock } from '../../src/blocks/loom/precision/block.js';
import { groupPrecision } from '../../src/blocks/loom/precision/golden.js';
import { loomPrecisionStimulus } from '../../src/blocks/loom/precision/stimulus.js';
import { seededRng } from '../../src/cosim/model.js';
import { cosimClean } from '../helpers/cosim.js';
import { PRECISION_LARGE_SPACES as LARGE_SPACES } from '../helpers/loom.js';

const block = loomPrecisionBlock as unknown as BlockDef;
const SEED = Number(process.env.BITFORGE_SEED ?? 67);
console.log(`loom.precision: seed ${SEED}`);
const params = (o: Record<string, unknown>) => loomPrecisionBlock.params.parse(o);

/** Does v (W-bit port value) shifted right by lsb fit `bits` bits? */
function fits(v: bigint, W: number, signed: boolean, lsb: number, bits: number): boolean {
  const x = (signed ? BigInt.asIntN(W, v) : BigInt.asUintN(W, v)) >> BigInt(lsb);
  if (bits === 0) return x === 0n;
  return signed ? x >= -(1n << BigInt(bits - 1)) && x < 1n << BigInt(bits - 1) : x < 1n << BigInt(bits);
}

describe('loom.precision', () => {
  it('hand-worked groups', () => {
    const u8 = params({ width: 8, group: 2 }), s8 = params({ width: 8, group: 2, signed: true });
    expect(groupPrecision([0n, 0n], u8)).toEqual({ p: 0, lsb: 0 });
    expect(groupPrecision([5n, 2n], u8).p).toBe(3); // 0b101 | 0b010
    expect(groupPrecision([0xffn, 0n], s8).p).toBe(1); // −1
    expect(groupPrecision([0xf8n, 3n], s8).p).toBe(4); // −8 needs 4 bits
    expect(groupPrecision([127n, 0n], s8).p).toBe(8);
    expect(groupPrecision([12n, 4n], { ...u8, trailing: true })).toEqual({ p: 2, lsb: 2 }); // 3 and 1 after >> 2
    expect(groupPrecision([0xfcn, 0n], { ...s8, trailing: true })).toEqual({ p: 1, lsb: 2 }); // −4 >> 2 = −1
  });

  it('P is the least precision that holds every value of the group (after >> lsb in trailing mode)', () => {
    const rng = seededRng(SEED);
    for (const o of [{}, { signed: true }, { trailing: true }, { signed: true, trailing: true }]) {
      const p = params({ ...o, group: 8, width: 12 });
      const stim = loomPrecisionStimulus(p);
      for (let n = 0; n < 20_000; n++) {
        const v = n < stim.directed.length ? stim.directed[n]! : stim.random(rng);
        const xs = Array.from({ length: 8 }, (_, i) => v[`x${i}`]!);
        const r = groupPrecision(xs, p);
        expect(xs.every((x) => fits(x, 12, p.signed, r.lsb, r.p)), JSON.stringify(o)).toBe(true);
        const least = p.signed ? 1 : 0;
        if (r.p > least) expect(xs.every((x) => fits(x, 12, p.signed, r.lsb, r.p - 1)), JSON.stringify(o)).toBe(false);
        if (p.trailing && xs.some((x) => x !== 0n)) expect(xs.every((x) => (x >> BigInt(r.lsb)) << BigInt(r.lsb) === x)).toBe(true);
      }
    }
  });

  // Input spaces up to 2^16 run exhaustive here; the larger ones (up to 2^20) run exhaustive in
  // loom-precision.long.test.ts and 10^5 random groups here.
  const exhaustive: Array<Record<string, unknown>> = [{ group: 16, width: 1, signed: true }];
  for (const c of exhaustive) {
    it(`${JSON.stringify(c)}: exhaustive in Verilator, 0 mismatches`, async () => {
      const r = await cosimClean(block, params(c), 'verilator', { seed: SEED });
      expect(r.source).toMatch(/^exhaustive/);
    }, 240_000);
  }

  for (const c of LARGE_SPACES) {
    it(`${JSON.stringify(c)}: 10^5 random groups plus directed ones in Verilator, 0 mismatches`, async () => {
      const r = await cosimClean(block, params(c), 'verilator', { seed: SEED, vectors: 100_000 });
      expect(r.passed).toBeGreaterThan(100_000);
    }, 240_000);
  }

  for (const c of [{}, { signed: true }, { trailing: true }, { signed: true, trailing: true }, { group: 16, width: 8, signed: true }]) {
    it(`${JSON.stringify(c)}: 10^5 random groups plus directed ones in Verilator, 0 mismatches`, async () => {
      const r = await cosimClean(block, params(c), 'verilator', { seed: SEED, vectors: 100_000 });
      expect(r.passed).toBeGreaterThan(100_000);
    }, 240_000);
  }

  it('Icarus agrees: exhaustive signed trailing G = 2, W = 8 and random default groups', async () => {
    for (const [c, vectors] of [[{ group: 2, width: 8, signed: true, trailing: true }, undefined], [{ signed: true, trailing: true }, 5000]] as const) {
      await cosimClean(block, params(c), 'icarus', { seed: SEED, ...(vectors ? { vectors } : {}), label: JSON.stringify(c) });
    }
  }, 600_000);
});
