// apack.encoder and apack.decoder against the software codec: the golden packet models equal the
// codec's streams; hand-worked packets; Verilator and Icarus cosimulation with 0 mismatches over
// directed corner cases (empty tensor, one value, one distinct value, uniform, every value,
// extremes, long 0xFF runs and carries) and seeded random packets (2·10^4 beats per shape). The
// 10^5-beat runs, the int8 tensors of three models (at one value per cycle in steady state) and the
// Verilog mutations are in apack-rtl.long.test.ts.

import { describe, expect, it } from 'vitest';
import { findShared } from '../../src/accuracy/shared-dir.js';
import { encodeCodes } from '../../src/blocks/apack/codec/codec.js';
import { RangeEncoder } from '../../src/blocks/apack/codec/range-coder.js';
import { apackDecoderBlock } from '../../src/blocks/apack/decoder/block.js';
import { decoderModel } from '../../src/blocks/apack/decoder/golden.js';
import { apackEncoderBlock } from '../../src/blocks/apack/encoder/block.js';
import { encoderModel } from '../../src/blocks/apack/encoder/golden.js';
import { decoderPacket, encoderPacket, parseDecoderPacket } from '../../src/blocks/apack/hw/packets.js';
import { coderParams, decoderParams, type CoderParams } from '../../src/blocks/apack/hw/params.js';
import { boundaryCase, directedCases, randomCase } from '../../src/blocks/apack/hw/stimulus-data.js';
import { cumulative, symbolOfCode, type ApackTable } from '../../src/blocks/apack/table/table.js';
import { seededRng, type Vector } from '../../src/cosim/model.js';
import { cosimClean } from '../helpers/cosim.js';
import { APACK_CONFIGS, apackRuns } from '../helpers/runs/apack.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 29);
console.log(`apack rtl: seed ${SEED}`);
const DATA = findShared('data/weights', 'manifest.json');
if (!DATA) console.warn('apack rtl: ../shared/data/weights not found; set BITFORGE_SHARED to run the real-tensor runs');

const params = (o: Partial<CoderParams> = {}) => coderParams.parse(o);
const bytesOf = (outs: Vector[], kind: number) => outs.filter((v) => v.out_kind === BigInt(kind)).map((v) => Number(v.out_byte));

describe('apack golden packet models', () => {
  it('per kind, the encoder model\'s bytes are encodeCodes()\'s streams, and the decoder model returns the codes, on directed and random packets', () => {
    const rng = seededRng(SEED);
    let carries = 0, longestHeld = 0, innerZeros = 0, trimmed = 0, carriedRuns = 0;
    for (const c of APACK_CONFIGS) {
      const p = params(c), enc = encoderModel(p), dec = decoderModel(decoderParams.parse(c));
      const cases = [...directedCases(p), ...Array.from({ length: 60 }, () => randomCase(rng, p))];
      for (const k of cases) {
        const sub = encodeCodes(k.codes, k.table);
        const outs = enc(encoderPacket(k.table, k.codes));
        expect(bytesOf(outs, 0), 'symbol stream').toEqual([...sub.symbols]);
        expect(bytesOf(outs, 1), 'offset stream').toEqual([...sub.offsets]);
        expect(outs[outs.length - 1], 'the end beat comes last').toEqual({ out_kind: 2n, out_byte: 0n });
        expect(outs.filter((v) => v.out_kind === 2n).length).toBe(1);
        for (const packet of [decoderPacket(k.table, sub), decoderPacket(k.table, sub, rng)]) {
          expect(parseDecoderPacket(packet, p).sub).toEqual(sub);
          expect(dec(packet).map((v) => Number(v.out_value))).toEqual(k.codes);
        }
        // What the stimulus reaches: carries, held 0xFF runs, 0x00 bytes inside the symbol stream
        // (they wait in the encoder's zero counter) and trailing ones finish() drops.
        const e = new RangeEncoder(p.precision), sym = symbolOfCode(k.table), cum = cumulative(k.table);
        for (const x of k.codes) e.encode(cum[sym[x]!]!, k.table.counts[sym[x]!]!);
        const written = e.finish();
        carries += e.stats.carries;
        longestHeld = Math.max(longestHeld, e.stats.longestHeld);
        innerZeros += written.filter((b) => b === 0).length;
        trimmed += e.written.length - written.length;
        carriedRuns += e.stats.carriedRuns;
      }
      // Streams that start exactly on a symbol boundary (code = r·cum_s) decode to their codes.
      for (let k = 0; k < 30; k++) {
        const b = boundaryCase(rng, p);
        expect(dec(decoderPacket(b.table, b.sub, rng)).map((v) => Number(v.out_value))).toEqual(b.codes);
      }
    }
    expect(carries).toBeGreaterThan(20);
    expect(longestHeld).toBeGreaterThanOrEqual(8);
    expect(innerZeros).toBeGreaterThan(20);
    expect(trimmed).toBeGreaterThan(20);
    expect(carriedRuns, 'carries that turn 2 or more held 0xFFs into 0x00s').toBeGreaterThan(20);
  });

  it('hand-worked packets: an empty tensor, one value under one range, one value under two ranges', () => {
    const p = params(), enc = encoderModel(p), T = 2 ** p.precision;
    const one: ApackTable = { bits: 8, precision: 10, vmin: [0], counts: [T] };
    expect(enc(encoderPacket(one, []))).toEqual([{ out_kind: 2n, out_byte: 0n }]);
    // One range: the coder never narrows, finish() sends only zeros (all dropped); 8 offset bits.
    expect(enc(encoderPacket(one, [5]))).toEqual([{ out_kind: 1n, out_byte: 5n }, { out_kind: 2n, out_byte: 0n }]);
    // Two halves, code 200: low = range = 4194303·512; finish() picks 0x80000000 (31 trailing
    // zeros), whose only non-zero byte is 0x80; offset 200 − 128 = 72 in 7 bits → 0x90.
    const two: ApackTable = { bits: 8, precision: 10, vmin: [0, 128], counts: [512, 512] };
    expect(enc(encoderPacket(two, [200]))).toEqual([
      { out_kind: 0n, out_byte: 0x80n }, { out_kind: 1n, out_byte: 0x90n }, { out_kind: 2n, out_byte: 0n },
    ]);
    expect(decoderModel(decoderParams.parse(p))(decoderPacket(two, { values: 1, symbols: Uint8Array.of(0x80), offsets: Uint8Array.of(0x90) }))).toEqual([{ out_value: 200n, out_last: 1n }]);
  });
});

describe('apack.encoder and apack.decoder in cosimulation', () => {
  apackRuns('fast', SEED); // 10^5 beats per shape: apack-rtl.long.test.ts

  it('the decoder with --search divide in Icarus on B = 8', async () => {
    await cosimClean(apackDecoderBlock, decoderParams.parse({ search: 'divide' }), 'icarus', { seed: SEED, vectors: 3000 });
  }, 300_000);

  it('Icarus agrees (B = 8, and B = 16 with P = 12)', async () => {
    for (const c of [{}, { bits: 16, precision: 12 }]) {
      for (const block of [apackEncoderBlock, apackDecoderBlock]) {
        await cosimClean(block, block.params.parse(c), 'icarus', { seed: SEED, vectors: 3000, label: `${block.name} ${JSON.stringify(c)}` });
      }
    }
  }, 600_000);
});
