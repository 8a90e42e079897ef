// Long register chains into block RAM. A deep pipeline carries some values for many stages, at a
// flip-flop per bit per stage; 7-series synthesis turns such chains into shift-register LUTs (SRL),
// but iCE40 has none, and a pipelined NVFP4 quantizer spends most of the device's flip-flops this way.
// A block RAM used as a circular buffer carries 16 bits for up to 256 cycles in one block.
//
// A run of k plain registers (no reset, no enable), each read only by the next, after a source
// register, becomes a k-entry memory written with the source every cycle and read one entry ahead of
// the write pointer: its registered read data is the source k cycles late, what the run's last
// register held. That register's only reader is a plain register too, so the RAM's slow clock-to-out
// has a stage of its own. Runs of the same depth share a memory and its pointer. Only the bits that
// vary are stored: synthesis drops a register whose input is constant (known-bits.ts), and a memory
// holding such bits would cost a block where the chain cost nothing.

import type { DelayRam } from '../delay.js';
import { knownBits, type Known } from '../known-bits.js';
import { Namespace } from '../names.js';
import { moduleRoots, type IrMem, type IrModule, type IrSignal, type IrType, type Loc, type Node } from '../netlist.js';
import { deadLogic } from './dce.js';

export interface DelayRamResult {
  readonly module: IrModule;
  /** Blocks the memories take (width / block width, rounded up, per memory). */
  readonly blocks: number;
  /** Register bits the memories replace. */
  readonly bits: number;
}

const UINT = (width: number): IrType => ({ signed: false, width });
const sameType = (a: IrType, b: IrType) => a.width === b.width && a.signed === b.signed;

/** Bits lo … lo + width − 1 of a value: carried (live), or a constant synthesis would not register. */
interface Segment { readonly lo: number; readonly width: number; readonly value: bigint | null }

/** A chain of registers and the register before it; `width`: its live bits, the ones the memory stores. */
interface Run { readonly source: number; readonly regs: readonly number[]; readonly width: number; readonly segments: readonly Segment[] }

/** The last `depth` registers of a run, fed from the one before them. */
const trimmed = (r: Run, depth: number): Run => (depth === r.regs.length ? r : { ...r, source: r.regs[r.regs.length - depth - 1]!, regs: r.regs.slice(-depth) });

/** A value's bits split where they change between known constant and live. */
function segments(width: number, k: Known): Segment[] {
  const out: Segment[] = [];
  for (let lo = 0; lo < width;) {
    const known = (b: number) => ((k.mask >> BigInt(b)) & 1n) === 1n;
    let hi = lo;
    while (hi + 1 < width && known(hi + 1) === known(lo)) hi++;
    const w = hi - lo + 1;
    out.push({ lo, width: w, value: known(lo) ? (k.value >> BigInt(lo)) & ((1n << BigInt(w)) - 1n) : null });
    lo = hi + 1;
  }
  return out;
}

