// The vectors of a run, in chunks: directed corner cases first, then exhaustive enumeration (input
// space ≤ 2^20 and no --vectors) or seeded random; the golden model's expected rows beside them; and
// the handshake timing (bubbles before inputs, back-pressure on outputs). Everything follows from
// the seed, so a chunk can be regenerated later (a replay does) and both simulators get the same.

import type { CosimSetup } from './setup.js';
import { seededRng, type CycleModel, type RowGolden, type TransactionModel, type Vector } from './model.js';
import { packetSource, type PacketIndex } from './packet-vectors.js';
import { getRow, putRow } from './rows.js';

export interface Chunk {
  readonly first: number; // index of the first vector of the chunk in the run
  readonly n: number;
  /** Expected output rows: n, but for packet streams. */
  readonly m: number;
  readonly firstOut: number; // index of the chunk's first output in the run
  /** Packet streams: the chunk's whole packets (the first one's number, and each one's first input and output within the chunk, plus the ends). */
  readonly packets?: PacketIndex;
  readonly inRows: Uint32Array;
  readonly expRows: Uint32Array;
  /** Cycle models: 1 where the expected row is defined (after the first reset); null: every row. */
  readonly check: Uint8Array | null;
  readonly gaps: Uint8Array; // idle cycles before each input
  readonly stalls: Uint8Array; // cycles of out_ready low while each output is valid (m of them)
}

export interface VectorSource {
  readonly total: number;
  /** Transactions per group (a block streamed as beats): runs and replays start and end on a group boundary. */
  readonly group: number;
  readonly source: string; // how the vectors were chosen, for the summary
  readonly seed: number;
  /** The run in chunks of `size` vectors. A chunk's arrays are reused three chunks later: copy what you keep. */
  chunks(size: number): Generator<Chunk>;
}

const EXHAUSTIVE_LIMIT_BITS = 20;
export const DEFAULT_RANDOM_VECTORS = 10_000;
const RING = 3;

/** Bubbles and stalls: 1–3 idle cycles before 20% of the transactions. */
export function timing(rng: () => number, out: Uint8Array): void {
  for (let i = 0; i < out.length; i++) out[i] = rng() < 0.2 ? 1 + Math.floor(rng() * 3) : 0;
}

export function vectorSource(s: CosimSetup, o: { seed: number; vectors?: number }): VectorSource {
  if (s.model.kind === 'packet') return packetSource(s, s.model, o);
  const model: TransactionModel<unknown> | CycleModel<unknown> = s.model;
  const stim = model.stimulus(s.params);
  const G = s.model.kind === 'transaction' ? (s.model.groupSize?.(s.params) ?? 1) : 1;
  const d = stim.directed.length;
  if (G > 1 && (s.model.kind !== 'transaction' || !s.model.createGroup || !stim.randomGroup || d % G !== 0)) {
    throw new Error(`${s.block.name}: a model with groups of ${G} needs createGroup, randomGroup and directed vectors in whole groups (it has ${d})`);
  }
  const exhaustive = G === 1 && stim.spaceBits <= EXHAUSTIVE_LIMIT_BITS && o.vectors === undefined;
  const body = exhaustive ? 2 ** stim.spaceBits : Math.ceil((o.vectors ?? DEFAULT_RANDOM_VECTORS) / G) * G;
  const groups = G > 1 ? ` in groups of ${G}` : '';
  const source = exhaustive ? `exhaustive (2^${stim.spaceBits}) + ${d} directed` : `${body} random (seed ${o.seed}) + ${d} directed${groups}`;
  const total = d + body;

  function* chunks(requested: number): Generator<Chunk> {
    const size = Math.max(G, requested - (requested % G)); // a group never straddles two chunks
    const rng = seededRng(o.seed);
    // Timing streams independent of the data stream and of the chunk size.
    const gapRng = seededRng((o.seed ^ 0xa5a5a5a5) >>> 0), stallRng = seededRng((o.seed ^ 0x5a5a5a5a) >>> 0);
    const { ins, outs } = s;
    let golden: RowGolden;
    let cycleModel: { step(v: Vector): Vector | null } | undefined;
    if (model.kind === 'transaction') {
      if (G > 1) {
        const group = model.createGroup!(s.params);
        golden = (inRows, n, outRows) => {
          for (let g = 0; g < n; g += G) {
            const out = group(Array.from({ length: G }, (_, j) => getRow(ins, inRows, g + j)));
            out.forEach((v, j) => putRow(outs, outRows, g + j, v));
          }
        };
      } else {
        const fast = model.createRows?.(s.params, ins, outs);
        const slow = fast ? undefined : model.create(s.params);
        golden = fast ?? ((inRows, n, outRows) => {
          for (let i = 0; i < n; i++) putRow(outs, outRows, i, slow!(getRow(ins, inRows, i)));
        });
      }
    } else {
      cycleModel = model.create(s.params);
      golden = () => undefined;
    }
    // Three buffer sets in turn (one simulating, one being filled, one spare): no page faults for
    // fresh memory on every chunk.
    const rows = Math.max(1, Math.min(size, total));
    const ring = Array.from({ length: RING }, () => ({
      inRows: new Uint32Array(Math.max(1, rows * ins.words)), expRows: new Uint32Array(Math.max(1, rows * outs.words)),
      check: new Uint8Array(rows), gaps: new Uint8Array(rows), stalls: new Uint8Array(rows),
    }));
    for (let first = 0; first < total; first += size) {
      const n = Math.min(size, total - first);
      const buf = ring[(first / size) % RING]!;
      const inRows = buf.inRows.subarray(0, Math.max(1, n * ins.words));
      let i = 0;
      for (; i < n && first + i < d; i++) putRow(ins, inRows, i, stim.directed[first + i]!);
      if (exhaustive) {
        for (; i < n; i++) putRow(ins, inRows, i, stim.exhaustive(first + i - d));
      } else if (G > 1) {
        for (; i < n; i += G) stim.randomGroup!(rng).forEach((v, j) => putRow(ins, inRows, i + j, v));
      } else if (stim.randomRows && i < n) {
        stim.randomRows(rng, ins, inRows.subarray(i * ins.words), n - i);
      } else {
        for (; i < n; i++) putRow(ins, inRows, i, stim.random(rng));
      }
      const expRows = buf.expRows.subarray(0, Math.max(1, n * outs.words));
      let check: Uint8Array | null = null;
      if (cycleModel) {
        check = buf.check.subarray(0, n).fill(0);
        for (let k = 0; k < n; k++) {
          const out = cycleModel.step(getRow(ins, inRows, k));
          if (out) { putRow(outs, expRows, k, out); check[k] = 1; }
        }
      } else {
        golden(inRows, n, expRows);
      }
      const gaps = buf.gaps.subarray(0, n), stalls = buf.stalls.subarray(0, n);
      if (s.mode === 'pipeline' || s.mode === 'stream') timing(gapRng, gaps);
      if (s.mode === 'stream') timing(stallRng, stalls);
      yield { first, n, m: n, firstOut: first, inRows, expRows, check, gaps, stalls };
    }
  }
  return { total, group: G, source, seed: o.seed, chunks };
}
