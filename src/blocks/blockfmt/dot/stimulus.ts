// Stimulus for blockfmt.dot: mx.dot's directed and random pairs for e8m0 scales (element names
// resolved), mx.nvfp4-dot's for ue scales, aimed at these elements and this scale.
import type { Stimulus } from '../../../cosim/model.js';
import { scaleFormat } from '../../../numerics/blockfmt.js';
import { mxDotStimulus } from '../../mx/dot/stimulus.js';
import { nvfp4DotStimulus } from '../../mx/nvfp4-dot/stimulus.js';
import { elemOf, hasTensorScale } from '../params.js';
import { elemBName, type BlockDotParams } from './generator.js';

export function blockfmtDotStimulus(p: BlockDotParams): Stimulus {
  const ea = elemOf(p), eb = elemOf(p, elemBName(p));
  if (p.scale === 'e8m0') return mxDotStimulus({ elem: ea.name, elemB: eb.name, block: p.block });
  return nvfp4DotStimulus({ block: p.block }, { elemA: ea, elemB: eb, scale: scaleFormat(p.scale), tensorScale: hasTensorScale(p) });
}
