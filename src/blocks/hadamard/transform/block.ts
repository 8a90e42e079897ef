import { defineBlock } from '../../block.js';
import { hadamard, params } from './generator.js';
import { hadamardGolden } from './golden.js';
import { isFloat } from './params.js';
import { hadamardStimulus } from './stimulus.js';

export const hadamardBlock = defineBlock({
  name: 'hadamard.transform',
  summary: 'Walsh–Hadamard transform of a block of N values (Sylvester order, butterflies): integers exact, floats summed exactly and rounded once with the 2^−⌈log2 N/2⌉ factor',
  params,
  generator: hadamard,
  handshake: (p) => (p.stages === 0 ? { kind: 'combinational' } : { kind: 'pipeline', latency: p.stages }),
  fmaxBase: (p) => ({ ...p, stages: 0 }),
  golden: 'hadamard.transform/golden.ts: y = H_N · x from the Sylvester matrix\'s entries (exact; floats rounded once, RNE)',
  formats: (p) => (isFloat(p) ? Object.fromEntries(Array.from({ length: p.n }, (_, i) => [[`x${i}`, p.in], [`y${i}`, p.output || 'fp32']]).flat()) : {}),
  cosim: { kind: 'transaction', create: hadamardGolden, stimulus: hadamardStimulus },
});
