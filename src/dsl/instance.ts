// Module instances with port maps. Each child input gets a parent-side signal (`<inst>_<port>`) that
// the port map or `.in(port).set(...)` drives; each child output drives a parent signal.

import { leaf } from './assign-tree.js';
import { currentModule, report } from './context.js';
import { ElaborationError } from './diagnostics.js';
import { Expr, poison, toExpr, type ExprLike } from './expr.js';
import type { ModuleBuilder } from './module-builder.js';
import type { ModuleGenerator } from './module.js';
import { Signal } from './signal.js';
import { captureLoc, formatLoc, type SourceLoc } from './source-location.js';
import { typeName } from './types.js';

export interface InstanceDef {
  readonly name: string;
  readonly module: ModuleBuilder;
  readonly loc: SourceLoc;
  /** child input port name → parent-side driver signal */
  readonly inputs: Map<string, Signal>;
  /** child output port name → parent signal it drives */
  readonly outputs: Map<string, Signal>;
}

export type PortMap = Record<string, ExprLike>;

export class Instance {
  private readonly mapped = new Set<string>();

  constructor(readonly def: InstanceDef, private readonly parent: ModuleBuilder) {}

  get name(): string { return this.def.name; }

  /** The driver of a child input, for `.set(...)` (when it was not given in the port map). */
  in(port: string): Signal {
    const s = this.def.inputs.get(port);
    if (!s) return this.unknown(port, 'input');
    if (this.mapped.has(port)) {
      report(this.parent, 'multiple-drivers', `input '${port}' of instance ${this.name} is connected in the port map and driven again`,
        'connect it in one place only');
    }
    return s;
  }

  /** The value of a child output. */
  out(port: string): Expr {
    return this.def.outputs.get(port) ?? this.unknown(port, 'output');
  }

  /** @internal */
  markMapped(port: string): void { this.mapped.add(port); }

  private unknown(port: string, dir: 'input' | 'output'): Signal {
    const child = this.def.module;
    const list = child.ports.filter((p) => p.kind === dir).map((p) => p.name).join(', ') || 'none';
    const loc = captureLoc();
    report(this.parent, 'unknown-port', `module ${child.name} has no ${dir} port '${port}'`, `use one of: ${list}`, loc);
    // A stand-in the caller can read or set; driven by a placeholder so no "undriven" error follows.
    const stand = this.parent.addSignal(`${this.name}_${port}`, 'wire', { signed: false, width: 1 }, loc);
    stand.tree = leaf(poison(this.parent, stand.type), loc);
    return stand;
  }
}

/** Instantiates `gen` with `params`, connecting ports from `ports` (inputs: values; outputs: signals). */
export function instance<P>(gen: ModuleGenerator<P>, params: P, ports: PortMap = {}, name?: string): Instance {
  const m = currentModule('instance');
  const loc = captureLoc();
  if (typeof gen !== 'object' || gen === null || typeof (gen as { body?: unknown }).body !== 'function') {
    report(m, 'bad-port-map', `instance() of ${gen === undefined ? 'undefined' : typeof gen === 'function' ? 'a function' : typeof gen}: the first argument is a module`, 'pass what defineModule(name, body) returned (a function must be wrapped in defineModule)', loc);
    throw new ElaborationError(m.session.sortedDiagnostics());
  }
  const child = m.session.elaborate(gen, params, loc);
  const def: InstanceDef = {
    name: m.namespace.unique(name ?? `u_${child.generatorName}`),
    module: child, loc, inputs: new Map(), outputs: new Map(),
  };
  if (child.needsClock) m.needsClock = true;
  if (child.needsReset) m.needsReset = true;
  const inst = new Instance(def, m);
  for (const p of child.ports) {
    if (p.kind === 'input') def.inputs.set(p.name, m.addSignal(`${def.name}_${p.name}`, 'inst-in', p.type, loc));
  }
  for (const [port, value] of Object.entries(ports)) {
    const p = child.ports.find((q) => q.name === port);
    if (!p) {
      const list = child.ports.map((q) => q.name).join(', ') || 'none';
      report(m, 'unknown-port', `module ${child.name} has no port '${port}' (instance ${def.name})`, `use one of: ${list}`, loc);
      continue;
    }
    if (p.kind === 'input') connectInput(m, inst, p, value, loc);
    else connectOutput(m, def, p, value, loc);
  }
  for (const p of child.ports) {
    if (p.kind === 'output' && !def.outputs.has(p.name)) {
      const s = m.addSignal(`${def.name}_${p.name}`, 'inst-out', p.type, loc);
      s.instDriver = { inst: def, port: p.name };
      def.outputs.set(p.name, s);
    }
  }
  m.instances.push(def);
  return inst;
}

function connectInput(m: ModuleBuilder, inst: Instance, p: Signal, value: ExprLike, loc: SourceLoc): void {
  const v = toExpr(m, value, p.type);
  if (v.signed !== p.signed || v.width !== p.width) {
    const kind = v.signed !== p.signed ? 'sign-mix' : 'width-mismatch';
    report(m, kind, `port '${p.name}' of ${inst.def.module.name} is ${typeName(p.type)}, connected to ${typeName(v.type)} (instance ${inst.name})`,
      'connect a value of exactly the port type (use zext/sext/trunc/asSInt)', loc);
  }
  inst.def.inputs.get(p.name)!.tree = leaf(v, loc);
  inst.markMapped(p.name);
}

function connectOutput(m: ModuleBuilder, def: InstanceDef, p: Signal, value: ExprLike, loc: SourceLoc): void {
  if (!(value instanceof Signal) || value.owner !== m || (value.kind !== 'wire' && value.kind !== 'output')) {
    report(m, 'bad-port-map', `output port '${p.name}' of ${def.module.name} must connect to a wire or output of ${m.name} (instance ${def.name})`,
      `declare wire('${p.name}', ${typeName(p.type)}) and map the port to it, or read inst.out('${p.name}')`, loc);
    return;
  }
  if (value.signed !== p.signed || value.width !== p.width) {
    report(m, value.signed !== p.signed ? 'sign-mix' : 'width-mismatch',
      `port '${p.name}' of ${def.module.name} is ${typeName(p.type)}, connected to ${typeName(value.type)} '${value.name}' (instance ${def.name})`,
      'connect a signal of exactly the port type', loc);
    return;
  }
  if (value.instDriver) {
    report(m, 'multiple-drivers', `'${value.name}' has two drivers: ${value.instDriver.inst.name}.${value.instDriver.port} at ${formatLoc(value.instDriver.inst.loc)}, and ${def.name}.${p.name} here`,
      'give each instance output its own wire', loc);
    return;
  }
  value.instDriver = { inst: def, port: p.name };
  def.outputs.set(p.name, value);
}
