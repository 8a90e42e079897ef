// The netlist IR: what elaboration ends with and every back end reads (Verilog emitter, TypeScript
// simulator, passes). One flat, immutable record per module: typed nodes over named signals. Nodes
// are stored in dependency order (a node's arguments have smaller indices), so a single forward
// walk evaluates or prints them. Names are final: a back end that needs fresh names derives them
// from `names` deterministically, so emitting twice gives the same bytes.

export interface IrType {
  readonly signed: boolean;
  readonly width: number;
}

/** Where the user wrote it: file relative to the package (or cwd) and line. */
export interface Loc {
  readonly file: string;
  readonly line: number;
}

export type NodeOp =
  | 'const' | 'sig'
  | 'add' | 'sub' | 'mul' | 'and' | 'or' | 'xor' // at the result width, operands extended by their sign
  | 'not' | 'neg'
  | 'shl' | 'shr' | 'dshl' | 'dshr'
  | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'
  | 'andr' | 'orr' | 'xorr'
  | 'bits' | 'cat' | 'rep' | 'mux' | 'ext' | 'cast';

export const NODE_OPS: readonly NodeOp[] = [
  'const', 'sig', 'add', 'sub', 'mul', 'and', 'or', 'xor', 'not', 'neg', 'shl', 'shr', 'dshl', 'dshr',
  'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'andr', 'orr', 'xorr', 'bits', 'cat', 'rep', 'mux', 'ext', 'cast',
];

/** A cell with one output. Arguments are node indices; their meaning per op is in `docs/architecture.md`. */
export interface Node {
  readonly op: NodeOp;
  readonly type: IrType;
  readonly args: readonly number[];
  /** const: the value (two's complement for SInt); shl/shr: the amount; rep: the count. */
  readonly value: bigint;
  /** bits: the lowest bit taken. sig: the signal index. */
  readonly lo: number;
  /** The statement this node was first built for. */
  readonly loc: Loc | null;
  /** const: the name of an enumeration's value (a localparam in the Verilog), when it is one. */
  readonly label?: string;
}

/** A signal's conditional driver: a decision tree, the last assignment in the source winning. */
export type Tree =
  | { readonly kind: 'leaf'; readonly value: number | null; readonly loc: Loc | null } // null: not assigned (registers hold)
  | { readonly kind: 'branch'; readonly cond: number; readonly whenTrue: Tree; readonly whenFalse: Tree };

export type SignalKind =
  | 'input' | 'output' | 'wire' | 'reg'
  | 'inst-in'   // parent-side driver of an instance input
  | 'inst-out'  // parent-side view of an instance output
  | 'mem-read'; // registered read data of a memory port

export interface IrSignal {
  readonly name: string;
  readonly kind: SignalKind;
  readonly type: IrType;
  readonly loc: Loc;
  /** Assignments (next state for registers); null when driven otherwise or never. */
  readonly driver: Tree | null;
  /** Set when an instance output drives it: the instance index and the child's port. */
  readonly instDriver: { readonly inst: number; readonly port: string } | null;
  /** Registers: value loaded by the synchronous active-high reset, or none. */
  readonly init: bigint | null;
  /** Registers: load enable node, or none. */
  readonly enable: number | null;
  /**
   * Registers: kept a flip-flop of its own through synthesis (`(* keep *)` on its always block): on a
   * fabric with shift-register LUTs, a pipeline register that logic reads (pipeline.ts).
   */
  readonly keep?: true;
}

export interface IrMemRead {
  readonly addr: number;
  readonly enable: number | null;
  readonly data: number; // signal index (kind mem-read)
  readonly loc: Loc;
}

export interface IrMemWrite {
  readonly addr: number;
  readonly data: number;
  readonly enable: number | null;
  readonly loc: Loc;
}

/** Synchronous ports; a read in the cycle of a write to the same word returns the old word. */
export interface IrMem {
  readonly name: string;
  readonly depth: number;
  readonly type: IrType;
  readonly addrWidth: number;
  readonly init: readonly bigint[] | null;
  readonly loc: Loc;
  readonly reads: readonly IrMemRead[];
  readonly writes: readonly IrMemWrite[];
}

