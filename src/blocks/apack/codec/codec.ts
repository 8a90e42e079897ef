// The APack software codec: the reference bit format (the RTL must match it bit for bit).
//
// File, little-endian:
//   'APK1', u8 version (1), u8 dtype (0 int8, 1 uint8, 2 int16, 3 uint16), u8 flags (bit 0: zigzag),
//   u8 P, u8 S, u8 0, u32 values, u32 sub-tensors K, u32 CRC-32 of the raw tensor bytes,
//   S × (u16 vmin, u16 count),
//   K × (u32 values, u32 symbol-stream bytes, u32 offset-stream bytes),
//   then per sub-tensor its symbol stream (range-coder.ts) and its offset stream (bits.ts).
// Sub-tensor k holds values [k·⌈n/K⌉, (k+1)·⌈n/K⌉) (one per hardware pipeline), all under one table.

import { crc32 } from 'node:zlib';
import { buildTable, histogram } from '../table/build.js';
import { cumulative, offsetBits, symbolOfCode, tableProblem, type ApackTable } from '../table/table.js';
import { BitReader, BitWriter } from './bits.js';
import { DTYPES, dtypeBits, dtypeSigned, fromCode, readValues, toCode, writeValues, type Dtype } from './dtype.js';
import { ApackCorrupt, RangeDecoder, RangeEncoder } from './range-coder.js';

export { ApackCorrupt };

export interface EncodeOptions {
  readonly dtype: Dtype;
  readonly symbols?: number; // S, default 16
  readonly precision?: number; // P, default 10
  readonly zigzag?: boolean;
  readonly split?: number; // K, default 1
}

export interface SubStreams { readonly values: number; readonly symbols: Uint8Array; readonly offsets: Uint8Array }

const MAGIC = [0x41, 0x50, 0x4b, 0x31]; // 'APK1'
const HEADER = 4 + 6 + 12; // magic, six u8 fields, three u32

/** The B-bit codes of a tensor's values. */
export function codesOf(values: ArrayLike<number>, d: Dtype, zigzag: boolean): Uint32Array {
  const B = dtypeBits(d), signed = dtypeSigned(d), out = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toCode(values[i]!, B, signed, zigzag);
  return out;
}

/** One sub-tensor's two streams under a table. */
export function encodeCodes(codes: ArrayLike<number>, t: ApackTable): SubStreams {
  const sym = symbolOfCode(t), cum = cumulative(t), enc = new RangeEncoder(t.precision), bits = new BitWriter();
  const ol = t.vmin.map((_, s) => offsetBits(t, s));
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!, s = sym[c]!;
    enc.encode(cum[s]!, t.counts[s]!);
    bits.write(c - t.vmin[s]!, ol[s]!);
  }
  return { values: codes.length, symbols: enc.finish(), offsets: bits.finish() };
}

export function decodeCodes(sub: SubStreams, t: ApackTable): Uint32Array {
  const cum = cumulative(t), dec = new RangeDecoder(sub.symbols, t.precision), bits = new BitReader(sub.offsets);
  const ol = t.vmin.map((_, s) => offsetBits(t, s)), out = new Uint32Array(sub.values);
  for (let i = 0; i < sub.values; i++) {
    const s = dec.decode(cum);
    const off = bits.read(ol[s]!);
    if (off === null) throw new ApackCorrupt(`the offset stream ends at value ${i} of ${sub.values}`);
    const c = t.vmin[s]! + off;
    if (c >= (t.vmin[s + 1] ?? 2 ** t.bits)) throw new ApackCorrupt(`value ${i}: offset ${off} lies outside symbol ${s}'s range`);
    out[i] = c;
  }
  if (!bits.cleanEnd()) throw new ApackCorrupt('the offset stream has bits left after the last value');
  return out;
}

