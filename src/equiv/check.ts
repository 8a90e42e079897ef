// Equivalence of two designs end to end: ports checked, the miter proved, and a difference turned into
// something a user can read (inputs decoded as `sim` decodes them, both outputs) and rerun (an Icarus
// testbench and VCD that reproduce it).

import type { PortInfo } from '../codegen/design-files.js';
import { describeValue } from '../cosim/describe.js';
import { writeFiles } from '../util/write-files.js';
import { buildMiter, type Miter } from './miter.js';
import { prove, type ProofOptions, type Verdict } from './prove.js';
import { replayFiles, runReplay } from './replay.js';
import { failStep, type Trace } from './sat-log.js';
import type { DesignSide } from './sides.js';

export interface Counterexample {
  /** The step (cycle, 1-based, the miter's reset first) at which the outputs differ. */
  readonly step: number;
  /** Inputs per step up to it: decoded, and the bits (hex). */
  readonly inputs: ReadonlyArray<ReadonlyArray<{ readonly port: string; readonly value: string; readonly hex: string }>>;
  /** The outputs that differ at that step: decoded, and the bits (hex). */
  readonly outputs: ReadonlyArray<{ readonly port: string; readonly gold: string; readonly gate: string; readonly goldHex: string; readonly gateHex: string }>;
  /** Where the replay testbench and its VCD went, and whether Icarus reproduced the difference. */
  readonly replay?: { readonly dir: string; readonly reproduced: boolean };
}

export interface EquivResult {
  readonly gold: string;
  readonly gate: string;
  /** How the sides were lined up: combinational, latencies aligned, or cycle by cycle. */
  readonly alignment: string;
  readonly verdict: Verdict;
  readonly seconds: number;
  readonly counterexample?: Counterexample;
}

export interface CheckOptions extends ProofOptions {
  /** Port → number format, to decode values (`e4m3 0x7e (448)`). */
  readonly formats?: Readonly<Record<string, string>>;
  /** Where a counterexample's replay is written (and run with Icarus); none without. */
  readonly replayDir?: string;
}

export function alignment(m: Miter, gold: DesignSide, gate: DesignSide): string {
  if (!m.sequential) return 'combinational: one SAT problem over all inputs';
  if (gold.latency === null) return 'cycle by cycle from reset';
  const [a, b] = [gold.latency, gate.latency!];
  return a === b ? `both latency ${a}, cycle by cycle from reset` : `latencies ${a} and ${b} aligned (the ${a < b ? 'gold' : 'gate'} side delayed ${Math.abs(a - b)} cycle(s)), from reset`;
}

const bitsValue = (bits: string | undefined) => (bits === undefined ? 0n : BigInt(`0b${bits.replace(/x/g, '0') || '0'}`));

function decode(m: Miter, trace: Trace, formats: Readonly<Record<string, string>>): Omit<Counterexample, 'replay'> {
  const step = failStep(trace);
  const data = m.inputs.filter((p) => p.name !== 'clk');
  const show = (p: PortInfo, bits: string | undefined) => describeValue(p, bitsValue(bits), formats[p.name]);
  const hex = (bits: string | undefined) => `0x${bitsValue(bits).toString(16)}`;
  const inputs = trace.slice(0, step).map((s) => data.map((p) => ({ port: p.name, value: show(p, s.get(p.name)), hex: hex(s.get(p.name)) })));
  const at = trace[step - 1] ?? new Map<string, string>();
  const outputs = m.outputs
    .filter((p) => at.get(`gold_${p.name}`) !== at.get(`gate_${p.name}`))
    .map((p) => {
      const [g, h] = [at.get(`gold_${p.name}`), at.get(`gate_${p.name}`)];
      return { port: p.name, gold: show(p, g), gate: show(p, h), goldHex: hex(g), gateHex: hex(h) };
    });
  return { step, inputs, outputs };
}

export async function checkEquivalence(gold: DesignSide, gate: DesignSide, o: CheckOptions): Promise<EquivResult> {
  const miter = buildMiter(gold, gate);
  const proof = await prove(miter, gold, gate, o);
  const base = { gold: gold.label, gate: gate.label, alignment: alignment(miter, gold, gate), verdict: proof.verdict, seconds: proof.seconds };
  if (proof.verdict.kind !== 'different') return base;
  const cex = decode(miter, proof.verdict.trace, o.formats ?? {});
  if (!o.replayDir || !proof.sidesVerilog) return { ...base, counterexample: cex };
  const r = replayFiles(miter, proof.sidesVerilog, proof.verdict.trace);
  writeFiles(o.replayDir, [...r.files, ...(proof.verdict.vcd ? [{ path: 'sat.vcd', content: proof.verdict.vcd }] : [])]);
  const run = await runReplay(o.replayDir, miter);
  return { ...base, counterexample: { ...cex, replay: { dir: o.replayDir, reproduced: run.reproduced } } };
}
