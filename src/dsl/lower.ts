// The end of elaboration: a checked module builder lowered to the immutable netlist IR. Shared
// expression objects stay shared nodes (the emitter names a shared node once); each node takes the
// location of the first statement that reaches it.

import type { IrInstance, IrMem, IrModule, IrSignal, Loc, Node, Tree as IrTree } from '../ir/netlist.js';
import type { Tree } from './assign-tree.js';
import type { Expr } from './expr.js';
import type { ModuleBuilder } from './module-builder.js';
import { paramSignature } from './module-name.js';
import { Signal } from './signal.js';

export function lowerModule(m: ModuleBuilder): IrModule {
  const sigIndex = new Map<Signal, number>();
  m.signals.forEach((s, i) => sigIndex.set(s, i));
  const nodes: Node[] = [];
  const ids = new Map<Expr, number>();

  const node = (root: Expr, loc: Loc | null): number => {
    const hit = ids.get(root);
    if (hit !== undefined) return hit;
    const stack: Array<[Expr, number]> = [[root, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [e, i] = top;
      if (i < e.args.length) {
        top[1] = i + 1;
        if (!ids.has(e.args[i]!)) stack.push([e.args[i]!, 0]);
        continue;
      }
      stack.pop();
      if (ids.has(e)) continue;
      const isSig = e instanceof Signal;
      const sig = isSig ? sigIndex.get(e) : undefined;
      if (isSig && sig === undefined) throw new Error(`internal: signal '${e.name}' is not in module ${m.name}`);
      ids.set(e, nodes.length);
      nodes.push(Object.freeze({
        op: e.op, type: Object.freeze({ signed: e.signed, width: e.width }),
        args: Object.freeze(e.args.map((a) => ids.get(a)!)), value: e.value, lo: isSig ? sig! : e.lo, loc,
        ...(e.label !== undefined ? { label: e.label } : {}),
      }));
    }
    return ids.get(root)!;
  };

  const tree = (t: Tree): IrTree => {
    if (t.kind === 'leaf') return Object.freeze({ kind: 'leaf', value: t.value ? node(t.value, t.loc) : null, loc: t.loc });
    const loc = firstLoc(t);
    return Object.freeze({ kind: 'branch', cond: node(t.key.cond, loc), whenTrue: tree(t.whenTrue), whenFalse: tree(t.whenFalse) });
  };

  const instIndex = new Map(m.instances.map((inst, i) => [inst, i]));
  const signals: IrSignal[] = m.signals.map((s) => Object.freeze({
    name: s.name, kind: s.kind, type: Object.freeze({ signed: s.signed, width: s.width }), loc: s.loc,
    driver: s.tree ? tree(s.tree) : null,
    instDriver: s.instDriver ? Object.freeze({ inst: instIndex.get(s.instDriver.inst)!, port: s.instDriver.port }) : null,
    init: s.init ?? null,
    enable: s.enable ? node(s.enable, s.loc) : null,
  }));
  const mems: IrMem[] = m.mems.map((d) => Object.freeze({
    name: d.name, depth: d.depth, type: Object.freeze({ ...d.type }), addrWidth: d.addrWidth,
    init: d.init ? Object.freeze([...d.init]) : null, loc: d.loc,
    reads: Object.freeze(d.reads.map((r) => Object.freeze({
      addr: node(r.addr, r.loc), enable: r.enable ? node(r.enable, r.loc) : null, data: sigIndex.get(r.data)!, loc: r.loc,
    }))),
    writes: Object.freeze(d.writes.map((w) => Object.freeze({
      addr: node(w.addr, w.loc), data: node(w.data, w.loc), enable: w.enable ? node(w.enable, w.loc) : null, loc: w.loc,
    }))),
  }));
  const instances: IrInstance[] = m.instances.map((inst) => Object.freeze({
    name: inst.name, module: inst.module.name, loc: inst.loc, needsClock: inst.module.needsClock, needsReset: inst.module.needsReset,
    connections: Object.freeze(inst.module.ports.map((p) => {
      const s = p.kind === 'input' ? inst.inputs.get(p.name)! : inst.outputs.get(p.name)!;
      return Object.freeze({ port: p.name, dir: p.kind === 'input' ? 'input' as const : 'output' as const, signal: sigIndex.get(s)! });
    })),
  }));
  return Object.freeze({
    name: m.name, generator: m.generatorName, params: paramSignature(m.params), loc: m.loc,
    needsClock: m.needsClock, needsReset: m.needsReset, ...(m.declared ? { declared: m.declared } : {}),
    signals: Object.freeze(signals), ports: Object.freeze(m.ports.map((p) => sigIndex.get(p)!)),
    nodes: Object.freeze(nodes), mems: Object.freeze(mems), instances: Object.freeze(instances),
    names: Object.freeze(m.namespace.names()),
  });
}

function firstLoc(t: Tree): Loc | null {
  let x = t;
  while (x.kind === 'branch') x = x.whenTrue;
  return x.loc;
}
