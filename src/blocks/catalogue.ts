// Every block bitforge ships. `bitforge build` emits each with its default parameters.

import type { BlockDef } from './block.js';
import { adderTreeBlock } from './examples/adder-tree/block.js';
import { counterBlock } from './examples/counter/block.js';
import { fifoBlock } from './examples/fifo/block.js';
import { intMacBlock } from './int/mac/block.js';
import { loomPrecisionBlock } from './loom/precision/block.js';
import { loomSipBlock } from './loom/sip/block.js';
import { loomTileBlock } from './loom/tile/block.js';
import { tensordashMuxBlock } from './tensordash/mux/block.js';
import { tensordashSchedulerBlock } from './tensordash/scheduler/block.js';
import { tensordashPeBlock } from './tensordash/pe/block.js';
import { apackEncoderBlock } from './apack/encoder/block.js';
import { apackDecoderBlock } from './apack/decoder/block.js';
import { minifloatAddBlock } from './minifloat/add/block.js';
import { minifloatDotBlock } from './minifloat/dot/block.js';
import { minifloatMacBlock } from './minifloat/mac/block.js';
import { minifloatMulBlock } from './minifloat/mul/block.js';
import { mxDequantizeBlock } from './mx/dequantize/block.js';
import { mxDotBlock } from './mx/dot/block.js';
import { mxDotGeneralBlock } from './mx/dot-general/block.js';
import { mxNvfp4DotBlock } from './mx/nvfp4-dot/block.js';
import { mxNvfp4QuantizeBlock } from './mx/nvfp4-quantize/block.js';
import { mxQuantizeBlock } from './mx/quantize/block.js';
import { mokeyPeBlock } from './mokey/pe/block.js';
import { hadamardBlock } from './hadamard/transform/block.js';
import { blockfmtQuantizeBlock } from './blockfmt/quantize/block.js';
import { blockfmtDequantizeBlock } from './blockfmt/dequantize/block.js';
import { blockfmtDotBlock } from './blockfmt/dot/block.js';
import { dfpQuantizeBlock } from './dfp/quantize/block.js';
import { dfpFmaBlock } from './dfp/fma/block.js';
import { geckoEncoderBlock } from './gecko/encoder/block.js';
import { geckoDecoderBlock } from './gecko/decoder/block.js';
import { goboDecoderBlock } from './gobo/decoder/block.js';
import { goboPeBlock } from './gobo/pe/block.js';
import { fprakerPeBlock } from './fpraker/pe/block.js';

export const catalogue: readonly BlockDef[] = [counterBlock, adderTreeBlock, fifoBlock, intMacBlock, minifloatMulBlock, minifloatAddBlock, minifloatMacBlock, minifloatDotBlock, mxQuantizeBlock, mxDequantizeBlock, mxDotBlock, mxDotGeneralBlock, mxNvfp4QuantizeBlock, mxNvfp4DotBlock, loomPrecisionBlock, loomSipBlock, loomTileBlock, tensordashMuxBlock, tensordashSchedulerBlock, tensordashPeBlock, apackEncoderBlock, apackDecoderBlock, mokeyPeBlock, hadamardBlock, blockfmtQuantizeBlock, blockfmtDequantizeBlock, blockfmtDotBlock, dfpQuantizeBlock, dfpFmaBlock, geckoEncoderBlock, geckoDecoderBlock, goboDecoderBlock, goboPeBlock, fprakerPeBlock] as unknown as BlockDef[];

/** A block by its name, or by its family's name when the family has one unit (`hadamard`). */
export function findBlock(name: string): BlockDef | undefined {
  const exact = catalogue.find((b) => b.name === name);
  if (exact) return exact;
  const units = catalogue.filter((b) => b.name.startsWith(`${name}.`));
  return units.length === 1 ? units[0] : undefined;
}
