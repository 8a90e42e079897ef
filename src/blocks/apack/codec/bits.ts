// The offset stream: each value's ol_s offset bits, most significant first, packed into bytes most
// significant bit first; the last byte is padded with zeros.

export class BitWriter {
  private readonly bytes: number[] = [];
  private acc = 0;
  private n = 0; // bits in acc

  /** Whole bytes so far. */
  get written(): readonly number[] { return this.bytes; }

  write(value: number, bits: number): void {
    for (let i = bits - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | (Math.floor(value / 2 ** i) & 1);
      if (++this.n === 8) { this.bytes.push(this.acc); this.acc = 0; this.n = 0; }
    }
  }

  finish(): Uint8Array {
    if (this.n > 0) this.bytes.push(this.acc << (8 - this.n));
    return Uint8Array.from(this.bytes);
  }
}

export class BitReader {
  private pos = 0; // bits read

  constructor(private readonly bytes: Uint8Array) {}

  /** Bits read so far. */
  get position(): number { return this.pos; }

  /** `bits` bits, or null when the stream has fewer left. */
  read(bits: number): number | null {
    if (this.pos + bits > 8 * this.bytes.length) return null;
    let v = 0;
    for (let i = 0; i < bits; i++, this.pos++) v = v * 2 + ((this.bytes[this.pos >> 3]! >> (7 - (this.pos & 7))) & 1);
    return v;
  }

  /** The stream ended where it should: fewer than 8 bits left, all zero. */
  cleanEnd(): boolean {
    const left = 8 * this.bytes.length - this.pos;
    return left < 8 && (left === 0 || (this.bytes[this.bytes.length - 1]! & ((1 << left) - 1)) === 0);
  }
}
