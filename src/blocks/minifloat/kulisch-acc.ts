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

export function kulischAccumulator(W: number, term: KulischTerm, flags: { nan: boolean; inf: boolean }, valid: Expr, clear: Expr): void {
  const accOut = output('acc', SInt(W));
  const acc = reg('acc', SInt(W), { init: 0 });
  when(valid, () => acc.set(mux(clear, lit(0, SInt(W)), acc).addWrap(term.word.width < W ? term.word.ext(W) : term.word)));
  accOut.set(acc);
  if (!flags.nan) return;
  const sticky = (name: string, hit: Expr | undefined) => {
    const r = reg(name, Bool, { init: 0 });
    when(valid, () => r.set(mux(clear, lit(0, Bool), r).or(hit ?? lit(0, Bool))));
    return r;
  };
  const nanSeen = sticky('nan_seen', term.nan);
  const pinfSeen = flags.inf ? sticky('pinf_seen', term.pinf) : undefined;
  const ninfSeen = flags.inf ? sticky('ninf_seen', term.ninf) : undefined;
  const nan = pinfSeen && ninfSeen ? nanSeen.or(pinfSeen.and(ninfSeen)) : nanSeen;
  output('nan', Bool).set(nan);
  if (pinfSeen && ninfSeen) {
    output('pinf', Bool).set(pinfSeen.and(nan.not()));
    output('ninf', Bool).set(ninfSeen.and(nan.not()));
  }
}
