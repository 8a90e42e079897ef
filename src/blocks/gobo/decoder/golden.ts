// gobo.decoder's golden model, from docs/training-accelerators.md: the dictionary and the patches as
// the beats write them; per index beat, L values.

import type { Vector } from '../../../cosim/model.js';
import { KIND_CENTROID, KIND_INDEX, KIND_PATCH, type GoboParams } from '../params.js';

export function decoderGolden(p: GoboParams) {
  const dict: bigint[] = Array(8).fill(0n); // registers: kept from packet to packet
  return (beats: Vector[]): Vector[] => {
    const out: Vector[] = [];
    let patches = new Map<number, bigint>();
    for (const v of beats) {
      const kind = Number(v.in_kind), sel = Number(v.sel ?? 0n);
      if (kind === KIND_CENTROID && sel < 8) dict[sel] = v.value ?? 0n;
      else if (kind === KIND_PATCH && sel < p.lanes) patches.set(sel, v.value ?? 0n);
      else if (kind === KIND_INDEX) {
        out.push(Object.fromEntries(Array.from({ length: p.lanes }, (_, i) => [`v${i}`, patches.get(i) ?? dict[Number(v[`idx${i}`] ?? 0n)]!])));
      }
      if (kind === KIND_INDEX || v.in_last === 1n) patches = new Map();
    }
    return out;
  };
}
