// One IR node as a JavaScript expression. Values up to 32 bits are numbers holding the bit pattern
// (0 ≤ v < 2^w); wider ones are BigInts. Same rules as ir/eval.ts (the reference, fuzzed against
// this), chosen for speed: 32-bit integer ops with a final mask, Math.imul for products.

import type { IrType, Node } from '../ir/netlist.js';

/** Helpers the generated code uses (defined once at the top of the generated function). */
export const PRELUDE = `
const U = BigInt.asUintN, S = BigInt.asIntN;
const sx = (a, w) => (a << (32 - w)) >> (32 - w);
const par = (a) => { a ^= a >>> 16; a ^= a >>> 8; a ^= a >>> 4; a ^= a >>> 2; a ^= a >>> 1; return a & 1; };
const parB = (a) => { let p = 0n; while (a) { p ^= a & 1n; a >>= 1n; } return Number(p); };
`;

export const isBig = (w: number) => w > 32;

/** Mask a 32-bit intermediate to w ≤ 32 bits. */
export const M = (x: string, w: number) => (w === 32 ? `((${x}) >>> 0)` : `((${x}) & ${2 ** w - 1})`);

export function constJs(bits: bigint, w: number): string {
  return isBig(w) ? `${bits}n` : String(Number(bits));
}

/** Operand i: its JS name and type. */
export interface Arg {
  readonly v: string;
  readonly t: IrType;
}

/** A number operand sign-extended as an int32 (wraps correctly under the 32-bit ops that follow). */
const EN = (a: Arg, W: number) => (a.t.signed && a.t.width < W ? `sx(${a.v}, ${a.t.width})` : a.v);
/** A number operand extended to W ≤ 32 bits, as a canonical bit pattern. */
const XN = (a: Arg, W: number) => (a.t.signed && a.t.width < W ? M(`sx(${a.v}, ${a.t.width})`, W) : a.v);
/** An operand as a BigInt bit pattern. */
const B = (a: Arg) => (isBig(a.t.width) ? a.v : `BigInt(${a.v})`);
/** An operand extended to W > 32 bits, as a BigInt bit pattern. */
const XB = (a: Arg, W: number) => (a.t.signed && a.t.width < W ? `U(${W}, S(${a.t.width}, ${B(a)}))` : B(a));
/** A shift amount compared with a limit, and as a number below it. */
const amountGe = (b: Arg, lim: number) => (isBig(b.t.width) ? `${b.v} >= ${lim}n` : `${b.v} >= ${lim}`);
const amountNum = (b: Arg) => (isBig(b.t.width) ? `Number(${b.v})` : b.v);

const BIN: Record<string, string> = { add: '+', sub: '-', and: '&', or: '|', xor: '^' };
const CMP: Record<string, string> = { eq: '===', ne: '!==', lt: '<', le: '<=', gt: '>', ge: '>=' };

