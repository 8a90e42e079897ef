// The proof. Two designs from the emitter with the same registers' timing (a variant that keeps them)
// are first proved structurally, signal pair by signal pair (structural.ts), in at most a third of the
// time (a pipeline whose miter induction closes at once should not wait long for it).
// Otherwise, or where that does not close: both designs and their miter through the pinned Yosys,
// flattened to one module, and `sat` on `trigger`:
//   - combinational: one SAT problem over all inputs (proved, or a counterexample);
//   - sequential: temporal induction from the miter's reset, the induction length growing up to
//     `depth`; where it does not close by then, the base case has still been checked for `depth` cycles
//     (bounded model checking), and the result says so.
// A proof past its time limit is "unknown", never "equivalent".

import { runTool, type ToolSource } from '../synth/tools.js';
import { ToolError } from '../util/tool-error.js';
import { SIDE_MODULE, type Miter } from './miter.js';
import { verilogOf, type DesignSide, type SideFiles } from './sides.js';
import { satOutcome, satTrace, type Trace } from './sat-log.js';
import { STRUCTURAL_SEQ, proveStructurally, structuralApplies } from './structural.js';

export type Verdict =
  // 'scorr': induction after ABC's signal correspondence merged the registers it proved equal from reset.
  // 'structural': every pair of same-named signal bits proved equal (`pairs` of them), by induction of length inductionSteps.
  | { readonly kind: 'equivalent'; readonly method: 'sat' | 'induction' | 'scorr' | 'structural'; readonly inductionSteps?: number; readonly pairs?: number }
  | { readonly kind: 'bounded'; readonly cycles: number }
  | { readonly kind: 'different'; readonly trace: Trace; readonly vcd: string | null }
  | { readonly kind: 'unknown'; readonly reason: string };

export interface ProofOptions {
  /** Cycles of the sequential proof: the longest induction tried and the bound checked where it does not close. */
  readonly depth: number;
  readonly timeoutS: number;
  readonly yosys?: ToolSource;
}

export interface Proof {
  readonly verdict: Verdict;
  readonly seconds: number;
  readonly script: string;
  readonly log: string;
  /** Both sides as Yosys read them, flattened under SIDE_MODULE's names: with the miter, what reproduces a counterexample. */
  readonly sidesVerilog: string | null;
}


/**
 * Each side is read on its own and flattened under its SIDE_MODULE name (the two may share module
 * names: a variant's submodules, a pipelined design and its base), then both are written to sides.v
 * (what the Icarus replay compiles) and joined under the miter.
 */
export function proofScript(miter: Miter, gold: SideFiles, gate: SideFiles, o: ProofOptions, scorr = false): string {
  // Both sides' compared outputs go into the counterexample table too.
  const show = miter.outputs.flatMap((p) => [`-show gold_${p.name}`, `-show gate_${p.name}`]).join(' ');
  const sat = miter.sequential
    // -set-init-zero: the base case starts where the miter's reset cycle makes every side start; the
    // induction step assumes nothing of the state.
    ? `sat -tempinduct -prove trigger 0 -set-init-zero -maxsteps ${o.depth + miter.warm} -show-inputs -show-outputs ${show} -dump_vcd cex.vcd ${miter.name}`
    : `sat -prove trigger 0 -show-inputs -show-outputs ${show} -dump_vcd cex.vcd ${miter.name}`;
  const side = (tag: 'gold' | 'gate', s: SideFiles) => [
    ...verilogOf(s.files).map((f) => `read_verilog -sv ${tag}.${f.path}`),
    `hierarchy -check -top ${s.top}`, 'proc', 'flatten', `rename ${s.top} ${SIDE_MODULE[tag]}`, `design -stash ${tag}`,
  ];
  return [
    ...side('gold', gold), ...side('gate', gate),
    ...(['gold', 'gate'] as const).map((t) => `design -copy-from ${t} -as ${SIDE_MODULE[t]} ${SIDE_MODULE[t]}`),
    'write_verilog -noattr sides.v',
    `read_verilog -sv ${miter.name}.v`,
    `hierarchy -check -top ${miter.name}`,
    'proc', 'flatten', 'opt_clean', 'memory_map', 'opt -fast', 'async2sync', 'dffunmap', 'opt_clean',
    // ABC's scorr proves registers (and gates) of the two sides equal by induction from the all-zero
    // state (the base case's) and merges them: an accumulator and its copy, which plain induction
    // may start apart, become one. Gate level; slower than Yosys's word-level SAT where it merges nothing.
    ...(scorr ? ['techmap', 'opt_clean', 'abc -dff -script +strash;scorr;', 'opt_clean'] : []),
    sat,
  ].join('\n') + '\n';
}

