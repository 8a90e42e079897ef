// Random well-formed designs: every operator, widths 1–130, signed and unsigned, nested when-trees
// with elseWhen chains, registers with reset values and enables, memories, instances of earlier
// modules. What a value may read keeps the design free of combinational loops (see canRead).

import { MAX_WIDTH, OPS, type DesignSpec, type E, type InstSpec, type MemSpec, type ModuleSpec, type Ref, type RegSpec, type SignalSpec, type Stmt, type T } from './spec.js';

export type Rand = () => number;

const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <X>(r: Rand, xs: readonly X[]): X => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rand, p: number) => r() < p;

/** Mostly narrow widths (where carries and signs interact), sometimes wide ones across word edges. */
export function randomWidth(r: Rand): number {
  const x = r();
  if (x < 0.55) return int(r, 1, 12);
  if (x < 0.8) return pick(r, [15, 16, 17, 31, 32, 33, 47, 48, 53, 54]);
  return int(r, 13, MAX_WIDTH);
}

export function randomBits(r: Rand, w: number): bigint {
  let v = 0n;
  for (let i = 0; i < w; i += 24) v = (v << 24n) | BigInt(Math.floor(r() * 2 ** 24));
  v = BigInt.asUintN(w, v);
  // Corners often: all zeros, all ones, only the sign bit, one.
  const c = r();
  if (c < 0.08) return 0n;
  if (c < 0.16) return (1n << BigInt(w)) - 1n;
  if (c < 0.22) return 1n << BigInt(w - 1);
  if (c < 0.26) return 1n;
  return v;
}

const randomType = (r: Rand): T => ({ s: chance(r, 0.45), w: randomWidth(r) });

/** What an expression in a given place may read. */
interface Scope {
  readonly refs: ReadonlyArray<{ ref: Ref; t: T }>;
}

function expr(r: Rand, sc: Scope, depth: number): E {
  if (depth <= 0 || chance(r, 0.25)) {
    if (sc.refs.length && chance(r, 0.8)) return { k: 'ref', ref: pick(r, sc.refs).ref };
    const t = randomType(r);
    return { k: 'const', t, v: randomBits(r, t.w) };
  }
  const op = pick(r, OPS);
  const arity = op === 'mux' ? 3 : op === 'cat' ? int(r, 2, 4)
    : ['not', 'neg', 'shl', 'shlWrap', 'shr', 'andR', 'orR', 'xorR', 'bits', 'rep', 'zext', 'sext', 'ext', 'asSInt', 'asUInt', 'trunc'].includes(op) ? 1 : 2;
  const args = Array.from({ length: arity }, () => expr(r, sc, depth - 1));
  // n, m: shift amounts (past the width sometimes), bit positions, counts, widths; build.ts clamps them.
  return { k: 'op', op, args, n: int(r, 0, chance(r, 0.2) ? 140 : 20), m: int(r, 0, 40) };
}

function body(r: Rand, sc: Scope, depth: number, withDefault: boolean): Stmt[] {
  const out: Stmt[] = [];
  if (withDefault) out.push({ k: 'assign', e: expr(r, sc, 3) });
  const n = int(r, withDefault ? 0 : 1, 2);
  for (let i = 0; i < n; i++) {
    if (depth > 0 && chance(r, 0.6)) {
      const els = chance(r, 0.5) ? body(r, sc, depth - 1, false) : [];
      out.push({ k: 'when', c: expr(r, sc, 2), then: body(r, sc, depth - 1, false), else: els });
    } else out.push({ k: 'assign', e: expr(r, sc, 3) });
  }
  return out;
}

/** Output types of module j of the design (for references to instance ports). */
export function outputTypes(m: ModuleSpec): T[] {
  return m.outputs.map((o) => o.t);
}

function randomModule(r: Rand, earlier: readonly ModuleSpec[]): ModuleSpec {
  const inputs = Array.from({ length: int(r, 1, 4) }, () => randomType(r));
  const regs0 = Array.from({ length: int(r, 0, 3) }, () => randomType(r));
  const mems0 = Array.from({ length: chance(r, 0.3) ? 1 : 0 }, () => ({ t: randomType(r), depth: 2 ** int(r, 1, 4) }));
  const nInst = earlier.length && chance(r, 0.6) ? int(r, 1, 2) : 0;
  const instMods = Array.from({ length: nInst }, () => int(r, 0, earlier.length - 1));
  const nWires = int(r, 0, 3);
  const wireTypes = Array.from({ length: nWires }, () => randomType(r));

  const base = [
    ...inputs.map((t, i) => ({ ref: { kind: 'in' as const, i }, t })),
    ...regs0.map((x, i) => ({ ref: { kind: 'reg' as const, i }, t: x })),
    ...mems0.map((x, i) => ({ ref: { kind: 'mem' as const, i }, t: x.t })),
  ];
  const instRefs = (upTo: number) => instMods.slice(0, upTo).flatMap((mi, i) => outputTypes(earlier[mi]!).map((t, port) => ({ ref: { kind: 'inst' as const, i, port }, t })));
  const wireRefs = (upTo: number) => wireTypes.slice(0, upTo).map((t, i) => ({ ref: { kind: 'wire' as const, i }, t }));
  const all: Scope = { refs: [...base, ...instRefs(nInst), ...wireRefs(nWires)] };

  const insts: InstSpec[] = instMods.map((mi, i) => ({
    module: mi,
    inputs: earlier[mi]!.inputs.map(() => expr(r, { refs: [...base, ...instRefs(i)] }, 2)),
  }));
  const wires: SignalSpec[] = wireTypes.map((t, i) => ({ t, body: body(r, { refs: [...base, ...instRefs(nInst), ...wireRefs(i)] }, 2, true) }));
  const regs: RegSpec[] = regs0.map((t) => ({ t, init: randomBits(r, t.w), en: chance(r, 0.4) ? expr(r, all, 2) : null, body: body(r, all, 2, chance(r, 0.5)) }));
  const mems: MemSpec[] = mems0.map(({ t, depth }) => ({
    t, depth, init: Array.from({ length: depth }, () => randomBits(r, t.w)),
    raddr: expr(r, all, 2), ren: chance(r, 0.5) ? expr(r, all, 1) : null,
    waddr: expr(r, all, 2), wdata: expr(r, all, 3), wen: chance(r, 0.7) ? expr(r, all, 1) : null,
  }));
  const outputs: SignalSpec[] = Array.from({ length: int(r, 1, 3) }, () => ({ t: randomType(r), body: body(r, all, 2, true) }));
  return { inputs, outputs, wires, regs, mems, insts };
}

/** A design of 1–3 modules (the later ones may instantiate the earlier ones). */
export function randomDesign(r: Rand, name: string): DesignSpec {
  const modules: ModuleSpec[] = [];
  const n = int(r, 1, 3);
  for (let j = 0; j < n; j++) modules.push(randomModule(r, modules));
  return { name, modules };
}
