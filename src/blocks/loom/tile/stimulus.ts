// Stimulus for loom.tile, cycle by cycle: a reset, directed steps (all-zero activations: Pa falls to
// 1; one column at full precision: the tile runs at it; activations narrower than the runtime Pa;
// stray bits above Pa; one-cycle steps under intermittent out_ready), then random cycles as for loom.sip, with each column's activations drawn at
// their own random precision so the detected Pa varies from step to step.

import type { Stimulus, Vector } from '../../../cosim/model.js';
import { precisionWidth } from '../precision-range.js';
import { randomCycles, randomPrecision } from '../serial/random-cycles.js';
import { stepCycles } from '../sip/params.js';
import type { TileParams } from './params.js';

interface Step { pa: number; pw: number; ws: bigint[][]; as: bigint[][] }

export function loomTileStimulus(p: TileParams): Stimulus {
  const { rows: R, cols: C, lanes: L, maxPrecision: P } = p;
  const pmax = 2 ** precisionWidth(P) - 1, mask = (1n << BigInt(P)) - 1n;
  const cycle = (s: Step | null, o: { rst?: boolean; ready?: boolean } = {}): Vector => {
    const v: Vector = { rst: o.rst ? 1n : 0n, in_valid: s ? 1n : 0n, out_ready: o.ready === false ? 0n : 1n, pa: BigInt(s?.pa ?? 1), pw: BigInt(s?.pw ?? 1) };
    for (let r = 0; r < R; r++) for (let l = 0; l < L; l++) v[`w${r}_${l}`] = s ? s.ws[r]![l]! & mask : 0n;
    for (let c = 0; c < C; c++) for (let l = 0; l < L; l++) v[`a${c}_${l}`] = s ? s.as[c]![l]! & mask : 0n;
    return v;
  };
  const value = (rng: () => number, bits: number): bigint => {
    if (bits <= 0) return 0n;
    const u = BigInt(Math.floor(rng() * 2 ** bits));
    return p.signed ? BigInt.asIntN(bits, u) : u;
  };
  const grid = (n: number, f: (i: number, l: number) => bigint) => Array.from({ length: n }, (_, i) => Array.from({ length: L }, (_, l) => f(i, l)));

  let seed = 0x2468ace;
  const drng = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
  const directed: Vector[] = [cycle(null, { rst: true }), cycle(null, { rst: true })];
  const add = (s: Step) => {
    directed.push(cycle(s));
    for (let c = 0; c < stepCycles(p, P, s.pw) + 1; c++) directed.push(cycle(null));
  };
  const ws = grid(R, () => value(drng, P));
  add({ pa: P, pw: P, ws, as: grid(C, () => 0n) }); // nothing to read: Pa 1
  add({ pa: P, pw: 3, ws, as: grid(C, (c, l) => (c === C - 1 && l === 0 ? (p.signed ? -(1n << BigInt(P - 1)) : mask) : 1n)) }); // one column at full precision
  add({ pa: P, pw: P, ws, as: grid(C, () => value(drng, 3)) }); // narrow activations: Pa 3
  add({ pa: 2, pw: P, ws, as: grid(C, () => value(drng, P)) }); // runtime Pa below the data: read at 2 bits
  add({ pa: 0, pw: pmax, ws, as: grid(C, () => value(drng, 2)) }); // clamped precisions
  // One-cycle steps offered every cycle while out_ready is up one cycle in three: results pile up
  // behind the output registers (with pipeline stages, some are still on their way when they stall).
  for (let c = 0; c < 30; c++) directed.push(cycle({ pa: 1, pw: 1, ws: grid(R, () => value(drng, P)), as: grid(C, () => value(drng, 1)) }, { ready: c % 3 === 0 }));

  return {
    directed,
    spaceBits: 64,
    exhaustive: () => cycle(null),
    random: randomCycles<Step>((rng) => {
      const pa = randomPrecision(rng, P), pw = randomPrecision(rng, P);
      const colBits = Array.from({ length: C }, () => Math.floor(rng() * (P + 1)));
      return { pa, pw, ws: grid(R, () => value(rng, P)), as: grid(C, (c) => (rng() < 0.05 ? BigInt(Math.floor(rng() * 2 ** 30)) : value(rng, colBits[c]!))) };
    }, cycle),
  };
}