/**
 * The structural proof where it applies (in at most a third of the time limit), then the word-level proof of
 * the miter; a sequential one that comes back bounded (induction did not close) is tried again after
 * ABC's register correspondence, within what is left of the time limit.
 */
export async function prove(miter: Miter, gold: DesignSide, gate: DesignSide, o: ProofOptions): Promise<Proof> {
  let spent = 0;
  if (structuralApplies(miter.sequential, gold, gate)) {
    const s = await proveStructurally(gold, gate, { ...o, timeoutS: Math.max(1, Math.floor(o.timeoutS / 3)) });
    if (s.pairs !== null) {
      return { verdict: { kind: 'equivalent', method: 'structural', inductionSteps: STRUCTURAL_SEQ, pairs: s.pairs }, seconds: s.seconds, script: s.script, log: '', sidesVerilog: null };
    }
    spent = s.seconds;
  }
  const rest = await proveMiter(miter, gold, gate, { ...o, timeoutS: Math.max(1, Math.floor(o.timeoutS - spent)) });
  const seconds = Math.round((rest.seconds + spent) * 100) / 100;
  // A timeout is the whole limit's, the structural part included.
  return rest.verdict.kind === 'unknown' && spent ? { ...rest, verdict: { kind: 'unknown', reason: `timeout after ${o.timeoutS} s` }, seconds } : { ...rest, seconds };
}

async function proveMiter(miter: Miter, gold: SideFiles, gate: SideFiles, o: ProofOptions): Promise<Proof> {
  const first = await attempt(miter, gold, gate, o, false);
  // scorr assumes every register starts at 0: not for designs that give registers initial values.
  const initialValues = [gold, gate].some((s) => verilogOf(s.files).some((f) => /\binitial\b|\breg\b[^;=]*=/.test(f.content)));
  if (first.verdict.kind !== 'bounded' || initialValues) return first;
  const left = Math.floor(o.timeoutS - first.seconds);
  if (left < 1) return first;
  let second: Proof;
  try {
    second = await attempt(miter, gold, gate, { ...o, timeoutS: left }, true);
  } catch (e) {
    if (e instanceof ToolError) return first; // ABC could not take the design: the bound stands
    throw e;
  }
  const seconds = Math.round((first.seconds + second.seconds) * 100) / 100;
  // Only a proof improves on the bound (a difference cannot appear where the first found none within it).
  return second.verdict.kind === 'equivalent' ? { ...second, seconds } : { ...first, seconds };
}

async function attempt(miter: Miter, gold: SideFiles, gate: SideFiles, o: ProofOptions, scorr: boolean): Promise<Proof> {
  const script = proofScript(miter, gold, gate, o, scorr);
  const inputs: Record<string, string> = {};
  for (const [tag, s] of [['gold', gold], ['gate', gate]] as const) for (const f of verilogOf(s.files)) inputs[`${tag}.${f.path}`] = f.content;
  inputs[`${miter.name}.v`] = miter.verilog;
  inputs['equiv.ys'] = script;
  const t0 = performance.now();
  const seconds = () => Math.round((performance.now() - t0) / 10) / 100;
  let out;
  try {
    out = await runTool({ tool: 'yosys', args: ['-s', 'equiv.ys'], files: inputs }, o.yosys ?? 'wasm', o.timeoutS * 1000);
  } catch (e) {
    if (e instanceof ToolError && /did not finish within/.test(e.message)) return { verdict: { kind: 'unknown', reason: `timeout after ${o.timeoutS} s` }, seconds: seconds(), script, log: '', sidesVerilog: null };
    throw e;
  }
  const outcome = satOutcome(out.log);
  if (!outcome) {
    // No verdict from sat: Yosys stopped before it (a design it cannot read, an unsupported cell).
    const err = out.log.split('\n').find((l) => /ERROR/.test(l)) ?? out.log.trim().split('\n').slice(-1)[0] ?? 'no output';
    throw new ToolError(`yosys could not set up the proof: ${err.trim()}`);
  }
  const verdict: Verdict = outcome.kind === 'proved'
    ? (miter.sequential ? { kind: 'equivalent', method: scorr ? 'scorr' : 'induction', ...(outcome.inductionSteps !== null ? { inductionSteps: outcome.inductionSteps } : {}) } : { kind: 'equivalent', method: 'sat' })
    : outcome.kind === 'bounded' ? { kind: 'bounded', cycles: Math.max(0, outcome.steps - miter.warm) }
      : { kind: 'different', trace: satTrace(out.log), vcd: out.files['cex.vcd'] ?? null };
  return { verdict, seconds: seconds(), script, log: out.log, sidesVerilog: out.files['sides.v'] ?? null };
}
