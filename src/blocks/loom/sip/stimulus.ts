// Stimulus for loom.sip, cycle by cycle: a reset, then directed steps (extreme operands at the
// corner precisions 1, 2, B, B+1, P−1, P, each followed by idle cycles; back-to-back steps; a long
// out_ready stall; one-cycle steps under intermittent out_ready), then random cycles: operands
// offered for a few cycles each (held or replaced whether taken or not), precisions mostly in 1…P
// and sometimes 0 or above P (clamped), operands mostly within their precision and sometimes with
// stray high bits (ignored), bursts of back-pressure, rare resets.

import type { Stimulus, Vector } from '../../../cosim/model.js';
import { randomCycles, randomPrecision } from '../serial/random-cycles.js';
import { stepCycles, type SipParams } from './params.js';

interface Step { pa: number; pw: number; ws: bigint[]; as: bigint[] }

export function loomSipStimulus(p: SipParams): Stimulus {
  const L = p.lanes, P = p.maxPrecision;
  const mask = (1n << BigInt(P)) - 1n;
  const cycle = (s: Step | null, o: { rst?: boolean; ready?: boolean } = {}): Vector => {
    const v: Vector = { rst: o.rst ? 1n : 0n, in_valid: s ? 1n : 0n, out_ready: o.ready === false ? 0n : 1n, pa: BigInt(s?.pa ?? 1), pw: BigInt(s?.pw ?? 1) };
    for (let l = 0; l < L; l++) { v[`w${l}`] = s ? s.ws[l]! & mask : 0n; v[`a${l}`] = s ? s.as[l]! & mask : 0n; }
    return v;
  };
  const most = (bits: number) => (p.signed ? -(1n << BigInt(bits - 1)) : (1n << BigInt(bits)) - 1n); // largest magnitude
  const top = (bits: number) => (p.signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n);
  const fill = (x: bigint) => Array.from({ length: L }, () => x);

  const directed: Vector[] = [cycle(null, { rst: true }), cycle(null, { rst: true })];
  const precisions = [...new Set([1, 2, p.bits, p.bits + 1, P - 1, P].filter((x) => x >= 1 && x <= P))];
  for (const pa of precisions) {
    for (const pw of precisions) {
      for (const [w, a] of [[most(pw), most(pa)], [top(pw), most(pa)], [most(pw), top(pa)], [1n, 0n]] as const) {
        directed.push(cycle({ pa, pw, ws: fill(w), as: fill(a) }));
        for (let c = 0; c < stepCycles(p, pa, pw) + 1; c++) directed.push(cycle(null));
      }
    }
  }
  // Back-to-back steps with new operands offered every cycle, then a result held under a stall.
  let k = 0;
  for (let c = 0; c < 40; c++) directed.push(cycle({ pa: 1 + (k % P), pw: 1 + ((k * 7) % 3), ws: fill(BigInt(k)), as: fill(BigInt(++k)) }));
  for (let c = 0; c < 3 * stepCycles(p, P, P); c++) directed.push(cycle(c % 2 ? { pa: P, pw: P, ws: fill(most(P)), as: fill(most(P)) } : null, { ready: false }));
  // One-cycle steps offered every cycle while out_ready is up one cycle in three: results pile up
  // behind the output register (with pipeline stages, some are still on their way when it stalls).
  for (let c = 0; c < 30; c++) directed.push(cycle({ pa: 1, pw: 1, ws: fill(BigInt(c)), as: fill(BigInt(c >> 1)) }, { ready: c % 3 === 0 }));

  const randomValue = (rng: () => number, bits: number): bigint => {
    const r = rng();
    if (r < 0.05) return 0n;
    if (r < 0.1) return most(bits);
    if (r < 0.2) return BigInt(Math.floor(rng() * 2 ** 30)) * BigInt(Math.floor(rng() * 4)); // stray high bits
    const u = BigInt(Math.floor(rng() * 2 ** bits));
    return p.signed ? BigInt.asIntN(bits, u) : u;
  };
  return {
    directed,
    spaceBits: 64, // a sequence: always random
    exhaustive: () => cycle(null),
    random: randomCycles<Step>((rng) => {
      const pa = randomPrecision(rng, P), pw = randomPrecision(rng, P);
      const va = Math.min(Math.max(pa, 1), P), vw = Math.min(Math.max(pw, 1), P);
      return { pa, pw, ws: Array.from({ length: L }, () => randomValue(rng, vw)), as: Array.from({ length: L }, () => randomValue(rng, va)) };
    }, cycle),
  };
}
