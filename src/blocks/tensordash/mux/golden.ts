// Golden model of tensordash.mux (blocks.md §4): lane l's pair is the buffer entry at
// (t + dt, (l + dl) mod N) of the candidate its select names; a select beyond the set gives 0.
import type { Vector } from '../../../cosim/model.js';
import { candidatesOf } from '../candidates.js';
import type { MuxParams } from './params.js';

export function muxGolden(p: MuxParams) {
  const N = p.lanes, cands = candidatesOf(p);
  return (v: Vector): Vector => {
    const out: Vector = {};
    for (let l = 0; l < N; l++) {
      const c = cands[Number(v[`sel${l}`])];
      const at = c ? `${c.dt}_${(((l + c.dl) % N) + N) % N}` : null;
      out[`ma${l}`] = at ? v[`a${at}`]! : 0n;
      out[`mb${l}`] = at ? v[`b${at}`]! : 0n;
    }
    return out;
  };
}
