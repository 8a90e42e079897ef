// A random design as plain data, so it can be printed, rebuilt and shrunk. build.ts turns it into
// DSL calls, coercing every operand to what the operator accepts, so any edit of a spec (the
// reducer's) still elaborates.

export interface T {
  readonly s: boolean; // signed
  readonly w: number;
}

export type Ref =
  | { readonly kind: 'in' | 'reg' | 'wire' | 'mem'; readonly i: number }
  | { readonly kind: 'inst'; readonly i: number; readonly port: number };

export const OPS = [
  'add', 'sub', 'mul', 'addWrap', 'subWrap', 'mulWrap', 'and', 'or', 'xor', 'not', 'neg',
  'shl', 'shlWrap', 'shr', 'dshl', 'dshlWrap', 'dshr', 'eq', 'ne', 'lt', 'le', 'gt', 'ge',
  'andR', 'orR', 'xorR', 'bits', 'cat', 'rep', 'mux', 'zext', 'sext', 'ext', 'asSInt', 'asUInt', 'trunc',
] as const;
export type OpName = (typeof OPS)[number];

export type E =
  | { readonly k: 'const'; readonly t: T; readonly v: bigint } // v: the bit pattern
  | { readonly k: 'ref'; readonly ref: Ref }
  | { readonly k: 'op'; readonly op: OpName; readonly args: readonly E[]; readonly n: number; readonly m: number }; // n, m: amounts, bit ranges, widths

export type Stmt =
  | { readonly k: 'assign'; readonly e: E }
  | { readonly k: 'when'; readonly c: E; readonly then: readonly Stmt[]; readonly else: readonly Stmt[] };

export interface SignalSpec {
  readonly t: T;
  /** Wires and outputs: an unconditional default first, so every path is assigned. */
  readonly body: readonly Stmt[];
}

export interface RegSpec extends SignalSpec {
  readonly init: bigint;
  readonly en: E | null;
}

export interface MemSpec {
  readonly t: T;
  readonly depth: number; // a power of two: every address is a word
  readonly init: readonly bigint[];
  readonly raddr: E;
  readonly ren: E | null;
  readonly waddr: E;
  readonly wdata: E;
  readonly wen: E | null;
}

export interface InstSpec {
  readonly module: number; // index of an earlier module of the design
  readonly inputs: readonly E[];
}

export interface ModuleSpec {
  readonly inputs: readonly T[];
  readonly outputs: readonly SignalSpec[];
  readonly wires: readonly SignalSpec[];
  readonly regs: readonly RegSpec[];
  readonly mems: readonly MemSpec[];
  readonly insts: readonly InstSpec[];
}

/** Modules children first; the last is the top. */
export interface DesignSpec {
  readonly name: string;
  readonly modules: readonly ModuleSpec[];
}

export const MAX_WIDTH = 130;
