// blockfmt.quantize: k float32 inputs → one block scale and k element codes for any block-scaled
// format (formats.md §8). e8m0 scales are the MX quantizer's datapath (mx/quantize, its element
// names resolved: int4 → mxint4), with the LFSR as its random source when asked; ue4m3/ue5m3 scales
// are the NVFP4 quantizer's float32-order datapath with the element's own thresholds.

import { defineModule } from '../../../dsl/index.js';
import { scaleFormat } from '../../../numerics/blockfmt.js';
import { ueQuantizer } from '../../mx/nvfp4-quantize/generator.js';
import { parallelQuantizer } from '../../mx/quantize/parallel.js';
import { elemOf, hasTensorScale } from '../params.js';
import { lfsrBits } from './lfsr.js';
import { lfsrLanesOf, seedOf, type BlockQuantizeParams } from './params.js';

export { params } from './params.js';

export const blockfmtQuantize = defineModule('blockfmt_quantize', (p: BlockQuantizeParams) => {
  const elem = elemOf(p);
  if (p.scale !== 'e8m0') {
    ueQuantizer({ elem, scale: scaleFormat(p.scale), tensorScale: hasTensorScale(p), block: p.block, scaleClamp: 'bump', stages: p.stages });
    return;
  }
  const mx = { elem: elem.name, block: p.block, scaleRule: p.scaleRule ?? 'floor', round: p.round, randomBits: p.randomBits, input: p.input, stages: p.stages };
  const lfsr = { seed: seedOf(p), lanes: lfsrLanesOf(p), block: p.block, randomBits: p.randomBits };
  parallelQuantizer(mx, p.rng === 'lfsr' ? (inValid) => lfsrBits(inValid!, lfsr) : undefined);
});
