// A dot product as gobo.pe's beats: the dictionary writes (or none: the previous one stays), the
// outlier pairs, then the index beats; the last beat marked.

import type { Vector } from '../../../cosim/model.js';
import type { GoboPeParams } from './params.js';

export interface IndexRow { readonly idx: readonly number[]; readonly x: readonly number[]; readonly omask?: number }

export function peBeats(p: GoboPeParams, dict: readonly number[] | null, rows: readonly IndexRow[], outliers: ReadonlyArray<[number, number]> = []): Vector[] {
  const beats: Vector[] = [];
  const blank = (kind: number): Vector => { const v: Vector = { in_kind: BigInt(kind), in_last: 0n, sel: 0n, o: 0n, ox: 0n, omask: 0n }; for (let i = 0; i < p.lanes; i++) { v[`idx${i}`] = 0n; v[`x${i}`] = 0n; } return v; };
  dict?.forEach((c, k) => beats.push({ ...blank(2), sel: BigInt(k), o: BigInt(c) }));
  for (const [o, x] of outliers) beats.push({ ...blank(1), o: BigInt(o), ox: BigInt(x) });
  for (const r of rows) { const v = blank(0); v.omask = BigInt(r.omask ?? 0); r.idx.forEach((c, i) => { v[`idx${i}`] = BigInt(c); v[`x${i}`] = BigInt(r.x[i]!); }); beats.push(v); }
  beats[beats.length - 1]!.in_last = 1n;
  return beats;
}
