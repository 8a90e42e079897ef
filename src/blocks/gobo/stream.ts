// A GOBO layer as gobo.decoder's beats (docs/training-accelerators.md): the 8 centroid writes, then
// per L weights the patch beats of the outliers among them and the index beat.

import type { Vector } from '../../cosim/model.js';
import { encode } from '../../numerics/encode.js';
import { parseFormat } from '../../numerics/format.js';
import { KIND_CENTROID, KIND_INDEX, KIND_PATCH, type GoboParams } from './params.js';
import type { GoboLayer } from './quantize.js';

/** Value codes: float32 bits, or float16 rounded to nearest even (the numerics library's encoder). */
export function valueCode(p: GoboParams, x: number): bigint {
  if (p.output === 'fp16') return BigInt(encode(FP16, x).code);
  const b = new DataView(new ArrayBuffer(4));
  b.setFloat32(0, x);
  return BigInt(b.getUint32(0));
}

const FP16 = parseFormat('fp16');

export function layerBeats(p: GoboParams, q: GoboLayer): Vector[] {
  const L = p.lanes, beats: Vector[] = [], none = Object.fromEntries(Array.from({ length: L }, (_, i) => [`idx${i}`, 0n]));
  const beat = (kind: number, sel: number, value: bigint, idx: Record<string, bigint> = none): Vector => ({ in_kind: BigInt(kind), in_last: 0n, sel: BigInt(sel), value, ...idx });
  q.centroids.forEach((c, k) => beats.push(beat(KIND_CENTROID, k, valueCode(p, c))));
  let o = 0;
  for (let b = 0; b * L < q.indexes.length; b++) {
    for (; o < q.outlierPositions.length && q.outlierPositions[o]! < (b + 1) * L; o++) beats.push(beat(KIND_PATCH, q.outlierPositions[o]! - b * L, valueCode(p, q.outlierValues[o]!)));
    beats.push(beat(KIND_INDEX, 0, 0n, Object.fromEntries(Array.from({ length: L }, (_, i) => [`idx${i}`, BigInt(q.indexes[b * L + i] ?? 0)]))));
  }
  beats[beats.length - 1]!.in_last = 1n;
  return beats;
}
