// Shrinks a failing design spec while the failure persists (greedy delta debugging): drop outputs,
// instances, memories, registers and wires (renumbering what refers to them), drop or flatten
// statements, replace an operator by one of its operands or by 0. Candidates that no longer
// elaborate, or no longer fail, are skipped.

import type { DesignSpec, E, ModuleSpec, Ref, Stmt } from './spec.js';

const ZERO: E = { k: 'const', t: { s: false, w: 1 }, v: 0n };

// ---- generic rewriting ----

function mapE(e: E, f: (e: E) => E): E {
  const x = e.k === 'op' ? { ...e, args: e.args.map((a) => mapE(a, f)) } : e;
  return f(x);
}

function mapStmts(ss: readonly Stmt[], f: (e: E) => E): Stmt[] {
  return ss.map((s) => (s.k === 'assign' ? { k: 'assign', e: mapE(s.e, f) } : { k: 'when', c: mapE(s.c, f), then: mapStmts(s.then, f), else: mapStmts(s.else, f) }));
}

function mapModule(m: ModuleSpec, f: (e: E) => E): ModuleSpec {
  const opt = (e: E | null) => (e ? mapE(e, f) : null);
  return {
    ...m,
    insts: m.insts.map((i) => ({ ...i, inputs: i.inputs.map((e) => mapE(e, f)) })),
    wires: m.wires.map((w) => ({ ...w, body: mapStmts(w.body, f) })),
    outputs: m.outputs.map((o) => ({ ...o, body: mapStmts(o.body, f) })),
    regs: m.regs.map((r) => ({ ...r, en: opt(r.en), body: mapStmts(r.body, f) })),
    mems: m.mems.map((d) => ({ ...d, raddr: mapE(d.raddr, f), ren: opt(d.ren), waddr: mapE(d.waddr, f), wdata: mapE(d.wdata, f), wen: opt(d.wen) })),
  };
}

/** Rewrites references: a new ref, or null for "now the constant 0". */
function mapRefs(m: ModuleSpec, f: (r: Ref) => Ref | null): ModuleSpec {
  return mapModule(m, (e) => {
    if (e.k !== 'ref') return e;
    const r = f(e.ref);
    return r ? { k: 'ref', ref: r } : ZERO;
  });
}

const withModule = (d: DesignSpec, j: number, m: ModuleSpec): DesignSpec => ({ ...d, modules: d.modules.map((x, k) => (k === j ? m : x)) });
const without = <X>(xs: readonly X[], i: number) => xs.filter((_, k) => k !== i);
const shift = (kind: Ref['kind'], i: number) => (r: Ref): Ref | null => {
  if (r.kind !== kind) return r;
  if (r.i === i) return null;
  return r.i > i ? { ...r, i: r.i - 1 } : r;
};

// ---- candidates, most shrinking first ----

function* removals(d: DesignSpec, j: number): Generator<DesignSpec> {
  const m = d.modules[j]!;
  const isTop = j === d.modules.length - 1;
  for (let k = 0; k < m.outputs.length && m.outputs.length > 1; k++) {
    let next = withModule(d, j, { ...m, outputs: without(m.outputs, k) });
    if (!isTop) {
      // Parents' references to this module's output ports move down by one.
      next = { ...next, modules: next.modules.map((p) => mapRefs(p, (r) => {
        if (r.kind !== 'inst' || p.insts[r.i]?.module !== j) return r;
        if (r.port === k) return null;
        return r.port > k ? { ...r, port: r.port - 1 } : r;
      })) };
    }
    yield next;
  }
  for (let i = 0; i < m.insts.length; i++) yield withModule(d, j, mapRefs({ ...m, insts: without(m.insts, i) }, shift('inst', i)));
  for (let i = 0; i < m.mems.length; i++) yield withModule(d, j, mapRefs({ ...m, mems: without(m.mems, i) }, shift('mem', i)));
  for (let i = 0; i < m.regs.length; i++) yield withModule(d, j, mapRefs({ ...m, regs: without(m.regs, i) }, shift('reg', i)));
  for (let i = 0; i < m.wires.length; i++) yield withModule(d, j, mapRefs({ ...m, wires: without(m.wires, i) }, shift('wire', i)));
}

