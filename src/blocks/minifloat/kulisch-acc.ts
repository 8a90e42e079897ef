// A Kulisch accumulator: acc ← (clear ? 0 : acc) + term per valid step, exact two's complement
// (wrapping past its sized bound), and sticky flags that say what the exact IEEE sum is once NaN or
// infinities were added (+Inf and −Inf together make NaN), until the next clear.

import { Bool, lit, mux, output, reg, SInt, when, type Expr } from '../../dsl/index.js';

export interface KulischTerm {
  readonly word: Expr;
  readonly nan: Expr | undefined;
  readonly pinf: Expr | undefined;
  readonly ninf: Expr | undefined;
}

export interface KulischState {
  readonly acc: Expr;
  /** The sum is NaN (a NaN term, or +Inf and −Inf); undefined when no flags were asked for. */
  readonly nan: Expr | undefined;
  /** The sum is +Inf / −Inf (not NaN). */
  readonly pinf: Expr | undefined;
  readonly ninf: Expr | undefined;
}

/** The register and its sticky flags, updated on `valid`. */
export function kulischRegister(W: number, term: KulischTerm, flags: { nan: boolean; inf: boolean }, valid: Expr, clear: Expr): KulischState {
  const acc = reg('acc', SInt(W), { init: 0 });
  when(valid, () => acc.set(mux(clear, lit(0, SInt(W)), acc).addWrap(term.word.width < W ? term.word.ext(W) : term.word)));
  if (!flags.nan) return { acc, nan: undefined, pinf: undefined, ninf: undefined };
  const sticky = (name: string, hit: Expr | undefined) => {
    const r = reg(name, Bool, { init: 0 });
    when(valid, () => r.set(mux(clear, lit(0, Bool), r).or(hit ?? lit(0, Bool))));
    return r;
  };
  const nanSeen = sticky('nan_seen', term.nan);
  const pinfSeen = flags.inf ? sticky('pinf_seen', term.pinf) : undefined;
  const ninfSeen = flags.inf ? sticky('ninf_seen', term.ninf) : undefined;
  if (!pinfSeen || !ninfSeen) return { acc, nan: nanSeen, pinf: undefined, ninf: undefined };
  const nan = nanSeen.or(pinfSeen.and(ninfSeen));
  return { acc, nan, pinf: pinfSeen.and(nan.not()), ninf: ninfSeen.and(nan.not()) };
}

/** The register and its flags as the block's outputs acc, nan, pinf, ninf. */
export function kulischAccumulator(W: number, term: KulischTerm, flags: { nan: boolean; inf: boolean }, valid: Expr, clear: Expr): void {
  const accOut = output('acc', SInt(W)); // declared first: the port keeps the name, the register gets a suffix
  const s = kulischRegister(W, term, flags, valid, clear);
  accOut.set(s.acc);
  if (s.nan) output('nan', Bool).set(s.nan);
  if (s.pinf && s.ninf) {
    output('pinf', Bool).set(s.pinf);
    output('ninf', Bool).set(s.ninf);
  }
}
