// The seeded random stream every stimulus, fuzz design and sampled accuracy run draws from.

/** A uniform draw in [0, 1), plus bulk 32-bit words from the same stream (for row stimulus). */
export interface Rng {
  (): number;
  fill(out: Uint32Array): void;
}

/** Seeded xorshift32: reproducible stimulus; the seed is always printed. */
export function seededRng(seed: number): Rng {
  // State kept as an int32 (a small integer to V8, never a heap number): ~5x faster, same bits.
  let s = (seed >>> 0 || 0x9e3779b9) | 0;
  const rng = () => {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  rng.fill = (out: Uint32Array) => {
    let x = s;
    for (let i = 0; i < out.length; i++) {
      x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
      out[i] = x;
    }
    s = x;
  };
  return rng;
}
