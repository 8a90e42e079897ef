// The Gecko codec in software (docs/training-accelerators.md): mantissas cut to m bits, exponents
// delta-coded per group of G (base = the minimum, w bits per delta), the stream LSB-first in 64-bit
// words. The golden model of gecko.encoder and gecko.decoder, and the footprint bench's codec.

import { BASE_BITS, headerBits, manBits, valueBits, WIDTH_BITS, WORD_BITS, sizeBits, type GeckoFormat } from './params.js';

/** The value the codec keeps: the top m mantissa bits; a NaN stays a NaN (the top kept bit set). */
export function trim(f: GeckoFormat, bits: number): number {
  const M = manBits(f), drop = M - f.mantissa, man = bits & ((1 << M) - 1), exp = (bits >>> M) & 0xff;
  let kept = man >>> drop;
  if (exp === 0xff && man !== 0 && kept === 0) kept = 1 << (f.mantissa - 1);
  return ((bits >>> M) << M | (kept << drop)) >>> 0;
}

const bitLength = (x: number) => (x === 0 ? 0 : 32 - Math.clz32(x));

class BitWriter {
  private acc = 0n;
  private n = 0;
  readonly words: bigint[] = [];
  put(value: number, bits: number): void {
    this.acc |= BigInt(value) << BigInt(this.n);
    this.n += bits;
    while (this.n > WORD_BITS) this.flushWord(); // a word leaves once more than 64 bits wait, as in the packer
  }
  private flushWord(): void {
    this.words.push(this.acc & ((1n << BigInt(WORD_BITS)) - 1n));
    this.acc >>= BigInt(WORD_BITS);
    this.n -= WORD_BITS;
  }
  finish(): bigint[] {
    if (this.n > 0) this.flushWord();
    return this.words;
  }
}

export interface GeckoStats { readonly values: number; readonly exponentBits: number; readonly streamBits: number }

/** A stream of values (bit patterns) → its 64-bit words. */
export function encode(f: GeckoFormat, values: ArrayLike<number>): bigint[] {
  if (values.length === 0) throw new RangeError('gecko: a stream holds at least one value');
  const M = manBits(f), w = new BitWriter();
  for (let g = 0; g < values.length; g += f.group) {
    const n = Math.min(f.group, values.length - g), last = g + n >= values.length;
    const t = Array.from({ length: n }, (_, i) => trim(f, values[g + i]!));
    const exps = t.map((x) => (x >>> M) & 0xff), base = Math.min(...exps), width = bitLength(Math.max(...exps) - base);
    w.put(base, BASE_BITS); w.put(width, WIDTH_BITS); w.put(last ? 1 : 0, 1);
    if (last) w.put(n - 1, sizeBits(f));
    for (let i = 0; i < n; i++) {
      w.put((t[i]! & ((1 << M) - 1)) >>> (M - f.mantissa), f.mantissa);
      w.put(exps[i]! - base, width);
      w.put(t[i]! >>> (valueBits(f) - 1), 1);
    }
  }
  return w.finish();
}

/** Words → the trimmed values (bit patterns). */
export function decode(f: GeckoFormat, words: readonly bigint[]): number[] {
  const M = manBits(f), out: number[] = [];
  let pos = 0n;
  const all = words.reduce((acc, x, i) => acc | (x << BigInt(i * WORD_BITS)), 0n), total = BigInt(words.length * WORD_BITS);
  const get = (bits: number) => {
    if (pos + BigInt(bits) > total) throw new RangeError('gecko: the stream ends inside a field');
    const v = Number((all >> pos) & ((1n << BigInt(bits)) - 1n));
    pos += BigInt(bits);
    return v;
  };
  for (;;) {
    const base = get(BASE_BITS), width = get(WIDTH_BITS), last = get(1) === 1, n = last ? get(sizeBits(f)) + 1 : f.group;
    for (let i = 0; i < n; i++) {
      const man = get(f.mantissa), delta = get(width), sign = get(1);
      out.push(((sign << (valueBits(f) - 1)) | ((base + delta) << M) | (man << (M - f.mantissa))) >>> 0);
    }
    if (last) return out;
  }
}

/** Footprint of a stream: exponent bits (headers and deltas) and all bits, without the final padding. */
export function footprint(f: GeckoFormat, values: ArrayLike<number>): GeckoStats {
  const M = manBits(f);
  let exponentBits = 0, streamBits = 0;
  for (let g = 0; g < values.length; g += f.group) {
    const n = Math.min(f.group, values.length - g), last = g + n >= values.length;
    const exps = Array.from({ length: n }, (_, i) => (trim(f, values[g + i]!) >>> M) & 0xff);
    const width = bitLength(Math.max(...exps) - Math.min(...exps));
    exponentBits += headerBits(f, last) + n * width;
    streamBits += headerBits(f, last) + n * (width + 1 + f.mantissa);
  }
  return { values: values.length, exponentBits, streamBits };
}
