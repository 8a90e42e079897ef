import { defineBlock } from '../../block.js';
import { intMac, intMacLatency, params } from './generator.js';
import { intMacGolden, intMacGoldenRows } from './golden.js';
import { intMacStimulus } from './stimulus.js';

export const intMacBlock = defineBlock({
  name: 'int.mac',
  summary: 'integer multiply-accumulate: acc ← (clear ? 0 : acc) + a·b per valid input; pipelined product, exact for n accumulations',
  params,
  generator: intMac,
  handshake: (p) => ({ kind: 'pipeline', latency: intMacLatency(p) }),
  fmaxBase: (p) => ({ ...p, stages: 0 }),
  golden: 'int/mac/golden.ts: modular integer accumulation (formats.md §6 int accumulator)',
  cosim: { kind: 'transaction', create: intMacGolden, createRows: intMacGoldenRows, stimulus: intMacStimulus, stateful: true },
});