export function nodeJs(e: Node, args: readonly Arg[]): string {
  const W = e.type.width, big = isBig(W);
  const [a, b, c] = args;
  switch (e.op) {
    case 'const': return constJs(BigInt.asUintN(W, e.value), W);
    case 'sig': throw new Error('internal: signal nodes are slots');
    case 'add': case 'sub': case 'and': case 'or': case 'xor': {
      const op = BIN[e.op]!;
      if (!big) return M(`${EN(a!, W)} ${op} ${EN(b!, W)}`, W);
      const r = `${XB(a!, W)} ${op} ${XB(b!, W)}`;
      return e.op === 'add' || e.op === 'sub' ? `U(${W}, ${r})` : `(${r})`;
    }
    case 'mul': return big ? `U(${W}, ${XB(a!, W)} * ${XB(b!, W)})` : M(`Math.imul(${EN(a!, W)}, ${EN(b!, W)})`, W);
    case 'not': return big ? `U(${W}, ~${a!.v})` : M(`~${a!.v}`, W);
    case 'neg': return big ? `U(${W}, -${XB(a!, W)})` : M(`-${EN(a!, W)}`, W);
    case 'shl': {
      const k = Number(e.value);
      if (big) return `U(${W}, ${B(a!)} << ${k}n)`;
      return k >= 32 ? '0' : M(`${a!.v} << ${k}`, W);
    }
    case 'shr': {
      const k = Number(e.value), wa = a!.t.width;
      if (k >= wa) {
        if (!a!.t.signed) return big ? '0n' : '0';
        return isBig(wa) ? `Number((${a!.v} >> ${wa - 1}n) & 1n)` : `((${a!.v} >>> ${wa - 1}) & 1)`;
      }
      if (!isBig(wa)) return a!.t.signed ? M(`sx(${a!.v}, ${wa}) >> ${k}`, W) : `(${a!.v} >>> ${k})`;
      const r = a!.t.signed ? `U(${W}, S(${wa}, ${a!.v}) >> ${k}n)` : `(${a!.v} >> ${k}n)`;
      return big ? r : `Number(${r})`;
    }
    case 'dshl':
      if (!big) return `(${amountGe(b!, W)} ? 0 : ${M(`${EN(a!, W)} << ${amountNum(b!)}`, W)})`;
      return `(${amountGe(b!, W)} ? 0n : U(${W}, ${XB(a!, W)} << ${B(b!)}))`;
    case 'dshr':
      if (!big) {
        if (!a!.t.signed) return `(${amountGe(b!, W)} ? 0 : ${a!.v} >>> ${amountNum(b!)})`;
        return M(`sx(${a!.v}, ${W}) >> (${amountGe(b!, 31)} ? 31 : ${amountNum(b!)})`, W);
      }
      if (!a!.t.signed) return `(${amountGe(b!, W)} ? 0n : ${a!.v} >> ${B(b!)})`;
      return `U(${W}, S(${W}, ${a!.v}) >> (${amountGe(b!, W)} ? ${W}n : ${B(b!)}))`;
    case 'eq': case 'ne': case 'lt': case 'le': case 'gt': case 'ge': {
      const op = CMP[e.op]!;
      if (!isBig(a!.t.width) && !isBig(b!.t.width)) {
        return a!.t.signed ? `(sx(${a!.v}, ${a!.t.width}) ${op} sx(${b!.v}, ${b!.t.width}) ? 1 : 0)` : `(${a!.v} ${op} ${b!.v} ? 1 : 0)`;
      }
      const v = (x: Arg) => (x.t.signed ? `S(${x.t.width}, ${B(x)})` : B(x));
      return `(${v(a!)} ${op} ${v(b!)} ? 1 : 0)`;
    }
    case 'andr': return isBig(a!.t.width) ? `(${a!.v} === ${(1n << BigInt(a!.t.width)) - 1n}n ? 1 : 0)` : `(${a!.v} === ${2 ** a!.t.width - 1} ? 1 : 0)`;
    case 'orr': return isBig(a!.t.width) ? `(${a!.v} !== 0n ? 1 : 0)` : `(${a!.v} !== 0 ? 1 : 0)`;
    case 'xorr': return isBig(a!.t.width) ? `parB(${a!.v})` : `par(${a!.v})`;
    case 'bits': {
      const lo = e.lo, wa = a!.t.width;
      if (!isBig(wa)) return lo === 0 && W === wa ? a!.v : `((${a!.v} >>> ${lo}) & ${2 ** W - 1})`;
      const r = `U(${W}, ${a!.v} >> ${lo}n)`;
      return big ? r : `Number(${r})`;
    }
    case 'cat': {
      let shift = W;
      const parts = args.map((x) => { shift -= x.t.width; return { x, shift }; });
      if (!big) return `(${parts.map(({ x, shift: s }) => (s === 0 ? x.v : `${x.v} * ${2 ** s}`)).join(' + ')})`;
      return `(${parts.map(({ x, shift: s }) => (s === 0 ? B(x) : `(${B(x)} << ${s}n)`)).join(' | ')})`;
    }
    case 'rep': {
      let k = 0n;
      for (let i = 0n; i < e.value; i++) k = (k << BigInt(a!.t.width)) | 1n;
      return big ? `(${B(a!)} * ${k}n)` : `(${a!.v} * ${Number(k)})`;
    }
    case 'mux': return big ? `(${a!.v} ? ${XB(b!, W)} : ${XB(c!, W)})` : `(${a!.v} ? ${XN(b!, W)} : ${XN(c!, W)})`;
    case 'ext': return big ? XB(a!, W) : XN(a!, W);
    case 'cast': return a!.v;
  }
}

/** A value of type `from` extended (by its sign) to `w` bits in w's representation. */
export function extendJs(v: string, from: IrType, w: number): string {
  const a = { v, t: from };
  return isBig(w) ? XB(a, w) : XN(a, w);
}
