// gecko.decoder's golden model: the software codec's decoder on the packet's words.

import type { Vector } from '../../../cosim/model.js';
import { decode } from '../codec.js';
import type { GeckoParams } from '../params.js';

export function decoderGolden(p: GeckoParams) {
  return (beats: Vector[]): Vector[] => {
    const values = decode(p, beats.map((v) => v.word ?? 0n));
    return values.map((x, i) => ({ x: BigInt(x), out_last: i === values.length - 1 ? 1n : 0n }));
  };
}
