// The miter: one Verilog module that instantiates both designs on shared inputs and raises `trigger`
// when their outputs differ. Written as Verilog (not Yosys's `miter` command) so that the same file
// drives the proof and the Icarus replay of a counterexample, around the users' own modules.
//   - Fixed-latency sides (combinational, pipeline) are aligned: the earlier one's outputs and valid go
//     through a delay line as long as the difference in latency.
//   - Sides with their own timing (sequential, stream) are compared cycle by cycle.
//   - Both start from a reset the miter drives in its first cycle (`rst`), and are compared once every
//     pipeline has filled after it; data outputs only where the outputs are valid.

import type { PortInfo } from '../codegen/design-files.js';

/** One design of the pair. `latency`: cycles from in_valid to out_valid for a fixed-latency design (0: combinational), null for one with its own timing. */
export interface Side {
  readonly label: string;
  readonly top: string;
  readonly ports: readonly PortInfo[];
  readonly latency: number | null;
  /** For a design with timing of its own: its cycle behaviour as stated (the handshake), which the other side must share. */
  readonly timing?: string;
  /** Written by bitforge's emitter: its internal names follow the emitter's, so a variant's can be paired by name. */
  readonly emitted?: boolean;
}

export interface Miter {
  readonly name: string;
  readonly verilog: string;
  /** Whether the miter has a clock (a sequential problem) or is a combinational one. */
  readonly sequential: boolean;
  /** Cycles after which outputs are compared: the reset cycle, then the longest latency. */
  readonly warm: number;
  /** The miter's inputs, free in the proof: what a counterexample assigns. */
  readonly inputs: readonly PortInfo[];
  /** Outputs compared, as the names the miter gives each side's: `gold_<port>`, `gate_<port>`. */
  readonly outputs: readonly PortInfo[];
}

/** Control ports the miter drives or reads itself. */
const CONTROL_IN = new Set(['clk', 'rst']);
/** Outputs compared every cycle; the rest only where out_valid is 1. */
const ALWAYS_COMPARED = new Set(['out_valid', 'in_ready']);

export class MiterError extends Error {}

/** A Verilog declaration's range for a width (none for one bit), with its trailing space. */
export const range = (width: number) => (width > 1 ? `[${width - 1}:0] ` : '');
const describePort = (p: PortInfo) => `${p.direction} ${p.name}${range(p.width).trimEnd()}`;

/** Port lists must agree (bar the clock, reset and valid a fixed-latency side adds); else one line naming the differences. */
export function checkPorts(gold: Side, gate: Side): void {
  const optional = (s: Side, p: PortInfo) => CONTROL_IN.has(p.name) || (s.latency !== null && (p.name === 'in_valid' || p.name === 'out_valid'));
  const key = (p: PortInfo) => `${p.direction} ${p.name} ${p.width}`;
  const diffs: string[] = [];
  for (const [a, b] of [[gold, gate], [gate, gold]] as const) {
    for (const p of a.ports) {
      const q = b.ports.find((x) => x.name === p.name);
      if (!q) { if (!optional(a, p)) diffs.push(`${describePort(p)} only in ${a.label}`); continue; }
      if (a === gold && key(p) !== key(q)) diffs.push(`${p.name} is ${describePort(p)} in ${gold.label} but ${describePort(q)} in ${gate.label}`);
    }
  }
  if (diffs.length) throw new MiterError(`ports differ: ${diffs.join('; ')}`);
  if ((gold.latency === null) !== (gate.latency === null)) {
    const [fixed, own] = gold.latency === null ? [gate, gold] : [gold, gate];
    throw new MiterError(`${fixed.label} has a fixed latency but ${own.label} has timing of its own (sequential or stream): they cannot be aligned cycle by cycle`);
  }
  if (gold.latency === null && gold.timing !== undefined && gate.timing !== undefined && gold.timing !== gate.timing) {
    throw new MiterError(`the two differ in cycle behaviour (${gold.timing} vs ${gate.timing}): equiv compares designs with timing of their own cycle by cycle, and a transaction-level comparison is not built`);
  }
}

/** The module names the miter instantiates: each side's top, renamed (both may share module names). */
export const SIDE_MODULE = { gold: 'equiv_gold', gate: 'equiv_gate' } as const;

