// Streams for tensordash.pe's stimulus and tests: rows of N (A, B) pairs cut into beats of up to
// H + 1 rows, and a driver that offers the beats cycle by cycle under the valid/ready rules (a beat
// is held until taken; the driver follows the golden model's in_ready to know when it is), with
// optional idle cycles, out_ready stalls and resets.

import { randomBits, type Vector } from '../../../cosim/model.js';
import { std } from '../../../dsl/index.js';
import { peModel } from './golden.js';
import { beatRows, type PeParams } from './params.js';

export interface PeRow { readonly a: bigint[]; readonly b: bigint[] }
export interface Beat { readonly rows: PeRow[]; readonly last: boolean }

/** A stream as beats: full beats of H + 1 rows, the last one partial (an empty stream is one empty beat). */
export function beatsOf(p: PeParams, rows: readonly PeRow[], o: { rng?: () => number; partial?: number; emptyLast?: number } = {}): Beat[] {
  const R = beatRows(p), beats: Beat[] = [];
  for (let i = 0; i < rows.length;) {
    // Now and then a short beat in the middle of the stream: its missing rows are zero rows.
    const take = o.rng && o.rng() < (o.partial ?? 0) ? Math.floor(o.rng() * (R + 1)) : R;
    beats.push({ rows: rows.slice(i, i + take), last: false });
    i += take;
  }
  if (beats.length === 0 || (o.rng && o.rng() < (o.emptyLast ?? 0))) beats.push({ rows: [], last: true });
  else beats[beats.length - 1] = { ...beats[beats.length - 1]!, last: true };
  return beats;
}

export interface DriveOptions {
  readonly gap?: number; // chance of an idle cycle before offering
  readonly stall?: number; // chance that a stall of out_ready starts
  readonly resetRate?: number;
  /** Port value for rows past in_rows (the PE must ignore them). */
  readonly filler?: (rng: () => number, which: 'a' | 'b') => bigint;
  /** An in_rows value beyond H + 1 now and then (clamped by the PE). */
  readonly oversize?: number;
}

/** The cycles that offer `beats` in order, each held until the PE takes it. */
export class BeatDriver {
  private readonly model;
  private readonly queue: Beat[] = [];
  private stallLeft = 0;

  constructor(private readonly p: PeParams, private readonly o: DriveOptions = {}) {
    this.model = peModel(p);
  }

  push(beats: readonly Beat[]): void { this.queue.push(...beats); }
  get pending(): number { return this.queue.length; }

  /** Follow cycles that were driven elsewhere (the model must see every cycle the PE sees). */
  replay(cycles: readonly Vector[]): void { for (const v of cycles) this.model.step(v); }

  /** One reset cycle. */
  reset(): Vector {
    const v = this.cycle(null, true, true);
    this.model.step(v);
    return v;
  }

  next(rng: () => number = Math.random): Vector {
    if (this.stallLeft > 0) this.stallLeft--;
    else if (this.o.stall && rng() < this.o.stall) this.stallLeft = 1 + Math.floor(rng() * 12);
    const rst = !!this.o.resetRate && rng() < this.o.resetRate;
    const idle = !!this.o.gap && rng() < this.o.gap;
    const beat = idle ? null : this.queue[0] ?? null;
    const v = this.cycle(beat, this.stallLeft === 0, rst, rng);
    const out = this.model.step(v);
    if (beat && !rst && out?.in_ready === 1n) this.queue.shift();
    return v;
  }

  private cycle(beat: Beat | null, ready: boolean, rst: boolean, rng: () => number = Math.random): Vector {
    const p = this.p, R = beatRows(p), N = p.lanes;
    const maxRows = 2 ** std.bitsFor(R) - 1; // the port's largest value
    const over = beat && beat.rows.length === R && maxRows > R && this.o.oversize && rng() < this.o.oversize ? R + 1 + Math.floor(rng() * (maxRows - R)) : undefined;
    const v: Vector = { rst: rst ? 1n : 0n, in_valid: beat ? 1n : 0n, in_last: beat?.last ? 1n : 0n, in_rows: BigInt(over ?? beat?.rows.length ?? 0), out_ready: ready ? 1n : 0n };
    for (let r = 0; r < R; r++) {
      const row = beat?.rows[r];
      for (let l = 0; l < N; l++) {
        v[`a${r}_${l}`] = row ? row.a[l]! : this.o.filler && beat ? this.o.filler(rng, 'a') : 0n;
        v[`b${r}_${l}`] = row ? row.b[l]! : this.o.filler && beat ? this.o.filler(rng, 'b') : 0n;
      }
    }
    return v;
  }
}

/** Rows whose A is non-zero where `nz(row, lane)` says, with random non-zero A and random B. */
export function patternRows(p: PeParams, rng: () => number, n: number, nz: (row: number, lane: number) => boolean): PeRow[] {
  const nonZeroA = (): bigint => {
    for (;;) { const x = randomBits(rng, p.aBits, p.signed); if (x !== 0n) return x; }
  };
  return Array.from({ length: n }, (_, r) => ({
    a: Array.from({ length: p.lanes }, (_, l) => (nz(r, l) ? nonZeroA() : 0n)),
    b: Array.from({ length: p.lanes }, () => randomBits(rng, p.bBits, p.signed)),
  }));
}
