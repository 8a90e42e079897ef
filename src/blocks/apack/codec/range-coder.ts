// The symbol stream's coder (blocks.md §5, our choice): an integer range coder with 32-bit low and
// range registers, frequencies summing to 2^P (so range / 2^P is a shift), bytes out, and carries
// propagated explicitly: the last byte not yet final is held (`cache`) with a count of 0xFF bytes
// behind it, which a carry turns into cache + 1 and 0x00s. This is the bit format; the RTL encoder
// and decoder must match it byte for byte.
//
// encode(cum, freq): r = range >> P; low += r·cum; range = r·freq; while range < 2^24: shift.
// shift: if low < 0xFF000000 or low ≥ 2^32 (a carry): emit cache + carry (not before the first
// byte), then the held 0xFFs + carry, and hold low's top byte; else hold one more 0xFF.
// low ← (low mod 2^24) · 2^8, range ← range · 2^8.
// finish: low ← the value in [low, low + range) with the most trailing zero bits; shift 5 times
// (the cache and low's four bytes); drop trailing 0x00 bytes (the decoder reads 0 past the end).

export const TOP = 2 ** 32;
const RENORM = 2 ** 24;

export class RangeEncoder {
  private low = 0; // < 2^33 (bit 32: a pending carry)
  private range = TOP - 1;
  private cache = -1; // −1: no byte yet
  private held = 0; // 0xFF bytes behind the cache
  private readonly out: number[] = [];
  /** Carries propagated and the longest run of held 0xFF bytes: the cases the RTL must get right. */
  readonly stats = { carries: 0, longestHeld: 0, carriedRuns: 0 }; // carriedRuns: carries over 2 or more held bytes

  constructor(private readonly precision: number) {}

  /** The bytes shifted out so far (finish() adds the rest and trims trailing zeros). */
  get written(): readonly number[] { return this.out; }

  encode(cum: number, freq: number): void {
    const r = Math.floor(this.range / 2 ** this.precision);
    this.low += r * cum;
    this.range = r * freq;
    while (this.range < RENORM) { this.range *= 256; this.shift(); }
  }

  private shift(): void {
    if (this.low < 0xff000000 || this.low >= TOP) {
      const carry = this.low >= TOP ? 1 : 0;
      this.stats.carries += carry;
      if (carry && this.held >= 2) this.stats.carriedRuns++;
      this.stats.longestHeld = Math.max(this.stats.longestHeld, this.held);
      if (this.cache >= 0) this.out.push((this.cache + carry) & 0xff);
      for (; this.held > 0; this.held--) this.out.push((0xff + carry) & 0xff);
      this.cache = Math.floor(this.low / RENORM) & 0xff;
    } else {
      this.held++;
    }
    this.low = (this.low % RENORM) * 256;
  }

  finish(): Uint8Array {
    // The value in [low, low + range) with the most trailing zeros: fewer bytes once they are dropped.
    for (let k = 32; k >= 0; k--) {
      const step = 2 ** k, v = Math.ceil(this.low / step) * step;
      if (v < this.low + this.range) { this.low = v; break; }
    }
    for (let i = 0; i < 5; i++) this.shift();
    let n = this.out.length;
    while (n > 0 && this.out[n - 1] === 0) n--;
    return Uint8Array.from(this.out.slice(0, n));
  }
}

export class RangeDecoder {
  private code = 0;
  private range = TOP - 1;
  private pos = 0;

  constructor(private readonly bytes: Uint8Array, private readonly precision: number) {
    for (let i = 0; i < 4; i++) this.code = this.code * 256 + this.next();
  }

  private next(): number { return this.pos < this.bytes.length ? this.bytes[this.pos++]! : (this.pos++, 0); }

  /** The symbol whose [cum_s, cum_s + c_s) holds the code's position (cum: cumulative counts, length S + 1). */
  decode(cum: readonly number[]): number {
    const r = Math.floor(this.range / 2 ** this.precision);
    const v = Math.floor(this.code / r);
    let s = 0;
    while (s + 1 < cum.length - 1 && cum[s + 1]! <= v) s++;
    if (v >= cum[cum.length - 1]! || cum[s + 1] === cum[s]) throw new ApackCorrupt('the symbol stream decodes to no symbol');
    this.code -= r * cum[s]!;
    this.range = r * (cum[s + 1]! - cum[s]!);
    while (this.range < RENORM) { this.range *= 256; this.code = (this.code % RENORM) * 256 + this.next(); }
    return s;
  }

  /** Bytes the decoder has read so far, the zeros past the end included. */
  get position(): number { return this.pos; }

  /** Bytes read past the stream's end (zeros), beyond the four the decoder always looks ahead. */
  get overrun(): number { return Math.max(0, this.pos - this.bytes.length - 4); }
}

export class ApackCorrupt extends Error {}