/** Statement lists of a module with a way to put each back. */
function* stmtEdits(d: DesignSpec, j: number): Generator<DesignSpec> {
  const m = d.modules[j]!;
  const lists: Array<{ body: readonly Stmt[]; put: (b: Stmt[]) => ModuleSpec }> = [
    ...m.wires.map((w, i) => ({ body: w.body, put: (b: Stmt[]) => ({ ...m, wires: m.wires.map((x, k) => (k === i ? { ...x, body: b } : x)) }) })),
    ...m.outputs.map((o, i) => ({ body: o.body, put: (b: Stmt[]) => ({ ...m, outputs: m.outputs.map((x, k) => (k === i ? { ...x, body: b } : x)) }) })),
    ...m.regs.map((r, i) => ({ body: r.body, put: (b: Stmt[]) => ({ ...m, regs: m.regs.map((x, k) => (k === i ? { ...x, body: b } : x)) }) })),
  ];
  for (const { body, put } of lists) {
    for (const edited of editList(body)) yield withModule(d, j, put(edited));
  }
  for (let i = 0; i < m.regs.length; i++) if (m.regs[i]!.en) yield withModule(d, j, { ...m, regs: m.regs.map((x, k) => (k === i ? { ...x, en: null } : x)) });
  for (let i = 0; i < m.mems.length; i++) {
    const mm = m.mems[i]!;
    if (mm.ren) yield withModule(d, j, { ...m, mems: m.mems.map((x, k) => (k === i ? { ...x, ren: null } : x)) });
    if (mm.wen) yield withModule(d, j, { ...m, mems: m.mems.map((x, k) => (k === i ? { ...x, wen: null } : x)) });
  }
}

/** A statement list with one statement dropped, or one `when` replaced by one of its arms (recursively). */
function* editList(ss: readonly Stmt[]): Generator<Stmt[]> {
  for (let i = 0; i < ss.length; i++) {
    const s = ss[i]!;
    yield without(ss, i);
    if (s.k === 'when') {
      yield [...ss.slice(0, i), ...s.then, ...ss.slice(i + 1)];
      yield [...ss.slice(0, i), ...s.else, ...ss.slice(i + 1)];
      for (const t of editList(s.then)) yield [...ss.slice(0, i), { ...s, then: t }, ...ss.slice(i + 1)];
      for (const t of editList(s.else)) yield [...ss.slice(0, i), { ...s, else: t }, ...ss.slice(i + 1)];
    }
  }
}

/** Every expression position of a module, each replaced by its operands or by 0. */
function* exprEdits(d: DesignSpec, j: number): Generator<DesignSpec> {
  const m = d.modules[j]!;
  let count = 0;
  mapModule(m, (e) => { count++; return e; });
  for (let target = 0; target < count; target++) {
    let seen: E | null = null;
    let k = 0;
    mapModule(m, (e) => { if (k++ === target) seen = e; return e; });
    const e = seen as E | null;
    if (!e || (e.k === 'const' && e.t.w === 1 && e.v === 0n)) continue;
    const replacements: E[] = e.k === 'op' ? [...e.args, ZERO] : [ZERO];
    for (const rep of replacements) {
      let i = 0;
      yield withModule(d, j, mapModule(m, (x) => (i++ === target ? rep : x)));
    }
  }
}

function* candidates(d: DesignSpec): Generator<DesignSpec> {
  const order = d.modules.map((_, j) => d.modules.length - 1 - j); // top first
  for (const j of order) yield* removals(d, j);
  for (const j of order) yield* stmtEdits(d, j);
  for (const j of order) yield* exprEdits(d, j);
}

export interface ReduceResult {
  readonly spec: DesignSpec;
  readonly tries: number;
  readonly accepted: number;
}

/**
 * Greedy: take the first candidate that still fails, start over, until none does or the budget ends.
 * Candidates are judged in chunks of up to `maxChunk` (one simulator run for a chunk), growing from 1
 * while they keep passing, so the result is the one-at-a-time reduction's at a fraction of the runs.
 */
export async function reduceSpec(spec: DesignSpec, stillFail: (specs: readonly DesignSpec[]) => Promise<boolean[]>, maxTries = 3000, maxChunk = 1): Promise<ReduceResult> {
  let cur = spec, tries = 0, accepted = 0;
  for (;;) {
    let moved = false, size = 1;
    const it = candidates(cur);
    for (let done = false; !done && !moved;) {
      const chunk: DesignSpec[] = [];
      while (chunk.length < Math.min(size, maxTries - tries)) {
        const c = it.next();
        if (c.done) { done = true; break; }
        chunk.push(c.value);
      }
      if (!chunk.length) break;
      const fails = await stillFail(chunk);
      tries += chunk.length;
      const k = fails.indexOf(true);
      if (k >= 0) { cur = chunk[k]!; accepted++; moved = true; }
      size = Math.min(maxChunk, size * 2);
      if (tries >= maxTries) return { spec: cur, tries, accepted };
    }
    if (!moved) return { spec: cur, tries, accepted };
  }
}
