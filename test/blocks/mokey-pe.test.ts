// mokey.pe: the golden model against real arithmetic (the dictionary's products in float64) and
// hand-worked saturation cases, then the RTL in cosimulation — every shape of helpers/runs/mokey.ts
// (their stages too) in Verilator (2·10^4 beats each), two in Icarus, the steady-state rate. The 10^5-beat runs, the mutations and the real-tensor
// runs are in mokey-pe.long.test.ts.

import { describe, expect, it } from 'vitest';
import { GOLDEN } from '../../src/blocks/mokey/dictionary.js';
import { mokeyPeBlock } from '../../src/blocks/mokey/pe/block.js';
import { peConstants } from '../../src/blocks/mokey/pe/constants.js';
import { accumulate, peModel } from '../../src/blocks/mokey/pe/golden.js';
import { countLimit, outlierAccBits, bankCycles, params, resultLatency, sumFrac, type PeParams } from '../../src/blocks/mokey/pe/params.js';
import { directedPackets, randomPacket } from '../../src/blocks/mokey/pe/stimulus.js';
import { runInProcess } from '../../src/cosim/in-process.js';
import { seededRng, type Vector } from '../../src/cosim/model.js';
import { setupCosim } from '../../src/cosim/setup.js';
import { vectorSource, type VectorSource } from '../../src/cosim/vectors.js';
import { mokeyPeRuns } from '../helpers/runs/mokey.js';
import { cosimClean, withPackets } from '../helpers/cosim.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 31);
console.log(`mokey pe: seed ${SEED}`);

const P = (o: Partial<PeParams> = {}) => params.parse(o);
const c = GOLDEN.centroids;
const UNIT = { scale: 1n << 15n, scale_shift: 0n }; // result = S
const beat = (p: PeParams, pairs: Array<[number, number]>, o?: [bigint, bigint], last = true, scale = UNIT): Vector => {
  const v: Vector = { in_last: last ? 1n : 0n, in_mask: (1n << BigInt(pairs.length)) - 1n, ...scale, o_valid: o ? 1n : 0n, o_a: o?.[0] ?? 0n, o_w: o?.[1] ?? 0n };
  for (let l = 0; l < p.lanes; l++) { v[`a${l}`] = BigInt(pairs[l]?.[0] ?? 0); v[`w${l}`] = BigInt(pairs[l]?.[1] ?? 0); }
  return v;
};
const value = (code: number) => (code & 8 ? -1 : 1) * c[code & 7]!;

