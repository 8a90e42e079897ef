// gobo.decoder's stimulus. Every packet starts by writing the 8 centroids. Directed: each index in
// each lane, one patch in each lane, every lane patched at once, a lane patched twice (the second
// wins), patches left before the packet's end (dropped), index beats right after a patched one (no
// patches left). Random: 1 … 40 index beats, each lane an outlier with probability 0 … 0.3.

import { randomBits, seededRng, type PacketStimulus, type Vector } from '../../cosim/model.js';
import { KIND_CENTROID, KIND_INDEX, KIND_PATCH, selBits, valueBits, type GoboParams } from './params.js';

type Rng = () => number;

export function goboStimulus(p: GoboParams): PacketStimulus {
  const L = p.lanes, VW = valueBits(p), sb = selBits(p);
  const rv = (rng: Rng) => randomBits(rng, VW, false);
  const beat = (kind: number, sel: number, value: bigint, idx: (i: number) => number = () => 0): Vector => ({ in_kind: BigInt(kind), in_last: 0n, sel: BigInt(sel), value, ...Object.fromEntries(Array.from({ length: L }, (_, i) => [`idx${i}`, BigInt(idx(i))])) });
  const packet = (rng: Rng, body: Vector[]): Vector[] => {
    const beats = [...Array.from({ length: 8 }, (_, k) => beat(KIND_CENTROID, k, rv(rng))), ...body];
    beats[beats.length - 1] = { ...beats[beats.length - 1]!, in_last: 1n };
    return beats;
  };
  const directed = (rng: Rng): Vector[][] => [
    packet(rng, Array.from({ length: 8 }, (_, k) => beat(KIND_INDEX, 0, 0n, (i) => (i + k) % 8))),
    packet(rng, Array.from({ length: L }, (_, l) => [beat(KIND_PATCH, l, rv(rng)), beat(KIND_INDEX, 0, 0n, () => 7)]).flat()),
    packet(rng, [...Array.from({ length: L }, (_, l) => beat(KIND_PATCH, l, rv(rng))), beat(KIND_INDEX, 0, 0n, (i) => i % 8), beat(KIND_INDEX, 0, 0n, () => 3)]),
    packet(rng, [beat(KIND_PATCH, 0, rv(rng)), beat(KIND_PATCH, 0, rv(rng)), beat(KIND_INDEX, 0, 0n, () => 1)]),
    packet(rng, [beat(KIND_INDEX, 0, 0n, () => 2), beat(KIND_PATCH, L - 1, rv(rng))]),
    packet(rng, [beat(KIND_INDEX, 0, 0n, () => 5)]), // the previous packet's patch must be gone
    // A sel past the lanes (or the 8 centroids) writes nothing; kind 3 does nothing.
    packet(rng, [beat(KIND_PATCH, 2 ** sb - 1, rv(rng)), beat(3, 0, rv(rng)), beat(KIND_INDEX, 0, 0n, (i) => 7 - (i % 8))]),
    packet(rng, [beat(KIND_INDEX, 0, 0n, () => 0), beat(KIND_CENTROID, 0, rv(rng)), beat(KIND_INDEX, 0, 0n, () => 0)]), // a centroid rewritten mid-packet
  ];
  return {
    directed: directed(seededRng(11)), // the same packets every run
    random: (rng) => {
      const n = 1 + Math.floor(rng() * 40), rate = rng() < 0.3 ? 0 : rng() * 0.3, body: Vector[] = [];
      for (let b = 0; b < n; b++) {
        for (let l = 0; l < L; l++) if (rng() < rate) body.push(beat(KIND_PATCH, l, rv(rng)));
        body.push(beat(KIND_INDEX, 0, 0n, () => Math.floor(rng() * 8)));
      }
      return packet(rng, body);
    },
  };
}

