// Stimulus for tensordash.mux: directed buffers whose every entry holds its own position (so a
// wrong route shows which entry came instead), each lane through every select value; then random
// buffers and selects.

import type { Stimulus, Vector } from '../../../cosim/model.js';
import { randomBits } from '../../../cosim/model.js';
import { candidatesOf, selectWidth } from '../candidates.js';
import type { MuxParams } from './params.js';

export function muxStimulus(p: MuxParams): Stimulus {
  const N = p.lanes, rows = p.lookahead + 1, sw = selectWidth(candidatesOf(p));
  const buffer = (f: (r: number, l: number, which: 'a' | 'b') => bigint): Vector => {
    const v: Vector = {};
    for (let r = 0; r < rows; r++) for (let l = 0; l < N; l++) {
      v[`a${r}_${l}`] = BigInt.asUintN(p.aBits, f(r, l, 'a'));
      v[`b${r}_${l}`] = BigInt.asUintN(p.bBits, f(r, l, 'b'));
    }
    return v;
  };
  const marked = buffer((r, l, w) => BigInt(r * N + l + 1) * (w === 'a' ? 1n : 3n));
  const directed: Vector[] = [];
  for (let s = 0; s < 2 ** sw; s++) {
    const v: Vector = { ...marked };
    for (let l = 0; l < N; l++) v[`sel${l}`] = BigInt((s + l) % 2 ** sw);
    directed.push(v);
  }
  return {
    directed,
    spaceBits: rows * N * (p.aBits + p.bBits) + N * sw,
    exhaustive: (i) => { // every port's bits in turn from the index
      let x = BigInt(i);
      const take = (w: number) => { const v = x & ((1n << BigInt(w)) - 1n); x >>= BigInt(w); return v; };
      const v = buffer((_, __, w) => take(w === 'a' ? p.aBits : p.bBits));
      for (let l = 0; l < N; l++) v[`sel${l}`] = take(sw);
      return v;
    },
    random: (rng) => {
      const v = buffer((_, __, w) => randomBits(rng, w === 'a' ? p.aBits : p.bBits, false));
      for (let l = 0; l < N; l++) v[`sel${l}`] = randomBits(rng, sw, false);
      return v;
    },
  };
}
