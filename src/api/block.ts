// `bitforge/block`: what a user needs to define a block of their own. The zod here is bitforge's own,
// so a user's parameter schema is the kind every command reads (validation, defaults, --help).

export { defineBlock, type BlockDef, type BlockSpec, type Handshake } from '../blocks/block.js';
export { z } from 'zod';
export {
  seededRng, intValue, randomBits,
  type CosimModel, type TransactionModel, type CycleModel, type PacketModel, type Stimulus, type PacketStimulus, type Vector, type Rng,
} from '../cosim/model.js';
