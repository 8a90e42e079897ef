// INT16 dynamic fixed point (Das et al., ICLR 2018), as docs/training-accelerators.md fixes it:
// a block of float32 values → one shared exponent E_s and INT16 elements I with value I·2^E_s; the
// FMA's partial sums and their FP32 combination. Written from the doc, in BigInt where it matters.

export const DFP_BITS = 16;
export const DFP_MAX = 32767; // symmetric: −32768 is never produced
/** E_s = E_max − (P − 2). */
export const DFP_HEADROOM = DFP_BITS - 2;

export interface DfpBlock {
  /** Shared exponent, −140 … 114. */
  readonly exp: number;
  readonly values: Int16Array;
  /** The block held an Inf or a NaN. */
  readonly special: boolean;
}

const field = (bits: number) => (bits >>> 23) & 0xff;

/** The block's shared exponent from its float32 bit patterns' exponent fields. */
export function dfpExponent(bits: ArrayLike<number>): number {
  let fmax = 1;
  for (let i = 0; i < bits.length; i++) fmax = Math.max(fmax, field(bits[i]!));
  return fmax - 127 - DFP_HEADROOM;
}

/** One element: RNE(x · 2^−exp), saturated to ±32767; Inf → ±32767, NaN → 0. */
export function dfpElement(bits: number, exp: number): number {
  const f = field(bits), man = bits & 0x7fffff, neg = bits >>> 31 === 1;
  if (f === 255) return man ? 0 : neg ? -DFP_MAX : DFP_MAX;
  const sig = BigInt(f === 0 ? man : man | 0x800000);
  const e = Math.max(f, 1) - 150; // x = sig · 2^e
  const shift = exp - e; // ≥ 9 whenever exp came from a block holding x
  let q: bigint;
  if (shift <= 0) q = sig << BigInt(-shift);
  else {
    const s = BigInt(shift), half = 1n << (s - 1n);
    const low = sig & ((1n << s) - 1n);
    q = sig >> s;
    if (low > half || (low === half && (q & 1n) === 1n)) q += 1n;
  }
  const mag = q > BigInt(DFP_MAX) ? DFP_MAX : Number(q);
  return neg ? -mag : mag;
}

export function dfpQuantize(bits: ArrayLike<number>): DfpBlock {
  const exp = dfpExponent(bits), values = new Int16Array(bits.length);
  let special = false;
  for (let i = 0; i < bits.length; i++) {
    values[i] = dfpElement(bits[i]!, exp);
    if (field(bits[i]!) === 255) special = true;
  }
  return { exp, values, special };
}

export interface DfpPartial { readonly partial: bigint; readonly exp: number; readonly last: boolean }

/** The FMA's partial sums for one dot product: pairs (a0, b0, a1, b1) per beat, exponents ea + eb. */
export function dfpFmaPartials(beats: ReadonlyArray<readonly [number, number, number, number]>, ea: number, eb: number, accBits = 32): DfpPartial[] {
  const lo = -(1n << BigInt(accBits - 1)), hi = (1n << BigInt(accBits - 1)) - 1n, exp = ea + eb;
  const dfp = (x: number) => BigInt(Math.max(x, -DFP_MAX)); // −32768 is read as −32767
  const out: DfpPartial[] = [];
  let acc = 0n;
  beats.forEach(([a0, b0, a1, b1], i) => {
    const pair = dfp(a0) * dfp(b0) + dfp(a1) * dfp(b1), s = acc + pair, last = i === beats.length - 1;
    if (s < lo || s > hi) {
      out.push({ partial: acc, exp, last: false });
      acc = pair;
    } else acc = s;
    if (last) { out.push({ partial: acc, exp, last: true }); acc = 0n; }
  });
  return out;
}

/** The dot product from its partials: each converted to float32 and added in float32 (RNE), in order. */
export function dfpCombine(partials: readonly DfpPartial[]): number {
  let sum = 0;
  for (const p of partials) sum = Math.fround(sum + Math.fround(Number(p.partial) * 2 ** p.exp));
  return sum;
}
