// The coder table in registers, loaded through the input stream one entry per beat, in symbol order:
// vmin and count arrive; cum (the running sum of the counts) and ol (the offset length) are worked
// out at load time, so the per-value path only selects them. ol of an entry is first that of a last
// range (up to 2^B − 1) and is corrected when the next entry's vmin arrives.

import { lit, reg, replicate, std, UInt, when, type Expr, type Signal } from '../../../dsl/index.js';

export interface TableRegs {
  readonly valid: Expr[]; // entry k is loaded
  readonly vmin: Signal[];
  readonly count: Signal[];
  readonly cum: Signal[];
  readonly ol: Signal[];
}

/** Significant bits of x: ⌈log2(x + 1)⌉, so sigBits(size − 1) = ⌈log2 size⌉. */
export function sigBits(x: Expr): Expr {
  const w = std.bitsFor(x.width);
  return lit(x.width, UInt(w)).subWrap(std.leadingZeros(x).zext(w));
}

export function tableRegisters(o: { bits: number; symbols: number; precision: number; write: Expr; vmin: Expr; count: Expr; clear: Expr }): TableRegs {
  const { bits: B, symbols: S, precision: P } = o;
  const SW = std.bitsFor(S), OW = std.bitsFor(B);
  const loaded = reg('tab_loaded', UInt(SW), { init: 0 });
  const sum = reg('tab_sum', UInt(P + 1), { init: 0 });
  const lastVmin = reg('tab_last_vmin', UInt(B), { init: 0 });
  const vmin = Array.from({ length: S }, (_, k) => reg(`tab_vmin${k}`, UInt(B)));
  const count = Array.from({ length: S }, (_, k) => reg(`tab_count${k}`, UInt(P + 1)));
  const cum = Array.from({ length: S }, (_, k) => reg(`tab_cum${k}`, UInt(P + 1)));
  const ol = Array.from({ length: S }, (_, k) => reg(`tab_ol${k}`, UInt(OW)));
  const olLast = sigBits(o.vmin.not()); // the range vmin … 2^B − 1 has 2^B − vmin values
  const olPrev = sigBits(o.vmin.subWrap(lastVmin).subWrap(lit(1, UInt(B)))); // the previous range ends here
  for (let k = 0; k < S; k++) {
    when(o.write.and(loaded.eq(k)), () => {
      vmin[k]!.set(o.vmin);
      count[k]!.set(o.count);
      cum[k]!.set(sum);
      ol[k]!.set(olLast);
    });
    if (k + 1 < S) when(o.write.and(loaded.eq(k + 1)), () => ol[k]!.set(olPrev));
  }
  when(o.clear, () => {
    loaded.set(lit(0, UInt(SW)));
    sum.set(lit(0, UInt(P + 1)));
  }).elseWhen(o.write, () => {
    loaded.set(loaded.addWrap(lit(1, UInt(SW))));
    sum.set(sum.addWrap(o.count));
    lastVmin.set(o.vmin);
  });
  return { valid: Array.from({ length: S }, (_, k) => loaded.gt(k)), vmin, count, cum, ol };
}

/** The one-hot last set bit of a prefix of ones. */
export const lastOfPrefix = (ge: readonly Expr[]): Expr[] => ge.map((g, k) => (k + 1 < ge.length ? g.and(ge[k + 1]!.not()) : g));

/** The symbol of a code: the last loaded entry whose vmin ≤ code, one-hot (the entries ascend, so the matches are a prefix). */
export function symbolOneHot(t: TableRegs, code: Expr): Expr[] {
  return lastOfPrefix(t.vmin.map((v, k) => t.valid[k]!.and(v.le(code))));
}

/** options[k] where onehot[k], as an AND-OR (at most one is set). */
export function oneHotSelect(onehot: readonly Expr[], options: readonly Expr[]): Expr {
  return options.map((x, k) => replicate(onehot[k]!, x.width).and(x)).reduce((a, b) => a.or(b));
}
