// Enumerations for state machines: a UInt wide enough for the states, whose values are constants named
// in the Verilog (`localparam [1:0] PHASE_RUN = 2'd2;` and `phase == PHASE_RUN`), so a waveform or a
// review reads the state machine by name.

import { currentModule, report } from './context.js';
import { Expr } from './expr.js';
import { UInt, type HwType } from './types.js';

export interface Enum<S extends string> {
  readonly type: HwType;
  readonly states: readonly S[];
  /** A state's value: a constant emitted by its name. */
  of(state: S): Expr;
  /** A state's number (a register's reset value: `{ init: phase.index('table') }`). */
  index(state: S): number;
}

/** Declares an enumeration in the running module: states numbered in order from 0. */
export function enumType<const S extends string>(name: string, states: readonly S[]): Enum<S> {
  const m = currentModule('enumType');
  const dup = states.find((s, i) => states.indexOf(s) !== i);
  if (states.length === 0 || dup !== undefined) {
    report(m, 'bad-range', `enumType('${name}'): ${dup !== undefined ? `the state '${dup}' is listed twice` : 'no states'}`, 'list each state once');
  }
  const type = UInt(Math.max(1, Math.ceil(Math.log2(Math.max(states.length, 2)))));
  const ident = (s: string) => `${name}_${s}`.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  // Claimed in the module's namespace, so no signal or other enumeration takes the same name.
  const labels = new Map(states.map((s) => [s, m.namespace.unique(ident(s))]));
  const index = (s: S) => {
    const i = states.indexOf(s);
    if (i < 0) report(m, 'bad-range', `'${String(s)}' is not a state of ${name} (${states.join(', ')})`, 'use one of the listed states');
    return Math.max(i, 0);
  };
  return {
    type, states,
    of: (s) => new Expr('const', type, [], null, BigInt(index(s)), 0, labels.get(s)),
    index,
  };
}
