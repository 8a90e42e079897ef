import { defineBlock } from '../../block.js';
import { hadamard, inputBits, params } from './generator.js';
import { hadamardGolden } from './golden.js';
import { hadamardStimulus } from './stimulus.js';

export const hadamardBlock = defineBlock({
  name: 'hadamard.transform',
  summary: 'Walsh–Hadamard transform of a block of N integers, exact (Sylvester order, butterflies)',
  params,
  generator: hadamard,
  handshake: (p) => (p.stages === 0 ? { kind: 'combinational' } : { kind: 'pipeline', latency: p.stages }),
  fmaxBase: (p) => ({ ...p, stages: 0 }),
  golden: 'hadamard.transform/golden.ts: y = H_N · x from the Sylvester matrix\'s entries, exact',
  cosim: { kind: 'transaction', create: hadamardGolden, stimulus: (p) => hadamardStimulus({ n: p.n, bits: inputBits(p) }) },
});