export function encodeTensor(raw: Uint8Array, o: EncodeOptions): Uint8Array {
  const S = o.symbols ?? 16, P = o.precision ?? 10, K = o.split ?? 1, zz = !!o.zigzag && dtypeSigned(o.dtype);
  const values = readValues(raw, o.dtype), codes = codesOf(values, o.dtype, zz);
  const table = buildTable(histogram(codes, dtypeBits(o.dtype)), { bits: dtypeBits(o.dtype), symbols: S, precision: P });
  const per = Math.ceil(codes.length / K) || 0;
  const subs = Array.from({ length: K }, (_, k) => encodeCodes(codes.subarray(k * per, Math.min(codes.length, (k + 1) * per)), table));
  const size = HEADER + 4 * table.vmin.length + 12 * K + subs.reduce((n, s) => n + s.symbols.length + s.offsets.length, 0);
  const out = new Uint8Array(size), view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out.set([1, DTYPES.indexOf(o.dtype), zz ? 1 : 0, P, table.vmin.length, 0], 4);
  view.setUint32(10, codes.length, true);
  view.setUint32(14, K, true);
  view.setUint32(18, crc32(raw), true);
  let at = 22;
  table.vmin.forEach((v, s) => { view.setUint16(at, v, true); view.setUint16(at + 2, table.counts[s]!, true); at += 4; });
  for (const s of subs) { view.setUint32(at, s.values, true); view.setUint32(at + 4, s.symbols.length, true); view.setUint32(at + 8, s.offsets.length, true); at += 12; }
  for (const s of subs) { out.set(s.symbols, at); at += s.symbols.length; out.set(s.offsets, at); at += s.offsets.length; }
  return out;
}

export interface Decoded { readonly dtype: Dtype; readonly raw: Uint8Array; readonly table: ApackTable; readonly subs: readonly SubStreams[]; readonly zigzag: boolean }

/** Parse the container (no decoding). Every inconsistency is an ApackCorrupt naming it. */
export function parseContainer(file: Uint8Array): Omit<Decoded, 'raw'> & { values: number; crc: number } {
  const need = (n: number, what: string) => { if (file.length < n) throw new ApackCorrupt(`truncated: ${file.length} bytes, the ${what} needs ${n}`); };
  need(22, 'header');
  if (MAGIC.some((b, i) => file[i] !== b)) throw new ApackCorrupt('not an APack file (no APK1 magic)');
  if (file[4] !== 1) throw new ApackCorrupt(`format version ${file[4]} (this reader knows 1)`);
  const dtype = DTYPES[file[5]!];
  if (!dtype) throw new ApackCorrupt(`unknown dtype code ${file[5]}`);
  const zigzag = (file[6]! & 1) === 1, P = file[7]!, S = file[8]!;
  if (P < 1 || P > 15) throw new ApackCorrupt(`count precision P = ${P} (1 … 15)`);
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const values = view.getUint32(10, true), K = view.getUint32(14, true), crc = view.getUint32(18, true);
  if (K < 1) throw new ApackCorrupt('no sub-tensors');
  need(22 + 4 * S + 12 * K, 'table and stream directory');
  let at = 22;
  const vmin: number[] = [], counts: number[] = [];
  for (let s = 0; s < S; s++, at += 4) { vmin.push(view.getUint16(at, true)); counts.push(view.getUint16(at + 2, true)); }
  const table: ApackTable = { bits: dtypeBits(dtype), precision: P, vmin, counts };
  const bad = tableProblem(table);
  if (bad) throw new ApackCorrupt(`bad table: ${bad}`);
  const dir: Array<{ values: number; sym: number; off: number }> = [];
  for (let k = 0; k < K; k++, at += 12) dir.push({ values: view.getUint32(at, true), sym: view.getUint32(at + 4, true), off: view.getUint32(at + 8, true) });
  if (dir.reduce((n, d) => n + d.values, 0) !== values) throw new ApackCorrupt('the sub-tensors do not add up to the value count');
  const end = at + dir.reduce((n, d) => n + d.sym + d.off, 0);
  if (file.length < end) throw new ApackCorrupt(`truncated: ${file.length} bytes, the streams end at ${end}`);
  if (file.length > end) throw new ApackCorrupt(`${file.length - end} bytes after the last stream`);
  const subs = dir.map((d) => {
    const sub = { values: d.values, symbols: file.subarray(at, at + d.sym), offsets: file.subarray(at + d.sym, at + d.sym + d.off) };
    at += d.sym + d.off;
    return sub;
  });
  return { dtype, table, subs, zigzag, values, crc };
}

export function decodeTensor(file: Uint8Array): Decoded {
  const c = parseContainer(file);
  const B = dtypeBits(c.dtype), signed = dtypeSigned(c.dtype);
  const values = new Int32Array(c.values);
  let at = 0;
  for (const sub of c.subs) {
    const codes = decodeCodes(sub, c.table);
    for (let i = 0; i < codes.length; i++) values[at++] = fromCode(codes[i]!, B, signed, c.zigzag);
  }
  const raw = writeValues(values, c.dtype);
  if (crc32(raw) !== c.crc) throw new ApackCorrupt('CRC-32 mismatch: the decoded tensor is not the one encoded');
  return { dtype: c.dtype, raw, table: c.table, subs: c.subs, zigzag: c.zigzag };
}
