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
import { autoArith } from '../dist/blocks/minifloat/product.js';
import { parseFormat } from '../dist/numerics/format.js';
import { mxDotBlock } from '../dist/blocks/mx/dot/block.js';
import { designFiles, portsOf } from '../dist/codegen/index.js';
import { defineModule, elaborate, input, output, SInt, std, UInt } from '../dist/dsl/index.js';
import { blockSource, synthesize, synthesizeSource } from '../dist/synth/run.js';
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
  const gen = (target) => blockSource(minifloatMulBlock, params, undefined, target);
  const f = parseFormat(fmt);
  const top = `baseline_mf_mul_${fmt}`;
  const base = { name: 'baseline:mf_mul_baseline.v', params, top, ports: gen().ports,
    verilog: [file('mf_mul_baseline.v'), shim(top, gen().ports, 'mf_mul_baseline', { EA: f.expBits, MA: f.manBits, POLA: POLICY[f.specials], EB: f.expBits, MB: f.manBits, POLB: POLICY[f.specials], W: productWidth(params) })] };
  return { label: `minifloat.mul ${fmt} × ${fmt}`, careful: CAREFUL[fmt], gen, base };
}

function intMacUnit() {
  const params = intMacBlock.params.parse({ aBits: 8, bBits: 8 });
  // The generated unit is built for each target's fabric (what `bitforge synth --target` does).
  const gen = (target) => blockSource(intMacBlock, params, undefined, target);
  const top = 'baseline_int_mac_8x8';
  const ports = gen().ports;
  const W = ports.find((p) => p.name === 'acc').width;
  const base = { name: 'baseline:int_mac_baseline.v', params, top, ports,
    verilog: [file('int_mac_baseline.v'), shim(top, ports, 'int_mac_baseline', { A: 8, B: 8, W, STAGES: params.stages })] };
  return { label: `int.mac 8×8 signed, n=${params.n}`, careful: CAREFUL.int8, gen, base, carefulNote: 'multiplier only' };
}


