// Number-format descriptors (formats.md §1) and the parser for format names used everywhere.

export type SpecialsPolicy =
  | 'ieee'    // all-ones exponent: Inf (mantissa 0) or NaN
  | 'fn'      // no Inf; only the all-ones code (per sign) is NaN
  | 'finite'  // no Inf, no NaN
  | 'fnuz';   // no Inf; NaN is the negative-zero code; no -0

export interface FloatFormat {
  readonly kind: 'float';
  readonly name: string;
  readonly expBits: number;
  readonly manBits: number;
  readonly bias: number;
  readonly signed: boolean;
  readonly subnormals: boolean;
  readonly specials: SpecialsPolicy;
  /** False only for e8m0: exponent field 0 is the normal value 2^-bias and there is no zero. */
  readonly hasZero: boolean;
  readonly width: number;
}

export interface IntFormat {
  readonly kind: 'int';
  readonly name: string;
  readonly bits: number;
  readonly signed: boolean;
  /** Value = k · 2^scaleExp (MX INT8: −6). */
  readonly scaleExp: number;
  /** Most negative code never produced (MX INT8 clamps to ±127). */
  readonly symmetric: boolean;
  readonly width: number;
}

export type Format = FloatFormat | IntFormat;

export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}

interface FloatOpts { bias?: number; signed?: boolean; subnormals?: boolean; specials?: SpecialsPolicy; hasZero?: boolean }

export function floatFormat(name: string, expBits: number, manBits: number, o: FloatOpts = {}): FloatFormat {
  if (!Number.isInteger(expBits) || expBits < 1 || expBits > 8) throw new FormatError(`format ${name}: exponent bits must be 1..8`);
  if (!Number.isInteger(manBits) || manBits < 0 || manBits > 23) throw new FormatError(`format ${name}: mantissa bits must be 0..23`);
  const specials = o.specials ?? 'finite';
  const defBias = 2 ** (expBits - 1) - 1 + (specials === 'fnuz' ? 1 : 0);
  const signed = o.signed ?? true;
  if (specials === 'ieee' && expBits < 2) throw new FormatError(`format ${name}: ieee specials need at least 2 exponent bits`);
  if (specials === 'fnuz' && !signed) throw new FormatError(`format ${name}: fnuz needs a sign bit`);
  return Object.freeze({
    kind: 'float', name, expBits, manBits, bias: o.bias ?? defBias, signed, subnormals: o.subnormals ?? true,
    specials, hasZero: o.hasZero ?? true, width: (signed ? 1 : 0) + expBits + manBits,
  });
}

function intFormat(name: string, bits: number, signed: boolean, scaleExp = 0, symmetric = false): IntFormat {
  if (!Number.isInteger(bits) || bits < 2 || bits > 32) throw new FormatError(`format ${name}: integer bits must be 2..32`);
  return Object.freeze({ kind: 'int', name, bits, signed, scaleExp, symmetric, width: bits });
}

const NAMED: Record<string, () => Format> = {
  e5m2: () => floatFormat('e5m2', 5, 2, { specials: 'ieee' }),
  e4m3: () => floatFormat('e4m3', 4, 3, { specials: 'fn' }),
  e3m2: () => floatFormat('e3m2', 3, 2),
  e2m3: () => floatFormat('e2m3', 2, 3),
  e2m1: () => floatFormat('e2m1', 2, 1),
  int8: () => intFormat('int8', 8, true, -6, true),
  e8m0: () => floatFormat('e8m0', 8, 0, { signed: false, specials: 'fn', subnormals: false, hasZero: false }),
  ue4m3: () => floatFormat('ue4m3', 4, 3, { signed: false, specials: 'fn' }),
  ue5m3: () => floatFormat('ue5m3', 5, 3, { signed: false, specials: 'fn' }),
  bf16: () => floatFormat('bf16', 8, 7, { specials: 'ieee' }),
  fp16: () => floatFormat('fp16', 5, 10, { specials: 'ieee' }),
  fp32: () => floatFormat('fp32', 8, 23, { specials: 'ieee' }),
  e4m3fnuz: () => floatFormat('e4m3fnuz', 4, 3, { specials: 'fnuz' }),
  e5m2fnuz: () => floatFormat('e5m2fnuz', 5, 2, { specials: 'fnuz' }),
};

export const NAMED_FORMATS = Object.keys(NAMED);

const GENERIC = /^(u?)e(\d+)m(\d+)(ieee|fnuz|fn|finite)?((?:-b-?\d+|-nosub)*)$/;

/**
 * Parses a format name: a named format (e4m3, e8m0, bf16, …), `int<N>` / `uint<N>`, or any
 * `[u]e<X>m<Y>[ieee|fn|fnuz|finite][-b<bias>][-nosub]` (generic minifloats default to `finite`).
 */
export function parseFormat(name: string): Format {
  const named = NAMED[name];
  if (named) return named();
  const int = /^(u?)int(\d+)$/.exec(name);
  if (int) return intFormat(name, Number(int[2]), int[1] !== 'u');
  // Block-scaled integers (formats.md §8): `int<B>-sym` clips to ±(2^(B−1) − 1); `mxint<B>` carries the
  // OCP implicit scale 2^−(B−2) and clips symmetrically unless `-full`.
  const sym = /^int(\d+)-sym$/.exec(name);
  if (sym) return intFormat(name, Number(sym[1]), true, 0, true);
  const mx = /^mxint(\d+)(-full)?$/.exec(name);
  if (mx) return intFormat(name, Number(mx[1]), true, 2 - Number(mx[1]), !mx[2]);
  const g = GENERIC.exec(name);
  if (!g) throw new FormatError(`unknown format '${name}' (named: ${NAMED_FORMATS.join(', ')}; or e<X>m<Y>[fn|fnuz|ieee][-b<bias>][-nosub], int<N>, uint<N>, int<N>-sym, mxint<N>[-full])`);
  const bias = /-b(-?\d+)/.exec(g[5] ?? '')?.[1];
  return floatFormat(name, Number(g[2]), Number(g[3]), {
    signed: g[1] !== 'u',
    specials: (g[4] as SpecialsPolicy | undefined) ?? 'finite',
    ...(bias !== undefined ? { bias: Number(bias) } : {}),
    subnormals: !(g[5] ?? '').includes('-nosub'),
  });
}

/** Exponent of the largest normal binade (MX emax: 15, 8, 4, 2, 2 for e5m2…e2m1; 0 for int8). */
export function emax(f: Format): number {
  if (f.kind === 'int') return f.bits - 2 + f.scaleExp;
  return maxFinite(f).exp;
}

/** The largest finite value as (exponent of its binade, mantissa field at that exponent). */
export function maxFinite(f: FloatFormat): { exp: number; mant: number } {
  const top = 2 ** f.expBits - 1;
  const allOnes = 2 ** f.manBits - 1;
  if (f.specials === 'ieee') return { exp: top - 1 - f.bias, mant: allOnes };
  if (f.specials === 'fn') {
    // The all-ones code is NaN: with no mantissa bits that takes the whole top binade.
    return f.manBits === 0 ? { exp: top - 1 - f.bias, mant: 0 } : { exp: top - f.bias, mant: allOnes - 1 };
  }
  return { exp: top - f.bias, mant: allOnes };
}

/** Smallest normal exponent. */
export function emin(f: FloatFormat): number {
  return (f.hasZero ? 1 : 0) - f.bias;
}
