// Inputs for every cycle of a fuzz run: random bit patterns for each top input, rst high in cycles 0
// and 1 (every register has a reset value; see build.ts for memories) and now and then later.

import type { PortInfo } from '../codegen/index.js';
import { randomBits, type Rand } from './generate.js';

/** cycles[c][k]: the bit pattern of input port k in cycle c (ports as `inputs` lists them). */
export interface Stimulus {
  readonly inputs: readonly PortInfo[];
  readonly cycles: readonly (readonly bigint[])[];
}

/** Cycles at the start with rst high; Icarus's X values are not compared before they end. */
export const RESET_CYCLES = 2;

/** Values per input name, so a reduced design (which may lose rst) keeps the same stimulus. */
export type StimulusValues = ReadonlyMap<string, readonly bigint[]>;

export function randomValues(r: Rand, ports: readonly PortInfo[], cycles: number): StimulusValues {
  const out = new Map<string, bigint[]>();
  out.set('rst', Array.from({ length: cycles }, (_, c) => (c < RESET_CYCLES || r() < 0.03 ? 1n : 0n)));
  for (const p of ports) {
    if (p.direction !== 'input' || p.name === 'clk' || p.name === 'rst') continue;
    out.set(p.name, Array.from({ length: cycles }, () => randomBits(r, p.width)));
  }
  return out;
}

export function stimulusFor(ports: readonly PortInfo[], values: StimulusValues, cycles: number): Stimulus {
  const inputs = ports.filter((p) => p.direction === 'input' && p.name !== 'clk');
  const rows = Array.from({ length: cycles }, (_, c) => inputs.map((p) => BigInt.asUintN(p.width, values.get(p.name)?.[c] ?? 0n)));
  return { inputs, cycles: rows };
}

/** Outputs of one simulator: per cycle, per output port, lowercase hex of the full width ('x' digits from Icarus). */
export type Trace = string[][];

export const hexOf = (bits: bigint, width: number) => bits.toString(16).padStart(Math.ceil(width / 4), '0');
