// Constant folding: a node whose arguments are all constant becomes a constant; a mux or a `when`
// branch on a constant condition becomes its taken arm; a signal driven by one constant reads as
// that constant. Repeats until nothing changes (a folded wire can make its readers constant).

import { constBits, evalNode, extend, valueOf } from '../eval.js';
import { mapMems, mapTree, type IrModule, type IrSignal, type Node, type Tree } from '../netlist.js';
import type { Pass } from './pass.js';

export const constFold: Pass = {
  name: 'const-fold',
  run: (n) => {
    const modules = n.modules.map(foldModule);
    return Object.freeze({ modules: Object.freeze(modules), top: modules[modules.length - 1]! });
  },
};

const mkConst = (bits: bigint, t: Node['type'], loc: Node['loc']): Node =>
  Object.freeze({ op: 'const', type: t, args: Object.freeze([]), value: valueOf(bits, t), lo: 0, loc });

function foldModule(m: IrModule): IrModule {
  let cur = m;
  for (let round = 0; round < 64; round++) {
    const next = foldOnce(cur);
    if (next === cur) break;
    cur = next;
  }
  return cur;
}

/** One round; returns the same module object when nothing folds. */
function foldOnce(m: IrModule): IrModule {
  // Signals with one unconditional constant driver (registers and instance-driven signals are not).
  const constSig = new Map<number, bigint>();
  m.signals.forEach((s, i) => {
    if (s.kind === 'reg' || s.kind === 'input' || !s.driver || s.driver.kind !== 'leaf' || s.driver.value === null) return;
    const v = m.nodes[s.driver.value]!;
    if (v.op === 'const') constSig.set(i, extend(constBits(v), v.type, s.type.width));
  });
  let changed = false;
  const nodes: Node[] = [];
  const map: number[] = [];
  const isConst = (id: number) => nodes[id]!.op === 'const';
  for (const e of m.nodes) {
    const args = e.args.map((a) => map[a]!);
    let out: Node | number;
    if (e.op === 'sig' && constSig.has(e.lo)) {
      out = mkConst(constSig.get(e.lo)!, e.type, e.loc);
    } else if (e.op !== 'const' && e.op !== 'sig' && args.length > 0 && args.every(isConst)) {
      out = mkConst(evalNode(e, args.map((a) => constBits(nodes[a]!)), args.map((a) => nodes[a]!.type)), e.type, e.loc);
    } else if (e.op === 'mux' && isConst(args[0]!)) {
      const arm = args[constBits(nodes[args[0]!]!) ? 1 : 2]!;
      const a = nodes[arm]!;
      out = a.type.width === e.type.width ? arm : Object.freeze({ op: 'ext', type: e.type, args: Object.freeze([arm]), value: 0n, lo: 0, loc: e.loc });
    } else {
      out = args.every((a, i) => a === e.args[i]) ? e : Object.freeze({ ...e, args: Object.freeze(args) });
    }
    if (typeof out === 'number') { map.push(out); changed = true; continue; }
    if (out !== e) changed = true;
    map.push(nodes.length);
    nodes.push(out);
  }
  const prune = (t: Tree): Tree => {
    if (t.kind === 'leaf') return t;
    const c = nodes[t.cond]!;
    if (c.op === 'const') { changed = true; return prune(constBits(c) ? t.whenTrue : t.whenFalse); }
    const a = prune(t.whenTrue), b = prune(t.whenFalse);
    return a === t.whenTrue && b === t.whenFalse ? t : { ...t, whenTrue: a, whenFalse: b };
  };
  const f = (id: number) => map[id]!;
  const signals: IrSignal[] = m.signals.map((s) => {
    const driver = s.driver ? prune(mapTree(s.driver, f)) : null;
    return Object.freeze({ ...s, driver, enable: s.enable === null ? null : f(s.enable) });
  });
  if (!changed && nodes.length === m.nodes.length && nodes.every((x, i) => x === m.nodes[i])) return m;
  const mems = mapMems(m.mems, f);
  return Object.freeze({ ...m, nodes: Object.freeze(nodes), signals: Object.freeze(signals), mems: Object.freeze(mems) });
}