export interface IrInstance {
  readonly name: string;
  readonly module: string;
  readonly loc: Loc;
  /** Whether the child takes clk / rst (connected to the parent's own). */
  readonly needsClock: boolean;
  readonly needsReset: boolean;
  /** The child's ports in its declared order, each with the parent signal on this side. */
  readonly connections: ReadonlyArray<{ readonly port: string; readonly dir: 'input' | 'output'; readonly signal: number }>;
}

export interface IrModule {
  readonly name: string;
  /** Generator name, canonical parameter JSON and where the generator is defined (for file headers). */
  readonly generator: string;
  readonly params: string;
  readonly loc: Loc;
  readonly needsClock: boolean;
  readonly needsReset: boolean;
  readonly signals: readonly IrSignal[];
  /** Signal indices of the ports, in declared order. */
  readonly ports: readonly number[];
  readonly nodes: readonly Node[];
  readonly mems: readonly IrMem[];
  readonly instances: readonly IrInstance[];
  /** Every identifier this module uses (signals, memories, instances, clk, rst, its own name). */
  readonly names: readonly string[];
  /** The handshake its interfaces declared (a stream, or a pipeline's latency), when they did. */
  readonly declared?: { readonly kind: 'pipeline'; readonly latency: number } | { readonly kind: 'stream'; readonly maxInterval?: number };
}

export interface Netlist {
  /** Every distinct module, children before parents; the top is last. */
  readonly modules: readonly IrModule[];
  readonly top: IrModule;
}

export const CLOCK = 'clk';
export const RESET = 'rst';

export function formatLoc(loc: Loc): string {
  return `${loc.file}:${loc.line}`;
}

/** Every node a tree reads, conditions and values (iterative: trees can be deep). */
export function treeNodes(tree: Tree, out: number[] = []): number[] {
  const stack: Tree[] = [tree];
  while (stack.length) {
    const t = stack.pop()!;
    if (t.kind === 'leaf') { if (t.value !== null) out.push(t.value); }
    else { out.push(t.cond); stack.push(t.whenFalse, t.whenTrue); }
  }
  return out;
}

/** The loc of the last-written leaf, for comments and messages. */
export function treeLoc(tree: Tree): Loc | null {
  let loc: Loc | null = null;
  const stack: Tree[] = [tree];
  while (stack.length) {
    const t = stack.pop()!;
    if (t.kind === 'leaf') { if (t.loc && (!loc || t.loc.line >= loc.line)) loc = t.loc; }
    else stack.push(t.whenFalse, t.whenTrue);
  }
  return loc;
}

/** Rebuilds a tree with node indices mapped (for passes). */
export function mapTree(tree: Tree, f: (node: number) => number): Tree {
  if (tree.kind === 'leaf') return tree.value === null ? tree : { ...tree, value: f(tree.value) };
  return { kind: 'branch', cond: f(tree.cond), whenTrue: mapTree(tree.whenTrue, f), whenFalse: mapTree(tree.whenFalse, f) };
}

/** A module's memories with their ports' node indices mapped (for passes that renumber nodes). */
export function mapMems(mems: readonly IrMem[], f: (node: number) => number): readonly IrMem[] {
  return Object.freeze(mems.map((mem) => Object.freeze({
    ...mem,
    reads: Object.freeze(mem.reads.map((r) => Object.freeze({ ...r, addr: f(r.addr), enable: r.enable === null ? null : f(r.enable) }))),
    writes: Object.freeze(mem.writes.map((w) => Object.freeze({ ...w, addr: f(w.addr), data: f(w.data), enable: w.enable === null ? null : f(w.enable) }))),
  })));
}

/** Every node a module reads from outside the node list: drivers, enables, memory ports. */
export function moduleRoots(m: IrModule): number[] {
  const out: number[] = [];
  for (const s of m.signals) {
    if (s.driver) treeNodes(s.driver, out);
    if (s.enable !== null) out.push(s.enable);
  }
  for (const mem of m.mems) {
    for (const r of mem.reads) { out.push(r.addr); if (r.enable !== null) out.push(r.enable); }
    for (const w of mem.writes) { out.push(w.addr, w.data); if (w.enable !== null) out.push(w.enable); }
  }
  return out;
}

export function moduleByName(n: Netlist): Map<string, IrModule> {
  return new Map(n.modules.map((m) => [m.name, m]));
}