/** The runs a memory can take (at most `ram.depth` registers each), with their live bits. */
function findRuns(m: IrModule, ram: DelayRam): Run[] {
  // How often each node is read (by nodes and by drivers, enables and memory ports), and each signal.
  const refs = new Uint32Array(m.nodes.length);
  for (const e of m.nodes) for (const a of e.args) refs[a]!++;
  for (const r of moduleRoots(m)) refs[r]!++;
  const sigReads = new Uint32Array(m.signals.length);
  m.nodes.forEach((e, i) => { if (e.op === 'sig') sigReads[e.lo]! += refs[i]!; });
  // pred[q]: the signal a plain register copies whole; next[p]: that register, when it is p's only reader.
  const pred = new Int32Array(m.signals.length).fill(-1);
  const next = new Int32Array(m.signals.length).fill(-1);
  m.signals.forEach((s, q) => {
    if (s.kind !== 'reg' || s.init !== null || s.enable !== null || s.driver?.kind !== 'leaf' || s.driver.value === null) return;
    const e = m.nodes[s.driver.value]!;
    if (e.op !== 'sig' || !sameType(m.signals[e.lo]!.type, s.type)) return;
    pred[q] = e.lo;
    if (refs[s.driver.value] === 1 && sigReads[e.lo] === 1) next[e.lo] = q;
  });
  // A run's registers copy their predecessor and are read only by the next plain register.
  const inRun = (q: number) => q >= 0 && pred[q]! >= 0 && next[q]! >= 0;
  const runs: Run[] = [];
  const known = knownBits(m);
  m.signals.forEach((s, q) => {
    if (!inRun(q) || inRun(pred[q]!)) return;
    const regs: number[] = [];
    for (let r = q; inRun(r); r = next[r]!) regs.push(r);
    // The memory is written from a register (an input's timing is the block user's).
    let source = pred[q]!;
    if (m.signals[source]!.kind !== 'reg') source = regs.shift()!;
    const tail = regs.slice(-ram.depth);
    if (tail.length < regs.length) source = regs[regs.length - tail.length - 1]!;
    if (tail.length < 2) return;
    const segs = segments(s.type.width, known.signal(source));
    const width = segs.reduce((w, g) => w + (g.value === null ? g.width : 0), 0);
    if (width) runs.push({ source, regs: tail, width, segments: segs });
  });
  return runs;
}

const blocksFor = (bits: number, ram: DelayRam) => Math.ceil(bits / ram.width);

interface Memory { readonly depth: number; readonly runs: Run[]; width: number; saved: number }

/**
 * Which runs share which memory. Shortest first: a run joins a shallower memory (its last registers
 * only) where that saves more per block than a memory of its own, or where the memory's last block
 * has room and the memory is at least half as deep. Then the memories that save the most register
 * bits per block, within the budget.
 */
function packRuns(runs: readonly Run[], ram: DelayRam): Memory[] {
  const mems: Memory[] = [];
  const perBlock = (saved: number, blocks: number) => (blocks ? saved / blocks : Infinity);
  for (const r of [...runs].sort((a, b) => a.regs.length - b.regs.length || b.width - a.width)) {
    const own = perBlock(r.width * r.regs.length, blocksFor(r.width, ram));
    let best: Memory | undefined, bestValue = own;
    for (const mem of mems) {
      const extra = blocksFor(mem.width + r.width, ram) - blocksFor(mem.width, ram);
      // Room left in a block is free, but not worth trading more than half the run's own saving for.
      if (!extra && 2 * mem.depth < r.regs.length) continue;
      const value = perBlock(r.width * mem.depth, extra);
      // Ties join (one pointer fewer), the deepest memory first.
      if (value > bestValue || (value === bestValue && (!best || mem.depth > best.depth))) { best = mem; bestValue = value; }
    }
    if (best) { best.runs.push(trimmed(r, best.depth)); best.width += r.width; best.saved += r.width * best.depth; }
    else mems.push({ depth: r.regs.length, runs: [r], width: r.width, saved: r.width * r.regs.length });
  }
  const kept: Memory[] = [];
  let left = ram.blocks;
  for (const mem of mems.sort((a, b) => b.saved / blocksFor(b.width, ram) - a.saved / blocksFor(a.width, ram))) {
    const blocks = blocksFor(mem.width, ram);
    if (blocks <= left && mem.saved / blocks >= ram.minDepth * ram.width) { kept.push(mem); left -= blocks; }
  }
  return kept;
}

