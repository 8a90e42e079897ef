// Loom bench. Cycles: every int8 tensor of ../shared/data/weights, as Loom runs a layer: Pw profiled
// over the whole tensor (loom.precision over all its values), Pa found per group of 16 activations
// at run time. The data has no int8 activations, so each tensor's own values in groups of 16 stand
// in for them. Loom's conv step takes ⌈Pa/B⌉·Pw cycles; a bit-parallel 16b × 16b MAC array of equal
// peak throughput takes what Loom takes at 16 bits, ⌈16/B⌉·16, for the same work (the paper's
// comparison; its headline is 4.38× on its networks). Cost: loom.sip (16 lanes, P = 16) for
// B = 1, 2, 4 next to int.mac 16×16 and 8×8 and minifloat.mac e4m3, on xc7 and ice40, in one run.
import { loadInt8Tensors } from '../dist/accuracy/tensors.js';
import { intMacBlock } from '../dist/blocks/int/mac/block.js';
import { loomSipBlock } from '../dist/blocks/loom/sip/block.js';
import { loomTileBlock } from '../dist/blocks/loom/tile/block.js';
import { groupPrecision } from '../dist/blocks/loom/precision/golden.js';
import { minifloatMacBlock } from '../dist/blocks/minifloat/mac/block.js';
import { synthesizeUnits } from './pool.mjs';
import { findShared } from '../dist/accuracy/shared-dir.js';

const P = 16, LANES = 16, BITS = [1, 2, 4];
export const PAPER_SPEEDUP = 4.38;


const precision = (vals) => groupPrecision(vals, { group: vals.length, width: 8, signed: true, trailing: false }).p;

/** Per tensor: Pw, the mean dynamic Pa, and cycles for each B against the 16-bit equal-throughput array. */
export function loomCycles(tensors) {
  return tensors.map((t) => {
    const vals = Array.from(t.data, BigInt);
    const pw = Math.max(1, precision(vals));
    const pas = [];
    for (let g = 0; g < vals.length; g += LANES) pas.push(Math.max(1, precision(vals.slice(g, g + LANES))));
    const perB = BITS.map((b) => {
      const loom = pas.reduce((s, pa) => s + Math.ceil(pa / b) * pw, 0);
      const parallel = pas.length * Math.ceil(P / b) * P;
      const profiled = pas.length * Math.ceil(pw / b) * pw; // Pa profiled per layer like Pw, no detector
      return { bits: b, loom, parallel, speedup: parallel / loom, profiledSpeedup: parallel / profiled };
    });
    return { tensor: t.name, values: vals.length, steps: pas.length, pw, meanPa: pas.reduce((a, b) => a + b, 0) / pas.length, perB, fcSpeedup: P / pw };
  });
}


export async function runLoomBench() {
  const dir = findShared('data/weights', 'manifest.json');
  if (!dir) throw new Error('loom bench: ../shared/data/weights not found (set BITFORGE_SHARED)');
  const tensors = loadInt8Tensors(dir);
  const cycles = loomCycles(tensors);
  const totals = BITS.map((b, i) => {
    const loom = cycles.reduce((s, r) => s + r.perB[i].loom, 0), parallel = cycles.reduce((s, r) => s + r.perB[i].parallel, 0);
    return { bits: b, loom, parallel, speedup: parallel / loom };
  });
  for (const t of totals) console.log(`loom B=${t.bits}: ${t.loom} cycles vs ${t.parallel} bit-parallel 16-bit (${t.speedup.toFixed(2)}×; paper ${PAPER_SPEEDUP}×)`);

  // Cost, one run. Per-step precision at the data's mean: products per cycle of each unit.
  const meanStep = (b) => cycles.reduce((s, r) => s + r.perB[BITS.indexOf(b)].loom, 0) / cycles.reduce((s, r) => s + r.steps, 0);
  const units = [
    ...BITS.map((b) => ({ label: `loom.sip L=16 P=16 B=${b} signed`, block: loomSipBlock, params: { lanes: LANES, maxPrecision: P, bits: b, signed: true }, sips: 1, at16: LANES / (Math.ceil(P / b) * P), atData: LANES / meanStep(b) })),
    // In a tile the operand registers, the load logic and the sequencer are shared by a row or a column.
    ...BITS.map((b) => ({ label: `loom.tile 4×4, L=16 P=16 B=${b} signed`, block: loomTileBlock, params: { rows: 4, cols: 4, lanes: LANES, maxPrecision: P, bits: b, signed: true }, sips: 16, at16: 16 * LANES / (Math.ceil(P / b) * P), atData: 16 * LANES / meanStep(b) })),
    { label: 'int.mac 16×16', block: intMacBlock, params: { aBits: 16, bBits: 16 }, sips: null, at16: 1, atData: 1 },
    { label: 'int.mac 8×8', block: intMacBlock, params: { aBits: 8, bBits: 8 }, sips: null, at16: null, atData: 1 },
    { label: 'minifloat.mac e4m3 × e4m3 (Kulisch)', block: minifloatMacBlock, params: { a: 'e4m3', b: 'e4m3' }, sips: null, at16: null, atData: 1 },
  ];
  const cost = [];
  for (const { unit: u, target, report: r } of await synthesizeUnits(units, ['xc7', 'ice40'])) {
    const row = { unit: u.label, target, lut: r.totals.lut, ff: r.totals.ff, fmaxMHz: r.pnr?.fmaxMHz ?? null, unplaced: r.pnr?.unplaced ?? null, sips: u.sips, macsPerCycle16: u.at16, macsPerCycleData: u.atData, yosys: r.tools.yosys.version };
    cost.push(row);
    console.log(`${u.label} on ${target}: LUT ${row.lut}, FF ${row.ff}${row.fmaxMHz ? `, ${row.fmaxMHz} MHz` : ''}`);
  }
  return { data: dir, cycles, totals, cost };
}
