// Writes one expression as Verilog whose self-determined width and signedness equal the DSL type.
// Operands are widened explicitly, so no Verilog context-width rule is ever relied on (and Verilator
// -Wall sees no implicit WIDTH changes).

import type { Expr } from '../../dsl/index.js';
import type { BitUsage } from './bit-usage.js';
import { literal } from './literal.js';

const BINOP: Record<string, string> = { add: '+', sub: '-', mul: '*', and: '&', or: '|', xor: '^' };
const CMP: Record<string, string> = { eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' };
const RED: Record<string, string> = { andr: '&', orr: '|', xorr: '^' };

const strip = (s: string) => (s.startsWith('(') && balancedOuter(s) ? s.slice(1, -1) : s);

function balancedOuter(s: string): boolean {
  let d = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') d++;
    else if (s[i] === ')' && --d === 0 && i < s.length - 1) return false;
  }
  return true;
}

export class ExprWriter {
  constructor(
    private readonly names: Map<Expr, string>,
    private readonly usage: BitUsage,
  ) {}

  /** Statement form: outer parentheses dropped. */
  statement(e: Expr, width = e.width): string {
    return strip(this.at(e, width));
  }

  /** The value of e extended (by its signedness) to `width` bits. */
  at(e: Expr, width: number): string {
    if (e.width === width) return this.write(e);
    if (e.op === 'const') return literal(e.value, { signed: e.signed, width });
    const k = width - e.width;
    if (!e.signed) return `{${k}'b0, ${this.write(e)}}`;
    const n = this.nameOf(e, e.width - 1, e.width - 1);
    const msb = e.width === 1 ? n : `${n}[${e.width - 1}]`;
    this.useAll(e);
    return k === 1 ? `$signed({${msb}, ${n}})` : `$signed({{${k}{${msb}}}, ${n}})`;
  }

  private useAll(e: Expr): void {
    const n = this.names.get(e);
    if (n) this.usage.all(n);
  }

  /** A plain name for e (signal or spilled node), recording which bits the caller reads. */
  private nameOf(e: Expr, hi: number, lo: number): string {
    const n = this.names.get(e);
    if (n === undefined) throw new Error(`internal: expression of op ${e.op} needs a name but was not spilled`);
    this.usage.range(n, e.width, hi, lo);
    return n;
  }

  write(e: Expr): string {
    const named = this.names.get(e);
    if (named !== undefined) {
      this.usage.all(named);
      return named;
    }
    const [a, b, c] = e.args;
    const W = e.width;
    switch (e.op) {
      case 'const': return literal(e.value, e.type);
      case 'sig': throw new Error(`internal: signal without a name`);
      case 'add': case 'sub': case 'mul': case 'and': case 'or': case 'xor':
        return `(${this.at(a!, W)} ${BINOP[e.op]} ${this.at(b!, W)})`;
      case 'not': return `(~${this.write(a!)})`;
      case 'neg': return `(-${this.at(a!, W)})`;
      case 'eq': case 'ne': case 'lt': case 'le': case 'gt': case 'ge': {
        const w = Math.max(a!.width, b!.width);
        return `(${this.at(a!, w)} ${CMP[e.op]} ${this.at(b!, w)})`;
      }
      case 'andr': case 'orr': case 'xorr': return `(${RED[e.op]}${this.write(a!)})`;
      case 'shl': {
        const k = Number(e.value);
        if (W === a!.width) return `(${this.write(a!)} ${a!.signed ? '<<<' : '<<'} ${k})`;
        const s = `{${this.write(a!)}, ${k}'b0}`;
        return e.signed ? `$signed(${s})` : s;
      }
      case 'shr': {
        const k = Number(e.value);
        if (a!.op === 'const') return literal(a!.value >> BigInt(k), e.type);
        if (k >= a!.width) {
          if (!e.signed) return `1'b0`;
          const n = this.nameOf(a!, a!.width - 1, a!.width - 1);
          return `$signed(${a!.width === 1 ? n : `${n}[${a!.width - 1}]`})`;
        }
        const n = this.nameOf(a!, a!.width - 1, k);
        const sel = a!.width - 1 === k ? `${n}[${k}]` : `${n}[${a!.width - 1}:${k}]`;
        return e.signed ? `$signed(${sel})` : sel;
      }
      case 'dshl': return `(${this.at(a!, W)} ${e.signed ? '<<<' : '<<'} ${this.write(b!)})`;
      case 'dshr': return `(${this.write(a!)} ${e.signed ? '>>>' : '>>'} ${this.write(b!)})`;
      case 'bits': {
        const lo = e.lo, hi = e.lo + W - 1;
        if (a!.op === 'const') return literal((a!.value >> BigInt(lo)) & ((1n << BigInt(W)) - 1n), e.type);
        let sel: string;
        if (a!.width === 1) { sel = this.nameOf(a!, 0, 0); }
        else if (lo === 0 && hi === a!.width - 1) { sel = this.nameOf(a!, hi, lo); }
        else {
          const n = this.nameOf(a!, hi, lo);
          sel = hi === lo ? `${n}[${lo}]` : `${n}[${hi}:${lo}]`;
        }
        if (e.signed) return `$signed(${sel})`;
        return a!.signed && lo === 0 && hi === a!.width - 1 ? `$unsigned(${sel})` : sel;
      }
      case 'cat': return `{${e.args.map((x) => this.write(x)).join(', ')}}`;
      case 'rep': return `{${e.value}{${this.write(a!)}}}`;
      case 'mux': return `(${this.write(a!)} ? ${this.at(b!, W)} : ${this.at(c!, W)})`;
      case 'ext': return this.at(a!, W);
      case 'cast': return e.signed ? `$signed(${this.write(a!)})` : `$unsigned(${this.write(a!)})`;
    }
  }
}

