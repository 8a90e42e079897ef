// Code → exact value (sign · sig · 2^exp), and → float64/float32. Fast: bit fields only.

import { emin, type FloatFormat, type Format } from './format.js';

export type Decoded =
  | { readonly kind: 'nan'; readonly sign: number }
  | { readonly kind: 'inf'; readonly sign: number }
  | { readonly kind: 'zero'; readonly sign: number }
  | { readonly kind: 'finite'; readonly sign: number; readonly sig: number; readonly exp: number };

function checkCode(f: Format, code: number): void {
  if (!Number.isInteger(code) || code < 0 || code >= 2 ** f.width) {
    throw new RangeError(`code ${code} is not a ${f.width}-bit ${f.name} code`);
  }
}

// Formats of up to 16 bits decode through a table built on first use: golden models decode every
// element of every vector, and the decoded value is immutable.
const decodedTables = new WeakMap<Format, readonly Decoded[]>();

export function decode(f: Format, code: number): Decoded {
  if (f.width <= 16) {
    let t = decodedTables.get(f);
    if (!t) {
      t = Array.from({ length: 2 ** f.width }, (_, c) => decodeCode(f, c));
      decodedTables.set(f, t);
    }
    const d = t[code];
    if (d !== undefined) return d; // a code out of range or not an integer falls through to the check
  }
  return decodeCode(f, code);
}

function decodeCode(f: Format, code: number): Decoded {
  checkCode(f, code);
  if (f.kind === 'int') {
    const k = f.signed && code >= 2 ** (f.bits - 1) ? code - 2 ** f.bits : code;
    if (k === 0) return { kind: 'zero', sign: 0 };
    return { kind: 'finite', sign: k < 0 ? 1 : 0, sig: Math.abs(k), exp: f.scaleExp };
  }
  return decodeFloat(f, code);
}

function decodeFloat(f: FloatFormat, code: number): Decoded {
  const M = f.manBits, E = f.expBits;
  const sign = f.signed ? Math.floor(code / 2 ** (E + M)) & 1 : 0;
  const e = Math.floor(code / 2 ** M) & (2 ** E - 1);
  const m = code & (2 ** M - 1);
  const eTop = 2 ** E - 1, mTop = 2 ** M - 1;
  switch (f.specials) {
    case 'ieee': if (e === eTop) return m === 0 ? { kind: 'inf', sign } : { kind: 'nan', sign }; break;
    case 'fn': if (e === eTop && m === mTop) return { kind: 'nan', sign }; break;
    case 'fnuz': if (sign === 1 && e === 0 && m === 0) return { kind: 'nan', sign: 0 }; break;
    case 'finite': break;
  }
  if (e === 0 && f.hasZero) {
    if (m === 0 || !f.subnormals) return { kind: 'zero', sign };
    return { kind: 'finite', sign, sig: m, exp: emin(f) - M };
  }
  return { kind: 'finite', sign, sig: m + 2 ** M, exp: e - f.bias - M };
}

export function decodedToNumber(d: Decoded): number {
  switch (d.kind) {
    case 'nan': return NaN;
    case 'inf': return d.sign ? -Infinity : Infinity;
    case 'zero': return d.sign ? -0 : 0;
    case 'finite': return (d.sign ? -1 : 1) * d.sig * 2 ** d.exp; // exact: sig < 2^24, exp in float64 range
  }
}

/** The value of a code as a float64 (exact for every format here). */
export function decodeToNumber(f: Format, code: number): number {
  return decodedToNumber(decode(f, code));
}

/** Decode every code of the batch into float32s. */
export function decodeBatch(f: Format, codes: ArrayLike<number>, out: Float32Array = new Float32Array(codes.length)): Float32Array {
  const table = f.width <= 16 ? decodeTable(f) : null;
  for (let i = 0; i < codes.length; i++) out[i] = table ? table[codes[i]!]! : decodeToNumber(f, codes[i]!);
  return out;
}

const tables = new Map<string, Float64Array>();
function decodeTable(f: Format): Float64Array {
  const key = JSON.stringify(f);
  let t = tables.get(key);
  if (!t) {
    t = new Float64Array(2 ** f.width);
    for (let c = 0; c < t.length; c++) t[c] = decodeToNumber(f, c);
    tables.set(key, t);
  }
  return t;
}
