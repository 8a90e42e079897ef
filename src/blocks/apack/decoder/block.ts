import { seededRng } from '../../../cosim/model.js';
import { defineBlock } from '../../block.js';
import { encodeCodes } from '../codec/codec.js';
import { decoderPacket } from '../hw/packets.js';
import { decoderParams } from '../hw/params.js';
import { boundaryCase, directedCases, randomCase } from '../hw/stimulus-data.js';
import { apackDecoder } from './generator.js';
import { decoderModel } from './golden.js';

export const apackDecoderBlock = defineBlock({
  name: 'apack.decoder',
  summary: 'APack decoder: a packet of table entries, value count and the two streams\' bytes in, one value per cycle (S parallel r·cum compares, or one division code / r); the B-bit codes out, bit-identical to the software codec',
  params: decoderParams,
  generator: apackDecoder,
  golden: 'apack/decoder/golden.ts: the software decoder (codec.ts decodeCodes) on the packet\'s streams',
  cosim: {
    kind: 'packet',
    createPacket: decoderModel,
    stimulus: (p) => ({
      // Streams from the software encoder; directed packets in the plain order, then shuffled.
      directed: directedCases(p).flatMap((c, k) => {
        const sub = encodeCodes(c.codes, c.table);
        return [decoderPacket(c.table, sub), decoderPacket(c.table, sub, seededRng(k + 1))];
      }),
      // One random packet in four starts exactly on a symbol boundary (stimulus-data.ts boundaryCase).
      random: (rng) => {
        if (rng() < 0.25) { const b = boundaryCase(rng, p); return decoderPacket(b.table, b.sub, rng); }
        const c = randomCase(rng, p);
        return decoderPacket(c.table, encodeCodes(c.codes, c.table), rng);
      },
    }),
  },
});
