// Stimulus for hadamard.transform: the ends of the range (every sum at its largest magnitude), one-hot
// blocks (each output a ±x), then exhaustive or random with a share of extreme elements.
import { randomBits, type Stimulus, type Vector } from '../../../cosim/model.js';

export function hadamardStimulus(p: { n: number; bits: number }): Stimulus {
  const lo = -(1n << BigInt(p.bits - 1)), hi = (1n << BigInt(p.bits - 1)) - 1n;
  const block = (f: (i: number) => bigint): Vector => Object.fromEntries(Array.from({ length: p.n }, (_, i) => [`x${i}`, f(i)]));
  // Row k of H as ±extremes: output k reaches N·|lo| (the widest sum).
  const row = (k: number) => block((j) => (popcountParity(k & j) ? lo : -lo > hi ? hi : -lo));
  return {
    directed: [block(() => 0n), block(() => lo), block(() => hi), block((i) => (i % 2 ? lo : hi)), block((i) => (i === 0 ? lo : 0n)),
      block((i) => (i === p.n - 1 ? hi : 0n)), row(1), row(p.n - 1), block((j) => (popcountParity(j) ? lo : hi))],
    spaceBits: p.n * p.bits,
    exhaustive: (i) => block((k) => BigInt.asIntN(p.bits, BigInt(i) >> BigInt(k * p.bits))),
    random: (rng) => block(() => (rng() < 0.1 ? (rng() < 0.5 ? lo : hi) : randomBits(rng, p.bits, true))),
  };
}

function popcountParity(v: number): boolean {
  let c = 0;
  for (; v; v &= v - 1) c ^= 1;
  return c === 1;
}
