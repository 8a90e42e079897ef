// Expressions. TypeScript has no operator overloading, so operators are methods. Every node has an
// exact type: arithmetic that can grow grows, wrapping is explicit, and nothing is silently truncated.

import { currentModule, report } from './context.js';
import type { ModuleBuilder } from './module-builder.js';
import { fits, typeName, widthFor, wrapTo, type HwType } from './types.js';

export type Op =
  | 'const' | 'sig'
  | 'add' | 'sub' | 'mul' | 'and' | 'or' | 'xor' // evaluated at the result width, operands extended
  | 'not' | 'neg'
  | 'shl' | 'shr' | 'dshl' | 'dshr'
  | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'
  | 'andr' | 'orr' | 'xorr'
  | 'bits' | 'cat' | 'rep' | 'mux' | 'ext' | 'cast';

export type ExprLike = Expr | number | bigint | boolean;

/** Largest result a shift by a signal may grow to; wider shifts need an explicit output width. */
const MAX_DSHL_GROWTH = 1024;

export class Expr {
  constructor(
    readonly op: Op,
    readonly type: HwType,
    readonly args: readonly Expr[],
    readonly owner: ModuleBuilder | null,
    /** const: the value; bits: lo; shl/shr: amount; rep: count */
    readonly value: bigint = 0n,
    readonly lo = 0,
    /** const: the name of an enumeration's value (enum.ts), emitted as a localparam. */
    readonly label?: string,
  ) {}

  get width(): number { return this.type.width; }
  get signed(): boolean { return this.type.signed; }

  // ---- arithmetic (grows) ----
  add(b: ExprLike): Expr { return arith(this, b, 'add', 'add', (wa, wb) => Math.max(wa, wb) + 1); }
  sub(b: ExprLike): Expr { return arith(this, b, 'sub', 'sub', (wa, wb) => Math.max(wa, wb) + 1); }
  mul(b: ExprLike): Expr { return arith(this, b, 'mul', 'mul', (wa, wb) => wa + wb); }
  // ---- arithmetic (wraps to the wider operand) ----
  addWrap(b: ExprLike): Expr { return arith(this, b, 'add', 'addWrap', Math.max); }
  subWrap(b: ExprLike): Expr { return arith(this, b, 'sub', 'subWrap', Math.max); }
  mulWrap(b: ExprLike): Expr { return arith(this, b, 'mul', 'mulWrap', Math.max); }
  neg(): Expr {
    const m = currentModule('neg');
    if (!this.signed) report(m, 'sign-mix', `neg() of unsigned ${typeName(this.type)}`, 'cast first: x.zext(w + 1).asSInt().neg()');
    return mk(m, 'neg', { signed: true, width: this.width + 1 }, [this]);
  }

  // ---- bitwise ----
  and(b: ExprLike): Expr { return arith(this, b, 'and', 'and', Math.max); }
  or(b: ExprLike): Expr { return arith(this, b, 'or', 'or', Math.max); }
  xor(b: ExprLike): Expr { return arith(this, b, 'xor', 'xor', Math.max); }
  not(): Expr { return mk(currentModule('not'), 'not', this.type, [this]); }

  // ---- shifts ----
  /** Left shift that grows: by a constant k the width grows by k; by a signal s by 2^width(s) - 1. */
  shl(n: number | Expr): Expr { return shift(this, n, 'left', true); }
  /** Left shift that keeps the width (drops the bits shifted out). */
  shlWrap(n: number | Expr): Expr { return shift(this, n, 'left', false); }
  /** Right shift: logical for UInt, arithmetic for SInt. By a constant the width shrinks. */
  shr(n: number | Expr): Expr { return shift(this, n, 'right', false); }

  // ---- comparisons (signed-aware; operands must agree in signedness) ----
  eq(b: ExprLike): Expr { return compare(this, b, 'eq'); }
  ne(b: ExprLike): Expr { return compare(this, b, 'ne'); }
  lt(b: ExprLike): Expr { return compare(this, b, 'lt'); }
  le(b: ExprLike): Expr { return compare(this, b, 'le'); }
  gt(b: ExprLike): Expr { return compare(this, b, 'gt'); }
  ge(b: ExprLike): Expr { return compare(this, b, 'ge'); }

  // ---- reductions ----
  andR(): Expr { return mk(currentModule('andR'), 'andr', BOOL, [this]); }
  orR(): Expr { return mk(currentModule('orR'), 'orr', BOOL, [this]); }
  xorR(): Expr { return mk(currentModule('xorR'), 'xorr', BOOL, [this]); }

