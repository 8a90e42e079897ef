// The user-facing module API: defineModule, ports, wires, registers, and elaborate().

import { currentModule, report } from './context.js';
import { ElaborationError, type Diagnostic } from './diagnostics.js';
import { toExpr, type ExprLike } from './expr.js';
import type { IrModule, Netlist } from '../ir/netlist.js';
import { lowerModule } from './lower.js';
import type { ModuleBuilder } from './module-builder.js';
import { ElabSession } from './session.js';
import type { Signal } from './signal.js';
import { captureLoc, type SourceLoc } from './source-location.js';
import { Bool, fits, typeName, type HwType } from './types.js';

export interface ModuleGenerator<P> {
  /** Base of the Verilog module name; parameters are appended. */
  readonly name: string;
  readonly body: (params: P) => void;
  readonly loc: SourceLoc;
}

/** Declares a parameterized module. The body runs once per distinct parameter set. */
export function defineModule<P = Record<string, never>>(name: string, body: (params: P) => void): ModuleGenerator<P> {
  return Object.freeze({ name, body, loc: captureLoc() });
}

export function input(name: string, type: HwType): Signal {
  const m = currentModule('input');
  return m.addSignal(name, 'input', type, captureLoc());
}

export function output(name: string, type: HwType): Signal {
  const m = currentModule('output');
  return m.addSignal(name, 'output', type, captureLoc());
}

export function wire(name: string, type: HwType): Signal {
  const m = currentModule('wire');
  return m.addSignal(name, 'wire', type, captureLoc());
}

export interface RegOptions {
  /** Value loaded by the synchronous active-high reset; omit for a register without reset. */
  init?: number | bigint;
  /** Load enable: the register keeps its value when this is 0. */
  en?: ExprLike;
}

export function reg(name: string, type: HwType, opts: RegOptions = {}): Signal {
  const m = currentModule('reg');
  const loc = captureLoc();
  const r = m.addSignal(name, 'reg', type, loc);
  m.needsClock = true;
  if (opts.init !== undefined) {
    const v = BigInt(opts.init);
    if (!fits(v, type)) report(m, 'bad-constant', `reset value ${v} of register '${r.name}' does not fit ${typeName(type)}`, 'use a value in range, or widen the register', loc);
    r.init = v;
    m.needsReset = true;
  }
  if (opts.en !== undefined) {
    const e = toExpr(m, opts.en, Bool);
    if (e.width !== 1) report(m, 'cond-width', `enable of register '${r.name}' is ${typeName(e.type)}`, 'use a 1-bit enable', loc);
    r.enable = e;
  }
  return r;
}

/** An elaborated design: the netlist IR of every module, and the warnings of its checks. */
export interface Design extends Netlist {
  readonly warnings: readonly Diagnostic[];
}

/** Runs the generator, checks it and lowers it to the netlist IR. Throws ElaborationError on any error. */
export function elaborate<P>(gen: ModuleGenerator<P>, params: P): Design {
  const session = new ElabSession();
  const top = session.elaborateTop(gen, params);
  const errors = session.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new ElaborationError(session.sortedDiagnostics());
  const modules: IrModule[] = [];
  const seen = new Set<ModuleBuilder>();
  const visit = (m: ModuleBuilder) => {
    if (seen.has(m)) return;
    seen.add(m);
    for (const c of m.children()) visit(c);
    modules.push(lowerModule(m));
  };
  visit(top);
  return Object.freeze({ top: modules[modules.length - 1]!, modules: Object.freeze(modules), warnings: session.sortedDiagnostics().filter((d) => d.severity === 'warning') });
}
