// Pre-route static timing of a synthesized netlist (Yosys `write_json`, flattened): the longest
// register-to-register path under a target's delay model (timing-model.ts). Ports count as registered
// outside the block, so a combinational block's path runs from its inputs to its outputs. The path's
// ends are named in the design's own signal names.

import { cellTiming, type CellTiming, type TimingModel } from './timing-model.js';

type Bit = number | string; // a net number, or a constant "0" / "1" / "x" / "z"

interface JsonModule {
  readonly attributes?: Record<string, unknown>;
  readonly ports: Record<string, { direction: 'input' | 'output' | 'inout'; bits: Bit[] }>;
  readonly cells: Record<string, { type: string; parameters?: Record<string, string>; port_directions?: Record<string, string>; connections: Record<string, Bit[]> }>;
  readonly netnames: Record<string, { hide_name: number; bits: Bit[]; offset?: number; upto?: number }>;
}

export interface PathEstimate {
  readonly criticalPathNs: number;
  /** Cells on the path, a carry chain counting once. */
  readonly logicLevels: number;
  readonly from: string;
  readonly to: string;
  /** The path's cells, start to end, as `type.pin` with the arrival at their output (for reading a path). */
  readonly cells: readonly string[];
  /** The path's general-routing nets and the sum of their log2(fanout): for fitting the routing model. */
  readonly routes: number;
  readonly fanoutLog2: number;
}

const CLOCK_PIN = /^(C|CLK|RCLK|WCLK|CLKARDCLK|CLKBWRCLK)$/;

interface Driver { readonly cell: number; readonly pin: string }
interface Sink { readonly cell: number; readonly pin: string }

/**
 * The critical path of the top module. `prefix` names the block's instance in a flattened wrapper
 * (`dut.`): the path's ends are then given as the block's own signals where the path crosses them.
 */
/** Bumped when the analysis changes what it reports: cached reports from before are recomputed. */
export const STA_VERSION = 2;

/** The design's own names: every signal, and which of them are the block's ports. */
export interface DesignNames {
  readonly signals: ReadonlySet<string>;
  readonly ports: ReadonlySet<string>;
}