describe('mokey.pe golden model', () => {
  it('the constants are A²·B^e, A·C·B^i and C² to within half an LSB, for F = 4 … 24', () => {
    for (const F of [4, 8, 16, 24]) {
      const k = peConstants(F), u = 2 ** F;
      k.h.forEach((x, e) => expect(Math.abs(Number(x) - GOLDEN.A ** 2 * GOLDEN.B ** e * u)).toBeLessThanOrEqual(0.5));
      k.g.forEach((x, i) => expect(Math.abs(Number(x) - GOLDEN.A * GOLDEN.C * GOLDEN.B ** i * u)).toBeLessThanOrEqual(0.5));
      expect(Math.abs(Number(k.z) - GOLDEN.C ** 2 * u)).toBeLessThanOrEqual(0.5);
    }
  });

  it('on random packets, S is Σ ±c_i·c_j + Σ o_a·o_w / 2^16 in real arithmetic, within the constants\' rounding; scaling rounds to nearest', () => {
    const rng = seededRng(SEED);
    for (const o of [{}, { fracBits: 10 }, { fracBits: 24, lanes: 5 }, { outlierLane: false, lanes: 7 }]) {
      const p = P(o), F = p.fracBits, FS = sumFrac(p);
      for (let t = 0; t < 300; t++) {
        const packet = randomPacket(p, rng);
        let exact = 0, pairs = 0;
        for (const v of packet) {
          for (let l = 0; l < p.lanes; l++) {
            if (!((v.in_mask! >> BigInt(l)) & 1n)) continue;
            exact += value(Number(v[`a${l}`])) * value(Number(v[`w${l}`]));
            pairs++;
          }
          if (p.outlierLane && v.o_valid) exact += Number(BigInt.asIntN(16, v.o_a!) * BigInt.asIntN(16, v.o_w!)) / 2 ** 16;
        }
        const last = packet[packet.length - 1]!;
        const s = Number(peModel(p)([...packet.slice(0, -1), { ...last, ...UNIT }])[0]!.result) / 2 ** FS;
        // Per pair four constants, each off by at most half an LSB: 2 · 2^−F.
        expect(Math.abs(s - exact), JSON.stringify(o)).toBeLessThanOrEqual(pairs * 2 * 2 ** -F + 1e-9 * Math.abs(exact));
        const r = Number(peModel(p)(packet)[0]!.result), scaled = (s * 2 ** FS * Number(last.scale)) / 2 ** (15 + Number(last.scale_shift));
        expect(Math.abs(r - scaled)).toBeLessThanOrEqual(0.5 + 1e-6 * Math.abs(scaled));
      }
    }
  });

  it('hand-worked: one pair (0, 0) is c_0², (7, 15) is −c_7²; lanes off count nothing; the bank restarts per packet', () => {
    const p = P(), S = (packet: Vector[]) => Number(peModel(p)(packet)[0]!.result) / 2 ** 16;
    expect(S([beat(p, [[0, 0]])])).toBeCloseTo(c[0]! ** 2, 4);
    expect(S([beat(p, [[7, 15]])])).toBeCloseTo(-(c[7]! ** 2), 4);
    expect(S([{ ...beat(p, [[7, 7], [7, 7]]), in_mask: 2n }])).toBeCloseTo(c[7]! ** 2, 4);
    expect(S([beat(p, [], [-32768n, -32768n])])).toBe(2 ** 30 / 2 ** 16 / 2 ** 0 * 1); // (−128)² in Q7.8
    // Rounding half up: S = 1 LSB scaled by 1/2 is a tie and rounds up; −1 LSB by 1/2 rounds to 0.
    const tie = (o: [bigint, bigint]) => peModel(p)([beat(p, [], o, true, { scale: 1n << 14n, scale_shift: 0n })])[0]!.result;
    expect(tie([1n, 1n])).toBe(1n);
    expect(tie([-1n, 1n])).toBe(0n);
  });

  it('saturation: counters stop at ±(2^(C−1) − 1) per beat and come back down; the outlier sum stops at its width', () => {
    const p = P({ lanes: 1, countBits: 4 }), M = countLimit(p);
    expect(M).toBe(7n);
    const k = peConstants(p.fracBits), one = k.h[0]! + 2n * k.g[0]! + k.z; // one (0, 0) pair, in T's LSBs
    const run = (n: number, m: number) => [...Array.from({ length: n }, () => beat(p, [[0, 0]], undefined, false)), ...Array.from({ length: m }, () => beat(p, [[8, 0]], undefined, false))];
    const withLast = (b: Vector[]) => { b[b.length - 1] = { ...b[b.length - 1]!, in_last: 1n }; return b; };
    expect(peModel(p)(withLast(run(10, 0)))[0]!.result).toBe(7n * one);
    expect(peModel(p)(withLast(run(10, 3)))[0]!.result).toBe(4n * one);
    expect(peModel(p)(withLast(run(3, 12)))[0]!.result).toBe(-7n * one);
    const acc = accumulate(p, withLast(run(10, 3)));
    expect([acc.h[0], acc.g[0], acc.gp[0], acc.z]).toEqual([4n, 4n, 4n, 4n]);
    const MO = (1n << BigInt(outlierAccBits(p) - 1)) - 1n;
    const outl = withLast(Array.from({ length: 20 }, () => beat(p, [], [-32768n, -32768n], false)));
    expect(accumulate(p, outl).o).toBe(MO);
    expect(peModel(p)(outl)[0]!.result).toBe(MO);
  });

  it('the directed packets reach every counter limit and, for C ≤ 12, the outlier sum\'s', () => {
    for (const o of [{}, { lanes: 4, countBits: 6 }]) {
      const p = P(o), M = countLimit(p), MO = (1n << BigInt(outlierAccBits(p) - 1)) - 1n;
      const accs = directedPackets(p, seededRng(1)).map((pk) => accumulate(p, pk));
      expect(accs.some((a) => a.h[14] === M && a.z === M)).toBe(true);
      expect(accs.some((a) => a.h.includes(-M))).toBe(true);
      if (p.countBits <= 12) expect(accs.some((a) => a.o === MO) && accs.some((a) => a.o === -MO)).toBe(true);
    }
  });
});


describe('mokey.pe in cosimulation', () => {
  mokeyPeRuns('fast', SEED); // 10^5 beats per shape: mokey-pe.long.test.ts

  it('Icarus agrees (the default, and L = 4 with C = 6)', async () => {
    for (const o of [{}, { lanes: 4, countBits: 6 }]) await cosimClean(mokeyPeBlock, P(o), 'icarus', { seed: SEED, vectors: 2000, label: JSON.stringify(o) });
  }, 600_000);

  it.each([{ postMacs: 1 }, { postMacs: 4 }, { postMacs: 24 }, { postMacs: 1, stages: 2 }, { postMacs: 4, stages: 1 }, { postMacs: 3, stages: 3 }, { postMacs: 24, stages: 4 }, { postMacs: 1, stages: 4 }])('steady state, %j: dot products of at least bankCycles beats run at one beat per cycle', async (o) => {
    const p = P(o), rng = seededRng(SEED);
    const packets = Array.from({ length: 40 }, () => {
      const n = bankCycles(p) + Math.floor(rng() * 20);
      return Array.from({ length: n }, (_, b) => beat(p, Array.from({ length: 16 }, () => [Math.floor(rng() * 16), Math.floor(rng() * 16)] as [number, number]), [1n, 2n], b === n - 1));
    });
    const beats = packets.reduce((s, x) => s + x.length, 0);
    const s = setupCosim(only(packets), p), src = vectorSource(s, { seed: SEED, vectors: 0 });
    const steady: VectorSource = { ...src, *chunks(size) { for (const ch of src.chunks(size)) yield { ...ch, gaps: ch.gaps.fill(0), stalls: ch.stalls.fill(0) }; } };
    const r = await runInProcess(s, steady);
    expect(r.failed).toBe(0);
    expect(r.cycles).toBeLessThanOrEqual(beats + resultLatency(p));
  }, 300_000);
});

/** mokey.pe with exactly these packets as its stimulus. */
const only = (packets: Vector[][]) => withPackets(mokeyPeBlock, packets);
