// The IR's invariants, checked after lowering (in tests) and after every pass: node order and
// widths, one driver per signal, legal unique names, instance ports that match their modules, no
// combinational loop inside a module. A violation is a compiler bug, never a user mistake.

import { isLegalName } from './names.js';
import { treeNodes, type IrModule, type IrType, type Netlist, type Node, type Tree } from './netlist.js';

export class IrVerifyError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`netlist check failed: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
    this.name = 'IrVerifyError';
  }
}

/** Throws IrVerifyError listing what is wrong. */
export function verifyNetlist(n: Netlist): void {
  const problems: string[] = [];
  const seen = new Map<string, IrModule>();
  for (const m of n.modules) {
    if (seen.has(m.name)) problems.push(`module ${m.name} appears twice`);
    verifyModule(m, seen, (p) => problems.push(`${m.name}: ${p}`));
    seen.set(m.name, m);
  }
  if (n.modules[n.modules.length - 1] !== n.top) problems.push('the top module is not last');
  if (problems.length) throw new IrVerifyError(problems);
}

/** Arguments per op (2 unless listed; cat takes two or more). */
const ARITY: Partial<Record<string, number>> = { const: 0, sig: 0, not: 1, neg: 1, shl: 1, shr: 1, andr: 1, orr: 1, xorr: 1, bits: 1, rep: 1, ext: 1, cast: 1, mux: 3 };

/** What a node's type must be, given its arguments' types; null when it is consistent. */
export function nodeProblem(e: Node, at: (i: number) => IrType): string | null {
  const W = e.type.width, s = e.type.signed;
  const a = e.args.length > 0 ? at(0) : undefined, b = e.args.length > 1 ? at(1) : undefined;
  const want = e.op === 'cat' ? -1 : ARITY[e.op] ?? 2;
  if (W < 1 || !Number.isInteger(W)) return `width ${W}`;
  if (want >= 0 && e.args.length !== want) return `${e.args.length} arguments`;
  const sameSign = () => a!.signed === b!.signed && a!.signed === s;
  switch (e.op) {
    case 'const': return e.value >= -(1n << BigInt(W)) && e.value < 1n << BigInt(W) ? null : `constant ${e.value} wider than ${W} bits`;
    case 'sig': return null;
    case 'add': case 'sub': case 'mul': case 'and': case 'or': case 'xor':
      return sameSign() && W >= Math.max(a!.width, b!.width) ? null : 'operands must share the result sign and not be wider';
    case 'not': case 'cast': return W === a!.width && (e.op === 'cast' || s === a!.signed) ? null : 'must keep the width';
    case 'neg': return s && W >= a!.width ? null : 'must be signed and not narrower';
    case 'shl': return s === a!.signed && e.value > 0n && (W === a!.width || W === a!.width + Number(e.value)) ? null : 'bad shift width';
    case 'shr': return s === a!.signed && e.value > 0n && W === Math.max(1, a!.width - Number(e.value)) ? null : 'bad shift width';
    case 'dshl': return s === a!.signed && !b!.signed && W >= a!.width ? null : 'bad shift';
    case 'dshr': return s === a!.signed && !b!.signed && W === a!.width ? null : 'bad shift';
    case 'eq': case 'ne': case 'lt': case 'le': case 'gt': case 'ge':
      return a!.signed === b!.signed && W === 1 && !s ? null : 'comparison operands must share a sign, result UInt(1)';
    case 'andr': case 'orr': case 'xorr': return W === 1 && !s ? null : 'reduction gives UInt(1)';
    case 'bits': return e.lo >= 0 && e.lo + W <= a!.width && (!s || e.lo === 0) ? null : `bits [${e.lo + W - 1}:${e.lo}] of ${a!.width}`;
    case 'cat': return !s && e.args.length >= 2 && W === e.args.reduce((t, _, i) => t + at(i).width, 0) ? null : 'width must be the sum of the parts';
    case 'rep': return !s && e.value >= 1n && BigInt(W) === BigInt(a!.width) * e.value ? null : 'width must be count × part';
    case 'mux': {
      const c = at(0), x = at(1), y = at(2);
      return c.width === 1 && x.signed === y.signed && x.signed === s && W >= Math.max(x.width, y.width) ? null : 'mux: 1-bit select, arms of the result sign';
    }
    case 'ext': return s === a!.signed && W >= a!.width ? null : 'ext must not narrow or change sign';
  }
}

function verifyModule(m: IrModule, known: Map<string, IrModule>, bad: (p: string) => void): void {
  const nodes = m.nodes;
  nodes.forEach((e, i) => {
    if (e.args.some((x) => !Number.isInteger(x) || x < 0 || x >= i)) { bad(`node ${i} (${e.op}) reads a node not before it`); return; }
    if (e.op === 'sig' && !m.signals[e.lo]) { bad(`node ${i} reads signal ${e.lo}, which does not exist`); return; }
    const p = nodeProblem(e, (k) => nodes[e.args[k]!]!.type);
    if (p) bad(`node ${i} (${e.op}): ${p}`);
  });
  const nodeOk = (x: number | null, what: string, width?: number) => {
    if (x === null) return;
    if (!nodes[x]) { bad(`${what} reads node ${x}, which does not exist`); return; }
    if (width !== undefined && nodes[x]!.type.width !== width) bad(`${what} is ${nodes[x]!.type.width} bits, not ${width}`);
  };
  const names = new Set(m.names);
  const used = new Set<string>();
  const claim = (name: string, what: string) => {
    if (!isLegalName(name)) bad(`${what} '${name}' is not a legal identifier`);
    if (used.has(name)) bad(`${what} '${name}' reuses a name`);
    if (!names.has(name)) bad(`${what} '${name}' is missing from the module's names`);
    used.add(name);
  };
  const memReads = new Map<number, number>();
  for (const mem of m.mems) {
    claim(mem.name, 'memory');
    for (const r of mem.reads) {
      memReads.set(r.data, (memReads.get(r.data) ?? 0) + 1);
      nodeOk(r.addr, `${mem.name} read address`); nodeOk(r.enable, `${mem.name} read enable`, 1);
      if (nodes[r.addr] && (nodes[r.addr]!.type.signed || nodes[r.addr]!.type.width > mem.addrWidth)) bad(`${mem.name}: read address wider than ${mem.addrWidth} bits or signed`);
    }
    for (const w of mem.writes) {
      nodeOk(w.addr, `${mem.name} write address`); nodeOk(w.enable, `${mem.name} write enable`, 1); nodeOk(w.data, `${mem.name} write data`);
      const d = nodes[w.data];
      if (d && (d.type.signed !== mem.type.signed || d.type.width > mem.type.width)) bad(`${mem.name}: write data is not the word type`);
    }
  }
  const instDriven = new Map<number, number>();
  m.instances.forEach((inst, k) => {
    claim(inst.name, 'instance');
    const child = known.get(inst.module);
    if (!child) { bad(`instance ${inst.name} of ${inst.module}, which is not defined before it`); return; }
    if (child.needsClock !== inst.needsClock || child.needsReset !== inst.needsReset) bad(`instance ${inst.name}: clock/reset do not match ${child.name}`);
    const ports = child.ports.map((i) => child.signals[i]!);
    if (ports.length !== inst.connections.length) bad(`instance ${inst.name} connects ${inst.connections.length} of ${ports.length} ports`);
    inst.connections.forEach((c, i) => {
      const p = ports[i], s = m.signals[c.signal];
      if (!p || !s || p.name !== c.port || (p.kind === 'input') !== (c.dir === 'input') || p.type.width !== s.type.width || p.type.signed !== s.type.signed) {
        bad(`instance ${inst.name} port ${c.port} does not match ${child.name}`);
        return;
      }
      if (c.dir === 'output') {
        instDriven.set(c.signal, (instDriven.get(c.signal) ?? 0) + 1);
        if (s.instDriver?.inst !== k || s.instDriver.port !== c.port) bad(`'${s.name}' is connected to ${inst.name}.${c.port} but does not name it as its driver`);
      } else if (s.kind !== 'inst-in') bad(`input ${inst.name}.${c.port} is driven from '${s.name}', not an instance-input signal`);
    });
  });
  m.signals.forEach((s, i) => {
    claim(s.name, 'signal');
    const byTree = s.driver !== null, byInst = (instDriven.get(i) ?? 0) > 0, byMem = (memReads.get(i) ?? 0) > 0;
    const drivers = Number(byTree) + (instDriven.get(i) ?? 0) + (memReads.get(i) ?? 0);
    if (s.driver) checkTree(s.driver, s.type, s.kind === 'reg', (p) => bad(`'${s.name}': ${p}`), nodes);
    nodeOk(s.enable, `enable of '${s.name}'`, 1);
    if (s.kind !== 'reg' && (s.init !== null || s.enable !== null)) bad(`'${s.name}' is a ${s.kind} with a reset value or enable`);
    if (s.init !== null && (s.init < -(1n << BigInt(s.type.width)) || s.init >= 1n << BigInt(s.type.width))) bad(`reset value of '${s.name}' does not fit`);
    switch (s.kind) {
      case 'input': if (drivers) bad(`input '${s.name}' is driven`); break;
      case 'reg': if (byInst || byMem) bad(`register '${s.name}' is driven by an instance or memory`); break;
      case 'mem-read': if (!byMem || drivers !== 1) bad(`'${s.name}' must be driven by one memory read`); break;
      case 'inst-out': if (!byInst || drivers !== 1) bad(`'${s.name}' must be driven by one instance output`); break;
      default: if (drivers !== 1) bad(`'${s.name}' has ${drivers} drivers`);
    }
  });
  m.ports.forEach((i) => {
    const s = m.signals[i];
    if (!s || (s.kind !== 'input' && s.kind !== 'output')) bad(`port ${i} is not an input or output signal`);
  });
  if (m.signals.filter((s) => s.kind === 'input' || s.kind === 'output').length !== m.ports.length) bad('a port signal is missing from the port list');
  const combLoop = findCombLoop(m);
  if (combLoop) bad(`combinational loop through ${combLoop.join(' → ')}`);
}