  // ---- slicing, width and sign changes ----
  bits(hi: number, lo: number): Expr {
    const m = currentModule('bits');
    if (typeof hi !== 'number' || typeof lo !== 'number') {
      report(m, 'bad-range', `bits(${showArg(hi)}, ${showArg(lo)}): bit indices are whole numbers, got ${typeof hi !== 'number' ? `${typeof hi} ${showArg(hi)}` : `${typeof lo} ${showArg(lo)}`}`, 'pass numbers (Number(...) for text); a run-time index is a shift: x.shr(i).bit(0)');
      return poison(m, { signed: false, width: 1 });
    }
    if (!Number.isInteger(hi) || !Number.isInteger(lo) || lo < 0 || hi < lo || hi >= this.width) {
      report(m, 'bad-range', `bits(${hi}, ${lo}) out of range for ${typeName(this.type)}`, `use indices with 0 <= lo <= hi <= ${this.width - 1}`);
      return poison(m, { signed: false, width: Math.max(1, (hi | 0) - (lo | 0) + 1) });
    }
    return mk(m, 'bits', { signed: false, width: hi - lo + 1 }, [this], 0n, lo);
  }
  bit(i: number): Expr { return this.bits(i, i); }
  /** Keeps the low `w` bits, keeping the signedness (two's-complement wrap for SInt). */
  trunc(w: number): Expr {
    const m = currentModule('trunc');
    if (!Number.isInteger(w) || w < 1 || w > this.width) {
      report(m, 'bad-range', `trunc(${w}) of ${typeName(this.type)}`, `truncate to a width in 1..${this.width}; to widen use zext/sext`);
      return poison(m, { signed: this.signed, width: Math.max(1, w | 0) });
    }
    return w === this.width ? this : mk(m, 'bits', { signed: this.signed, width: w }, [this], 0n, 0);
  }
  zext(w: number): Expr { return extend(this, w, false, 'zext'); }
  sext(w: number): Expr { return extend(this, w, true, 'sext'); }
  /** Extends by the type's own rule: zero for UInt, sign for SInt. */
  ext(w: number): Expr { return extend(this, w, this.signed, 'ext'); }
  asSInt(): Expr { return this.signed ? this : mk(currentModule('asSInt'), 'cast', { signed: true, width: this.width }, [this]); }
  asUInt(): Expr { return this.signed ? mk(currentModule('asUInt'), 'cast', { signed: false, width: this.width }, [this]) : this; }

  /** Gives this value a name: it becomes a wire in the Verilog. */
  named(name: string): Expr {
    return currentModule('named').namedWire(name, this);
  }
}

const BOOL: HwType = { signed: false, width: 1 };

function mk(m: ModuleBuilder, op: Op, type: HwType, args: readonly Expr[], value = 0n, lo = 0): Expr {
  for (const a of args) {
    if (a.owner !== null && a.owner !== m) {
      const name = a.op === 'sig' ? `signal '${(a as { name?: string }).name}'` : 'an expression';
      report(m, 'foreign-signal', `${name} belongs to module ${a.owner.name}, not ${m.name}`,
        `a module reads only its own signals: instantiate ${a.owner.generatorName} and connect its ports`);
      return poison(m, type);
    }
  }
  return new Expr(op, type, args, m, value, lo);
}

/** A placeholder of the expected type so elaboration continues and reports every error. */
export function poison(m: ModuleBuilder | null, type: HwType): Expr {
  return new Expr('const', type, [], m, 0n);
}

export function constant(v: bigint, type: HwType): Expr {
  return new Expr('const', type, [], null, wrapTo(v, type));
}

/** Turns a JS literal into a constant typed like `like` (or minimally when that cannot hold it). */
export function toExpr(m: ModuleBuilder, v: ExprLike, like: HwType): Expr {
  if (v instanceof Expr) {
    if (v.owner !== null && v.owner !== m) {
      // Reached here without an operator (set, a condition, an enable, a port map, an address).
      const name = v.op === 'sig' ? `signal '${(v as { name?: string }).name}'` : 'an expression';
      report(m, 'foreign-signal', `${name} belongs to module ${v.owner.name}, not ${m.name}`,
        `a module reads only its own signals: instantiate ${v.owner.generatorName} and connect its ports`);
      return poison(m, like);
    }
    return v;
  }
  const wrong = notAValue(v);
  if (wrong) {
    report(m, 'not-a-value', wrong.message, wrong.fix);
    return poison(m, like);
  }
  const big = typeof v === 'boolean' ? (v ? 1n : 0n) : typeof v === 'bigint' ? v : numberToBig(m, v);
  if (!like.signed && big < 0n) {
    report(m, 'bad-constant', `negative constant ${big} used with unsigned ${typeName(like)}`, 'use an SInt operand or a non-negative constant');
    return poison(m, like);
  }
  const width = Math.max(like.width, widthFor(big, like.signed));
  return constant(big, { signed: like.signed, width });
}

