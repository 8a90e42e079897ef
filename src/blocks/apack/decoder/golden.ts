// apack.decoder's golden model: the software decoder (codec.ts decodeCodes) on the packet's table
// and streams; the values in order, out_last on the last one.

import type { Vector } from '../../../cosim/model.js';
import { decodeCodes } from '../codec/codec.js';
import { parseDecoderPacket } from '../hw/packets.js';
import type { DecoderParams } from '../hw/params.js';

export const decoderModel = (p: DecoderParams) => (beats: Vector[]): Vector[] => {
  const { table, sub } = parseDecoderPacket(beats, p);
  const values = decodeCodes(sub, table);
  return Array.from(values, (v, i) => ({ out_value: BigInt(v), out_last: i === values.length - 1 ? 1n : 0n }));
};
