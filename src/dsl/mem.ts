// Memories with synchronous read and write ports, emitted in the style Yosys maps to block RAM
// (iCE40 SB_RAM40_4K, Xilinx RAMB18/36): registered read data, no reset on it, one clock.

import type { PathStep } from './assign-tree.js';
import { currentModule, report } from './context.js';
import { Expr, toExpr, type ExprLike } from './expr.js';
import type { ModuleBuilder } from './module-builder.js';
import type { Signal } from './signal.js';
import { captureLoc, type SourceLoc } from './source-location.js';
import { Bool, fits, typeName, type HwType } from './types.js';

export interface MemReadPort {
  readonly addr: Expr;
  readonly enable: Expr | null;
  readonly data: Signal;
  readonly loc: SourceLoc;
}

export interface MemWritePort {
  readonly addr: Expr;
  readonly data: Expr;
  readonly enable: Expr | null;
  readonly loc: SourceLoc;
}

export interface MemDef {
  readonly name: string;
  readonly depth: number;
  readonly type: HwType;
  readonly addrWidth: number;
  readonly init: readonly bigint[] | null;
  readonly loc: SourceLoc;
  readonly reads: MemReadPort[];
  readonly writes: MemWritePort[];
}

export interface MemOptions {
  depth: number;
  type: HwType;
  /** Initial contents (ROM tables); missing words are 0. */
  init?: ReadonlyArray<number | bigint>;
}

export class Mem {
  readonly def: MemDef;
  private readonly m: ModuleBuilder;

  constructor(name: string, opts: MemOptions) {
    this.m = currentModule('mem');
    const loc = captureLoc();
    const depth = opts.depth;
    if (!Number.isInteger(depth) || depth < 2 || depth > 1 << 24) {
      report(this.m, 'bad-memory', `memory '${name}' depth ${depth}`, 'use an integer depth in 2..2^24', loc);
    }
    const d = Math.max(2, depth | 0);
    const init = opts.init ? opts.init.map((v) => BigInt(v)) : null;
    if (init && (init.length > d || init.some((v) => !fits(v, opts.type)))) {
      report(this.m, 'bad-memory', `memory '${name}' init has ${init.length} words or values outside ${typeName(opts.type)}`,
        `give at most ${d} words that fit ${typeName(opts.type)}`, loc);
    }
    this.def = {
      name: this.m.namespace.unique(name), depth: d, type: opts.type, addrWidth: Math.max(1, Math.ceil(Math.log2(d))),
      init, loc, reads: [], writes: [],
    };
    this.m.mems.push(this.def);
    this.m.needsClock = true;
  }

  /** Synchronous read: the data appears one cycle after addr (and enable) are presented. */
  read(given: ExprLike, en?: ExprLike): Expr {
    const m = currentModule('Mem.read');
    const loc = captureLoc();
    const addr = this.checkAddr(m, given, loc);
    const data = m.addSignal(`${this.def.name}_rdata`, 'mem-read', this.def.type, loc);
    this.def.reads.push({ addr, enable: enableOf(m, m.condPath, en, loc), data, loc });
    return data;
  }

  write(addr: ExprLike, data: ExprLike, en?: ExprLike): void {
    const m = currentModule('Mem.write');
    const loc = captureLoc();
    addr = this.checkAddr(m, addr, loc);
    const d = toExpr(m, data, this.def.type);
    if (d.signed !== this.def.type.signed || d.width > this.def.type.width) {
      report(m, d.signed !== this.def.type.signed ? 'sign-mix' : 'width-mismatch',
        `write of ${typeName(d.type)} to memory '${this.def.name}' of ${typeName(this.def.type)}`, 'convert the data to the memory word type', loc);
      return;
    }
    this.def.writes.push({ addr, data: d, enable: enableOf(m, m.condPath, en, loc), loc });
  }

  /** The address as an expression of this module (a foreign or non-signal address is reported and replaced). */
  private checkAddr(m: ModuleBuilder, given: ExprLike, loc: SourceLoc): Expr {
    if (m !== this.m) report(m, 'foreign-signal', `memory '${this.def.name}' belongs to module ${this.m.name}`, 'access a memory only in the module that declares it', loc);
    const addr = toExpr(m, given, { signed: false, width: this.def.addrWidth });
    if (addr.signed || addr.width > this.def.addrWidth) {
      report(m, addr.signed ? 'sign-mix' : 'width-mismatch',
        `address of memory '${this.def.name}' is ${typeName(addr.type)}; it takes UInt(<= ${this.def.addrWidth})`,
        `pass a UInt of at most ${this.def.addrWidth} bits (trunc or bits() if wider)`, loc);
    }
    return addr;
  }
}

export function mem(name: string, opts: MemOptions): Mem {
  return new Mem(name, opts);
}

/** The port enable: the active `when` conditions AND the explicit enable. */
function enableOf(m: ModuleBuilder, path: readonly PathStep[], en: ExprLike | undefined, loc: SourceLoc): Expr | null {
  let acc: Expr | null = null;
  for (const step of path) {
    const c = step.taken ? step.key.cond : step.key.cond.not();
    acc = acc ? acc.and(c) : c;
  }
  if (en !== undefined) {
    const e = toExpr(m, en, Bool);
    if (e.width !== 1) report(m, 'cond-width', `memory port enable is ${typeName(e.type)}`, 'use a 1-bit enable', loc);
    acc = acc ? acc.and(e) : e;
  }
  return acc;
}