/** What is wrong with a JavaScript value where a signal or a constant belongs, or undefined when nothing is. */
export function notAValue(v: unknown): { message: string; fix: string } | undefined {
  const where = 'where a signal or a constant belongs';
  if (typeof v === 'bigint' || typeof v === 'boolean' || v instanceof Expr) return undefined;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { message: `NaN ${where}`, fix: 'JavaScript arithmetic (*, -, /) on signals gives NaN: use a.mul(b), a.sub(b), ...' };
    return undefined; // range and integrality are numberToBig's
  }
  if (typeof v === 'string') {
    const joined = v.includes('[object Object]');
    return { message: `the string '${v.length > 40 ? `${v.slice(0, 40)}…` : v}' ${where}`, fix: joined ? 'JavaScript + on two signals joins their text: use a.add(b)' : 'pass a signal, a number or a bigint (a width or value read from text needs Number(...))' };
  }
  if (v === undefined) return { message: `undefined ${where}`, fix: 'a missing array element, property, variable or return value: check the index or name' };
  if (v === null) return { message: `null ${where}`, fix: 'pass a signal, a number or a bigint' };
  if (typeof v === 'function') return { message: `a function (${v.name || 'anonymous'}) ${where}`, fix: 'call it, or pass what it returns' };
  const ctor = (v as object).constructor?.name;
  if (ctor === 'Expr' || ctor === 'Signal') return { message: `a ${ctor} from another copy of bitforge ${where}`, fix: "import 'bitforge/dsl' from one installation only" };
  if (ctor === 'Promise') return { message: `a Promise ${where}`, fix: 'generators are synchronous: no async/await in a module body' };
  return { message: `${Array.isArray(v) ? `an array of ${(v as unknown[]).length}` : `an object${ctor && ctor !== 'Object' ? ` (${ctor})` : ''}`} ${where}`, fix: Array.isArray(v) ? 'pick one element, or cat(...) them' : 'pass a signal, a number or a bigint' };
}

function numberToBig(m: ModuleBuilder, v: number): bigint {
  if (Number.isFinite(v) && !Number.isInteger(v)) {
    report(m, 'bad-constant', `constant ${v} is not an integer`, 'hardware constants are whole numbers: round it (Math.round) or scale it first');
    return 0n;
  }
  if (!Number.isSafeInteger(v)) {
    report(m, 'bad-constant', `constant ${v} is not a safe integer`, 'pass a bigint for large constants');
    return 0n;
  }
  return BigInt(v);
}

/** Literal of an explicit type; errors if it does not fit. */
export function lit(v: number | bigint | boolean, type: HwType): Expr {
  const m = currentModule('lit');
  const big = typeof v === 'boolean' ? (v ? 1n : 0n) : typeof v === 'bigint' ? v : numberToBig(m, v);
  if (!fits(big, type)) {
    report(m, 'bad-constant', `constant ${big} does not fit ${typeName(type)}`, 'widen the type or change the value');
    return poison(m, type);
  }
  return constant(big, type);
}

function operands(m: ModuleBuilder, a: Expr, bl: ExprLike, what: string): [Expr, Expr] | null {
  const b = toExpr(m, bl, a.type);
  if (a.signed !== b.signed) {
    report(m, 'sign-mix', `${what}: ${typeName(a.type)} with ${typeName(b.type)}`,
      'cast one side explicitly with asSInt() / asUInt() (and zext/sext as needed)');
    return null;
  }
  return [a, b];
}

function arith(a: Expr, bl: ExprLike, op: Op, what: string, width: (wa: number, wb: number) => number): Expr {
  const m = currentModule(what);
  const ab = operands(m, a, bl, what);
  if (!ab) return poison(m, { signed: a.signed, width: width(a.width, a.width) });
  const [x, y] = ab;
  return mk(m, op, { signed: x.signed, width: width(x.width, y.width) }, [x, y]);
}

function compare(a: Expr, bl: ExprLike, op: Op): Expr {
  const m = currentModule(op);
  const ab = operands(m, a, bl, op);
  return ab ? mk(m, op, BOOL, ab) : poison(m, BOOL);
}

