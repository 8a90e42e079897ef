// QoR table (minifloat issue): LUT and FF of generated units next to a baseline, the same function
// written as straightforward behavioural Verilog (bench/baselines/), synthesized in one run by the
// same Yosys through the same flow (on ice40 both go through the same wrapper), plus the careful
// hand-written multipliers' numbers quoted in the issue (Yosys 0.23) for reference.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { intMacBlock } from '../dist/blocks/int/mac/block.js';
import { minifloatMacBlock } from '../dist/blocks/minifloat/mac/block.js';
import { minifloatMulBlock } from '../dist/blocks/minifloat/mul/block.js';
import { productWidth } from '../dist/blocks/minifloat/mul/generator.js';
import { parseFormat } from '../dist/numerics/format.js';
import { blockSource, synthesizeSource } from '../dist/synth/run.js';
import { pool } from './pool.mjs';

const TARGETS = ['xc7-nodsp', 'ice40'];
// iCE40 LUT4 / xc7 LUT of careful hand-written multipliers (Yosys 0.23), from the issue.
const CAREFUL = { e2m1: [46, 34], e2m3: [84, 64], e3m2: [99, 68], e4m3: [186, 170], e5m2: [240, 254], int8: [187, 166] };
const POLICY = { finite: 0, fn: 1, ieee: 2 };
const file = (name) => ({ path: name, content: readFileSync(new URL(`./baselines/${name}`, import.meta.url), 'utf8') });

/** A shim with the generated unit's exact ports around the baseline module. */
function shim(top, ports, inst, params) {
  const decl = ports.map((p) => `  ${p.direction} wire ${p.signed ? 'signed ' : ''}${p.width > 1 ? `[${p.width - 1}:0] ` : ''}${p.name}`).join(',\n');
  const conns = ports.map((p) => `.${p.name}(${p.name})`).join(', ');
  return { path: `${top}.v`, content: `module ${top} (\n${decl}\n);\n  ${inst} #(${Object.entries(params).map(([k, v]) => `.${k}(${v})`).join(', ')}) u (${conns});\nendmodule\n` };
}

function mulUnit(fmt) {
  const params = minifloatMulBlock.params.parse({ a: fmt, b: fmt });
  const gen = blockSource(minifloatMulBlock, params);
  const f = parseFormat(fmt);
  const top = `baseline_mf_mul_${fmt}`;
  const base = { name: 'baseline:mf_mul_baseline.v', params, top, ports: gen.ports,
    verilog: [file('mf_mul_baseline.v'), shim(top, gen.ports, 'mf_mul_baseline', { EA: f.expBits, MA: f.manBits, POLA: POLICY[f.specials], EB: f.expBits, MB: f.manBits, POLB: POLICY[f.specials], W: productWidth(params) })] };
  return { label: `minifloat.mul ${fmt} × ${fmt}`, careful: CAREFUL[fmt], gen, base };
}

function intMacUnit() {
  const params = intMacBlock.params.parse({ aBits: 8, bBits: 8 });
  const gen = blockSource(intMacBlock, params);
  const top = 'baseline_int_mac_8x8';
  const W = gen.ports.find((p) => p.name === 'acc').width;
  const base = { name: 'baseline:int_mac_baseline.v', params, top, ports: gen.ports,
    verilog: [file('int_mac_baseline.v'), shim(top, gen.ports, 'int_mac_baseline', { A: 8, B: 8, W, STAGES: params.stages })] };
  return { label: `int.mac 8×8 signed, n=${params.n}`, careful: CAREFUL.int8, gen, base, carefulNote: 'multiplier only' };
}


export async function runQorBench() {
  const units = [...['e2m1', 'e2m3', 'e3m2', 'e4m3', 'e5m2'].map(mulUnit), intMacUnit()];
  const jobs = units.flatMap((u) => TARGETS.flatMap((target) => [u.gen, u.base].map((src) => () => synthesizeSource(src, { target, cache: false }))));
  const reports = await pool(jobs, cpus().length);
  const rows = [];
  let k = 0;
  for (const u of units) {
    for (const target of TARGETS) {
      const g = reports[k++], b = reports[k++];
      const careful = target === 'ice40' ? u.careful[0] : u.careful[1];
      rows.push({ unit: u.label, target, lut: g.totals.lut, ff: g.totals.ff, baseLut: b.totals.lut, baseFf: b.totals.ff,
        ratio: g.totals.lut / b.totals.lut, careful, overCareful: g.totals.lut / careful, carefulNote: u.carefulNote ?? '',
        fmaxMHz: g.pnr?.fmaxMHz ?? null, baseFmaxMHz: b.pnr?.fmaxMHz ?? null, yosys: g.tools.yosys.version });
      console.log(`${u.label} on ${target}: LUT ${g.totals.lut} vs baseline ${b.totals.lut} (${(g.totals.lut / b.totals.lut).toFixed(2)}×), careful ${careful}`);
    }
  }
  // Fmax of minifloat.mac e4m3 (Kulisch, n = 1024) with 0 to 3 pipeline stages in the product path.
  const macs = await pool([0, 1, 2, 3].map((stages) => () => synthesizeSource(blockSource(minifloatMacBlock, minifloatMacBlock.params.parse({ a: 'e4m3', b: 'e4m3', stages })), { target: 'ice40', cache: false })), cpus().length);
  const fmax = macs.map((r) => ({ unit: `minifloat.mac e4m3 × e4m3, Kulisch n=1024, stages=${r.params.stages}`, target: 'ice40', lut: r.totals.lut, ff: r.totals.ff, fmaxMHz: r.pnr?.fmaxMHz ?? null }));
  for (const f of fmax) console.log(`${f.unit}: ${f.fmaxMHz} MHz, LUT ${f.lut}, FF ${f.ff}`);
  return { rows, fmax };
}
