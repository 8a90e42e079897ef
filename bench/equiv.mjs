// Formal equivalence across the catalogue: each block with at least one variant pair (its own stages,
// arithmetic or multiplier choices, --fmax pipelining by the IR pass, or the IR passes), proved by
// SAT, structurally (signal pairs by name) or by induction, bounded where induction does not close, or
// unknown at the time limit; plus the minifloat.mul baselines through --against, and the mx.dot
// block-32 case.
import { cpus } from 'node:os';
import { catalogue } from '../dist/blocks/catalogue.js';
import { checkEquivalence } from '../dist/equiv/check.js';
import { blockSide, referenceSide } from '../dist/equiv/sides.js';
import { PASSES } from '../dist/ir/passes/index.js';
import { TIMING_MODELS } from '../dist/synth/timing-model.js';

const find = (name) => catalogue.find((b) => b.name === name);
const DEPTH = 16;
// EQUIV_TIMEOUT (s) overrides the limit; every row records its own.
const TIMEOUT_S = Number(process.env.EQUIV_TIMEOUT ?? 600);

// [block, parameters, variant: parameter changes | { fmax, target } | { passes }]
export const PAIRS = [
  ['examples.counter', {}, { passes: 'const-fold,dce' }],
  ['examples.adder-tree', { every: 0 }, { every: 1 }],
  ['examples.adder-tree', { every: 0 }, { fmax: 150, target: 'ice40' }],
  ['examples.fifo', {}, { passes: 'const-fold,dce' }],
  ['int.mac', {}, { stages: 2 }],
  ['int.mac', {}, { multiplier: 'operator' }],
  ['minifloat.mul', { stages: 0 }, { stages: 2 }],
  ['minifloat.mul', {}, { arith: 'carry' }],
  ['minifloat.mul', {}, { fmax: 150, target: 'ice40' }],
  ['minifloat.mul', {}, { fmax: 250, target: 'xc7' }],
  ['minifloat.add', { stages: 0 }, { stages: 2 }],
  ['minifloat.add', {}, { fmax: 100, target: 'ice40' }],
  ['minifloat.mac', {}, { stages: 2 }],
  ['minifloat.mac', {}, { arith: 'carry' }],
  ['minifloat.dot', { lanes: 4 }, { stages: 2, treeStages: 1 }],
  ['minifloat.dot', { lanes: 4, stages: 0 }, { fmax: 100, target: 'ice40' }],
  ['minifloat.dot', { lanes: 4 }, { arith: 'carry' }],
  ['mx.quantize', { block: 8, stages: 0 }, { stages: 2 }],
  ['mx.quantize', { block: 8, stages: 0 }, { fmax: 100, target: 'ice40' }],
  ['mx.dequantize', { block: 8, stages: 0 }, { stages: 1 }],
  ['mx.dequantize', { block: 8, stages: 0 }, { fmax: 100, target: 'ice40' }],
  ['mx.dot', { block: 4, stages: 0 }, { stages: 2, treeStages: 1 }],
  ['mx.dot', { elem: 'e2m1', block: 8, stages: 0 }, { fmax: 100, target: 'ice40' }],
  ['mx.dot', { elem: 'int8', block: 4 }, { intMultiplier: 'operator' }],
  ['mx.dot', { elem: 'e4m3', block: 32, stages: 0 }, { stages: 2, treeStages: 1 }],
  ['mx.dot-general', { elem: 'int8', block: 4 }, { intMultiplier: 'operator' }],
  ['mx.dot-general', { elem: 'e2m1', block: 2 }, { passes: 'const-fold,dce' }],
  ['mx.nvfp4-quantize', { block: 4, stages: 0 }, { stages: 2 }],
  ['mx.nvfp4-dot', { block: 4, stages: 0, treeStages: 0, mulStages: 0 }, { stages: 2, treeStages: 1, mulStages: 1 }],
  ['mx.nvfp4-dot', { block: 1, stages: 0, treeStages: 0, mulStages: 0 }, { stages: 2, treeStages: 1, mulStages: 1 }],
  ['mx.nvfp4-dot', { block: 4 }, { passes: 'const-fold,dce' }],
  ['loom.precision', {}, { fmax: 150, target: 'ice40' }],
  ['loom.precision', { trailing: true, signed: true }, { passes: 'const-fold,dce' }],
  ['loom.sip', { lanes: 4, maxPrecision: 8 }, { passes: 'const-fold,dce' }],
  ['loom.tile', { lanes: 2, maxPrecision: 4, rows: 2, cols: 2 }, { passes: 'const-fold,dce' }],
  ['tensordash.mux', {}, { fmax: 250, target: 'xc7' }],
  ['tensordash.scheduler', {}, { fmax: 100, target: 'ice40' }],
  ['tensordash.pe', { lanes: 4 }, { multiplier: 'operator' }],
  ['apack.encoder', { bits: 4, symbols: 4, precision: 4 }, { passes: 'const-fold,dce' }],
  ['apack.decoder', { bits: 4, symbols: 4, precision: 4 }, { search: 'divide' }],
  ['apack.decoder', { bits: 4, symbols: 4, precision: 4 }, { passes: 'const-fold,dce' }],
  ['mokey.pe', { lanes: 4 }, { passes: 'const-fold,dce' }],
  ['hadamard.transform', { stages: 0 }, { stages: 2 }],
  ['hadamard.transform', { n: 8, in: 'e4m3', stages: 0 }, { stages: 2 }],
];

