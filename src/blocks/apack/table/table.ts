// An APack table (blocks.md §5): up to S symbols, symbol s covering the values vmin_s … vmin_{s+1} − 1
// (contiguous, ordered, together 0 … 2^B − 1), with offset length ol_s = ⌈log2(range size)⌉ and a
// P-bit frequency count c_s (Σ c = 2^P; a symbol that holds a value has c ≥ 1, one that holds none
// may have 0). Values are B-bit codes: a signed tensor's two's complement pattern, or its zigzag map.

export interface ApackTable {
  readonly bits: number; // B
  readonly precision: number; // P
  /** vmin of each symbol, ascending, the first 0. */
  readonly vmin: readonly number[];
  readonly counts: readonly number[];
}

export const symbolCount = (t: ApackTable) => t.vmin.length;
export const rangeEnd = (t: ApackTable, s: number) => (s + 1 < t.vmin.length ? t.vmin[s + 1]! : 2 ** t.bits); // exclusive
export const offsetLength = (size: number) => (size <= 1 ? 0 : Math.ceil(Math.log2(size)));
export const offsetBits = (t: ApackTable, s: number) => offsetLength(rangeEnd(t, s) - t.vmin[s]!);

/** Cumulative counts: cum[s] = Σ_{k<s} c_k, cum[S] = 2^P. */
export function cumulative(t: ApackTable): number[] {
  const cum = [0];
  for (const c of t.counts) cum.push(cum[cum.length - 1]! + c);
  return cum;
}

/** The symbol of each B-bit code, as a lookup table. */
export function symbolOfCode(t: ApackTable): Uint16Array {
  const out = new Uint16Array(2 ** t.bits);
  for (let s = 0; s < t.vmin.length; s++) out.fill(s, t.vmin[s]!, rangeEnd(t, s));
  return out;
}

/** Why a table is not well formed, or null. */
export function tableProblem(t: ApackTable, maxSymbols?: number): string | null {
  const S = t.vmin.length;
  if (S < 1 || (maxSymbols !== undefined && S > maxSymbols)) return `${S} symbols (1 … ${maxSymbols ?? '∞'} allowed)`;
  if (t.counts.length !== S) return `${t.counts.length} counts for ${S} symbols`;
  if (t.vmin[0] !== 0) return 'the first range does not start at 0';
  for (let s = 1; s < S; s++) if (!(t.vmin[s]! > t.vmin[s - 1]! && t.vmin[s]! < 2 ** t.bits)) return `range ${s} does not start after range ${s - 1} inside 0 … 2^${t.bits} − 1`;
  if (t.counts.some((c) => !Number.isInteger(c) || c < 0)) return 'a count is not a non-negative integer';
  const total = t.counts.reduce((a, b) => a + b, 0);
  if (total !== 2 ** t.precision) return `the counts sum to ${total}, not 2^${t.precision}`;
  return null;
}
