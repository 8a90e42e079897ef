// The Loom shapes both test tiers cosimulate.

/** loom.sip: every B, signed and unsigned, both modes, odd shapes. */

const configs: Array<Record<string, unknown>> = [];
for (const bits of [1, 2, 4]) for (const signed of [false, true]) configs.push({ bits, signed });
configs.push({ mode: 'fc' }, { mode: 'fc', signed: true });
configs.push({ lanes: 3, maxPrecision: 5, bits: 4, signed: true }, { lanes: 1, maxPrecision: 7, bits: 2 }, { lanes: 16, maxPrecision: 8, bits: 2, signed: true }, { lanes: 5, maxPrecision: 2, bits: 1, signed: true, mode: 'fc' });
export const SIP_CONFIGS: ReadonlyArray<Record<string, unknown>> = configs;

/** loom.precision shapes with 2^18–2^20 inputs: exhaustive in the long tier, random in the fast one. */
export const PRECISION_LARGE_SPACES: ReadonlyArray<Record<string, unknown>> = [
  { group: 2, width: 9, signed: true, trailing: true }, { group: 4, width: 5, trailing: true }, { group: 2, width: 10 },
];

/** loom.tile's structurally different shapes (both tiers run them: test/helpers/runs/cycles.ts). */
export const TILE_CONFIGS: ReadonlyArray<Record<string, unknown>> = [
  { bits: 1 }, { bits: 2, signed: true }, { bits: 4, signed: true }, { bits: 4 }, { mode: 'fc', signed: true },
  { rows: 1, cols: 5, lanes: 3, maxPrecision: 6, bits: 2, signed: true }, { rows: 3, cols: 1, lanes: 1, maxPrecision: 3, bits: 1 },
];

/**
 * Pipelined shapes (stages 1–4, the tile 1–5: serial/dot.ts, serial/input-slice.ts). The fast tier runs the small
 * ones, the long tier the full-size ones; every stage count in each, signed and unsigned, both modes.
 */
export const SIP_STAGED_SMALL: ReadonlyArray<Record<string, unknown>> = [
  { lanes: 3, maxPrecision: 5, bits: 2, signed: true, stages: 1 }, { lanes: 4, maxPrecision: 6, mode: 'fc', stages: 2 },
  { lanes: 3, maxPrecision: 5, bits: 4, signed: true, stages: 3 }, { lanes: 5, maxPrecision: 4, signed: true, mode: 'fc', stages: 4 },
  { lanes: 2, maxPrecision: 7, bits: 2, stages: 4 },
];
export const SIP_STAGED_FULL: ReadonlyArray<Record<string, unknown>> = [
  { stages: 1 }, { bits: 2, signed: true, stages: 2 }, { bits: 4, signed: true, stages: 3 }, { stages: 3, signed: true }, { stages: 4 }, { mode: 'fc', signed: true, stages: 4 },
];
export const TILE_STAGED_SMALL: ReadonlyArray<Record<string, unknown>> = [
  { rows: 2, cols: 2, lanes: 3, maxPrecision: 6, bits: 2, signed: true, stages: 4 }, { rows: 1, cols: 3, lanes: 2, maxPrecision: 5, mode: 'fc', stages: 2 },
  { rows: 2, cols: 3, lanes: 2, maxPrecision: 5, signed: true, stages: 5 },
];
export const TILE_STAGED_FULL: ReadonlyArray<Record<string, unknown>> = [{ stages: 4 }, { bits: 2, signed: true, stages: 3 }, { bits: 4, stages: 1 }, { signed: true, stages: 5 }];
