import { defineBlock } from '../../block.js';
import { seededRng } from '../../../cosim/model.js';
import { directedStreams, randomStream, wordBeats } from '../stimulus.js';
import { geckoDecoder, params } from './generator.js';
import { decoderGolden } from './golden.js';

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
