// The margin search of timing closure (run.ts closeTiming): which share of the period to keep back on
// the next try, from what the tries so far gave. Kept apart from the tools so that it can be tested.

/** Tries after the first when the design misses the frequency. */
export const CLOSURE_TRIES = 3;
/** Beyond this share of the period kept back, a deeper pipeline is not what is missing. */
export const MAX_MARGIN = 0.6;
/** Margins closer than this give nearly the same stages: stop. */
export const MARGIN_STEP = 0.01;

export interface ClosureState {
  /** The largest margin whose design was timed (placed, on ice40), and the Fmax it gave. */
  readonly fits: { readonly margin: number; readonly got: number };
  /** The smallest margin whose design did not fit or did not finish; Infinity while none. */
  readonly tooDeep: number;
  /** The largest margin that leaves a stage 1.5 LUT levels after its register (closeTiming computes it). */
  readonly cap?: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The next margin, or null to stop: the stage budget shrunk by the shortfall (margin' = 1 − (1 −
 * margin) · got / asked, and 2 % more), bisected back below a margin that was too deep.
 */
export function nextMargin(asked: number, s: ClosureState): number | null {
  let margin = round3(1 - (1 - s.fits.margin) * (s.fits.got / asked) * 0.98);
  if (margin >= s.tooDeep) margin = round3((s.fits.margin + s.tooDeep) / 2);
  // Past the cap, stages hold too little logic: operators are split to their bits, the latency explodes.
  margin = Math.min(margin, MAX_MARGIN, Math.floor((s.cap ?? 1) * 1000) / 1000);
  return margin - s.fits.margin < MARGIN_STEP ? null : margin;
}

/** One try after the first: its margin, and the Fmax it gave (null: did not fit) or why it failed. */
export type ClosureTry<R> = { readonly margin: number; readonly got: number | null; readonly result: R } | { readonly margin: number; readonly failed: string };

/**
 * The tries after a first one that missed `asked`: up to CLOSURE_TRIES, stopping at the first that
 * meets it. `run` builds and times the design at a margin: its Fmax, null when it does not fit, or a
 * failure (the tools did not finish), which bounds the margin like a design that does not fit.
 */
export async function searchMargins<R>(asked: number, first: { readonly margin: number; readonly got: number }, run: (margin: number) => Promise<{ got: number | null; result: R } | { failed: string }>, cap?: number): Promise<Array<ClosureTry<R>>> {
  const tries: Array<ClosureTry<R>> = [];
  let s: ClosureState = { fits: first, tooDeep: Infinity, ...(cap !== undefined ? { cap } : {}) };
  for (let k = 0; k < CLOSURE_TRIES && s.fits.got < asked; k++) {
    const margin = nextMargin(asked, s);
    if (margin === null) break;
    const r = await run(margin);
    tries.push({ margin, ...r });
    if ('failed' in r || r.got === null) s = { ...s, tooDeep: margin };
    else if (r.got >= asked) break;
    else s = { ...s, fits: { margin, got: r.got } };
  }
  return tries;
}
