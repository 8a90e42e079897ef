// blockfmt.quantize: k float32 inputs → one block scale and k element codes for any block-scaled
// format (formats.md §8). e8m0 scales are the MX quantizer's datapath (mx/quantize, its element
// names resolved: int4 → mxint4), with the LFSR as its random source when asked; ue4m3/ue5m3 scales
// are the NVFP4 quantizer's float32-order datapath with the element's own thresholds. --rotate
// hadamard puts the Hadamard transform in front (rotate.ts).

import { defineModule, type ModuleGenerator } from '../../../dsl/index.js';
import { scaleFormat } from '../../../numerics/blockfmt.js';
import { ueQuantizer } from '../../mx/nvfp4-quantize/generator.js';
import { parallelQuantizer } from '../../mx/quantize/parallel.js';
import { elemOf, hasTensorScale, rotateStagesOf } from '../params.js';
import { rotateThenUnit } from '../rotate.js';
import { lfsrBits } from './lfsr.js';
import { lfsrLanesOf, seedOf, type BlockQuantizeParams } from './params.js';

export { params } from './params.js';

export const blockfmtQuantize: ModuleGenerator<BlockQuantizeParams> = defineModule('blockfmt_quantize', (p: BlockQuantizeParams) => {
  const elem = elemOf(p);
  if (p.rotate === 'hadamard') {
    const { rotateStages: _, ...rest } = p;
    const k = p.block, scaleWidth = p.scale === 'e8m0' ? 8 : scaleFormat(p.scale).width;
    rotateThenUnit({
      gen: blockfmtQuantize, params: { ...rest, rotate: 'none' }, stages: p.stages,
      dataIn: Array.from({ length: k }, (_, i) => [`v${i}`, 32] as const),
      sideIn: [...(hasTensorScale(p) ? [['st', 32] as const] : []), ...(p.round === 'stochastic' && p.rng === 'ports' ? Array.from({ length: k }, (_, i) => [`rnd${i}`, p.randomBits] as const) : [])],
      dataOut: Array.from({ length: k }, (_, i) => [`p${i}`, elem.width] as const),
      sideOut: [['scale', scaleWidth], ['nan_block', 1]],
    }, k, rotateStagesOf(p));
    return;
  }
  if (p.scale !== 'e8m0') {
    ueQuantizer({ elem, scale: scaleFormat(p.scale), tensorScale: hasTensorScale(p), block: p.block, scaleClamp: 'bump', stages: p.stages });
    return;
  }
  const mx = { elem: elem.name, block: p.block, scaleRule: p.scaleRule ?? 'floor', round: p.round, randomBits: p.randomBits, input: p.input, stages: p.stages };
  const lfsr = { seed: seedOf(p), lanes: lfsrLanesOf(p), block: p.block, randomBits: p.randomBits };
  parallelQuantizer(mx, p.rng === 'lfsr' ? (inValid) => lfsrBits(inValid!, lfsr) : undefined);
});
