// Vectors as rows of 32-bit words: the form batches take between TypeScript and the simulators.
// Each data port takes ceil(width/32) words, little-endian, raw bits (two's complement truncated to
// the port width), in declared port order. Fast golden models read and write rows directly.

import type { PortInfo } from '../codegen/design-files.js';
import type { Vector } from './model.js';
import { ContractError } from '../codegen/contract.js';

export interface RowPort extends PortInfo {
  readonly offset: number; // first word of the port within a row
  readonly words: number;
}

export interface RowLayout {
  readonly ports: readonly RowPort[];
  readonly words: number; // row stride
}

export function rowLayout(ports: readonly PortInfo[]): RowLayout {
  let offset = 0;
  const out = ports.map((p) => {
    const words = Math.ceil(p.width / 32);
    const r = { ...p, offset, words };
    offset += words;
    return r;
  });
  return { ports: out, words: offset };
}

/** Writes a vector's port values into row `i` of `rows`; a port without a BigInt is a broken contract (contract.ts checks the first vectors in detail). */
export function putRow(layout: RowLayout, rows: Uint32Array, i: number, v: Vector): void {
  const base = i * layout.words;
  for (const p of layout.ports) {
    const x = v[p.name];
    if (typeof x !== 'bigint') throw new ContractError(`vector ${i} of a chunk has ${x === undefined ? 'no value' : `a ${typeof x}`} for port '${p.name}': the stimulus and the golden model give every data port a BigInt`);
    let raw = BigInt.asUintN(p.width, x);
    for (let k = 0; k < p.words; k++, raw >>= 32n) rows[base + p.offset + k] = Number(raw & 0xffffffffn);
  }
}

/** Reads row `i` as a vector (signed ports sign-extended). */
export function getRow(layout: RowLayout, rows: Uint32Array, i: number): Vector {
  const base = i * layout.words;
  const v: Vector = {};
  for (const p of layout.ports) {
    let raw = 0n;
    for (let k = p.words - 1; k >= 0; k--) raw = (raw << 32n) | BigInt(rows[base + p.offset + k]!);
    v[p.name] = p.signed ? BigInt.asIntN(p.width, raw) : raw;
  }
  return v;
}

/** Index of the first row where a and b differ, or -1. */
export function firstDifference(words: number, a: Uint32Array, b: Uint32Array, n: number): number {
  const end = n * words;
  for (let k = 0; k < end; k++) if (a[k] !== b[k]) return Math.floor(k / words);
  return -1;
}
