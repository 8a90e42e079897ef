// The structural proof: Yosys's equivalence flow, for two designs from bitforge's emitter with the same
// ports and timing (a variant that keeps the registers: --passes, a multiplier or search choice).
//   1. equiv_make pairs the signals of the same name in both (the outputs, every register, the named
//      wires, the emitter's numbered temporaries `<name>_t<k>`). Where that does not close, a second
//      try leaves the temporaries out: a variant may number them differently.
//   2. The base case: every pair is equal in the first cycle from the start (registers at their
//      initial values, else 0), for every input: SAT on the pairs, each as an assertion.
//   3. Each pair is proved equal from any state a cycle earlier, where the pairs it reads are equal
//      (equiv_simple, two time frames), and the rest by induction over all pairs together
//      (equiv_induct: every pair equal in one cycle, so equal in the next).
// Together, by induction over the cycles: every pair, the outputs included, is equal in every cycle of
// every input sequence from the start, so from reset. Where the miter's induction does not close (an
// accumulator and its copy start apart), this does, because every register comes with its partner.
// A pair that differs (an internal signal the two compute differently) only leaves the proof open: the
// caller goes on to the miter's proof.

import { runTool } from '../synth/tools.js';
import { ToolError } from '../util/tool-error.js';
import type { Side } from './miter.js';
import type { ProofOptions } from './prove.js';
import { verilogOf, type DesignSide } from './sides.js';

/** Cycles of the induction and of its base case (equiv_simple's frames are one more). */
export const STRUCTURAL_SEQ = 1;

/** Each pair as an assertion (A == B) for the base case: the $equiv cell mapped by techmap. */
const EQUIV_TO_ASSERT = `(* techmap_celltype = "$equiv" *)
module equiv_to_assert (A, B, Y);
  input A, B;
  output Y;
  assign Y = A;
  always @* assert (A == B);
endmodule
`;

/** Whether the pair can be proved structurally: both emitted by bitforge, with one port list and one timing. */
export function structuralApplies(sequential: boolean, gold: DesignSide, gate: DesignSide): boolean {
  if (!sequential || !gold.emitted || !gate.emitted || gold.latency !== gate.latency) return false;
  const ports = (s: Side) => s.ports.map((p) => `${p.direction} ${p.name} ${p.width}`).sort().join();
  return ports(gold) === ports(gate);
}

/**
 * Temporaries paired: more cut points, so smaller SAT problems where the two number them alike (mokey.pe
 * after the passes: 6 s paired, past 200 s without). Left out: no false pair where they do not (a
 * multiplier choice, mx.dot-general after the passes).
 */
type Temporaries = 'paired' | 'left out';

function structuralScript(gold: DesignSide, gate: DesignSide, temporaries: Temporaries, seq = STRUCTURAL_SEQ): string {
  const side = (tag: 'gold' | 'gate', s: DesignSide) => [
    ...verilogOf(s.files).map((f) => `read_verilog -sv ${tag}.${f.path}`),
    `hierarchy -check -top ${s.top}`, 'proc', 'flatten',
    // Yosys patterns take no ranges: the digits spelled out.
    ...(temporaries === 'left out' ? ['rename -hide w:*_t[0123456789]*'] : []),
    `rename ${s.top} ${tag}`, `design -stash ${tag}`,
  ];
  return [
    'read_verilog -formal equiv_assert.v', 'proc', 'design -stash eqmap',
    ...side('gold', gold), ...side('gate', gate),
    'design -copy-from gold -as gold gold', 'design -copy-from gate -as gate gate',
    'opt_clean', 'memory_map', 'opt -fast', 'async2sync', 'dffunmap', 'opt_clean',
    'equiv_make gold gate equiv', 'hierarchy -top equiv', 'design -save paired',
    // The base case, on a copy whose pairs are assertions (before equiv_simple marks any pair proved).
    'techmap -map %eqmap', 'chformal -lower', 'opt_clean',
    `sat -seq ${seq} -prove-asserts -set-init-zero -verify equiv`,
    'design -load paired',
    `equiv_simple -seq ${seq}`, `equiv_induct -seq ${seq}`, 'equiv_status -assert',
  ].join('\n') + '\n';
}

export interface StructuralOutcome {
  /** The number of signal bits paired and proved equal, where the proof closed; null where it did not. */
  readonly pairs: number | null;
  readonly seconds: number;
  /** The script of the last try. */
  readonly script: string;
}

/** Temporaries paired first, in at most half the time; then left out, in what is left. */
export async function proveStructurally(gold: DesignSide, gate: DesignSide, o: ProofOptions): Promise<StructuralOutcome> {
  const first = await attempt(gold, gate, 'paired', { ...o, timeoutS: Math.max(1, Math.floor(o.timeoutS / 2)) });
  const left = Math.floor(o.timeoutS - first.seconds);
  if (first.pairs !== null || left < 1) return first;
  const second = await attempt(gold, gate, 'left out', { ...o, timeoutS: left });
  return { ...second, seconds: Math.round((first.seconds + second.seconds) * 100) / 100 };
}

async function attempt(gold: DesignSide, gate: DesignSide, temporaries: Temporaries, o: ProofOptions): Promise<StructuralOutcome> {
  const script = structuralScript(gold, gate, temporaries);
  const inputs: Record<string, string> = { 'equiv_assert.v': EQUIV_TO_ASSERT, 'structural.ys': script };
  for (const [tag, s] of [['gold', gold], ['gate', gate]] as const) for (const f of verilogOf(s.files)) inputs[`${tag}.${f.path}`] = f.content;
  const t0 = performance.now();
  const seconds = () => Math.round((performance.now() - t0) / 10) / 100;
  try {
    const out = await runTool({ tool: 'yosys', args: ['-s', 'structural.ys'], files: inputs }, o.yosys ?? 'wasm', o.timeoutS * 1000);
    // Every output among the pairs (it is what the proof is about), the base case and every pair proved.
    const outputsPaired = gold.ports.filter((p) => p.direction === 'output').every((p) => out.log.includes(`Presumably equivalent wires: ${p.name}_gold `));
    const proved = out.ok && outputsPaired && /Equivalence successfully proven!/.test(out.log) && /SAT proof finished - no model found: SUCCESS!/.test(out.log);
    const pairs = /Found (\d+) \$equiv cells in equiv:/.exec(out.log);
    return { pairs: proved && pairs ? Number(pairs[1]) : null, seconds: seconds(), script };
  } catch (e) {
    // A timeout, or a design the flow cannot take: the miter's proof still runs.
    if (e instanceof ToolError) return { pairs: null, seconds: seconds(), script };
    throw e;
  }
}
