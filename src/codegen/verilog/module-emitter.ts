// Emits one IR module as a Verilog-2005 file: declarations, continuous assignments, one always
// block per register, memories in the block-RAM style, instances, and the unused-bits sink.

import { Namespace } from '../../ir/names.js';
import { CLOCK, formatLoc, RESET, treeLoc, type IrModule, type IrSignal, type Loc, type Tree } from '../../ir/netlist.js';
import { BitUsage } from './bit-usage.js';
import { ExprWriter } from './expr-writer.js';
import { literal } from './literal.js';
import { planSpills, type Root } from './spill-plan.js';

const range = (w: number) => (w === 1 ? '' : `[${w - 1}:0] `);
const decl = (kind: 'wire' | 'reg', s: { signed: boolean; width: number }, name: string) =>
  `${kind} ${s.signed ? 'signed ' : ''}${range(s.width)}${name}`;
const at = (loc: Loc | null) => (loc ? ` // ${formatLoc(loc)}` : '');

/** inst-in signals whose driver is one unconditional value are written straight into the port list. */
const inlinePort = (s: IrSignal) => s.kind === 'inst-in' && s.driver?.kind === 'leaf' && s.driver.value !== null;

/** A pure function of the module: its fresh names come from a namespace seeded with the module's own. */
export function emitModule(m: IrModule, header: string): string {
  const namespace = Namespace.of(m.names);
  const names = new Map<number, string>();
  const usage = new BitUsage();
  const w = new ExprWriter(m, names, usage);

  // ---- plan spills over every expression the module emits ----
  const roots: Root[] = [];
  const addTree = (t: Tree, target: string, width: number) => {
    const st: Tree[] = [t];
    while (st.length) {
      const x = st.pop()!;
      if (x.kind === 'leaf') { if (x.value !== null) roots.push({ node: x.value, target, width }); }
      else { roots.push({ node: x.cond, target, width: 1 }); st.push(x.whenFalse, x.whenTrue); }
    }
  };
  for (const s of m.signals) {
    if (s.driver) addTree(s.driver, s.name, s.type.width);
    if (s.enable !== null) roots.push({ node: s.enable, target: s.name, width: 1 });
  }
  for (const mem of m.mems) {
    for (const r of mem.reads) {
      const data = m.signals[r.data]!.name;
      roots.push({ node: r.addr, target: data, width: mem.addrWidth });
      if (r.enable !== null) roots.push({ node: r.enable, target: data, width: 1 });
    }
    for (const wr of mem.writes) {
      roots.push({ node: wr.addr, target: mem.name, width: mem.addrWidth }, { node: wr.data, target: mem.name, width: mem.type.width });
      if (wr.enable !== null) roots.push({ node: wr.enable, target: mem.name, width: 1 });
    }
  }
  const plan = planSpills(m, roots);
  const tempCount = new Map<string, number>();
  const temps: string[] = [];
  const tempAssigns: string[] = [];
  for (const { node, target } of plan.order) {
    const k = tempCount.get(target) ?? 0;
    tempCount.set(target, k + 1);
    const name = namespace.unique(`${target}_t${k}`);
    tempAssigns.push(`  assign ${name} = ${w.statement(node)};`); // children are already named
    names.set(node, name);
    temps.push(`  ${decl('wire', m.nodes[node]!.type, name)};`);
  }

  // ---- statements ----
  const body: string[] = [];
  const declarations: string[] = [];
  for (const s of m.signals) {
    if (s.kind === 'input' || s.kind === 'output' || inlinePort(s)) continue;
    const k = s.kind === 'reg' || s.kind === 'mem-read' ? 'reg' : 'wire';
    declarations.push(`  ${decl(k, s.type, s.name)};${at(s.loc)}`);
  }
  // An enumeration's values by name (the DSL claimed the names in the module's namespace).
  const labels = new Map<string, { value: bigint; line: string }>();
  for (const n of m.nodes) if (n.op === 'const' && n.label !== undefined) labels.set(n.label, { value: n.value, line: `  localparam ${range(n.type.width)}${n.label} = ${literal(n.value, n.type)};` });
  const states = [...labels.values()].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).map((l) => l.line);
  for (const mem of m.mems) {
    declarations.push(`  reg ${mem.type.signed ? 'signed ' : ''}${range(mem.type.width)}${mem.name} [0:${mem.depth - 1}];${at(mem.loc)}`);
  }

  for (const s of m.signals) {
    if (s.kind === 'reg' || !s.driver || inlinePort(s)) continue;
    body.push(`  assign ${s.name} = ${combTree(w, s.driver, s.type.width, '    ')};${at(treeLoc(s.driver))}`);
  }
  for (const s of m.signals) if (s.kind === 'reg') body.push(...registerBlock(w, s));
  for (const mem of m.mems) {
    const addr = (a: number) => w.statement(a, mem.addrWidth);
    for (const wr of mem.writes) {
      const stmt = `${mem.name}[${addr(wr.addr)}] <= ${w.statement(wr.data, mem.type.width)};`;
      body.push(`  always @(posedge ${CLOCK}) begin${at(wr.loc)}`, ...guarded(w, wr.enable, stmt, '    '), '  end');
    }
    for (const r of mem.reads) {
      const stmt = `${m.signals[r.data]!.name} <= ${mem.name}[${addr(r.addr)}];`;
      body.push(`  always @(posedge ${CLOCK}) begin${at(r.loc)}`, ...guarded(w, r.enable, stmt, '    '), '  end');
    }
    if (mem.init) {
      body.push(`  initial begin${at(mem.loc)}`);
      for (let i = 0; i < mem.depth; i++) body.push(`    ${mem.name}[${i}] = ${literal(mem.init[i] ?? 0n, mem.type)};`);
      body.push('  end');
    }
  }
  for (const inst of m.instances) {
    const conns: string[] = [];
    if (inst.needsClock) { conns.push(`.${CLOCK}(${CLOCK})`); usage.all(CLOCK); }
    if (inst.needsReset) { conns.push(`.${RESET}(${RESET})`); usage.all(RESET); }
    for (const c of inst.connections) {
      const s = m.signals[c.signal]!;
      if (c.dir === 'input') {
        conns.push(`.${c.port}(${inlinePort(s) ? w.statement((s.driver as { value: number }).value) : (usage.all(s.name), s.name)})`);
      } else {
        conns.push(`.${c.port}(${s.name})`);
      }
    }
    body.push(`  ${inst.module} ${inst.name} (${at(inst.loc)}`, conns.map((c) => `    ${c}`).join(',\n'), '  );');
  }
  if (m.signals.some((s) => s.kind === 'reg')) usage.all(CLOCK);
  if (m.signals.some((s) => s.kind === 'reg' && s.init !== null)) usage.all(RESET);

  // ---- ports and the sink of unread bits ----
  const ports: string[] = [];
  if (m.needsClock) ports.push(`input  wire ${CLOCK}`);
  if (m.needsReset) ports.push(`input  wire ${RESET}`);
  for (const i of m.ports) {
    const p = m.signals[i]!;
    ports.push(`${p.kind === 'input' ? 'input ' : 'output'} ${decl('wire', p.type, p.name)}`);
  }
  const unread: string[] = [];
  if (m.needsClock) unread.push(...usage.unused(CLOCK, 1));
  if (m.needsReset) unread.push(...usage.unused(RESET, 1));
  for (const s of m.signals) {
    if (s.kind !== 'output' && !inlinePort(s)) unread.push(...usage.unused(s.name, s.type.width));
  }
  for (const { node } of plan.order) unread.push(...usage.unused(names.get(node)!, m.nodes[node]!.type.width));
  const sink: string[] = [];
  if (unread.length) {
    const n = namespace.unique('_unused');
    sink.push('  // Bits nothing reads: listed so lint stays clean; synthesis removes them.',
      '  /* verilator lint_off UNUSED */', `  wire ${n} = &{1'b0, ${unread.join(', ')}, 1'b0};`, '  /* verilator lint_on UNUSED */');
  }

  const portLines = ports.map((p, i) => `  ${p}${i < ports.length - 1 ? ',' : ''}`);
  const section = (title: string, lines: string[]) => (lines.length ? [`  // ${title}`, ...lines, ''] : []);
  return [
    header,
    '`timescale 1ns / 1ps',
    '`default_nettype none',
    `module ${m.name}${ports.length ? ' (' : ';'}`,
    ...(ports.length ? [...portLines, ');'] : []),
    ...section('States', states),
    ...section('Signals', declarations),
    ...section('Intermediate values', temps),
    ...section('Logic', [...tempAssigns, ...body]),
    ...sink,
    'endmodule',
    '`default_nettype wire',
    '',
  ].join('\n');
}