export async function runQorBench() {
  const units = [...['e2m1', 'e2m3', 'e3m2', 'e4m3', 'e5m2'].map(mulUnit), intMacUnit()];
  const jobs = units.flatMap((u) => TARGETS.flatMap((target) => [u.gen(target), u.base].map((src) => () => synthesizeSource(src, { target, cache: false }))));
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

// Issue 31 (bit heaps): the best figure per unit, xc7 without DSPs / iCE40 LUTs, quoted by the issue:
// the best of careful hand-written multipliers and the published MX-for-FPGA units (FPL 2024); for
// mx.dot the peer's 32 multipliers plus a sum (e4m3) and the best plain multipliers plus a sum (e2m1,
// which hold neither the scale add nor the fp32 rounding); int.mac: a careful 8×8 multiplier alone.
const BEST = {
  'minifloat.mul e2m1': { 'xc7-nodsp': 33, ice40: 42 }, 'minifloat.mul e2m3': { 'xc7-nodsp': 64, ice40: 88 },
  'minifloat.mul e3m2': { 'xc7-nodsp': 68, ice40: 94 }, 'minifloat.mul e4m3': { 'xc7-nodsp': 170, ice40: 165 },
  'minifloat.mul e5m2': { 'xc7-nodsp': 227, ice40: 183 },
  'mx.dot e4m3, k = 32': { 'xc7-nodsp': 8176, ice40: 7224 }, 'mx.dot e2m1, k = 32': { 'xc7-nodsp': 1874, ice40: 1933 },
  'int.mac 8×8': { ice40: 187 },
};
// The issue's bar: LUTs ≤ this share of the best figure.
const BAR = { 'int.mac 8×8': 0.85 };
const ARITH_TARGETS = ['xc7-nodsp', 'xc7', 'ice40'];

/** Per unit and target: LUTs and logic levels with the bit heaps (default) and with --arith legacy. */
export async function runArithBench() {
  const units = [
    // The earlier structure of minifloat.mul: its style named (what auto chose before: gates up to 3-bit exponents).
    ...['e2m1', 'e2m3', 'e3m2', 'e4m3', 'e5m2'].map((f) => ({ label: `minifloat.mul ${f}`, block: minifloatMulBlock, params: { a: f, b: f },
      legacy: { a: f, b: f, arith: autoArith(parseFormat(f), parseFormat(f)) } })),
    ...['e4m3', 'e2m1'].map((f) => ({ label: `mx.dot ${f}, k = 32`, block: mxDotBlock, params: { elem: f }, legacy: { elem: f, arith: 'legacy' } })),
    { label: 'int.mac 8×8', block: intMacBlock, params: {}, legacy: { arith: 'legacy' } },
  ];
  const run = (u, params, target) => () => synthesize(u.block, u.block.params.parse(params), { target, cache: false });
  const jobs = units.flatMap((u) => ARITH_TARGETS.flatMap((t) => [run(u, u.params, t), ...(u.legacy ? [run(u, u.legacy, t)] : [])]));
  const reports = await pool(jobs, cpus().length);
  const rows = [];
  let k = 0;
  for (const u of units) {
    for (const target of ARITH_TARGETS) {
      const now = reports[k++], old = u.legacy ? reports[k++] : undefined;
      const best = BEST[u.label]?.[target] ?? null, bar = BAR[u.label] ?? 0.8;
      const row = {
        unit: u.label, target, fabric: now.params.fabric ?? null, lut: now.totals.lut, levels: now.timing?.logicLevels ?? null, fmaxMHz: now.timing?.fmaxMHz ?? null,
        legacyLut: old?.totals.lut ?? null, legacyLevels: old?.timing?.logicLevels ?? null, best, bar, overBest: best ? now.totals.lut / best : null,
      };
      rows.push(row);
      console.log(`${u.label} on ${target}: LUT ${row.lut} (legacy ${row.legacyLut ?? '—'}), levels ${row.levels} (legacy ${row.legacyLevels ?? '—'}), best ${best ?? '—'}`);
    }
  }
  return rows;
}

// The compressors side by side (what COMPRESSOR_COST in stdlib/bit-heap.ts rests on): a 64-bit
// popcount and a heap of 32 signed 12-bit words, as carry chains, as counter trees for the target's
// LUT (6:3 on xc7, 3:2 on ice40), and as Yosys's own $macc of full adders (the plain adder tree).
const HEAPS = {
  'popcount 64': (c) => defineModule(`pop64_${c}`, () => {
    const x = input('x', UInt(64));
    const h = new std.BitHeap();
    for (let i = 0; i < 64; i++) h.addBit(x.bit(i));
    const sum = c === 'yosys' ? std.adderTree(Array.from({ length: 64 }, (_, i) => x.bit(i)), { legacy: true }).trunc(7) : h.sum({ compressor: c.startsWith('counters') ? 'counters' : 'chains', fabric: c.endsWith('6') ? 'lut6' : 'lut4' });
    output('n', UInt(7)).set(sum);
  }),
  'sum of 32 × 12-bit signed': (c) => defineModule(`sum32_${c}`, () => {
    const xs = Array.from({ length: 32 }, (_, i) => input(`x${i}`, SInt(12)));
    const h = new std.BitHeap();
    xs.forEach((x) => h.addWord(x));
    const sum = c === 'yosys' ? std.adderTree(xs, { legacy: true }) : h.sum({ compressor: c.startsWith('counters') ? 'counters' : 'chains', fabric: c.endsWith('6') ? 'lut6' : 'lut4' });
    output('s', SInt(17)).set(sum.ext(17));
  }),
};

export async function runCompressorBench() {
  const rows = [];
  const jobs = [];
  for (const [unit, make] of Object.entries(HEAPS)) {
    for (const target of ['xc7-nodsp', 'ice40']) {
      const lut = target === 'ice40' ? '4' : '6';
      for (const c of [`chains${lut}`, `counters${lut}`, 'yosys']) {
        const design = elaborate(make(c), {});
        const src = { name: `heap:${unit}`, params: { compressor: c }, top: design.top.name, ports: portsOf(design.top), verilog: designFiles(design).filter((f) => f.path.endsWith('.v')) };
        jobs.push(async () => { const r = await synthesizeSource(src, { target, cache: false }); rows.push({ unit, target, compressor: c.replace(/[46]$/, ''), lut: r.totals.lut, carry: r.totals.carry, levels: r.timing?.logicLevels ?? null }); });
      }
    }
  }
  await pool(jobs, cpus().length);
  rows.sort((a, b) => a.unit.localeCompare(b.unit) || a.target.localeCompare(b.target) || a.compressor.localeCompare(b.compressor));
  for (const r of rows) console.log(`${r.unit} on ${r.target}, ${r.compressor}: LUT ${r.lut}, carry ${r.carry}, levels ${r.levels}`);
  return rows;
}
