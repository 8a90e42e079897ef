// mokey.pe's stimulus: dot products as packets. Directed: every code pair alone, each lane alone,
// empty lanes, no-outlier and all-outlier streams, the extreme outlier products, the counters and
// the outlier accumulator driven into saturation and back, and scale/shift extremes. Random: code
// streams of 1 to 200 beats with random masks, outlier rates of 0, some or all, random scales.

import { randomBits, seededRng, type PacketStimulus, type Vector } from '../../../cosim/model.js';
import { countLimit, outlierAccBits, SCALE_BITS, type PeParams } from './params.js';

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const allLanes = (p: PeParams) => (1n << BigInt(p.lanes)) - 1n;

interface BeatFill {
  mask: bigint;
  code: (lane: number) => [number, number]; // (a, w)
  outlier?: [bigint, bigint];
}

function beat(p: PeParams, f: BeatFill, last: boolean, scale: bigint, shift: bigint): Vector {
  const v: Vector = { in_last: last ? 1n : 0n, in_mask: f.mask, scale, scale_shift: shift };
  for (let l = 0; l < p.lanes; l++) { const [a, w] = f.code(l); v[`a${l}`] = BigInt(a); v[`w${l}`] = BigInt(w); }
  if (p.outlierLane) {
    v.o_valid = f.outlier ? 1n : 0n;
    v.o_a = f.outlier?.[0] ?? 0n;
    v.o_w = f.outlier?.[1] ?? 0n;
  }
  return v;
}

/** A packet of `n` beats; scale and shift matter on the last beat only, so the others carry noise. */
function packet(p: PeParams, n: number, fill: (b: number) => BeatFill, scale: bigint, shift: bigint, rng?: Rng): Vector[] {
  return Array.from({ length: Math.max(1, n) }, (_, b) => {
    const last = b === Math.max(1, n) - 1;
    return beat(p, fill(b), last, last || !rng ? scale : randomBits(rng, SCALE_BITS, false), last || !rng ? shift : BigInt(Math.floor(rng() * 64)));
  });
}

const UNIT = 1n << 15n; // scale 2^15 with shift 0: the result is S itself