const text = (o) => Object.entries(o).map(([k, v]) => `${k}=${v}`).join(' ');

async function pair([name, raw, variant]) {
  const b = find(name);
  const params = b.params.parse(raw);
  const { fmax, target, passes, ...changes } = variant;
  const gateParams = b.params.parse({ ...raw, ...changes });
  const gold = blockSide(b, params, `${name} ${text(raw)}`);
  const gate = blockSide(b, gateParams, text(variant), fmax ? { mhz: fmax, fabric: TIMING_MODELS[target].fabric } : undefined, passes ? passes.split(',').map((p) => PASSES[p]) : []);
  const r = await checkEquivalence(gold, gate, { depth: DEPTH, timeoutS: TIMEOUT_S });
  return { block: name, params: raw, variant: text(variant), alignment: r.alignment, verdict: verdictText(r), seconds: r.seconds, timeoutS: TIMEOUT_S };
}

function verdictText(r) {
  const v = r.verdict;
  if (v.kind === 'equivalent') {
    if (v.method === 'sat') return 'proved (SAT)';
    if (v.method === 'structural') return `proved (structural: ${v.pairs} signal bits paired by name, induction length ${v.inductionSteps})`;
    return `proved (induction${v.method === 'scorr' ? ' after ABC scorr' : ''}, length ${v.inductionSteps ?? '?'})`;
  }
  if (v.kind === 'bounded') return `bounded: equal for ${v.cycles} cycles from reset (induction did not close)`;
  if (v.kind === 'unknown') return `unknown (${v.reason})`;
  return `DIFFERENT at step ${r.counterexample?.step}`;
}

const FORMATS = ['e2m1', 'e2m3', 'e3m2', 'e4m3', 'e5m2'];
async function baseline(fmt) {
  const b = find('minifloat.mul');
  const gold = blockSide(b, b.params.parse({ a: fmt, b: fmt }), `minifloat.mul ${fmt}`);
  const ref = await referenceSide(['bench/baselines/mf_mul_baseline.v', 'bench/baselines/mf_mul_formats.v'], `mf_mul_${fmt}`, undefined, gold.latency);
  const r = await checkEquivalence(gold, ref, { depth: DEPTH, timeoutS: TIMEOUT_S });
  return { block: 'minifloat.mul', params: { a: fmt, b: fmt }, variant: `--against mf_mul_baseline.v (mf_mul_${fmt})`, alignment: r.alignment, verdict: verdictText(r), seconds: r.seconds, timeoutS: TIMEOUT_S };
}

const key = (block, params, variant) => `${block} ${JSON.stringify(params)} ${variant}`;

const allKeys = () => [...FORMATS.map((f) => key('minifloat.mul', { a: f, b: f }, `--against mf_mul_baseline.v (mf_mul_${f})`)), ...PAIRS.map((p) => key(p[0], p[1], text(p[2])))];

/** How many of `previous`'s rows a resumed run keeps: those of pairs still in the list. */
export function keptCount(previous) {
  const done = new Set(previous.map((r) => key(r.block, r.params, r.variant)));
  return allKeys().filter((k) => done.has(k)).length;
}

/** `previous`: rows of an interrupted run, kept and not measured again; `onRow`: called with the rows so far. */
export async function runEquivBench(previous = [], onRow = () => {}) {
  const done = new Map(previous.map((r) => [key(r.block, r.params, r.variant), r]));
  const keys = allKeys();
  const all = [...FORMATS.map((f, i) => [keys[i], () => baseline(f)]), ...PAIRS.map((p, i) => [keys[FORMATS.length + i], () => pair(p)])];
  const jobs = all.map(([k, run]) => (done.has(k) ? async () => done.get(k) : run));
  const rows = new Array(jobs.length);
  let next = 0;
  const workers = Math.max(1, Math.min(2, cpus().length));
  await Promise.all(Array.from({ length: workers }, async () => {
    while (next < jobs.length) {
      const i = next++;
      rows[i] = await jobs[i]();
      onRow(rows);
      console.log(`equiv ${rows[i].block} ${JSON.stringify(rows[i].params)} vs ${rows[i].variant}: ${rows[i].verdict} (${rows[i].seconds} s)`);
    }
  }));
  return { rows, depth: DEPTH, timeoutS: TIMEOUT_S, workers };
}
