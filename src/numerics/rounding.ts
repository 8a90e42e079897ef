// Rounding modes and conversion flags (formats.md §2).

export type RoundingMode = 'rne' | 'rna' | 'rtz' | 'rup' | 'rdn' | 'stochastic';
export const ROUNDING_MODES: readonly RoundingMode[] = ['rne', 'rna', 'rtz', 'rup', 'rdn', 'stochastic'];

export const FLAG_INEXACT = 1;
export const FLAG_OVERFLOW = 2;
export const FLAG_UNDERFLOW = 4;
export const FLAG_INVALID = 8;

export interface EncodeOptions {
  readonly round?: RoundingMode;
  /** Clamp finite values beyond ±max to ±max instead of Inf/NaN. */
  readonly sat?: boolean;
  /** Stochastic rounding: number of random bits R (1..32) added below the kept LSB. */
  readonly randomBits?: number;
}

export function flagNames(flags: number): string[] {
  const out: string[] = [];
  if (flags & FLAG_INEXACT) out.push('inexact');
  if (flags & FLAG_OVERFLOW) out.push('overflow');
  if (flags & FLAG_UNDERFLOW) out.push('underflow');
  if (flags & FLAG_INVALID) out.push('invalid');
  return out;
}

/**
 * Whether to add one unit to `kept` given the dropped remainder rem / 2^shift (0 <= rem < 2^shift).
 * `sign` is 1 for negative values; `rnd` are the R random bits of stochastic rounding.
 */
export function roundUp(mode: RoundingMode, kept: number, rem: number, shift: number, sign: number, rnd: number, R: number): boolean {
  if (rem === 0) return false;
  if (shift > 60) {
    // Far below the quantum: rem is nowhere near half (rem < 2^53 < 2^(shift-1)).
    // (Stochastic: rnd/2^R < 1 − rem/2^shift always holds here, so it truncates.)
    return mode === 'rup' ? sign === 0 : mode === 'rdn' ? sign === 1 : false;
  }
  const half = 2 ** (shift - 1);
  switch (mode) {
    case 'rne': return rem > half || (rem === half && kept % 2 === 1);
    case 'rna': return rem >= half;
    case 'rtz': return false;
    case 'rup': return sign === 0;
    case 'rdn': return sign === 1;
    case 'stochastic': {
      // floor(x/2^q + rnd/2^R) exceeds kept iff rnd/2^R >= 1 - rem/2^shift, i.e. rnd >= d·2^(R-shift).
      const d = 2 ** shift - rem;
      return R >= shift ? rnd >= d * 2 ** (R - shift) : rnd >= Math.ceil(d / 2 ** (shift - R));
    }
  }
}
