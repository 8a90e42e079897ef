// Tensor element types and their B-bit codes: unsigned values as they are; signed ones as their two's
// complement bit pattern (blocks.md §5's default) or zigzag-mapped (0, −1, 1, −2, … → 0, 1, 2, 3, …).

export const DTYPES = ['int8', 'uint8', 'int16', 'uint16'] as const;
export type Dtype = (typeof DTYPES)[number];

export const dtypeBits = (d: Dtype) => (d.endsWith('16') ? 16 : 8);
export const dtypeSigned = (d: Dtype) => d.startsWith('int');

/** The values of a raw little-endian tensor file. */
export function readValues(bytes: Uint8Array, d: Dtype): Int32Array {
  const B = dtypeBits(d) / 8;
  if (bytes.length % B !== 0) throw new Error(`${bytes.length} bytes is not a whole number of ${d} values`);
  const n = bytes.length / B, out = new Int32Array(n), view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) {
    out[i] = d === 'int8' ? view.getInt8(i) : d === 'uint8' ? view.getUint8(i) : d === 'int16' ? view.getInt16(2 * i, true) : view.getUint16(2 * i, true);
  }
  return out;
}

export function writeValues(values: ArrayLike<number>, d: Dtype): Uint8Array {
  const B = dtypeBits(d) / 8, out = new Uint8Array(values.length * B), view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (B === 1) view.setUint8(i, v & 0xff);
    else view.setUint16(2 * i, v & 0xffff, true);
  }
  return out;
}

export function toCode(v: number, bits: number, signed: boolean, zigzag: boolean): number {
  const mask = 2 ** bits - 1;
  if (signed && zigzag) return v >= 0 ? 2 * v : -2 * v - 1;
  return v & mask;
}

export function fromCode(c: number, bits: number, signed: boolean, zigzag: boolean): number {
  if (signed && zigzag) return c % 2 === 0 ? c / 2 : -(c + 1) / 2;
  return signed && c >= 2 ** (bits - 1) ? c - 2 ** bits : c;
}
