// gecko.encoder's golden model: the software codec (codec.ts) on the packet's values.

import type { Vector } from '../../../cosim/model.js';
import { encode } from '../codec.js';
import type { GeckoParams } from '../params.js';

export function encoderGolden(p: GeckoParams) {
  return (beats: Vector[]): Vector[] => {
    const words = encode(p, beats.map((v) => Number(v.x ?? 0n)));
    return words.map((word, i) => ({ word, out_last: i === words.length - 1 ? 1n : 0n }));
  };
}
