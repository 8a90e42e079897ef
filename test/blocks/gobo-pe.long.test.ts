// gobo.pe, the long tier: 10^5 beats, Verilog mutations caught, and the tiny-LLaMA's W·x through the
// RTL in both simulators: weights GOBO-quantized (dictionary and outliers in fp16), activations in
// fp16, every result the float32 rounding of the exact dot of those operands.

import { describe, expect, it } from 'vitest';
import { findShared } from '../../src/accuracy/shared-dir.js';
import { loadTensors } from '../../src/accuracy/tensors.js';
import type { BlockDef } from '../../src/blocks/block.js';
import { goboPeBlock } from '../../src/blocks/gobo/pe/block.js';
import { peGolden } from '../../src/blocks/gobo/pe/golden.js';
import { peBeats, type IndexRow } from '../../src/blocks/gobo/pe/operands.js';
import { params } from '../../src/blocks/gobo/pe/params.js';
import { goboQuantize } from '../../src/blocks/gobo/quantize.js';
import { encode } from '../../src/numerics/encode.js';
import { decodeToNumber } from '../../src/numerics/decode.js';
import { parseFormat } from '../../src/numerics/format.js';
import { cosimClean, expectPacketMutationCaught, withPackets } from '../helpers/cosim.js';
import { VECTORS } from '../helpers/tiers.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 37);
console.log(`gobo pe (long): seed ${SEED}`);
const DATA = findShared('data/weights', 'manifest.json');
if (!DATA) console.warn('gobo pe: ../shared/data/weights not found; set BITFORGE_SHARED to run the real-tensor runs');
const FP16 = parseFormat('fp16');
const h = (x: number) => encode(FP16, x).code;
const pe = goboPeBlock as unknown as BlockDef;

describe('gobo.pe, long', () => {
  it('10^5 beats at L = 8 and L = 16 in Verilator', async () => {
    await cosimClean(pe, params.parse({}), 'verilator', { seed: SEED, vectors: VECTORS.long });
    await cosimClean(pe, params.parse({ lanes: 16 }), 'verilator', { seed: SEED, vectors: VECTORS.long });
  }, 600_000);

  it('mutations are caught: seven centroid products instead of eight, an outlier pair not added', async () => {
    const mutations: Array<[string, (v: string) => string]> = [
      ['eight', (v) => v.replace("assign acc_t0 = post & (k < 4'd8);", "assign acc_t0 = post & (k < 4'd7);")],
      ['outlier', (v) => v.replace(/acc <= acc \+ \$signed\(\{\{16\{acc_t(\d+)\[83\]\}\}, acc_t\1\}\);/, 'acc <= acc;')],
    ];
    for (const [name, mutate] of mutations) await expectPacketMutationCaught(pe, params.parse({}), name, mutate, { seed: SEED, vectors: 5000 });
  }, 600_000);

  it.skipIf(!DATA)('tiny-LLaMA W·x with GOBO weights (fp16) and fp16 activations: 0 mismatches in both simulators, each result within float32 rounding of the float64 dot', async () => {
    const set = loadTensors(DATA!), p = params.parse({}), packets: ReturnType<typeof peBeats>[] = [], exact: number[] = [];
    for (const name of ['layer0.wq × attn_in', 'layer3.w1 × ffn_in', 'layer2.w2 × ffn_hidden']) {
      const pair = set.pairs.find((x) => x.name === name);
      if (!pair) continue;
      const [rows, n] = pair.weight.shape as [number, number];
      const q = goboQuantize(pair.weight.data), dict = Array.from(q.centroids, h);
      const outlierAt = new Map(Array.from(q.outlierPositions, (pos, j) => [pos, h(q.outlierValues[j]!)]));
      for (let r = 0; r < Math.min(rows, 16); r++) for (let a = 0; a < 4; a++) {
        const xs = Array.from(pair.act.data.subarray(a * n, (a + 1) * n), h), idxRows: IndexRow[] = [], outliers: Array<[number, number]> = [];
        let dot = 0;
        for (let b = 0; b < n; b += p.lanes) {
          let omask = 0;
          const idx: number[] = [], x: number[] = [];
          for (let i = 0; i < p.lanes; i++) {
            const pos = r * n + b + i, xi = xs[b + i] ?? 0;
            idx.push(q.indexes[pos] ?? 0); x.push(xi);
            const o = outlierAt.get(pos);
            if (o !== undefined) { omask |= 1 << i; outliers.push([o, xi]); dot += decodeToNumber(FP16, o) * decodeToNumber(FP16, xi); }
            else dot += decodeToNumber(FP16, dict[q.indexes[pos]!]!) * decodeToNumber(FP16, xi);
          }
          idxRows.push({ idx, x, omask });
        }
        packets.push(peBeats(p, dict, idxRows, outliers)); exact.push(dot);
      }
    }
    expect(packets.length).toBeGreaterThan(100);
    const g = peGolden(p), f32 = (c: bigint) => new Float32Array(new Uint32Array([Number(c)]).buffer)[0]!;
    packets.forEach((pk, i) => { const got = f32(g(pk)[0]!.result!); expect(Math.abs(got - exact[i]!)).toBeLessThanOrEqual(Math.abs(exact[i]!) * 2 ** -24 * 1.001 + 2 ** -130); });
    for (const sim of ['verilator', 'icarus'] as const) {
      const r = await cosimClean(withPackets(pe, packets), p, sim, { seed: SEED, vectors: 0, label: sim });
      expect(r.passed).toBe(packets.length);
    }
  }, 600_000);
});
