// TensorDash's candidate set: the (dt, dl) positions a multiplier lane may take a pair from, relative
// to its own (row t, lane l) of the staging window; lane order: the scheduler's priority. Both as
// parameters in the command-line form "0:0,1:0,2:0,1:-1" and "0,1,2,...".

import { z } from 'zod';

export interface Candidate { readonly dt: number; readonly dl: number }

/** blocks.md §4's default set (from the group's simulator). */
export const DEFAULT_CANDIDATES = '0:0,1:0,2:0,1:-1,1:1,2:-2,2:2,1:3';

export function parseCandidates(s: string): Candidate[] {
  return s.split(',').map((x) => {
    const m = /^\s*(\d+):([+-]?\d+)\s*$/.exec(x);
    if (!m) throw new Error(`'${x}' is not dt:dl (e.g. 1:-1)`);
    return { dt: Number(m[1]), dl: Number(m[2]) };
  });
}

/**
 * The candidates a lane can use: the given list, or the default set cut at the lookahead H and, with
 * few lanes, without the entries that name an earlier entry's position (±2 with 4 lanes).
 */
export function candidatesOf(p: { candidates?: string | undefined; lookahead: number; lanes: number }): Candidate[] {
  if (p.candidates !== undefined) return parseCandidates(p.candidates);
  const seen = new Set<string>();
  return parseCandidates(DEFAULT_CANDIDATES).filter((c) => {
    const key = `${c.dt}:${(((c.dl % p.lanes) + p.lanes) % p.lanes)}`;
    if (c.dt > p.lookahead || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function laneOrderOf(p: { laneOrder?: string | undefined; lanes: number }): number[] {
  return p.laneOrder === undefined ? Array.from({ length: p.lanes }, (_, i) => i) : p.laneOrder.split(',').map((x) => Number(x.trim()));
}

/** Bits of a lane's select: an index into the candidate set. */
export const selectWidth = (cands: readonly Candidate[]) => Math.max(1, Math.ceil(Math.log2(cands.length)));

/** The window fields shared by the interconnect, the scheduler and the PE. */
export const windowFields = {
  lanes: z.number().int().min(1).max(64).default(16).describe('multiplier lanes N'),
  lookahead: z.number().int().min(0).max(7).default(2).describe('lookahead H: the window holds rows t … t+H'),
  candidates: z.string().optional().describe(`candidate set as dt:dl pairs in priority order (default ${DEFAULT_CANDIDATES}, cut at the lookahead, duplicates mod N dropped)`),
};
export const laneOrderField = z.string().optional().describe('lane priority order as a comma list (default 0,1,…,N−1)');

export function checkCandidates(p: { lanes: number; lookahead: number; candidates?: string | undefined }, ctx: z.RefinementCtx): void {
  let cands: Candidate[];
  try { cands = candidatesOf(p); } catch (e) {
    ctx.addIssue({ code: 'custom', path: ['candidates'], message: (e as Error).message });
    return;
  }
  const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['candidates'], message });
  if (cands.length < 1 || cands.length > 8) issue(`${cands.length} candidates; the interconnect muxes 1 to 8`);
  else if (cands[0]!.dt !== 0 || cands[0]!.dl !== 0) issue('the first candidate must be 0:0 (a lane\'s own pair wins when it is non-zero)');
  else if (cands.some((c, i) => i > 0 && c.dt === 0)) issue('only 0:0 may look at the current row (dt = 0)');
  else if (cands.some((c) => c.dt > p.lookahead)) issue(`a candidate looks beyond the lookahead ${p.lookahead}`);
  else if (new Set(cands.map((c) => `${c.dt}:${((c.dl % p.lanes) + p.lanes) % p.lanes}`)).size !== cands.length) issue(`two candidates name the same position with ${p.lanes} lanes`);
}

export function checkLaneOrder(p: { lanes: number; laneOrder?: string | undefined }, ctx: z.RefinementCtx): void {
  const order = laneOrderOf(p);
  if (order.length !== p.lanes || order.some((x) => !Number.isInteger(x)) || new Set(order).size !== p.lanes || order.some((x) => x < 0 || x >= p.lanes)) {
    ctx.addIssue({ code: 'custom', path: ['laneOrder'], message: `must list each lane 0…${p.lanes - 1} once` });
  }
}
