// Gecko, the long tier: 10^5-beat runs, Verilog mutations caught, and real tensors through the RTL in
// both simulators: the tiny-LLaMA's and the OCR model's float32 weights (and as bf16) encoded by
// gecko.encoder and decoded by gecko.decoder at m = 23, 10, 7, 4, each run bit-identical to the
// software codec and the round trip equal to the trimmed values.

import { describe, expect, it } from 'vitest';
import { findShared } from '../../src/accuracy/shared-dir.js';
import { loadTensors } from '../../src/accuracy/tensors.js';
import type { BlockDef } from '../../src/blocks/block.js';
import { decode, encode, trim } from '../../src/blocks/gecko/codec.js';
import { encode as encodeFormat } from '../../src/numerics/encode.js';
import { parseFormat } from '../../src/numerics/format.js';
import { geckoDecoderBlock } from '../../src/blocks/gecko/decoder/block.js';
import { geckoEncoderBlock } from '../../src/blocks/gecko/encoder/block.js';
import { params, type GeckoParams } from '../../src/blocks/gecko/params.js';
import { valueBeats, wordBeats } from '../../src/blocks/gecko/stimulus.js';
import { cosimClean, expectPacketMutationCaught, withPackets } from '../helpers/cosim.js';
import { VECTORS } from '../helpers/tiers.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 23);
console.log(`gecko (long): seed ${SEED}`);
const DATA = findShared('data/weights', 'manifest.json');
if (!DATA) console.warn('gecko: ../shared/data/weights not found; set BITFORGE_SHARED to run the real-tensor runs');
const P = (o: Partial<GeckoParams> = {}) => params.parse(o);
const enc = geckoEncoderBlock as unknown as BlockDef, dec = geckoDecoderBlock as unknown as BlockDef;

describe('gecko in cosimulation, long', () => {
  it('10^5 beats: the defaults and m = 23, G = 64 in Verilator', async () => {
    for (const o of [{}, { mantissa: 23, group: 64 }]) {
      await cosimClean(enc, P(o), 'verilator', { seed: SEED, vectors: VECTORS.long, label: `encoder ${JSON.stringify(o)}` });
      await cosimClean(dec, P(o), 'verilator', { seed: SEED, vectors: VECTORS.long / 4, label: `decoder ${JSON.stringify(o)}` });
    }
  }, 600_000);

  it('mutations are caught: the group closes one value late, the B stage ignores the packer\'s room, the decoder reads one header bit short, its last value never flagged', async () => {
    const p = P();
    const encMutations: Array<[string, (v: string) => string]> = [
      ['group size', (v) => v.replace("(fill_count == 4'd15)", "(fill_count == 4'd14)")],
      ['room', (v) => v.replace("<= 9'd128)", "<= 9'd200)")],
    ];
    // m = 23: fields of up to 32 bits outrun a stalled output (stalls of 1–3 cycles) and fill the packer.
    for (const [name, mutate] of encMutations) await expectPacketMutationCaught(enc, P({ mantissa: 23 }), name, mutate, { seed: SEED, vectors: 5000 });
    const decMutations: Array<[string, (v: string) => string]> = [
      ['header', (v) => v.replace("6'd13))", "6'd12))")],
      ['final', (v) => v.replace(/assign final_ = [^;]+;/, "assign final_ = 1'b0;")],
    ];
    for (const [name, mutate] of decMutations) await expectPacketMutationCaught(dec, p, name, mutate, { seed: SEED, vectors: 2000 });
  }, 600_000);
});

describe('gecko on real tensors', () => {
  it.skipIf(!DATA)('float32 and bf16 weights through encoder and decoder at m = 23, 10, 7, 4: 0 mismatches in both simulators, the round trip is the trimmed tensor', async () => {
    const set = loadTensors(DATA!);
    const tensors = ['stories260K/layer0.wq', 'stories260K/layer4.w2'].map((n) => set.weights.find((w) => w.name === n)).filter((t) => t !== undefined);
    const ocr = set.weights.find((w) => w.name.startsWith('ppocrv4_rec/'));
    if (ocr) tensors.push(ocr);
    expect(tensors.length).toBeGreaterThanOrEqual(2);
    const f32 = tensors.map((t) => Array.from(new Uint32Array(t.data.buffer, t.data.byteOffset, Math.min(t.data.length, 4096))));
    const BF16 = parseFormat('bf16'), value = (b: number) => new Float32Array(new Uint32Array([b]).buffer)[0]!;
    const bf16 = f32.map((xs) => xs.map((b) => encodeFormat(BF16, value(b)).code)); // round to nearest even
    const cases: Array<[GeckoParams, number[][]]> = [
      ...[23, 10, 7, 4].map((mantissa) => [P({ mantissa }), f32] as [GeckoParams, number[][]]),
      ...[7, 4].map((mantissa) => [P({ input: 'bf16', mantissa }), bf16] as [GeckoParams, number[][]]),
    ];
    for (const [p, streams] of cases) {
      for (const xs of streams) expect(decode(p, encode(p, xs))).toEqual(xs.map((x) => trim(p, x)));
      const wordPackets = streams.map((xs) => wordBeats(p, xs));
      for (const sim of ['verilator', 'icarus'] as const) {
        const label = `${p.input} m=${p.mantissa} ${sim}`;
        const e = await cosimClean(withPackets(enc, streams.map(valueBeats)), p, sim, { seed: SEED, vectors: 0, label: `encoder ${label}` });
        expect(e.passed).toBe(wordPackets.reduce((s, w) => s + w.length, 0));
        const d = await cosimClean(withPackets(dec, wordPackets), p, sim, { seed: SEED, vectors: 0, label: `decoder ${label}` });
        expect(d.passed).toBe(streams.reduce((s, xs) => s + xs.length, 0));
      }
    }
  }, 900_000);
});