export function directedPackets(p: PeParams, rng: Rng): Vector[][] {
  const L = p.lanes, out: Vector[][] = [], none = (): [number, number] => [0, 0];
  // Every (a, w) code pair alone in lane 0, then each lane alone.
  for (let a = 0; a < 16; a++) for (let w = 0; w < 16; w++) out.push(packet(p, 1, () => ({ mask: 1n, code: () => [a, w] }), UNIT, 0n));
  for (let l = 0; l < L; l++) out.push(packet(p, 1, () => ({ mask: 1n << BigInt(l), code: (k) => (k === l ? [5, 14] : [7, 7]) }), UNIT, 0n));
  // Lanes off carry codes that must not count; an empty dot product is 0.
  out.push(packet(p, 3, () => ({ mask: 0n, code: () => [7, 7] }), UNIT, 0n));
  out.push(packet(p, 1, () => ({ mask: 0n, code: () => [15, 7] }), 0xffffn, 0n));
  // A no-outlier stream of random codes.
  const random = (): [number, number] => [Math.floor(rng() * 16), Math.floor(rng() * 16)];
  out.push(packet(p, 40, () => ({ mask: allLanes(p), code: random }), UNIT, 0n, rng));
  // Per counter, the largest single-beat count: all lanes on one (i, j), both signs.
  for (const [a, w] of [[7, 7], [15, 7], [0, 0], [8, 0], [3, 12]] as const) out.push(packet(p, 2, () => ({ mask: allLanes(p), code: () => [a, w] }), UNIT, 0n));
  const M = countLimit(p), beatsToSat = Number(M / BigInt(L)) + 2;
  if (beatsToSat <= 4200) {
    // Counters driven past +M and −M, then partly back (saturation is sticky only while it lasts).
    for (const [a, w] of [[7, 7], [15, 7], [2, 9]] as const) {
      out.push(packet(p, beatsToSat, () => ({ mask: allLanes(p), code: () => [a, w] }), UNIT, 0n));
      out.push(packet(p, 2 * beatsToSat, (b) => ({ mask: allLanes(p), code: () => (b < beatsToSat + 3 ? [a, w] : [a ^ 8, w]) }), UNIT, 0n));
    }
  }
  if (p.outlierLane) {
    const ext = [-32768n, 32767n, -1n, 0n, 1n];
    // All-outlier streams: no codes, one outlier pair per beat.
    for (const x of ext) for (const y of ext) out.push(packet(p, 1, () => ({ mask: 0n, code: none, outlier: [x, y] }), UNIT, 0n));
    out.push(packet(p, 60, () => ({ mask: 0n, code: none, outlier: [randomBits(rng, 16, true), randomBits(rng, 16, true)] }), UNIT, 0n, rng));
    // Codes and outliers together, outliers on some beats only.
    out.push(packet(p, 30, (b) => ({ mask: allLanes(p), code: random, ...(b % 3 ? {} : { outlier: [randomBits(rng, 16, true), randomBits(rng, 16, true)] as [bigint, bigint] }) }), UNIT, 0n, rng));
    // The outlier accumulator past its limit: 2^(C−1) products of 2^30 reach it.
    const oBeats = 2 ** (outlierAccBits(p) - 31) + 2;
    if (oBeats <= 4200) {
      out.push(packet(p, oBeats, () => ({ mask: 0n, code: none, outlier: [-32768n, -32768n] }), UNIT, 0n));
      out.push(packet(p, oBeats, () => ({ mask: 0n, code: none, outlier: [-32768n, 32767n] }), UNIT, 0n));
    }
  }
  // Scale and shift: the largest scale, the smallest, shifts that round ties and shift everything out.
  for (const [scale, shift] of [[0xffffn, 0n], [0n, 0n], [1n, 0n], [UNIT, 1n], [UNIT, 2n], [UNIT, 17n], [0xffffn, 63n], [12345n, 30n]] as const) {
    for (const [a, w] of [[7, 7], [15, 7], [0, 8]] as const) out.push(packet(p, 3, () => ({ mask: allLanes(p), code: () => [a, w], ...(p.outlierLane ? { outlier: [-32768n, 12345n] as [bigint, bigint] } : {}) }), scale, shift));
  }
  return out;
}

export function randomPacket(p: PeParams, rng: Rng): Vector[] {
  const r = rng();
  const n = r < 0.3 ? 1 + Math.floor(rng() * 4) : r < 0.9 ? 5 + Math.floor(rng() * 40) : 45 + Math.floor(rng() * 160);
  const maskKind = rng(), outlierRate = p.outlierLane ? pick(rng, [0, 0.05, 0.3, 1]) : 0;
  const mask = () => (maskKind < 0.6 ? allLanes(p) : maskKind < 0.9 ? randomBits(rng, p.lanes, false) : 0n);
  // Skewed codes sometimes (small indexes, one sign), as real tensors are.
  const skew = rng() < 0.3;
  const code = (): number => (skew ? Math.floor(rng() * rng() * 8) | (rng() < 0.8 ? 0 : 8) : Math.floor(rng() * 16));
  const o16 = () => (rng() < 0.1 ? pick(rng, [-32768n, 32767n]) : randomBits(rng, 16, true) >> BigInt(Math.floor(rng() * 12)));
  const scale = randomBits(rng, SCALE_BITS, false), shift = BigInt(rng() < 0.8 ? Math.floor(rng() * 12) : Math.floor(rng() * 64));
  return packet(p, n, () => ({ mask: mask(), code: () => [code(), code()], ...(rng() < outlierRate ? { outlier: [o16(), o16()] as [bigint, bigint] } : {}) }), scale, shift, rng);
}

export function peStimulus(p: PeParams, seed = 0x6d6b79): PacketStimulus {
  // The directed set has a fixed seed of its own, so `--seed` changes the random packets only.
  return { directed: directedPackets(p, seededRng(seed)), random: (r) => randomPacket(p, r) };
}
