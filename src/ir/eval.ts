// What each node computes, on BigInt bit patterns (0 ≤ v < 2^width, whatever the signedness): the
// reference semantics of the IR, equal to the emitted Verilog's. Constant folding uses it; the
// TypeScript simulator compiles the same rules to faster JavaScript and is fuzzed against it.

import type { IrType, Node } from './netlist.js';

const U = (w: number, v: bigint) => BigInt.asUintN(w, v);
const S = (w: number, v: bigint) => BigInt.asIntN(w, v);

/** A bit pattern of type t as the integer it means. */
export function valueOf(bits: bigint, t: IrType): bigint {
  return t.signed ? S(t.width, bits) : bits;
}

/** A bit pattern of type t extended (by t's signedness) to w bits. */
export function extend(bits: bigint, t: IrType, w: number): bigint {
  return t.signed && w > t.width ? U(w, S(t.width, bits)) : bits;
}

/** The bit pattern of a const node. */
export function constBits(n: Node): bigint {
  return U(n.type.width, n.value);
}

/** The node's value from its arguments' bit patterns (`args[i]` of type `types[i]`). */
export function evalNode(n: Node, args: readonly bigint[], types: readonly IrType[]): bigint {
  const W = n.type.width;
  const x = (i: number) => extend(args[i]!, types[i]!, W);
  switch (n.op) {
    case 'const': return constBits(n);
    case 'sig': throw new Error('internal: a signal node has no value of its own');
    case 'add': return U(W, x(0) + x(1));
    case 'sub': return U(W, x(0) - x(1));
    case 'mul': return U(W, x(0) * x(1));
    case 'and': return x(0) & x(1);
    case 'or': return x(0) | x(1);
    case 'xor': return x(0) ^ x(1);
    case 'not': return U(W, ~args[0]!);
    case 'neg': return U(W, -x(0));
    case 'shl': return U(W, args[0]! << n.value);
    case 'shr': {
      const a = types[0]!;
      if (n.value >= BigInt(a.width)) return a.signed ? (args[0]! >> BigInt(a.width - 1)) & 1n : 0n;
      return U(W, valueOf(args[0]!, a) >> n.value);
    }
    case 'dshl': return args[1]! >= BigInt(W) ? 0n : U(W, x(0) << args[1]!);
    case 'dshr': {
      const sh = args[1]! >= BigInt(W) ? BigInt(W) : args[1]!;
      return U(W, valueOf(args[0]!, types[0]!) >> sh);
    }
    case 'eq': case 'ne': case 'lt': case 'le': case 'gt': case 'ge': {
      const a = valueOf(args[0]!, types[0]!), b = valueOf(args[1]!, types[1]!);
      const r = n.op === 'eq' ? a === b : n.op === 'ne' ? a !== b : n.op === 'lt' ? a < b : n.op === 'le' ? a <= b : n.op === 'gt' ? a > b : a >= b;
      return r ? 1n : 0n;
    }
    case 'andr': return args[0] === U(types[0]!.width, -1n) ? 1n : 0n;
    case 'orr': return args[0] !== 0n ? 1n : 0n;
    case 'xorr': {
      let v = args[0]!, p = 0n;
      while (v) { p ^= v & 1n; v >>= 1n; }
      return p;
    }
    case 'bits': return U(W, args[0]! >> BigInt(n.lo));
    case 'cat': return args.reduce((acc, a, i) => (acc << BigInt(types[i]!.width)) | a, 0n);
    case 'rep': {
      let r = 0n;
      for (let i = 0n; i < n.value; i++) r = (r << BigInt(types[0]!.width)) | args[0]!;
      return r;
    }
    case 'mux': return args[0] ? x(1) : x(2);
    case 'ext': return x(0);
    case 'cast': return args[0]!;
  }
}
