// A netlist compiled to JavaScript: one closure holding every slot, node value and memory as a
// variable, a settle() that runs the combinational assignments in order, and a clock() that
// computes every register's and memory port's next value from the settled ones, then commits them
// (reads see the words before this edge's writes, as in the emitted Verilog). Large designs are cut
// into functions of bounded size so V8 still optimizes them.

import { treeNodes, type IrType, type Netlist, type Tree } from '../ir/netlist.js';
import { flatten, type Context, type Flat } from './flatten.js';
import { constJs, extendJs, isBig, nodeJs, PRELUDE } from './node-js.js';

/** The compiled design's entry points (everything else is inside the closure). */
export interface CompiledDesign {
  readonly flat: Flat;
  settle(): void;
  clock(): void;
  /** Slot value as a BigInt bit pattern. */
  read(slot: number): bigint;
  /** Sets a slot (inputs) from a bit pattern. */
  write(slot: number, bits: bigint): void;
  /** All slots, as numbers or BigInts, into `out` (for waveforms). */
  snapshot(out: Array<number | bigint>): void;
  /** Input/output slots from/to 32-bit words (ceil(w/32) words, little-endian). */
  writeWords(slot: number, words: Uint32Array, offset: number): void;
  readWords(slot: number, words: Uint32Array, offset: number): void;
}

export interface CompileOptions {
  /** Test hook: replace the JavaScript of one node kind (used to prove the fuzzer finds a wrong operator). */
  readonly mutateNode?: (op: string, js: string, type: IrType) => string;
}

const CHUNK = 400;

