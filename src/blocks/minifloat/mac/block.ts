import { defineBlock } from '../../block.js';
import { macLatency, minifloatMac, params } from './generator.js';
import { minifloatMacGolden } from './golden.js';
import { minifloatMacStimulus } from './stimulus.js';

export const minifloatMacBlock = defineBlock({
  name: 'minifloat.mac',
  summary: 'minifloat multiply-accumulate: acc ← (clear ? 0 : acc) + a·b into an exact Kulisch accumulator (sticky NaN/Inf flags) or a float accumulator rounded every step',
  params,
  generator: minifloatMac,
  handshake: (p) => ({ kind: 'pipeline', latency: macLatency(p) }),
  fmaxBase: (p) => ({ ...p, stages: 0 }),
  golden: 'minifloat/mac/golden.ts: exact products summed modulo 2^W (formats.md §6 Kulisch), IEEE specials',
  formats: (p) => ({ a: p.a, b: p.b, ...(p.acc !== 'kulisch' ? { acc: p.acc } : {}) }),
  cosim: { kind: 'transaction', create: minifloatMacGolden, stimulus: minifloatMacStimulus, stateful: true },
});
