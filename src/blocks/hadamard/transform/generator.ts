// hadamard.transform: y = H_N · x for a block of N integers (formats.md §8), H_N the Sylvester Hadamard
// matrix. log2 N butterfly levels of exact adders and subtractors (a + b, a − b, one bit wider per level),
// in Sylvester order; integer inputs give exact integer outputs without the 2^−⌈log2(N)/2⌉ factor.
// `stages` registers are spread over the levels (the last one at the output); in_valid travels beside.

import { z } from 'zod';
import { Bool, defineModule, input, output, SInt, std, type Expr } from '../../../dsl/index.js';

export const params = z.object({
  n: z.number().int().min(2).max(256).refine((n) => (n & (n - 1)) === 0, 'must be a power of two (2, 4, …, 256)').default(16).describe('block size N, a power of two'),
  in: z.string().regex(/^int([2-9]|[12]\d|3[0-2])$/, 'expected intB with B from 2 to 32 (integer inputs; float inputs are not built yet)').default('int8').describe('element format of the inputs: intB, two\'s complement'),
  stages: z.number().int().min(0).max(8).default(1).describe('pipeline registers, spread over the butterfly levels (0: combinational, no valid ports; at most log2 N)'),
}).refine((p) => p.stages <= Math.log2(p.n), { message: 'at most log2 N (one register per butterfly level)', path: ['stages'] });
export type HadamardParams = z.infer<typeof params>;

export const inputBits = (p: HadamardParams) => Number(p.in.slice(3));
export const levels = (p: HadamardParams) => Math.log2(p.n);
export const outputBits = (p: HadamardParams) => inputBits(p) + levels(p);

/** The levels after which a register sits: `stages` of them, evenly spread, the last at the output. */
export function registerLevels(p: HadamardParams): Set<number> {
  const L = levels(p);
  return new Set(Array.from({ length: p.stages }, (_, k) => Math.ceil(((k + 1) * L) / p.stages)));
}

export const hadamard = defineModule('hadamard', (p: HadamardParams) => {
  const inValid = p.stages > 0 ? input('in_valid', Bool) : undefined;
  let v: Expr[] = Array.from({ length: p.n }, (_, i) => input(`x${i}`, SInt(inputBits(p))));
  const outValid = inValid ? output('out_valid', Bool) : undefined;
  const ys = Array.from({ length: p.n }, (_, i) => output(`y${i}`, SInt(outputBits(p))));

  const at = registerLevels(p);
  let valid: Expr | undefined = inValid;
  for (let level = 1, h = 1; h < p.n; level++, h *= 2) {
    // Pairs h apart within blocks of 2h: (a, b) → (a + b, a − b), one bit wider, never wrapping.
    const next: Expr[] = new Array(p.n);
    for (let i = 0; i < p.n; i += 2 * h) {
      for (let j = i; j < i + h; j++) {
        const a = v[j]!.ext(v[j]!.width + 1), b = v[j + h]!.ext(v[j + h]!.width + 1);
        next[j] = a.addWrap(b);
        next[j + h] = a.subWrap(b);
      }
    }
    v = at.has(level) ? next.map((x, i) => std.pipe(x, 1, `l${level}_${i}`)) : next;
    if (valid && at.has(level)) valid = std.pipeValid(valid, 1, `valid_l${level}`);
  }
  ys.forEach((y, i) => y.set(v[i]!));
  if (outValid && valid) outValid.set(valid);
});