export function criticalPath(json: string, model: TimingModel, prefix = '', userNames?: DesignNames): PathEstimate | null {
  const mod = topModule(JSON.parse(json) as { modules: Record<string, JsonModule> });
  const cells = Object.values(mod.cells).map((c) => ({ ...c, timing: timingOf(model, c.type, c.parameters ?? {}) }));
  const driver = new Map<number, Driver | 'port'>();
  const sinks = new Map<number, Sink[]>();
  for (const p of Object.values(mod.ports)) {
    if (p.direction === 'input') for (const b of p.bits) if (typeof b === 'number') driver.set(b, 'port');
  }
  cells.forEach((c, i) => {
    for (const [pin, bits] of Object.entries(c.connections)) {
      const dir = c.port_directions?.[pin] ?? 'input';
      for (const b of bits) {
        if (typeof b !== 'number') continue;
        if (dir === 'output') driver.set(b, { cell: i, pin });
        else if (!CLOCK_PIN.test(pin)) (sinks.get(b) ?? sinks.set(b, []).get(b)!).push({ cell: i, pin });
      }
    }
  });
  const portLoads = new Map<number, number>();
  for (const p of Object.values(mod.ports)) {
    if (p.direction === 'output') for (const b of p.bits) if (typeof b === 'number') portLoads.set(b, (portLoads.get(b) ?? 0) + 1);
  }
  const fanout = (b: number) => (sinks.get(b)?.length ?? 0) + (portLoads.get(b) ?? 0);
  const route = (b: number, sink: Sink | 'port'): number => {
    const d = driver.get(b);
    if (sink !== 'port' && d && d !== 'port' && model.dedicated(cells[d.cell]!.type, cells[sink.cell]!.type, sink.pin)) return 0;
    return model.route.base + model.route.perLog2Fanout * Math.log2(Math.max(1, fanout(b)));
  };
  const clocked = (i: number) => cells[i]!.timing.clockToOut !== undefined;

  // Arrival time at each net, with the input pin it came through; computed on demand, iteratively
  // (carry chains are thousands of cells deep). A net met again while on the stack is a loop: cut there.
  const arrival = new Map<number, { t: number; from: { net: number; pin: string } | null }>();
  const onStack = new Set<number>();
  const arrive = (net: number): number => {
    const stack = [net];
    while (stack.length) {
      const b = stack[stack.length - 1]!;
      if (arrival.has(b)) { stack.pop(); onStack.delete(b); continue; }
      const d = driver.get(b);
      const start = d === undefined ? -Infinity : d === 'port' ? model.io.clockToOut : clocked(d.cell) ? cells[d.cell]!.timing.clockToOut! : null;
      if (start !== null || d === undefined || d === 'port') { arrival.set(b, { t: start ?? -Infinity, from: null }); stack.pop(); continue; }
      const inputs = cellInputs(cells[d.cell]!);
      const pending = inputs.filter(([, n]) => !arrival.has(n) && !onStack.has(n));
      if (pending.length && !onStack.has(b)) {
        onStack.add(b);
        stack.push(...pending.map(([, n]) => n));
        continue;
      }
      let best = { t: -Infinity, from: null as { net: number; pin: string } | null };
      const timing = cells[d.cell]!.timing;
      for (const [pin, n] of inputs) {
        const a = arrival.get(n)?.t ?? -Infinity;
        if (a === -Infinity) continue;
        const t = a + route(n, { cell: d.cell, pin }) + pinDelay(timing, pin);
        if (t > best.t) best = { t, from: { net: n, pin } };
      }
      arrival.set(b, best);
      onStack.delete(b);
      stack.pop();
    }
    return arrival.get(net)!.t;
  };

  // Endpoints: clocked cells' inputs and the output ports.
  let worst: { t: number; net: number; end: { cell: number } | { port: string; index: number } } | null = null;
  cells.forEach((c, i) => {
    if (!clocked(i)) return;
    for (const [pin, n] of cellInputs(c)) {
      const t = arrive(n) + route(n, { cell: i, pin }) + (c.timing.setupByPin?.[pin] ?? c.timing.setup ?? 0);
      if (t > -Infinity && (!worst || t > worst.t)) worst = { t, net: n, end: { cell: i } };
    }
  });
  for (const [name, p] of Object.entries(mod.ports)) {
    if (p.direction !== 'output') continue;
    p.bits.forEach((b, index) => {
      if (typeof b !== 'number') return;
      const t = arrive(b) + route(b, 'port') + model.io.setup;
      if (t > -Infinity && (!worst || t > worst.t)) worst = { t, net: b, end: { port: name, index } };
    });
  }
  if (!worst) return null;
  const w = worst as { t: number; net: number; end: { cell: number } | { port: string; index: number } };

  // Walk back from the endpoint: the nets from start to end; each cell between is a logic level,
  // except a carry cell entered from the previous one over the chain.
  const path: number[] = [];
  let logicLevels = 0, routes = 0, fanoutLog2 = 0;
  const pathCells: string[] = [];
  const routed = (net: number, sink: Sink | 'port') => {
    const d = driver.get(net);
    if (sink !== 'port' && d && d !== 'port' && model.dedicated(cells[d.cell]!.type, cells[sink.cell]!.type, sink.pin)) return;
    routes++;
    fanoutLog2 += Math.log2(Math.max(1, fanout(net)));
  };
  routed(w.net, 'cell' in w.end ? { cell: w.end.cell, pin: '' } : 'port');
  for (let n: number | null = w.net; n !== null;) {
    path.unshift(n);
    const step: { from: { net: number; pin: string } | null } = arrival.get(n)!;
    const d = driver.get(n);
    if (step.from && d && d !== 'port') {
      const prev = driver.get(step.from.net);
      const chained = prev !== undefined && prev !== 'port' && model.dedicated(cells[prev.cell]!.type, cells[d.cell]!.type, step.from.pin);
      if (!chained) logicLevels++;
      routed(step.from.net, { cell: d.cell, pin: step.from.pin });
      pathCells.unshift(`${cells[d.cell]!.type}.${step.from.pin}${chained ? '(chain)' : ''} @${round3(arrival.get(n)!.t)}`);
    }
    n = step.from?.net ?? null;
  }
  const names = bitNames(mod);
  const named = (b: number) => pickName(names.get(b), prefix, userNames);
  const endQ = 'cell' in w.end ? cellOutputs(cells[w.end.cell]!)[0] : undefined;
  let from = named(path[0]!), to = 'port' in w.end ? `${w.end.port}${portSuffix(mod, w.end.port, w.end.index)}` : (endQ !== undefined ? named(endQ) : null);
  if (prefix) {
    // In a wrapper: the first and last of the block's own signals on the path.
    const inside = (b: number) => pickName(names.get(b)?.filter((n) => n.startsWith(prefix)), prefix, userNames) ?? undefined;
    const all = endQ !== undefined ? [...path, endQ] : path;
    from = all.map(inside).find((n) => n !== undefined) ?? from;
    to = [...all].reverse().map(inside).find((n) => n !== undefined) ?? to;
  }
  return { criticalPathNs: round3(w.t), logicLevels, from: from ?? `net ${path[0]}`, to: to ?? `net ${w.net}`, cells: pathCells, routes, fanoutLog2: round3(fanoutLog2) };
}