/** The miter of two designs, instantiated as SIDE_MODULE's names. */
export function buildMiter(gold: Side, gate: Side, name = 'bitforge_equiv'): Miter {
  checkPorts(gold, gate);
  const has = (s: Side, n: string) => s.ports.some((p) => p.name === n);
  const sequential = [gold, gate].some((s) => has(s, 'clk'));
  const aligned = gold.latency !== null;
  const maxLatency = aligned ? Math.max(gold.latency!, gate.latency!) : 0;
  const warm = sequential ? 1 + maxLatency : 0;
  const validIn = [gold, gate].some((s) => has(s, 'in_valid'));

  const all = [...gold.ports, ...gate.ports];
  const inputs: PortInfo[] = [];
  if (sequential) inputs.push({ name: 'clk', direction: 'input', width: 1, signed: false });
  for (const p of all) if (p.direction === 'input' && !CONTROL_IN.has(p.name) && !inputs.some((q) => q.name === p.name)) inputs.push(p);
  const outs: PortInfo[] = [];
  for (const p of all) if (p.direction === 'output' && p.name !== 'out_valid' && !outs.some((q) => q.name === p.name)) outs.push(p);

  const lines: string[] = [];
  const ins = inputs.map((p) => `  input wire ${range(p.width)}${p.name},`);
  lines.push(`// Miter of ${gold.label} (gold) and ${gate.label} (gate), written by bitforge equiv.`, `module ${name} (`, ...ins, '  output wire trigger', ');');
  if (sequential) {
    const bits = Math.max(1, Math.ceil(Math.log2(warm + 1)));
    lines.push(`  // Cycles since start, up to ${warm}: the first is the reset, then every pipeline fills.`,
      `  reg [${bits - 1}:0] warm = 0;`, `  always @(posedge clk) if (warm != ${warm}) warm <= warm + 1'b1;`,
      '  wire rst = (warm == 0);', `  wire compare = (warm == ${warm});`);
  }
  // Each side's outputs (and valid) as wires, then delayed to the later side's latency.
  const valid: Record<string, string | null> = {};
  for (const [tag, s] of [['gold', gold], ['gate', gate]] as const) {
    const conns = s.ports.map((p) => {
      if (p.direction === 'input') return `.${p.name}(${p.name})`;
      return `.${p.name}(${tag}_${p.name}_raw)`;
    });
    for (const p of s.ports) if (p.direction === 'output') lines.push(`  wire ${range(p.width)}${tag}_${p.name}_raw;`);
    lines.push(`  ${SIDE_MODULE[tag]} ${tag} (${conns.join(', ')});`);
    // A fixed-latency side without out_valid is valid where its in_valid was (a combinational design: now).
    const rawValid = has(s, 'out_valid') ? `${tag}_out_valid_raw` : validIn && aligned ? 'in_valid' : null;
    const delay = aligned ? maxLatency - s.latency! : 0;
    const signals = [...(rawValid ? [{ name: 'valid', width: 1, src: rawValid, reset: true }] : []),
      ...s.ports.filter((p) => p.direction === 'output' && p.name !== 'out_valid').map((p) => ({ name: p.name, width: p.width, src: `${tag}_${p.name}_raw`, reset: false }))];
    for (const sig of signals) {
      let cur = sig.src;
      for (let k = 1; k <= delay; k++) {
        const r = `${tag}_${sig.name}_d${k}`;
        lines.push(`  reg ${range(sig.width)}${r};`,
          sig.reset ? `  always @(posedge clk) ${r} <= rst ? 1'b0 : ${cur};` : `  always @(posedge clk) ${r} <= ${cur};`);
        cur = r;
      }
      // keep: the name survives optimization, for the counterexample table.
      lines.push(`  (* keep *) wire ${range(sig.width)}${tag}_${sig.name} = ${cur};`);
    }
    valid[tag] = rawValid ? `${tag}_valid` : null;
  }
  const terms: string[] = [];
  if (valid['gold'] && valid['gate']) terms.push(`(gold_valid != gate_valid)`);
  const v = valid['gold'] ?? valid['gate'];
  for (const p of outs) {
    const differ = `(gold_${p.name} != gate_${p.name})`;
    terms.push(ALWAYS_COMPARED.has(p.name) || !v ? differ : `(${v} && ${differ})`);
  }
  const any = terms.length ? terms.join(' || ') : "1'b0";
  lines.push(`  assign trigger = ${sequential ? `compare && (${any})` : any};`, 'endmodule', '');
  const outputs = [...(valid['gold'] && valid['gate'] ? [{ name: 'valid', direction: 'output' as const, width: 1, signed: false }] : []), ...outs];
  return { name, verilog: lines.join('\n'), sequential, warm, inputs, outputs };
}
