// apack.encoder's golden model: the software codec (codec/range-coder.ts, codec/bits.ts) on the
// packet's table and codes, with the order its bytes leave in. A byte leaves as soon as it is
// final: after each value, the symbol-stream bytes the coder has shifted out (but a trailing run
// of 0x00s, which finish() may trim, waits for a non-zero byte), then the offset stream's completed
// bytes. After the last value: the rest of the finished symbol stream, the offset stream's last
// byte, and an end beat. Per kind, the bytes are exactly encodeCodes()'s streams.

import type { Vector } from '../../../cosim/model.js';
import { BitWriter } from '../codec/bits.js';
import { RangeEncoder } from '../codec/range-coder.js';
import { KIND_END, KIND_OFFSET, KIND_SYMBOL, parseEncoderPacket } from '../hw/packets.js';
import type { CoderParams } from '../hw/params.js';
import { cumulative, offsetBits, symbolOfCode, type ApackTable } from '../table/table.js';

export function encoderOutputs(t: ApackTable, codes: ArrayLike<number>): Vector[] {
  const sym = symbolOfCode(t), cum = cumulative(t), enc = new RangeEncoder(t.precision), bits = new BitWriter();
  const ol = t.vmin.map((_, s) => offsetBits(t, s));
  const out: Vector[] = [];
  let symSent = 0, offSent = 0;
  const send = (kind: number, bytes: readonly number[], from: number, to: number) => {
    for (let i = from; i < to; i++) out.push({ out_kind: BigInt(kind), out_byte: BigInt(bytes[i]!) });
    return to;
  };
  const final = (b: readonly number[]) => { let n = b.length; while (n > 0 && b[n - 1] === 0) n--; return n; };
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!, s = sym[c]!;
    enc.encode(cum[s]!, t.counts[s]!);
    bits.write(c - t.vmin[s]!, ol[s]!);
    symSent = send(KIND_SYMBOL, enc.written, symSent, Math.max(symSent, final(enc.written)));
    offSent = send(KIND_OFFSET, bits.written, offSent, bits.written.length);
  }
  const symbols = enc.finish(), offsets = bits.finish();
  send(KIND_SYMBOL, [...symbols], symSent, symbols.length);
  send(KIND_OFFSET, [...offsets], offSent, offsets.length);
  out.push({ out_kind: BigInt(KIND_END), out_byte: 0n });
  return out;
}

export const encoderModel = (p: CoderParams) => (beats: Vector[]): Vector[] => {
  const { table, codes } = parseEncoderPacket(beats, p);
  return encoderOutputs(table, codes);
};
