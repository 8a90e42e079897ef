// Synthesis reports made up for the report-page tests: schema-valid, with the shapes real runs have
// (ice40 placed or too big for the HX8K, xc7 out of context), without running Yosys.

import { synthReportSchema, type SynthReport } from '../../src/report/schema.js';

export interface Made {
  block: string;
  params: Record<string, unknown>;
  target: 'ice40' | 'xc7';
  lut: number;
  ff: number;
  fmax: number;
  /** ice40 only: logic cells beyond the HX8K's 7680, so place and route did not run. */
  unplaced?: boolean;
  accuracy?: Record<string, number>;
}

export function madeReport(m: Made): SynthReport {
  const ice40 = m.target === 'ice40';
  const lcs = Math.round(m.lut * 1.1);
  const share = (used: number, has: number) => Math.round((used / has) * 1e4) / 1e4;
  return synthReportSchema.parse({
    schema: 'bitforge.synth/1', block: m.block, params: m.params, module: m.block.replace(/\W/g, '_'), target: m.target,
    targetDescription: ice40 ? 'Lattice iCE40 HX8K' : 'Xilinx 7-series (out of context)',
    tools: { yosys: { source: 'wasm', version: 'Yosys 0.55' }, ...(ice40 ? { nextpnr: { source: 'wasm', version: 'nextpnr-0.8' } } : {}) },
    cells: {}, totals: { lut: m.lut, ff: m.ff, carry: 0, bram: 0, dsp: 0 },
    utilization: { device: ice40 ? 'iCE40 HX8K' : 'xc7a35t', lut: share(m.lut, ice40 ? 7680 : 20800), ff: share(m.ff, ice40 ? 7680 : 41600), bram: 0, dsp: 0 },
    ...(ice40 ? { pnr: m.unplaced
      ? { device: 'iCE40 HX8K', logicCells: lcs, fmaxMHz: null, clock: null, utilization: share(lcs, 7680), unplaced: `does not fit the iCE40 HX8K: ${lcs} logic cells of 7680` }
      : { device: 'iCE40 HX8K', logicCells: lcs, fmaxMHz: m.fmax, clock: 'clk', utilization: share(lcs, 7680) } } : {}),
    timing: { fmaxMHz: m.fmax, source: ice40 && !m.unplaced ? 'nextpnr' : 'estimate', criticalPathNs: Math.round(10000 / m.fmax) / 10, logicLevels: 7, from: 'a', to: 'y', estimateMHz: m.fmax, model: 'test' },
    wrapper: false, wallSeconds: 1.5,
    ...(m.accuracy ? { accuracy: m.accuracy } : {}),
  });
}