/** A combinational decision tree as a ternary chain (every path is assigned: the checks ensured it). */
function combTree(w: ExprWriter, t: Tree, width: number, indent: string): string {
  if (t.kind === 'leaf') return w.statement(t.value!, width);
  const c = w.write(t.cond);
  const a = t.whenTrue.kind === 'leaf' ? w.at(t.whenTrue.value!, width) : `(${combTree(w, t.whenTrue, width, indent + '  ')})`;
  const b = combTree(w, t.whenFalse, width, indent);
  return `${c} ? ${a} :\n${indent}${b}`;
}

function guarded(w: ExprWriter, en: number | null, stmt: string, indent: string): string[] {
  if (en === null) return [`${indent}${stmt}`];
  return [`${indent}if (${w.statement(en)}) begin`, `${indent}  ${stmt}`, `${indent}end`];
}

function registerBlock(w: ExprWriter, r: IrSignal): string[] {
  const inner = r.driver ? treeStatements(w, r, r.driver) : [];
  // Yosys gives the block's attributes to the flip-flop it infers (a kept one is never folded away).
  const out = [`  ${r.keep ? '(* keep *) ' : ''}always @(posedge ${CLOCK}) begin${at(r.loc)}`];
  const ind = (lines: string[], pre: string) => lines.map((l) => pre + l);
  let load = inner;
  if (r.enable !== null && inner.length) load = [`if (${w.statement(r.enable)}) begin`, ...ind(inner, '  '), 'end'];
  if (r.init !== null) {
    out.push(`    if (${RESET}) begin`, `      ${r.name} <= ${literal(r.init, r.type)};`);
    out.push(load.length ? '    end else begin' : '    end', ...ind(load, '      '), ...(load.length ? ['    end'] : []));
  } else {
    out.push(...ind(load, '    '));
  }
  out.push('  end');
  return out;
}

