// fpraker.pe, the long tier: 10^5 beats, Verilog mutations caught, and the tiny-LLaMA's W·x (float32
// rounded to bf16) through the RTL in both simulators: 0 mismatches in results and cycle counts, each
// result within the window's truncation of the exact float32 dot, with the share of skipped terms.

import { describe, expect, it } from 'vitest';
import { findShared } from '../../src/accuracy/shared-dir.js';
import { loadTensors } from '../../src/accuracy/tensors.js';
import type { BlockDef } from '../../src/blocks/block.js';
import { fprakerPeBlock } from '../../src/blocks/fpraker/pe/block.js';
import { fprakerDot } from '../../src/blocks/fpraker/pe/golden.js';
import { params } from '../../src/blocks/fpraker/pe/params.js';
import type { Vector } from '../../src/cosim/model.js';
import { encode } from '../../src/numerics/encode.js';
import { parseFormat } from '../../src/numerics/format.js';
import { cosimClean, expectPacketMutationCaught, withPackets } from '../helpers/cosim.js';
import { VECTORS } from '../helpers/tiers.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 41);
console.log(`fpraker (long): seed ${SEED}`);
const DATA = findShared('data/weights', 'manifest.json');
if (!DATA) console.warn('fpraker: ../shared/data/weights not found; set BITFORGE_SHARED to run the real-tensor runs');
const pe = fprakerPeBlock as unknown as BlockDef;
const BF16 = parseFormat('bf16');
const bf16 = (x: number) => encode(BF16, x).code; // round to nearest even
const f32 = (c: number) => new Float32Array(new Uint32Array([c]).buffer)[0]!;

describe('fpraker.pe, long', () => {
  it('10^5 beats at L = 8 and L = 16 in Verilator', async () => {
    await cosimClean(pe, params.parse({}), 'verilator', { seed: SEED, vectors: VECTORS.long });
    await cosimClean(pe, params.parse({ lanes: 16 }), 'verilator', { seed: SEED, vectors: VECTORS.long });
  }, 600_000);

  it('mutations are caught: no term skipped in lane 0, a group\'s cycles counted twice', async () => {
    const mutations: Array<[string, (v: string) => string]> = [
      ['skip', (v) => v.replace(/assign has0 = tvalid0 & [^;]+;/, 'assign has0 = tvalid0;')],
      ['cycles', (v) => v.replace(/cycles_1 <= cycles_1 \+ 24'd1;/, "cycles_1 <= cycles_1 + 24'd2;")],
    ];
    for (const [name, mutate] of mutations) await expectPacketMutationCaught(pe, params.parse({}), name, mutate, { seed: SEED, vectors: 5000 });
  }, 600_000);

  it.skipIf(!DATA)('tiny-LLaMA W·x in bf16: 0 mismatches in both simulators, results within the window\'s truncation of the exact dot', async () => {
    const set = loadTensors(DATA!), p = params.parse({}), packets: Vector[][] = [];
    let terms = 0, skipped = 0;
    for (const name of ['layer0.wq × attn_in', 'layer3.w1 × ffn_in', 'layer2.w2 × ffn_hidden']) {
      const pair = set.pairs.find((x) => x.name === name);
      if (!pair) continue;
      const [rows, n] = pair.weight.shape as [number, number];
      for (let r = 0; r < Math.min(rows, 16); r++) for (let a = 0; a < 4; a++) {
        const groups: Array<Array<readonly [number, number]>> = [];
        for (let b = 0; b < n; b += p.lanes) groups.push(Array.from({ length: p.lanes }, (_, i) => [bf16(pair.act.data[a * n + b + i] ?? 0), bf16(pair.weight.data[r * n + b + i] ?? 0)] as const));
        const t = fprakerDot(p, groups);
        let exact = 0, mag = 0;
        for (const g of groups) for (const [x, w] of g) { const v = f32(x << 16) * f32(w << 16); exact += v; mag += Math.abs(v); }
        expect(Math.abs(f32(t.result) - exact)).toBeLessThanOrEqual(mag * 2 ** -20 + Math.abs(exact) * 2 ** -23);
        terms += t.terms; skipped += t.skipped;
        packets.push(groups.map((g, j) => { const v: Vector = { in_last: j === groups.length - 1 ? 1n : 0n }; g.forEach(([x, w], i) => { v[`a${i}`] = BigInt(x); v[`b${i}`] = BigInt(w); }); return v; }));
      }
    }
    console.log(`fpraker on tiny-LLaMA: ${packets.length} dots, ${terms} terms processed, ${skipped} skipped (${(100 * skipped / (terms + skipped)).toFixed(2)} %)`);
    expect(packets.length).toBeGreaterThan(100);
    for (const sim of ['verilator', 'icarus'] as const) {
      const r = await cosimClean(withPackets(pe, packets), p, sim, { seed: SEED, vectors: 0, label: sim });
      expect(r.passed).toBe(packets.length);
    }
  }, 600_000);
});
