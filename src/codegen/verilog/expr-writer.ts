// Writes one IR node as Verilog whose self-determined width and signedness equal its type.
// Operands are widened explicitly, so no Verilog context-width rule is ever relied on (and Verilator
// -Wall sees no implicit WIDTH changes).

import type { IrModule, Node } from '../../ir/netlist.js';
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
  private readonly nodes: readonly Node[];

  /** names: spilled nodes' wires; signal nodes are named after their signal. */
  constructor(
    private readonly m: IrModule,
    private readonly names: Map<number, string>,
    private readonly usage: BitUsage,
  ) {
    this.nodes = m.nodes;
  }

  /** Statement form: outer parentheses dropped. */
  statement(id: number, width = this.nodes[id]!.type.width): string {
    return strip(this.at(id, width));
  }

  /** The value of a node extended (by its signedness) to `width` bits. */
  at(id: number, width: number): string {
    const e = view(this.nodes[id]!);
    if (e.width === width) return this.write(id);
    if (e.op === 'const') return literal(e.value, { signed: e.signed, width });
    const k = width - e.width;
    if (!e.signed) return `{${k}'b0, ${this.write(id)}}`;
    const n = this.nameOf(id, e.width - 1, e.width - 1);
    const msb = e.width === 1 ? n : `${n}[${e.width - 1}]`;
    this.usage.all(n);
    return k === 1 ? `$signed({${msb}, ${n}})` : `$signed({{${k}{${msb}}}, ${n}})`;
  }

  /** The name of a signal node or a spilled node; undefined for one written inline. */
  nameFor(id: number): string | undefined {
    const e = this.nodes[id]!;
    return e.op === 'sig' ? this.m.signals[e.lo]!.name : this.names.get(id);
  }

  /** A plain name for the node, recording which bits the caller reads. */
  private nameOf(id: number, hi: number, lo: number): string {
    const n = this.nameFor(id);
    if (n === undefined) throw new Error(`internal: node ${id} (${this.nodes[id]!.op}) needs a name but was not spilled`);
    this.usage.range(n, this.nodes[id]!.type.width, hi, lo);
    return n;
  }

  write(id: number): string {
    const named = this.nameFor(id);
    if (named !== undefined) {
      this.usage.all(named);
      return named;
    }
    const e = view(this.nodes[id]!);
    const [a, b, c] = e.args;
    const A = a === undefined ? undefined : view(this.nodes[a]!);
    const W = e.width;
    switch (e.op) {
      case 'const': return e.label ?? literal(e.value, e.type);
      case 'sig': throw new Error(`internal: signal node without a name`);
      case 'add': case 'sub': case 'mul': case 'and': case 'or': case 'xor':
        return `(${this.at(a!, W)} ${BINOP[e.op]} ${this.at(b!, W)})`;
      case 'not': return `(~${this.write(a!)})`;
      case 'neg': return `(-${this.at(a!, W)})`;
      case 'eq': case 'ne': case 'lt': case 'le': case 'gt': case 'ge': {
        const w = Math.max(A!.width, this.nodes[b!]!.type.width);
        // Signed <= and >= are written as unsigned compares with the sign bits flipped: Verilator
        // 5.006 (Debian 12's) folds a signed <= or >= of two equal constants arriving through a port
        // to 0. Found by `bitforge fuzz`; the same order, and the XOR with a constant is free in a LUT.
        if ((e.op === 'ge' || e.op === 'le') && A!.signed) {
          const msb = literal(1n << BigInt(w - 1), { signed: false, width: w });
          return `(($unsigned(${this.at(a!, w)}) ^ ${msb}) ${CMP[e.op]} ($unsigned(${this.at(b!, w)}) ^ ${msb}))`;
        }
        return `(${this.at(a!, w)} ${CMP[e.op]} ${this.at(b!, w)})`;
      }
      case 'andr': case 'orr': case 'xorr': return `(${RED[e.op]}${this.write(a!)})`;
      case 'shl': {
        const k = Number(e.value);
        if (W === A!.width) return `(${this.write(a!)} ${A!.signed ? '<<<' : '<<'} ${k})`;
        const s = `{${this.write(a!)}, ${k}'b0}`;
        return e.signed ? `$signed(${s})` : s;
      }
      case 'shr': {
        const k = Number(e.value);
        if (A!.op === 'const') return literal(A!.value >> BigInt(k), e.type);
        if (k >= A!.width) {
          if (!e.signed) return `1'b0`;
          const n = this.nameOf(a!, A!.width - 1, A!.width - 1);
          return `$signed(${A!.width === 1 ? n : `${n}[${A!.width - 1}]`})`;
        }
        const n = this.nameOf(a!, A!.width - 1, k);
        const sel = A!.width - 1 === k ? `${n}[${k}]` : `${n}[${A!.width - 1}:${k}]`;
        return e.signed ? `$signed(${sel})` : sel;
      }
      case 'dshl': return `(${this.at(a!, W)} ${e.signed ? '<<<' : '<<'} ${this.write(b!)})`;
      case 'dshr': return `(${this.write(a!)} ${e.signed ? '>>>' : '>>'} ${this.write(b!)})`;
      case 'bits': {
        const lo = e.lo, hi = e.lo + W - 1;
        if (A!.op === 'const') return literal((A!.value >> BigInt(lo)) & ((1n << BigInt(W)) - 1n), e.type);
        let sel: string;
        if (A!.width === 1) { sel = this.nameOf(a!, 0, 0); }
        else if (lo === 0 && hi === A!.width - 1) { sel = this.nameOf(a!, hi, lo); }
        else {
          const n = this.nameOf(a!, hi, lo);
          sel = hi === lo ? `${n}[${lo}]` : `${n}[${hi}:${lo}]`;
        }
        if (e.signed) return `$signed(${sel})`;
        return A!.signed && lo === 0 && hi === A!.width - 1 ? `$unsigned(${sel})` : sel;
      }
      case 'cat': return `{${e.args.map((x) => this.write(x)).join(', ')}}`;
      case 'rep': return `{${e.value}{${this.write(a!)}}}`;
      case 'mux': return `(${this.write(a!)} ? ${this.at(b!, W)} : ${this.at(c!, W)})`;
      case 'ext': return this.at(a!, W);
      case 'cast': return e.signed ? `$signed(${this.write(a!)})` : `$unsigned(${this.write(a!)})`;
    }
  }
}

/** A node with its type's fields at hand. */
function view(n: Node) {
  return { op: n.op, args: n.args, value: n.value, lo: n.lo, type: n.type, width: n.type.width, signed: n.type.signed, label: n.label };
}