/** Replaces long chains of pipeline registers by block-RAM delay lines, within `ram.blocks`. */
export function delayLinesToRam(m: IrModule, ram: DelayRam): DelayRamResult {
  const groups = packRuns(findRuns(m, ram), ram);
  if (!groups.length) return { module: m, blocks: 0, bits: 0 };
  const used = groups.reduce((n, g) => n + blocksFor(g.width, ram), 0);

  const names = Namespace.of(m.names);
  const nodes: Node[] = [...m.nodes];
  const signals: IrSignal[] = [...m.signals];
  const mems: IrMem[] = [...m.mems];
  const add = (op: Node['op'], type: IrType, args: number[], loc: Loc, value = 0n, lo = 0) => nodes.push({ op, type, args, value, lo, loc }) - 1;
  const read = (s: number, loc: Loc) => add('sig', signals[s]!.type, [], loc, 0n, s);
  let replaced = 0;
  for (const { depth, runs: rs } of groups) {
    const loc = m.signals[rs[0]!.regs[0]!]!.loc;
    const aw = Math.max(1, Math.ceil(Math.log2(depth)));
    const base = names.unique(`delay${depth}`);
    // The write pointer counts 0 … depth − 1; the read takes the word the next write overwrites.
    const ptr = signals.push({ name: names.unique(`${base}_ptr`), kind: 'reg', type: UINT(aw), loc, driver: null, instDriver: null, init: 0n, enable: null }) - 1;
    const at = read(ptr, loc);
    const wrap = add('eq', UINT(1), [at, add('const', UINT(aw), [], loc, BigInt(depth - 1))], loc);
    const inc = add('add', UINT(aw), [at, add('const', UINT(aw), [], loc, 1n)], loc);
    const following = add('mux', UINT(aw), [wrap, add('const', UINT(aw), [], loc, 0n), inc], loc);
    signals[ptr] = { ...signals[ptr]!, driver: { kind: 'leaf', value: following, loc } };
    // The word: every source side by side (the first on top), read back into each run's last register.
    const width = rs.reduce((w, r) => w + r.width, 0);
    // Only live bits go in: a constant would be stored where synthesis would have dropped its register.
    const live = rs.flatMap((r) => [...r.segments].reverse().filter((g) => g.value === null).map((g) => ({ r, g })));
    const parts = live.map(({ r, g }) => add('bits', UINT(g.width), [read(r.source, loc)], loc, 0n, g.lo));
    const word = parts.length === 1 ? parts[0]! : add('cat', UINT(width), parts, loc);
    const data = signals.push({ name: names.unique(`${base}_q`), kind: 'mem-read', type: UINT(width), loc, driver: null, instDriver: null, init: null, enable: null }) - 1;
    mems.push({
      name: names.unique(`${base}_mem`), depth, type: UINT(width), addrWidth: aw, init: null, loc,
      reads: [{ addr: following, enable: null, data, loc }], writes: [{ addr: at, data: word, enable: null, loc }],
    });
    // Each run's last register becomes a wire: its live bits off the read data, its constants as they were.
    let off = width;
    const offset = new Map<Segment, number>();
    for (const { g } of live) { off -= g.width; offset.set(g, off); }
    for (const r of rs) {
      const last = r.regs[r.regs.length - 1]!, s = signals[last]!;
      const pieces = [...r.segments].reverse().map((g) => (g.value === null
        ? add('bits', UINT(g.width), [read(data, loc)], loc, 0n, offset.get(g)!)
        : add('const', UINT(g.width), [], loc, g.value)));
      let v = pieces.length === 1 ? pieces[0]! : add('cat', UINT(s.type.width), pieces, loc);
      if (s.type.signed) v = add('cast', s.type, [v], loc);
      signals[last] = { ...s, kind: 'wire', driver: { kind: 'leaf', value: v, loc: s.loc } };
      replaced += r.width * r.regs.length;
    }
  }
  const top: IrModule = Object.freeze({
    ...m, needsClock: true, needsReset: true, names: Object.freeze(names.names()),
    nodes: Object.freeze(nodes), signals: Object.freeze(signals), mems: Object.freeze(mems),
  });
  const swept = deadLogic.run(Object.freeze({ modules: Object.freeze([top]), top })).top;
  return { module: swept, blocks: used, bits: replaced };
}
