// What the in-process engine needs from a simulator: run a chunk of rows in one of the harness's
// modes (tb/harness/core.h.hbs) and say how many outputs came out in how many cycles. The Verilator
// addon and the TypeScript simulator both provide it.

/** The harness's Mode enum (tb/harness/core.h.hbs). */
export const MODE_NUMBER = { comb: 0, pipeline: 1, stream: 2, cycle: 3 } as const;

export interface RunResult {
  readonly seen: number;
  readonly cycles: number;
}

export interface SimHarness {
  run(mode: number, inRows: Uint32Array, n: number, gaps: Uint8Array, stalls: Uint8Array, out: Uint32Array, nOut: number, maxCycles: number): Promise<RunResult>;
}
