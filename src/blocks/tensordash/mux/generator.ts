// tensordash.mux: the interconnect alone. Lane l's select picks candidate k of the set, the pair at
// row t + dt_k, lane (l + dl_k) mod N of the staging buffer; A and B share the select. A select
// beyond the set gives a zero pair (our choice: no product).

import { defineModule, input, output, UInt } from '../../../dsl/index.js';
import { candidatesOf, selectWidth } from '../candidates.js';
import { candidateMux } from './logic.js';
import type { MuxParams } from './params.js';

export const tensordashMux = defineModule('tensordash_mux', (p: MuxParams) => {
  const N = p.lanes, rows = p.lookahead + 1, cands = candidatesOf(p), sw = selectWidth(cands);
  const as = Array.from({ length: rows }, (_, r) => Array.from({ length: N }, (_, l) => input(`a${r}_${l}`, UInt(p.aBits))));
  const bs = Array.from({ length: rows }, (_, r) => Array.from({ length: N }, (_, l) => input(`b${r}_${l}`, UInt(p.bBits))));
  const sels = Array.from({ length: N }, (_, l) => input(`sel${l}`, UInt(sw)));
  for (let l = 0; l < N; l++) {
    output(`ma${l}`, UInt(p.aBits)).set(candidateMux(as, l, sels[l]!, cands));
    output(`mb${l}`, UInt(p.bBits)).set(candidateMux(bs, l, sels[l]!, cands));
  }
});