/** Register next-state as nested ifs; unassigned paths hold (no statement). */
function treeStatements(w: ExprWriter, r: IrSignal, t: Tree): string[] {
  if (t.kind === 'leaf') return t.value !== null ? [`${r.name} <= ${w.statement(t.value, r.type.width)};`] : [];
  const yes = treeStatements(w, r, t.whenTrue);
  const no = treeStatements(w, r, t.whenFalse);
  if (!yes.length && !no.length) return [];
  const c = w.statement(t.cond);
  const ind = (l: string[]) => l.map((x) => '  ' + x);
  if (!yes.length) return [`if (!(${c})) begin`, ...ind(no), 'end'];
  const out = [`if (${c}) begin`, ...ind(yes)];
  if (!no.length) return [...out, 'end'];
  if (isSingleIf(no)) return [...out, `end else ${no[0]}`, ...no.slice(1)];
  return [...out, 'end else begin', ...ind(no), 'end'];
}

/** True when the lines are one if / else-if chain (so it can follow `else`). */
function isSingleIf(lines: string[]): boolean {
  const top = lines.filter((l) => !l.startsWith(' '));
  return top[0]!.startsWith('if (') && top.slice(1, -1).every((l) => l.startsWith('end else')) && top[top.length - 1] === 'end';
}