function topModule(json: { modules: Record<string, JsonModule> }): JsonModule {
  const mods = Object.values(json.modules);
  const top = mods.find((m) => m.attributes && Number.parseInt(String(m.attributes.top ?? '0'), 2) === 1);
  if (!top) throw new Error('Yosys netlist has no top module');
  return top;
}

function timingOf(model: TimingModel, type: string, params: Record<string, string>): CellTiming {
  const t = cellTiming(model, type) ?? { comb: { '*': model.cells[0]![1].comb?.I0 ?? 0.5 } };
  if (t.registeredIf && !t.registeredIf(params)) return { ...t, clockToOut: undefined, setup: undefined, setupByPin: undefined };
  return t;
}

function pinDelay(t: CellTiming, pin: string): number {
  return t.comb?.[pin] ?? t.comb?.['*'] ?? Math.max(0, ...Object.values(t.comb ?? {}));
}

function cellInputs(c: { port_directions?: Record<string, string>; connections: Record<string, Bit[]> }): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const [pin, bits] of Object.entries(c.connections)) {
    if ((c.port_directions?.[pin] ?? 'input') === 'output' || CLOCK_PIN.test(pin)) continue;
    for (const b of bits) if (typeof b === 'number') out.push([pin, b]);
  }
  return out;
}

function cellOutputs(c: { port_directions?: Record<string, string>; connections: Record<string, Bit[]> }): number[] {
  return Object.entries(c.connections).filter(([pin]) => c.port_directions?.[pin] === 'output')
    .flatMap(([, bits]) => bits.filter((b): b is number => typeof b === 'number'));
}

/** Every visible name of each net bit, `name[i]` for multi-bit signals. */
function bitNames(mod: JsonModule): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [name, n] of Object.entries(mod.netnames)) {
    if (n.hide_name || name.startsWith('$')) continue;
    n.bits.forEach((b, i) => {
      if (typeof b !== 'number') return;
      const idx = n.upto ? n.bits.length - 1 - i + (n.offset ?? 0) : i + (n.offset ?? 0);
      (out.get(b) ?? out.set(b, []).get(b)!).push(n.bits.length > 1 ? `${name}[${idx}]` : name);
    });
  }
  return out;
}

/**
 * The best of a net's names: inside the block (under the prefix), then one the design itself declared
 * (not a name synthesis made up, such as `acc_SB_DFFESR_Q_D`) and not a port, then the shortest.
 */
function pickName(names: string[] | undefined, prefix: string, userNames?: DesignNames): string | null {
  if (!names?.length) return null;
  const pref = prefix ? names.filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length)) : [];
  const pool = pref.length ? pref : names;
  const base = (n: string) => n.replace(/\[\d+\]$/, '').split('.').pop()!;
  // A register whose value also leaves through a port is named as the register, not the port.
  const declared = userNames ? pool.filter((n) => userNames.signals.has(base(n))) : [];
  const inner = userNames ? declared.filter((n) => !userNames.ports.has(base(n))) : [];
  return [...(inner.length ? inner : declared.length ? declared : pool)].sort((a, b) => a.length - b.length || a.localeCompare(b))[0]!;
}

function portSuffix(mod: JsonModule, port: string, index: number): string {
  return mod.ports[port]!.bits.length > 1 ? `[${index}]` : '';
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
