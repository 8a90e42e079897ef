// Stimulus for blockfmt.quantize: the MX quantizer's directed and random blocks for e8m0 scales (its
// element names resolved), the NVFP4 quantizer's for ue scales, aimed at this element and scale.

import type { Stimulus } from '../../../cosim/model.js';
import { nvfp4QuantizeStimulus } from '../../mx/nvfp4-quantize/stimulus.js';
import { mxQuantizeStimulus } from '../../mx/quantize/stimulus.js';
import { elemOf, hasTensorScale } from '../params.js';
import type { BlockQuantizeParams } from './params.js';

export function blockfmtQuantizeStimulus(p: BlockQuantizeParams): Stimulus {
  if (p.scale === 'e8m0') {
    // With the LFSR there are no rnd<i> ports to drive.
    return mxQuantizeStimulus({ elem: elemOf(p).name, block: p.block, round: p.rng === 'lfsr' ? 'rne' : p.round, randomBits: p.randomBits, input: p.input });
  }
  return nvfp4QuantizeStimulus({ block: p.block, scaleClamp: 'bump' }, { elem: elemOf(p), scale: p.scale, tensorScale: hasTensorScale(p) });
}
