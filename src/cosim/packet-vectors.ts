// The vectors of a packet-stream run: directed packets first, then seeded random packets until the
// run has the requested number of input beats. A chunk holds whole packets: their input beats, the
// golden model's output beats (any number per packet), gaps before each input and stalls on each
// output. As in vectors.ts, everything follows from the seed.

import { seededRng, type PacketModel, type Vector } from './model.js';
import { putRow } from './rows.js';
import type { CosimSetup } from './setup.js';
import { DEFAULT_RANDOM_VECTORS, timing, type Chunk, type VectorSource } from './vectors.js';

export function packetSource(s: CosimSetup, model: PacketModel<unknown>, o: { seed: number; vectors?: number }): VectorSource {
  const stim = model.stimulus(s.params);
  const target = o.vectors ?? DEFAULT_RANDOM_VECTORS;
  // The packets are drawn once (the run's length in beats must be known up front); the golden model
  // runs chunk by chunk, while the simulator works on the previous chunk.
  const packets: Vector[][] = [...stim.directed];
  const directedBeats = packets.reduce((a, p) => a + p.length, 0);
  const rng = seededRng(o.seed);
  let randomBeats = 0, randomPackets = 0;
  while (randomBeats < target) {
    const p = stim.random(rng);
    packets.push(p);
    randomBeats += Math.max(1, p.length); // an empty packet still counts, so the loop ends
    randomPackets++;
  }
  const total = packets.reduce((a, p) => a + p.length, 0);
  const source = `${randomPackets} random packets (${randomBeats} beats, seed ${o.seed}) + ${stim.directed.length} directed (${directedBeats} beats)`;

  function* chunks(size: number): Generator<Chunk> {
    const golden = model.createPacket(s.params);
    const gapRng = seededRng((o.seed ^ 0xa5a5a5a5) >>> 0), stallRng = seededRng((o.seed ^ 0x5a5a5a5a) >>> 0);
    let first = 0, firstOut = 0;
    for (let j = 0; j < packets.length;) {
      // Whole packets up to `size` input beats (at least one packet).
      const firstPacket = j, inStart = [0], outStart = [0];
      const outs: Vector[] = [];
      let n = 0;
      do {
        const out = golden(packets[j]!);
        n += packets[j]!.length;
        for (const v of out) outs.push(v);
        inStart.push(n);
        outStart.push(outs.length);
        j++;
      } while (j < packets.length && n + packets[j]!.length <= size);
      const m = outs.length;
      const inRows = new Uint32Array(Math.max(1, n * s.ins.words)), expRows = new Uint32Array(Math.max(1, m * s.outs.words));
      let i = 0;
      for (let k = firstPacket; k < j; k++) for (const v of packets[k]!) putRow(s.ins, inRows, i++, v);
      outs.forEach((v, k) => putRow(s.outs, expRows, k, v));
      const gaps = new Uint8Array(Math.max(1, n)), stalls = new Uint8Array(Math.max(1, m));
      timing(gapRng, gaps.subarray(0, n));
      timing(stallRng, stalls.subarray(0, m));
      yield { first, n, m, firstOut, packets: { first: firstPacket, inStart, outStart }, inRows, expRows, check: null, gaps, stalls };
      first += n;
      firstOut += m;
    }
  }
  return { total, group: 1, source, seed: o.seed, chunks };
}

/** Whole packets of a chunk or a testbench: the first one's number, and where each one's inputs and outputs start (plus the ends). */
export interface PacketIndex { readonly first: number; readonly inStart: readonly number[]; readonly outStart: readonly number[] }

/** The packet that output `k` belongs to: its number, k's beat in it, its first input (relative to the index) and its input count. */
export function packetOf(p: PacketIndex, k: number): { index: number; beat: number; firstInput: number; inputs: number } {
  let j = 0;
  while (j + 2 < p.outStart.length && p.outStart[j + 1]! <= k) j++; // packets without outputs are skipped
  return { index: p.first + j, beat: k - p.outStart[j]!, firstInput: p.inStart[j]!, inputs: p.inStart[j + 1]! - p.inStart[j]! };
}
