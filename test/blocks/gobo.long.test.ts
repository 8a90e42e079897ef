// GOBO, the long tier: 10^5-beat runs, Verilog mutations caught, and tiny-LLaMA layers quantized by
// GOBO and streamed through gobo.decoder in both simulators (fp32, and fp16 values), every value
// the dequantized weight.

import { describe, expect, it } from 'vitest';
import { findShared } from '../../src/accuracy/shared-dir.js';
import { loadTensors } from '../../src/accuracy/tensors.js';
import type { BlockDef } from '../../src/blocks/block.js';
import { goboDecoderBlock } from '../../src/blocks/gobo/decoder/block.js';
import { params, type GoboParams } from '../../src/blocks/gobo/params.js';
import { goboQuantize } from '../../src/blocks/gobo/quantize.js';
import { layerBeats } from '../../src/blocks/gobo/stream.js';
import { cosimClean, expectPacketMutationCaught, withPackets } from '../helpers/cosim.js';
import { VECTORS } from '../helpers/tiers.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 29);
console.log(`gobo (long): seed ${SEED}`);
const DATA = findShared('data/weights', 'manifest.json');
if (!DATA) console.warn('gobo: ../shared/data/weights not found; set BITFORGE_SHARED to run the real-tensor runs');
const P = (o: Partial<GoboParams> = {}) => params.parse(o);
const dec = goboDecoderBlock as unknown as BlockDef;

describe('gobo.decoder, long', () => {
  it('10^5 beats at L = 8 and L = 16 (fp16) in Verilator', async () => {
    await cosimClean(dec, P(), 'verilator', { seed: SEED, vectors: VECTORS.long });
    await cosimClean(dec, P({ lanes: 16, output: 'fp16' }), 'verilator', { seed: SEED, vectors: VECTORS.long });
  }, 600_000);

  it('mutations are caught: a patch loses to the centroid, patches survive an index beat, lane 3 reads lane 2\'s index', async () => {
    const mutations: Array<[string, (v: string) => string]> = [
      ['precedence', (v) => v.replace('o_v0 <= patched[0] ? patch0 :', 'o_v0 <= 1\'b0 ? patch0 :')],
      ['clear', (v) => v.replace(/if \(patched_t0 \| \(c0_t0 & in_last\)\)/, 'if (c0_t0 & in_last)')],
      ['index', (v) => v.replace(/o_v3 <= patched\[3\] \? patch3 : \(idx3\[2\] \? \(idx3\[1\] \? \(idx3\[0\]/, 'o_v3 <= patched[3] ? patch3 : (idx3[2] ? (idx3[1] ? (idx2[0]')],
    ];
    for (const [name, mutate] of mutations) await expectPacketMutationCaught(dec, P(), name, mutate, { seed: SEED, vectors: 5000 });
  }, 600_000);

  it.skipIf(!DATA)('tiny-LLaMA layers through gobo.decoder (fp32 and fp16): 0 mismatches in both simulators', async () => {
    const set = loadTensors(DATA!);
    const layers = ['layer0.wq', 'layer2.w1', 'layer4.w2'].map((n) => set.weights.find((t) => t.name === `stories260K/${n}`)).filter((t) => t !== undefined);
    expect(layers.length).toBe(3);
    for (const output of ['fp32', 'fp16'] as const) {
      const p = P({ lanes: 8, output }), packets = layers.map((t) => layerBeats(p, goboQuantize(t.data)));
      const values = layers.reduce((s, t) => s + Math.ceil(t.data.length / p.lanes), 0);
      for (const sim of ['verilator', 'icarus'] as const) {
        const r = await cosimClean(withPackets(dec, packets), p, sim, { seed: SEED, vectors: 0, label: `${output} ${sim}` });
        expect(r.passed).toBe(values);
      }
    }
  }, 600_000);
});
