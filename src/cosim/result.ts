// What a cosimulation engine reports, whichever simulator ran.
import type { Vector } from './model.js';

export interface Mismatch {
  readonly index: number; // transaction or cycle number in the run; packet streams: output number
  /** Packet streams: inputs are the first beat of the packet the failing output belongs to. */
  readonly packet?: { readonly index: number; readonly beat: number; readonly firstInput: number; readonly inputs: number };
  readonly inputs: Vector;
  readonly expected: Vector | null;
  /** null: the design produced no output (the run timed out). */
  readonly got: Vector | null;
  readonly note?: string; // why there is no output to show (timeout, X/Z bits)
}

export interface EngineResult {
  readonly passed: number;
  readonly failed: number;
  readonly vectors: number; // vectors run (the whole set unless stopped at a mismatch)
  readonly cycles: number;
  readonly cached: boolean; // the simulator build came from the cache
  readonly buildSeconds: number; // compiling the simulator (0 from the cache or for the TS engine)
  readonly mismatch?: Mismatch;
}

export type Progress = (done: number, total: number) => void;
