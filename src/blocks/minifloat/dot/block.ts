import { defineBlock } from '../../block.js';
import { dotLatency, minifloatDot, params } from './generator.js';
import { minifloatDotGolden } from './golden.js';
import { minifloatDotStimulus } from './stimulus.js';

export const minifloatDotBlock = defineBlock({
  name: 'minifloat.dot',
  summary: 'L-lane minifloat dot product: exact products, exact adder tree, and a Kulisch accumulator (sticky NaN/Inf flags) or a float one rounded once per step',
  params,
  generator: minifloatDot,
  handshake: (p) => ({ kind: 'pipeline', latency: dotLatency(p) }),
  fmaxBase: (p) => ({ ...p, stages: 0, treeStages: 0 }),
  golden: 'minifloat/dot/golden.ts: exact products of every lane summed modulo 2^W (formats.md §6 Kulisch)',
  formats: (p) => ({ ...Object.fromEntries(Array.from({ length: p.lanes }, (_, i) => [[`a${i}`, p.a], [`b${i}`, p.b]]).flat()), ...(p.acc !== 'kulisch' ? { acc: p.acc } : {}) }),
  cosim: { kind: 'transaction', create: minifloatDotGolden, stimulus: minifloatDotStimulus, stateful: true },
});