function extend(a: Expr, w: number, signExt: boolean, what: string): Expr {
  const m = currentModule(what);
  if (!Number.isInteger(w) || w < a.width) {
    report(m, 'bad-range', `${what}(${w}) of ${typeName(a.type)} would narrow it`, `extend to a width >= ${a.width}; to narrow use trunc() or bits()`);
    return poison(m, { signed: a.signed, width: Math.max(1, w | 0) });
  }
  if (signExt !== a.signed) {
    const fix = signExt ? 'sext needs an SInt: use x.asSInt().sext(w) if the MSB is a sign' : 'zext needs a UInt: use x.asUInt().zext(w), or sext for an SInt';
    report(m, 'sign-mix', `${what}(${w}) of ${typeName(a.type)}`, fix);
    return poison(m, { signed: a.signed, width: w });
  }
  return w === a.width ? a : mk(m, 'ext', { signed: a.signed, width: w }, [a]);
}

const showArg = (v: unknown) => (typeof v === 'string' ? `'${v}'` : String(v));

function shift(a: Expr, n: number | Expr, dir: 'left' | 'right', grow: boolean): Expr {
  const m = currentModule(dir === 'left' ? 'shl' : 'shr');
  if (typeof n !== 'number' && !(n instanceof Expr)) {
    report(m, 'bad-range', `${dir === 'left' ? 'shl' : 'shr'}(${showArg(n)}): the amount is a number or a UInt signal, got ${n === null ? 'null' : typeof n} ${showArg(n)}`, 'pass a number (Number(...) for text) or a signal');
    return poison(m, a.type);
  }
  if (typeof n === 'number') {
    if (!Number.isInteger(n) || n < 0) {
      report(m, 'bad-range', `shift by ${n}`, 'shift by a non-negative integer');
      return poison(m, a.type);
    }
    if (n === 0) return a;
    if (dir === 'left') return mk(m, 'shl', { signed: a.signed, width: grow ? a.width + n : a.width }, [a], BigInt(n));
    return mk(m, 'shr', { signed: a.signed, width: Math.max(1, a.width - n) }, [a], BigInt(n));
  }
  if (n.signed) {
    report(m, 'sign-mix', `shift amount is ${typeName(n.type)}`, 'shift amounts are unsigned: use amount.asUInt()');
    return poison(m, a.type);
  }
  if (dir === 'right') return mk(m, 'dshr', a.type, [a, n]);
  if (!grow) return mk(m, 'dshl', a.type, [a, n]);
  const growth = 2 ** n.width - 1;
  if (growth > MAX_DSHL_GROWTH) {
    report(m, 'bad-range', `shl by a ${n.width}-bit signal would grow the result by ${growth} bits`,
      'use shlWrap() on a value extended to the width you need, or narrow the shift amount');
    return poison(m, a.type);
  }
  return mk(m, 'dshl', { signed: a.signed, width: a.width + growth }, [a, n]);
}

// ---- free functions ----

/** Concatenation, most significant first. The result is a UInt. */
export function cat(...parts: Expr[]): Expr {
  const m = currentModule('cat');
  if (parts.length === 0) {
    report(m, 'bad-range', 'cat() of nothing', 'pass at least one expression');
    return poison(m, BOOL);
  }
  if (parts.length === 1) return parts[0]!.asUInt();
  return mk(m, 'cat', { signed: false, width: parts.reduce((s, p) => s + p.width, 0) }, parts);
}

export function replicate(x: Expr, n: number): Expr {
  const m = currentModule('replicate');
  if (!Number.isInteger(n) || n < 1) {
    report(m, 'bad-range', `replicate(x, ${n})`, 'replicate at least once');
    return poison(m, x.type);
  }
  return n === 1 ? x.asUInt() : mk(m, 'rep', { signed: false, width: x.width * n }, [x], BigInt(n));
}

/** cond ? a : b. Arms must agree in signedness; the result has the wider width. */
export function mux(cond: ExprLike, a: ExprLike, b: ExprLike): Expr {
  const m = currentModule('mux');
  const c = toExpr(m, cond, BOOL);
  if (c.width !== 1) {
    report(m, 'cond-width', `mux condition is ${typeName(c.type)}`, 'reduce it to one bit, e.g. x.orR() or x.ne(0)');
  }
  let x: Expr, y: Expr;
  if (a instanceof Expr) { x = a; y = toExpr(m, b, a.type); }
  else if (b instanceof Expr) { y = b; x = toExpr(m, a, b.type); }
  else {
    report(m, 'bad-constant', 'mux of two literals has no type', 'give one arm a type with lit(value, UInt(w))');
    return poison(m, BOOL);
  }
  if (x.signed !== y.signed) {
    report(m, 'sign-mix', `mux arms are ${typeName(x.type)} and ${typeName(y.type)}`, 'cast one arm with asSInt()/asUInt()');
    return poison(m, x.type);
  }
  return mk(m, 'mux', { signed: x.signed, width: Math.max(x.width, y.width) }, [c, x, y]);
}
