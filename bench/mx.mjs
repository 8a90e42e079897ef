// MX bench: LUTs of the generated mx.dot per element format next to the behavioural baseline
// (bench/baselines/mx_dot_baseline.v) with the same interface and the same register (stages = 0,
// treeStages = 0: one output register), synthesized in one run by the same Yosys.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { mxDotBlock } from '../dist/blocks/mx/dot/block.js';
import { parseFormat } from '../dist/numerics/format.js';
import { kulischLsb, kulischWidth } from '../dist/numerics/minifloat.js';
import { blockSource, synthesizeSource } from '../dist/synth/run.js';
import { pool } from './pool.mjs';

export const MX_ELEMS = ['e5m2', 'e4m3', 'e3m2', 'e2m3', 'e2m1', 'int8'];
const TARGETS = ['xc7-nodsp'];
const POLICY = { finite: 0, fn: 1, ieee: 2 };

/** The baseline's Verilog parameters for an element format and block size. */
export function baselineParams(elem, k) {
  const f = parseFormat(elem);
  if (f.kind === 'int') return { K: k, E: 1, M: 1, POL: 0, INT: 1, W: 2 * f.bits + Math.ceil(Math.log2(k)) + 2, LSB: 2 * f.scaleExp };
  return { K: k, E: f.expBits, M: f.manBits, POL: POLICY[f.specials], INT: 0, W: kulischWidth(f, f, k) + 1, LSB: kulischLsb(f, f) };
}

/** A module with the generated unit's name and ports around the baseline (lanes packed into buses). */
export function baselineShim(top, ports, params) {
  const decl = ports.map((p) => `  ${p.direction} wire ${p.width > 1 ? `[${p.width - 1}:0] ` : ''}${p.name}`).join(',\n');
  const lanes = (x) => `{${Array.from({ length: params.K }, (_, i) => `${x}${params.K - 1 - i}`).join(', ')}}`;
  const conns = ['clk', 'rst', 'in_valid', 'sa', 'sb', 'out_valid', 'c'].map((n) => `.${n}(${n})`).concat([`.a(${lanes('a')})`, `.b(${lanes('b')})`]).join(', ');
  return { path: `${top}.v`, content: `module ${top} (\n${decl}\n);\n  mx_dot_baseline #(${Object.entries(params).map(([k, v]) => `.${k}(${v})`).join(', ')}) u (${conns});\nendmodule\n` };
}

export const baselineFile = () => ({ path: 'mx_dot_baseline.v', content: readFileSync(new URL('./baselines/mx_dot_baseline.v', import.meta.url), 'utf8') });


export async function runMxBench() {
  const units = MX_ELEMS.map((elem) => {
    const params = mxDotBlock.params.parse({ elem, block: 32, stages: 0, treeStages: 0 });
    const gen = blockSource(mxDotBlock, params);
    const top = `baseline_mx_dot_${elem}`;
    const bp = baselineParams(elem, 32);
    const base = { name: 'baseline:mx_dot_baseline.v', params, top, ports: gen.ports, verilog: [baselineFile(), baselineShim(top, gen.ports, bp)] };
    return { elem, gen, base };
  });
  const jobs = units.flatMap((u) => TARGETS.flatMap((target) => [u.gen, u.base].map((src) => () => synthesizeSource(src, { target, cache: false }))));
  const reports = await pool(jobs, cpus().length);
  const rows = [];
  let k = 0;
  for (const u of units) for (const target of TARGETS) {
    const g = reports[k++], b = reports[k++];
    rows.push({ unit: `mx.dot ${u.elem}, k = 32`, target, lut: g.totals.lut, ff: g.totals.ff, baseLut: b.totals.lut, baseFf: b.totals.ff, ratio: g.totals.lut / b.totals.lut, yosys: g.tools.yosys.version });
    console.log(`mx.dot ${u.elem} on ${target}: LUT ${g.totals.lut} vs baseline ${b.totals.lut} (${(g.totals.lut / b.totals.lut).toFixed(2)}×)`);
  }
  return { rows };
}
