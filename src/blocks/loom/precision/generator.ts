// loom.precision: the dynamic precision of a group of G values (Loom trims Pa per group at run time).

import { defineModule, input, output, std, UInt } from '../../../dsl/index.js';
import { detectPrecision } from './detect.js';
import type { PrecisionParams } from './params.js';

export const loomPrecision = defineModule('loom_precision', (p: PrecisionParams) => {
  const W = p.width;
  const xs = Array.from({ length: p.group }, (_, i) => input(`x${i}`, UInt(W)));
  const d = detectPrecision(xs, p.signed, p.trailing);
  output('p', UInt(std.bitsFor(W))).set(d.p);
  if (d.lsb) output('lsb', UInt(std.bitsFor(W - 1))).set(d.lsb);
});