export function compileDesign(n: Netlist, opts: CompileOptions = {}): CompiledDesign {
  const flat = flatten(n);
  const lines: string[] = [PRELUDE];
  const zero = (w: number) => (isBig(w) ? '0n' : '0');
  flat.slots.forEach((s, i) => lines.push(`let s${i} = ${zero(s.type.width)};`));
  const nodeVar = (ctx: Context, id: number) => {
    const e = ctx.module.nodes[id]!;
    return e.op === 'sig' ? `s${ctx.slots[e.lo]}` : `n${ctx.id}_${id}`;
  };
  // Node values live in closure variables, each computed once per settle (or clock) where first needed.
  for (const ctx of flat.contexts) {
    ctx.module.nodes.forEach((e, id) => { if (e.op !== 'sig') lines.push(`let n${ctx.id}_${id} = ${zero(e.type.width)};`); });
    ctx.module.mems.forEach((mem, i) => {
      const init = Array.from({ length: mem.depth }, (_, k) => constJs(BigInt.asUintN(mem.type.width, mem.init?.[k] ?? 0n), mem.type.width));
      lines.push(`const m${ctx.id}_${i} = [${init.join(',')}];`);
    });
  }

  const emitNodes = (ctx: Context, roots: number[], done: Set<string>, out: string[]) => {
    const st = [...roots];
    const need: number[] = [];
    const seen = new Set<number>();
    while (st.length) {
      const x = st.pop()!;
      if (seen.has(x) || done.has(`${ctx.id}_${x}`)) continue;
      seen.add(x);
      const e = ctx.module.nodes[x]!;
      if (e.op === 'sig') continue;
      need.push(x);
      st.push(...e.args);
    }
    need.sort((a, b) => a - b); // arguments have smaller indices
    for (const x of need) {
      const e = ctx.module.nodes[x]!;
      let js = nodeJs(e, e.args.map((a) => ({ v: nodeVar(ctx, a), t: ctx.module.nodes[a]!.type })));
      if (opts.mutateNode) js = opts.mutateNode(e.op, js, e.type);
      out.push(`n${ctx.id}_${x} = ${js};`);
      done.add(`${ctx.id}_${x}`);
    }
  };
  const treeJs = (ctx: Context, t: Tree, w: number, hold: string): string => {
    if (t.kind === 'leaf') return t.value === null ? hold : extendJs(nodeVar(ctx, t.value), ctx.module.nodes[t.value]!.type, w);
    return `(${nodeVar(ctx, t.cond)} ? ${treeJs(ctx, t.whenTrue, w, hold)} : ${treeJs(ctx, t.whenFalse, w, hold)})`;
  };
  const chunked = (name: string, body: string[]) => {
    const parts: string[] = [];
    for (let i = 0; i < body.length; i += CHUNK) {
      parts.push(`${name}_${parts.length}`);
      lines.push(`function ${parts[parts.length - 1]}() {`, ...body.slice(i, i + CHUNK), '}');
    }
    lines.push(`function ${name}() { ${parts.map((p) => `${p}();`).join(' ')} }`);
  };

  // ---- settle ----
  const done = new Set<string>();
  const settle: string[] = [];
  for (const c of flat.comb) {
    emitNodes(c.ctx, treeNodes(c.tree), done, settle);
    settle.push(`s${c.slot} = ${treeJs(c.ctx, c.tree, c.width, zero(c.width))};`);
  }
  chunked('settle', settle);

  // ---- clock: next values first, then commit ----
  const clock: string[] = [];
  const commit: string[] = [];
  const resetSlot = flat.inputs.get('rst');
  let tmp = 0;
  for (const r of flat.regs) {
    const s = r.ctx.module.signals[r.signal]!;
    const roots = [...(s.driver ? treeNodes(s.driver) : []), ...(s.enable !== null ? [s.enable] : [])];
    emitNodes(r.ctx, roots, done, clock);
    const cur = `s${r.slot}`, w = s.type.width;
    let next = s.driver ? treeJs(r.ctx, s.driver, w, cur) : cur;
    if (s.enable !== null) next = `(${nodeVar(r.ctx, s.enable)} ? ${next} : ${cur})`;
    if (s.init !== null && resetSlot !== undefined) next = `(s${resetSlot} ? ${constJs(BigInt.asUintN(w, s.init), w)} : ${next})`;
    if (next === cur) continue;
    const t = `t${tmp++}`;
    clock.push(`${t} = ${next};`);
    commit.push(`s${r.slot} = ${t};`);
  }
  const writes: string[] = [];
  for (const ctx of flat.contexts) {
    ctx.module.mems.forEach((mem, i) => {
      const arr = `m${ctx.id}_${i}`, zeroWord = zero(mem.type.width);
      for (const rd of mem.reads) {
        emitNodes(ctx, [rd.addr, ...(rd.enable !== null ? [rd.enable] : [])], done, clock);
        const slot = `s${ctx.slots[rd.data]}`;
        const word = `(${arr}[${nodeVar(ctx, rd.addr)}] ?? ${zeroWord})`;
        const t = `t${tmp++}`;
        clock.push(`${t} = ${rd.enable !== null ? `(${nodeVar(ctx, rd.enable)} ? ${word} : ${slot})` : word};`);
        commit.push(`${slot} = ${t};`);
      }
      for (const wr of mem.writes) {
        emitNodes(ctx, [wr.addr, wr.data, ...(wr.enable !== null ? [wr.enable] : [])], done, clock);
        const a = `t${tmp++}`, d = `t${tmp++}`;
        clock.push(`${a} = ${nodeVar(ctx, wr.addr)}; ${d} = ${extendJs(nodeVar(ctx, wr.data), ctx.module.nodes[wr.data]!.type, mem.type.width)};`);
        const en = wr.enable !== null ? `${nodeVar(ctx, wr.enable)} && ` : '';
        const e = `t${tmp++}`;
        clock.push(`${e} = ${en}${a} < ${mem.depth};`);
        writes.push(`if (${e}) ${arr}[${a}] = ${d};`);
      }
    });
  }
  for (let i = 0; i < tmp; i++) lines.push(`let t${i};`);
  chunked('clock', [...clock, ...commit, ...writes]);

  // ---- access ----
  const readCases = flat.slots.map((s, i) => `case ${i}: return ${isBig(s.type.width) ? `s${i}` : `BigInt(s${i})`};`);
  const writeCases = flat.slots.map((s, i) => `case ${i}: s${i} = ${isBig(s.type.width) ? 'v' : 'Number(v)'}; return;`);
  const snap = flat.slots.map((_, i) => `o[${i}] = s${i};`);
  const io = [...flat.inputs.values(), ...flat.outputs.values()];
  const wordsIn = io.map((i) => `case ${i}: ${wordsToSlot(i, flat.slots[i]!.type.width)} return;`);
  const wordsOut = io.map((i) => `case ${i}: ${slotToWords(i, flat.slots[i]!.type.width)} return;`);
  lines.push(
    `function read(i) { switch (i) { ${readCases.join(' ')} } throw new RangeError('no slot ' + i); }`,
    `function write(i, v) { switch (i) { ${writeCases.join(' ')} } throw new RangeError('no slot ' + i); }`,
    `function snapshot(o) { ${snap.join(' ')} }`,
    `function writeWords(i, w, o) { switch (i) { ${wordsIn.join(' ')} } throw new RangeError('no port slot ' + i); }`,
    `function readWords(i, w, o) { switch (i) { ${wordsOut.join(' ')} } throw new RangeError('no port slot ' + i); }`,
    'return { settle, clock, read, write, snapshot, writeWords, readWords };',
  );
  const make = new Function(lines.join('\n')) as () => Omit<CompiledDesign, 'flat'>;
  return { flat, ...make() };
}

function wordsToSlot(i: number, w: number): string {
  if (!isBig(w)) return `s${i} = ${w === 32 ? 'w[o]' : `w[o] & ${2 ** w - 1}`};`;
  const n = Math.ceil(w / 32);
  const parts = Array.from({ length: n }, (_, k) => (k === 0 ? 'BigInt(w[o])' : `(BigInt(w[o + ${k}]) << ${32 * k}n)`));
  return `s${i} = U(${w}, ${parts.join(' | ')});`;
}

function slotToWords(i: number, w: number): string {
  if (!isBig(w)) return `w[o] = s${i};`;
  const n = Math.ceil(w / 32);
  return Array.from({ length: n }, (_, k) => `w[o + ${k}] = Number(U(32, s${i} >> ${32 * k}n));`).join(' ');
}

