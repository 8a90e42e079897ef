import { defineBlock } from '../../block.js';
import { seededRng, type Vector } from '../../../cosim/model.js';
import { encode } from '../codec.js';
import type { GeckoParams } from '../params.js';
import { directedStreams, randomStream } from '../stimulus.js';
import { geckoDecoder, params } from './generator.js';
import { decoderGolden } from './golden.js';

/** The decoder's input: the encoder's words for a value stream (the golden codec's). */
const wordBeats = (p: GeckoParams, values: readonly number[]): Vector[] => {
  const words = encode(p, values);
  return words.map((word, i) => ({ in_last: i === words.length - 1 ? 1n : 0n, word }));
};

export const geckoDecoderBlock = defineBlock({
  name: 'gecko.decoder',
  summary: 'Schrödinger\'s FP / Gecko decoder: the 64-bit words of a Gecko stream → the values (sign, base + delta, the m kept mantissa bits), one per cycle',
  params,
  generator: geckoDecoder,
  golden: 'gecko/codec.ts: the software codec of docs/training-accelerators.md',
  cosim: {
    kind: 'packet',
    createPacket: decoderGolden,
    stimulus: (p) => ({ directed: directedStreams(p, seededRng(3)).map((s) => wordBeats(p, s)), random: (rng) => wordBeats(p, randomStream(p, rng)) }),
  },
});
