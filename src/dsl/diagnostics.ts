// Diagnostics: every problem found while elaborating a design. All of them are collected and reported
// together; a design with any error emits nothing.

import { formatLoc, type SourceLoc } from './source-location.js';

export type DiagnosticKind =
  | 'width-mismatch'     // assigning a wider value to a narrower signal, mis-sized port or memory port
  | 'sign-mix'           // signed and unsigned operands without a cast
  | 'undriven'           // output, wire or instance input with no driver
  | 'multiple-drivers'   // a signal driven by an instance and by an assignment (or by two instances)
  | 'comb-loop'          // combinational cycle
  | 'latch'              // combinational signal not assigned on every path
  | 'unknown-port'       // port map names a port the module does not have
  | 'bad-port-map'       // output port mapped to a non-signal, port mapped twice
  | 'foreign-signal'     // a signal of another module used directly
  | 'drive-input'        // assignment to an input port or to an instance output
  | 'bad-range'          // bit index / slice / width argument out of range
  | 'bad-constant'       // constant does not fit its type
  | 'not-a-value'        // a JavaScript value that is no signal or constant (a string, undefined, NaN, an object)
  | 'cond-width'         // condition of when/mux/enable is not 1 bit wide
  | 'bad-name'           // invalid or duplicate port name, Verilog keyword
  | 'bad-memory'         // memory shape or port misuse
  | 'outside-module'     // DSL call outside a module body
  | 'recursive-instance' // a module instantiating itself, or instances nested without end
  | 'bad-interface'      // two different handshakes declared by one module
  | 'async-body'         // an async generator body (its statements would run after elaboration)
  | 'generator-threw'    // a generator or a helper it called threw a JavaScript error
  | 'unused-input';      // warning only

export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly kind: DiagnosticKind;
  readonly message: string;
  readonly fix: string;
  readonly loc: SourceLoc;
  readonly module: string;
  /** The user's calls that led to loc, innermost first (a helper's callers). */
  readonly via?: readonly SourceLoc[];
  /** The same mistake at the same line this many times (a helper called in a loop): reported once. */
  readonly times?: number;
}

export function formatDiagnostic(d: Diagnostic): string {
  const times = d.times && d.times > 1 ? ` [the same mistake ${d.times} times at this line]` : '';
  const via = d.via?.length ? ` [called from ${d.via.map(formatLoc).join(' ← ')}]` : '';
  return `${formatLoc(d.loc)}: ${d.severity}[${d.kind}] in module ${d.module}: ${d.message}${times}${via} (fix: ${d.fix})`;
}

/** One diagnostic per mistake: those of one kind at one line of one module (a loop) are merged, counted. */
export function mergeRepeats(ds: readonly Diagnostic[]): Diagnostic[] {
  const byKey = new Map<string, Diagnostic>();
  for (const d of ds) {
    const key = `${d.severity}|${d.kind}|${d.module}|${d.loc.file}:${d.loc.line}`;
    const first = byKey.get(key);
    byKey.set(key, first ? { ...first, times: (first.times ?? 1) + 1 } : d);
  }
  return [...byKey.values()];
}

/** Thrown by elaboration when any error was found; carries every diagnostic of the run. */
export class ElaborationError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const errs = diagnostics.filter((d) => d.severity === 'error');
    super(`${errs.length} error(s) in design:\n` + errs.map(formatDiagnostic).join('\n'));
    this.name = 'ElaborationError';
  }
}
