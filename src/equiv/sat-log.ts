// Reading Yosys `sat`'s log: the verdict, and the counterexample table (`-show-inputs -show-outputs`)
// as values per time step.

/** What one `sat` call concluded. */
export type SatOutcome =
  | { readonly kind: 'proved'; readonly inductionSteps: number | null }
  | { readonly kind: 'failed' }
  | { readonly kind: 'bounded'; readonly steps: number };

export function satOutcome(log: string): SatOutcome | null {
  const induction = /Induction step proven: SUCCESS!/.test(log);
  if (induction) {
    // The last induction length tried is the one that closed it.
    const steps = [...log.matchAll(/Trying induction with length (\d+)/g)].map((m) => Number(m[1]));
    return { kind: 'proved', inductionSteps: steps.length ? Math.max(...steps) : null };
  }
  if (/model found(?: for base case)?: FAIL!/.test(log)) return { kind: 'failed' };
  if (/SAT proof finished - no model found: SUCCESS!/.test(log)) return { kind: 'proved', inductionSteps: null };
  const max = /Reached maximum number of time steps/.test(log);
  if (max) {
    const steps = [...log.matchAll(/Trying induction with length (\d+)/g)].map((m) => Number(m[1]));
    return { kind: 'bounded', steps: steps.length ? Math.max(...steps) : 0 };
  }
  return null;
}

/** Values of the shown signals by time step (1 for a combinational problem), as bit strings (MSB first; `x` possible). */
export type Trace = ReadonlyArray<ReadonlyMap<string, string>>;

export function satTrace(log: string): Trace {
  // The table printed after the model: "  [time] \name  dec  hex  bin" rows.
  const steps = new Map<number, Map<string, string>>();
  const start = log.lastIndexOf('Signal Name');
  if (start < 0) return [];
  for (const line of log.slice(start).split('\n').slice(2)) {
    if (/^\s*init\s/.test(line)) continue; // the initial state of registers (sequential problems)
    const m = /^\s*(?:(\d+)\s+)?\\(\S+)\s+\S+\s+\S+\s+([01xX]+)\s*$/.exec(line);
    if (!m) { if (line.trim() === '' || /^-+/.test(line.trim())) continue; break; }
    const t = m[1] === undefined ? 1 : Number(m[1]);
    if (!steps.has(t)) steps.set(t, new Map());
    steps.get(t)!.set(m[2]!, m[3]!.toLowerCase());
  }
  return [...steps.keys()].sort((a, b) => a - b).map((t) => steps.get(t)!);
}

/** The first step (1-based) at which the trace raises `trigger`: where the outputs differ. */
export const failStep = (trace: Trace) => Math.max(1, trace.findIndex((s) => s.get('trigger') === '1') + 1);
