// Gecko (Schrödinger's FP): the software codec against hand-worked streams and its round trip, then
// gecko.encoder and gecko.decoder in cosimulation (Verilator at several shapes, Icarus at the
// defaults) and their steady rate of one value per cycle. Real tensors, mutations and 10^5-beat runs
// are in gecko.long.test.ts.

import { describe, expect, it } from 'vitest';
import { decode, encode, footprint, trim } from '../../src/blocks/gecko/codec.js';
import { geckoDecoderBlock } from '../../src/blocks/gecko/decoder/block.js';
import { geckoEncoderBlock } from '../../src/blocks/gecko/encoder/block.js';
import { params, type GeckoParams } from '../../src/blocks/gecko/params.js';
import { randomStream, valueBeats, wordBeats } from '../../src/blocks/gecko/stimulus.js';
import { seededRng } from '../../src/cosim/model.js';
import { cosimClean, steadyRun } from '../helpers/cosim.js';
import { VECTORS } from '../helpers/tiers.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 23);
console.log(`gecko: seed ${SEED}`);
const P = (o: Partial<GeckoParams> = {}) => params.parse(o);

describe('the Gecko codec (golden)', () => {
  it('a hand-worked stream: fp32, m = 2, G = 2, [1.0, −1.5] is one 20-bit group in one word', () => {
    const f = P({ mantissa: 2, group: 2 });
    // Header: base 127, w 0, last 1, size − 1 = 1 → 127 | 1 << 12 | 1 << 13 (14 bits). Then
    // 1.0: mantissa 00, sign 0 (3 bits); −1.5: mantissa 10, sign 1 → 0b110 at bit 17.
    expect(encode(f, [0x3f800000, 0xbfc00000])).toEqual([127n + (1n << 12n) + (1n << 13n) + (6n << 17n)]);
    expect(decode(f, encode(f, [0x3f800000, 0xbfc00000]))).toEqual([0x3f800000, 0xbfc00000]);
    // A full group is not last: no size field; deltas of width 1 (fields 127 and 128).
    const g = encode(f, [0x3f800000, 0x40000000, 0x3f800000]);
    // group 1: 127 | w=1 << 8 | last 0 (13 bits); 1.0: man 00, delta 0, sign 0 (4 bits); 2.0: man 00, delta 1, sign 0 → 0b0100 at bit 17.
    // group 2: 127 | w 0 | last 1 | size−1 = 0 (14 bits at bit 21); 1.0: 3 zero bits.
    expect(g).toEqual([127n + (1n << 8n) + (4n << 17n) + ((127n + (1n << 12n)) << 21n)]);
  });

  it('trimming truncates; a NaN whose kept bits are 0 stays a NaN; bf16 works on 16 bits', () => {
    expect(trim(P({ mantissa: 4 }), 0x3fffffff)).toBe(0x3ff80000);
    expect(trim(P({ mantissa: 7 }), 0x7f800001)).toBe(0x7fc00000);
    expect(trim(P({ mantissa: 7 }), 0xff800000)).toBe(0xff800000); // −Inf stays
    expect(trim(P({ input: 'bf16', mantissa: 3 }), 0xbfff)).toBe(0xbff0);
    expect(trim(P({ input: 'bf16', mantissa: 1 }), 0x7f81)).toBe(0x7fc0);
  });

  it('decode(encode(x)) = trim(x) for random streams of every shape; the footprint counts the stream\'s bits', () => {
    const rng = seededRng(SEED);
    for (const o of [{}, { input: 'bf16' as const, mantissa: 3, group: 2 }, { mantissa: 23, group: 64 }, { mantissa: 1, group: 4 }, { mantissa: 10, group: 32 }]) {
      const f = P(o);
      for (let t = 0; t < 200; t++) {
        const xs = randomStream(f, rng), words = encode(f, xs);
        expect(decode(f, words)).toEqual(xs.map((x) => trim(f, x)));
        const fp = footprint(f, xs);
        expect(words.length).toBe(Math.ceil(fp.streamBits / 64));
        expect(fp.streamBits - fp.exponentBits).toBe(xs.length * (1 + f.mantissa));
      }
    }
  });
});

describe('gecko.encoder and gecko.decoder in cosimulation', () => {
  for (const o of [{}, { input: 'bf16' as const, mantissa: 3, group: 2 }, { mantissa: 23, group: 64 }, { mantissa: 1, group: 4 }, { mantissa: 10, group: 32 }]) {
    it(`${JSON.stringify(o)}: encoder and decoder in Verilator`, async () => {
      await cosimClean(geckoEncoderBlock, P(o), 'verilator', { seed: SEED, vectors: VECTORS.fast, label: 'encoder' });
      await cosimClean(geckoDecoderBlock, P(o), 'verilator', { seed: SEED, vectors: VECTORS.fast / 4, label: 'decoder' });
    }, 180_000);
  }
  it('the defaults in Icarus', async () => {
    await cosimClean(geckoEncoderBlock, P(), 'icarus', { seed: SEED, vectors: 3000 });
    await cosimClean(geckoDecoderBlock, P(), 'icarus', { seed: SEED, vectors: 500 });
  }, 180_000);

  it('one value per cycle: a 4000-value stream without stalls takes at most n + G + 4 cycles to encode and n + 4 to decode', async () => {
    for (const o of [{}, { mantissa: 23, group: 64 }, { input: 'bf16' as const, mantissa: 7, group: 4 }]) {
      const p = P(o), rng = seededRng(SEED), M = p.input === 'fp32' ? 23 : 7;
      const xs = Array.from({ length: 4000 }, () => ((rng() < 0.5 ? 1 : 0) << (p.input === 'fp32' ? 31 : 15) | Math.floor(rng() * 256) << M | Math.floor(rng() * 2 ** M)) >>> 0);
      const enc = await steadyRun(geckoEncoderBlock, p, [valueBeats(xs)], SEED);
      expect(enc.failed).toBe(0);
      expect(enc.cycles, `encoder ${JSON.stringify(o)}`).toBeLessThanOrEqual(xs.length + p.group + 4);
      const dec = await steadyRun(geckoDecoderBlock, p, [wordBeats(p, xs)], SEED);
      expect(dec.failed).toBe(0);
      expect(dec.cycles, `decoder ${JSON.stringify(o)}`).toBeLessThanOrEqual(xs.length + 4);
    }
  }, 180_000);
});
