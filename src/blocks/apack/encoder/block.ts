import { defineBlock } from '../../block.js';
import { encoderPacket } from '../hw/packets.js';
import { coderParams } from '../hw/params.js';
import { directedCases, randomCase } from '../hw/stimulus-data.js';
import { apackEncoder } from './generator.js';
import { encoderModel } from './golden.js';

export const apackEncoderBlock = defineBlock({
  name: 'apack.encoder',
  summary: 'APack encoder: a packet of table entries then B-bit codes in, one value per cycle; the range-coded symbol stream and the offset stream out as tagged bytes, bit-identical to the software codec',
  params: coderParams,
  generator: apackEncoder,
  // valid/ready both ways; a packet's bytes are compared in order, whatever their timing.
  golden: 'apack/encoder/golden.ts: the software codec (range-coder.ts, bits.ts) on the packet, bytes in the order they become final',
  cosim: {
    kind: 'packet',
    createPacket: encoderModel,
    stimulus: (p) => ({
      directed: directedCases(p).map((c) => encoderPacket(c.table, c.codes)),
      random: (rng) => { const c = randomCase(rng, p); return encoderPacket(c.table, c.codes); },
    }),
  },
});
