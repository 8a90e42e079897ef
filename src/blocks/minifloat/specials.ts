// Special values as signals, and how they combine in an IEEE sum (formats.md §6): NaN from either
// side or from +Inf + −Inf; a −0 sum only when every term is −0. The rounder gives NaN priority over
// the infinities, so nothing here needs to mask them.

import type { Expr } from '../../dsl/index.js';
import type { Fields } from './fields.js';

/** OR of the signals that exist (undefined: constant 0). */
export const orAll = (xs: ReadonlyArray<Expr | undefined>) => xs.filter((x): x is Expr => x !== undefined).reduce<Expr | undefined>((acc, x) => (acc ? acc.or(x) : x), undefined);

export interface Specials {
  readonly nan: Expr | undefined;
  readonly pinf: Expr | undefined;
  readonly ninf: Expr | undefined;
  /** The term is −0 (read only when the sum is zero). */
  readonly zeroNeg: Expr | undefined;
}

/** A decoded code's specials. */
export function specialsOf(x: Fields): Specials {
  return {
    nan: x.nan,
    pinf: x.inf && x.sign ? x.inf.and(x.sign.not()) : x.inf,
    ninf: x.inf && x.sign ? x.inf.and(x.sign) : undefined,
    zeroNeg: x.sign ? x.sign.and(x.sig.orR().not()) : undefined,
  };
}

/** The specials of the exact sum of the terms. */
export function sumSpecials(terms: readonly Specials[]): Specials {
  const pinf = orAll(terms.map((t) => t.pinf)), ninf = orAll(terms.map((t) => t.ninf));
  const zeros = terms.map((t) => t.zeroNeg);
  return {
    nan: orAll([...terms.map((t) => t.nan), pinf && ninf ? pinf.and(ninf) : undefined]),
    pinf, ninf,
    zeroNeg: zeros.every((z) => z) ? zeros.reduce((s, z) => s!.and(z!)) : undefined,
  };
}
