import { defineBlock } from '../../block.js';
import { seededRng } from '../../../cosim/model.js';
import { directedStreams, randomStream, valueBeats } from '../stimulus.js';
import { geckoEncoder, params } from './generator.js';
import { encoderGolden } from './golden.js';

export const geckoEncoderBlock = defineBlock({
  name: 'gecko.encoder',
  summary: 'Schrödinger\'s FP / Gecko encoder: float32 or bf16 values, one per cycle → mantissas cut to m bits and exponents delta-coded per group of G (base + width), packed LSB-first into 64-bit words',
  params,
  generator: geckoEncoder,
  golden: 'gecko/codec.ts: the software codec of docs/training-accelerators.md',
  cosim: {
    kind: 'packet',
    createPacket: encoderGolden,
    stimulus: (p) => ({ directed: directedStreams(p, seededRng(3)).map(valueBeats), random: (rng) => valueBeats(randomStream(p, rng)) }),
  },
});
