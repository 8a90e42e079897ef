import { defineBlock } from '../../block.js';
import { goboStimulus } from '../stimulus.js';
import { goboDecoder, params } from './generator.js';
import { decoderGolden } from './golden.js';

export const goboDecoderBlock = defineBlock({
  name: 'gobo.decoder',
  summary: 'GOBO weight decoder (MICRO 2020): an 8-entry fp32/fp16 dictionary and outlier patches written by the stream; per index beat L values, each its lane\'s outlier or the centroid its 3-bit index names',
  params,
  generator: goboDecoder,
  golden: 'gobo/decoder/golden.ts: the beat semantics of docs/training-accelerators.md',
  cosim: { kind: 'packet', createPacket: decoderGolden, stimulus: goboStimulus },
});