function checkTree(t: Tree, type: IrType, isReg: boolean, bad: (p: string) => void, nodes: readonly Node[]): void {
  const stack: Tree[] = [t];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.kind === 'branch') {
      if (!nodes[x.cond] || nodes[x.cond]!.type.width !== 1) bad('a condition is not one bit');
      stack.push(x.whenTrue, x.whenFalse);
    } else if (x.value === null) {
      if (!isReg) bad('not assigned on every path');
    } else {
      const v = nodes[x.value];
      if (!v) bad(`reads node ${x.value}, which does not exist`);
      else if (v.type.signed !== type.signed || v.type.width > type.width) bad(`assigned ${v.type.signed ? 'S' : 'U'}Int(${v.type.width}), declared ${type.signed ? 'S' : 'U'}Int(${type.width})`);
    }
  }
}

/** Signals that feed themselves without a register between, within this module (null when none). */
function findCombLoop(m: IrModule): string[] | null {
  const reads = (root: number, out: Set<number>) => {
    const st = [root], seen = new Set<number>();
    while (st.length) {
      const x = st.pop()!;
      if (seen.has(x)) continue;
      seen.add(x);
      const e = m.nodes[x];
      if (!e) continue;
      if (e.op === 'sig') out.add(e.lo);
      else st.push(...e.args);
    }
  };
  const deps = m.signals.map((s) => {
    const out = new Set<number>();
    if (s.driver && s.kind !== 'reg') for (const x of treeNodes(s.driver)) reads(x, out);
    return out;
  });
  const state = new Uint8Array(m.signals.length); // 0 new, 1 on the path, 2 done
  for (let start = 0; start < m.signals.length; start++) {
    if (state[start]) continue;
    const path: number[] = [];
    const st: Array<[number, Iterator<number>]> = [[start, deps[start]!.values()]];
    state[start] = 1; path.push(start);
    while (st.length) {
      const [v, it] = st[st.length - 1]!;
      const nx = it.next();
      if (nx.done) { state[v] = 2; st.pop(); path.pop(); continue; }
      const w = nx.value;
      if (state[w] === 1) return [...path.slice(path.indexOf(w)), w].map((k) => m.signals[k]!.name);
      if (state[w] === 0) { state[w] = 1; path.push(w); st.push([w, deps[w]!.values()]); }
    }
  }
  return null;
}

