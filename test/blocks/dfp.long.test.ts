// INT16 dynamic fixed point, the long tier: 10^5-vector runs, Verilog mutations caught, and real
// tensors through the RTL in both simulators: the tiny-LLaMA's weights converted in blocks by
// dfp.quantize, and its W·x dot products (per-tensor exponents, as the paper) through dfp.fma, each
// within the error bound of the DFP16 rounding and the FP32 combination against float64.

import { describe, expect, it } from 'vitest';
import { findShared } from '../../src/accuracy/shared-dir.js';
import { loadTensors } from '../../src/accuracy/tensors.js';
import type { BlockDef } from '../../src/blocks/block.js';
import { dfpFmaBlock } from '../../src/blocks/dfp/fma/block.js';
import { fmaGolden } from '../../src/blocks/dfp/fma/golden.js';
import { dotPacket } from '../../src/blocks/dfp/fma/operands.js';
import { dfpQuantizeBlock } from '../../src/blocks/dfp/quantize/block.js';
import { simulate } from '../../src/cosim/run.js';
import { dfpCombine, dfpQuantize } from '../../src/numerics/dfp.js';
import { cosimClean, expectPacketMutationCaught, withPackets, withVectors } from '../helpers/cosim.js';
import { VECTORS } from '../helpers/tiers.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SEED = Number(process.env.BITFORGE_SEED ?? 16);
console.log(`dfp (long): seed ${SEED}`);
const DATA = findShared('data/weights', 'manifest.json');
if (!DATA) console.warn('dfp: ../shared/data/weights not found; set BITFORGE_SHARED to run the real-tensor runs');
const bitsOf = (x: Float32Array) => new Uint32Array(x.buffer, x.byteOffset, x.length);

describe('dfp in cosimulation, long', () => {
  it('dfp.quantize (B = 16, 64) and dfp.fma: 10^5 vectors in Verilator', async () => {
    for (const block of [16, 64]) await cosimClean(dfpQuantizeBlock, { block, stages: 1 }, 'verilator', { seed: SEED, vectors: VECTORS.long, label: `B=${block}` });
    await cosimClean(dfpFmaBlock, { accBits: 32 }, 'verilator', { seed: SEED, vectors: VECTORS.long });
  }, 600_000);

  it('mutations of dfp.fma are caught: no −32768 clamp, the overflow test removed, the final partial of an overflowing last beat dropped', async () => {
    const p = dfpFmaBlock.params.parse({});
    const mutations: Array<[string, (v: string) => string]> = [
      ['clamp', (v) => v.replace(/16'sh8001/g, "16'sh8000")],
      ['overflow', (v) => v.replace(/assign (overflow\w*) = [^;]+;/, "assign $1 = 1'b0;")],
      ['pend', (v) => v.replace(/pend <= in_last;|pend <= in_last\b/, 'pend <= 1\'b0;')],
    ];
    for (const [name, mutate] of mutations) await expectPacketMutationCaught(dfpFmaBlock as unknown as BlockDef, p, name, mutate, { seed: SEED, vectors: 5000 });
  }, 600_000);
});

describe('dfp on real tensors', () => {
  it.skipIf(!DATA)('tiny-LLaMA weights in blocks of 16 through dfp.quantize: 0 mismatches in both simulators', async () => {
    const set = loadTensors(DATA!), B = 16;
    const vectors: Array<Record<string, bigint>> = [];
    for (const name of ['stories260K/layer0.wq', 'stories260K/layer3.w2', 'stories260K/tok_embeddings']) {
      const t = set.weights.find((w) => w.name === name);
      if (!t) continue;
      const bits = bitsOf(t.data);
      for (let i = 0; i + B <= Math.min(bits.length, 16 * 1024); i += B) vectors.push(Object.fromEntries(Array.from({ length: B }, (_, k) => [`x${k}`, BigInt(bits[i + k]!)])));
    }
    expect(vectors.length).toBeGreaterThan(1000);
    const block = withVectors(dfpQuantizeBlock as unknown as BlockDef, vectors);
    for (const sim of ['verilator', 'icarus'] as const) {
      const r = await cosimClean(block, { block: B, stages: 1 }, sim, { seed: SEED, vectors: 0, label: sim });
      expect(r.passed).toBe(vectors.length);
    }
  }, 600_000);

  it.skipIf(!DATA)('tiny-LLaMA W·x through dfp.fma (per-tensor exponents): 0 mismatches in both simulators, every dot within the DFP16 + FP32 bound of float64', async () => {
    const set = loadTensors(DATA!), packets: Array<Array<Record<string, bigint>>> = [];
    let worst = 0, dots = 0, partials = 0;
    for (const name of ['layer0.wq × attn_in', 'layer3.w1 × ffn_in', 'layer2.w2 × ffn_hidden']) {
      const pair = set.pairs.find((x) => x.name === name);
      if (!pair) continue;
      const [rows, n] = pair.weight.shape as [number, number];
      const W = dfpQuantize(bitsOf(pair.weight.data)), X = dfpQuantize(bitsOf(pair.act.data));
      const uw = 2 ** W.exp, ux = 2 ** X.exp, golden = fmaGolden(dfpFmaBlock.params.parse({}));
      for (let r = 0; r < Math.min(rows, 24); r++) for (let a = 0; a < 6; a++) {
        const w = pair.weight.data.subarray(r * n, (r + 1) * n), x = pair.act.data.subarray(a * n, (a + 1) * n);
        const qw = W.values.subarray(r * n, (r + 1) * n), qx = X.values.subarray(a * n, (a + 1) * n);
        const packet = dotPacket(qw, W.exp, qx, X.exp);
        packets.push(packet);
        const parts = golden(packet).map((o) => ({ partial: BigInt.asIntN(32, o.partial!), exp: Number(BigInt.asIntN(10, o.exp!)), last: o.out_last === 1n }));
        const dfp = dfpCombine(parts);
        let exact = 0, sx = 0, sw = 0, sp = 0;
        for (let i = 0; i < n; i++) { exact += w[i]! * x[i]!; sx += Math.abs(x[i]!); sw += Math.abs(qw[i]! * uw); sp += Math.abs(qw[i]! * uw * qx[i]! * ux); }
        // Elements within a unit of their values (half, or one where saturated); each float32
        // conversion and add within 2^−24 of the running magnitude.
        const bound = uw * sx + ux * sw + 2 ** -23 * (2 * parts.length) * sp;
        expect(Math.abs(dfp - exact), `${name} row ${r} act ${a}`).toBeLessThanOrEqual(bound);
        worst = Math.max(worst, Math.abs(dfp - exact) / Math.max(sp, 1e-30));
        dots++; partials += parts.length;
      }
    }
    console.log(`dfp.fma on tiny-LLaMA: ${dots} dots, ${partials} partials, worst |error| / Σ|w·x| = ${worst.toExponential(2)}`);
    expect(dots).toBeGreaterThan(300);
    const block = withPackets(dfpFmaBlock as unknown as BlockDef, packets);
    for (const sim of ['verilator', 'icarus'] as const) {
      const r = await simulate(block, { accBits: 32 }, sim, { seed: SEED, vectors: 0, outDir: mkdtempSync(join(tmpdir(), 'bitforge-dfp-')) });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBe(partials);
    }
  }, 600_000);
});
