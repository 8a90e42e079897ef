// Stimulus for hadamard.transform. Integers: the ends of the range (every sum at its largest
// magnitude), one-hot blocks (each output a ±x), then exhaustive or random with a share of extremes.
// Floats: zeros of both signs (the sign of a zero sum), the largest and smallest values, NaN and the
// infinities (+Inf against −Inf in a sum), then exhaustive or random codes with a share of those.
import { randomBits, type Stimulus, type Vector } from '../../../cosim/model.js';
import { encode } from '../../../numerics/encode.js';
import { parseFormat, type FloatFormat } from '../../../numerics/format.js';
import { specialCodes } from '../../minifloat/round.js';
import { oddParity } from '../../../numerics/hadamard.js';
import { inputBits, isFloat, type HadamardParams } from './params.js';


export function hadamardStimulus(p: HadamardParams): Stimulus {
  const bits = inputBits(p);
  const block = (f: (i: number) => bigint): Vector => Object.fromEntries(Array.from({ length: p.n }, (_, i) => [`x${i}`, f(i)]));
  const exhaustive = (i: number) => block((k) => {
    const raw = (BigInt(i) >> BigInt(k * bits)) & ((1n << BigInt(bits)) - 1n);
    return isFloat(p) ? raw : BigInt.asIntN(bits, raw);
  });
  if (!isFloat(p)) {
    const lo = -(1n << BigInt(bits - 1)), hi = (1n << BigInt(bits - 1)) - 1n;
    // Row k of H as ±extremes: output k reaches N·|lo| (the widest sum).
    const row = (k: number) => block((j) => (oddParity(k & j) ? lo : -lo > hi ? hi : -lo));
    return {
      directed: [block(() => 0n), block(() => lo), block(() => hi), block((i) => (i % 2 ? lo : hi)), block((i) => (i === 0 ? lo : 0n)),
        block((i) => (i === p.n - 1 ? hi : 0n)), row(1), row(p.n - 1), block((j) => (oddParity(j) ? lo : hi))],
      spaceBits: p.n * bits,
      exhaustive,
      random: (rng) => block(() => (rng() < 0.1 ? (rng() < 0.5 ? lo : hi) : randomBits(rng, bits, true))),
    };
  }
  const f = parseFormat(p.in) as FloatFormat;
  const code = (x: number) => BigInt(encode(f, x).code);
  const sp = specialCodes(f);
  const max = BigInt(sp.maxMag), negMax = BigInt(sp.signBit) + max, tiny = 1n, negZero = BigInt(sp.signBit);
  const specials = [...(sp.nan ? [BigInt(sp.nan(0))] : []), ...(sp.inf ? [BigInt(sp.inf(0)), BigInt(sp.inf(1))] : [])];
  const directed = [block(() => 0n), block(() => negZero), block((i) => (i % 2 ? negZero : 0n)), block(() => max), block(() => negMax),
    block((i) => (oddParity(i) ? negMax : max)), block(() => tiny), block((i) => (i === 0 ? code(1) : 0n)), block((i) => (i === p.n - 1 ? code(-1.5) : code(0.5)))];
  if (sp.nan) directed.push(block((i) => (i === 1 ? BigInt(sp.nan!(0)) : code(1))));
  if (sp.inf) directed.push(block((i) => (i === 0 ? BigInt(sp.inf!(0)) : i === 1 ? BigInt(sp.inf!(1)) : code(2))), block((i) => (i === 0 ? BigInt(sp.inf!(1)) : 0n)));
  const corner = [0n, negZero, max, negMax, tiny, ...specials];
  return {
    directed,
    spaceBits: p.n * bits,
    exhaustive,
    random: (rng) => block(() => (rng() < 0.05 ? corner[Math.floor(rng() * corner.length)]! : randomBits(rng, bits, false))),
  };
}
