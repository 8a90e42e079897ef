// apack.encoder and apack.decoder in Verilator per shape, at the tier's beat count (tiers.ts): the
// fast tier's file and the long tier's call the same suite.

import { expect, it } from 'vitest';
import { apackDecoderBlock } from '../../../src/blocks/apack/decoder/block.js';
import { apackEncoderBlock } from '../../../src/blocks/apack/encoder/block.js';
import { decoderParams, type CoderParams } from '../../../src/blocks/apack/hw/params.js';
import { cosimClean } from '../cosim.js';
import { countLabel, VECTORS, type Tier } from '../tiers.js';

export const APACK_CONFIGS: Array<Partial<CoderParams>> = [
  {}, // B = 8, S = 16, P = 10
  { bits: 16, symbols: 32, precision: 15 },
  { bits: 2, symbols: 4, precision: 1 },
  { bits: 8, symbols: 1 },
  { bits: 10, symbols: 64, precision: 4 },
  { bits: 12, symbols: 7, precision: 3 },
];

export function apackRuns(tier: Tier, seed: number): void {
  const n = VECTORS[tier], label = countLabel(n);
  for (const c of APACK_CONFIGS) {
    it(`${JSON.stringify(c)}: ${label} random beats + the directed packets in Verilator, 0 mismatches`, async () => {
      for (const block of [apackEncoderBlock, apackDecoderBlock]) {
        const p = block.params.parse(c) as CoderParams;
        const r = await cosimClean(block, p, 'verilator', { seed, vectors: n, label: block.name });
        // Outputs compared: the encoder's bytes (at least a fifth of the beats' bits), the decoder's values.
        expect(r.passed, block.name).toBeGreaterThan(block === apackEncoderBlock ? (n * p.bits) / 8 / 5 : 0.3 * n);
      }
    }, 300_000);
  }
  it(`the decoder with --search divide (one restoring division code / r): ${label} beats in Verilator over three shapes`, async () => {
    for (const c of [{}, { bits: 16, symbols: 32, precision: 15 }, { bits: 2, symbols: 4, precision: 1 }]) {
      const p = decoderParams.parse({ ...c, search: 'divide' });
      expect((await cosimClean(apackDecoderBlock, p, 'verilator', { seed, vectors: n, label: JSON.stringify(c) })).passed).toBeGreaterThan(0.3 * n);
    }
  }, 300_000);
}
