// Synthesis targets: the Yosys script (synth/<target>.ys.hbs) and how the target's cells count
// towards LUT / FF / carry / BRAM / DSP totals.

import type { Fabric } from '../dsl/stdlib/fabric.js';

export const TARGETS = ['ice40', 'xc7', 'xc7-nodsp', 'ecp5', 'gowin'] as const;
export type Target = (typeof TARGETS)[number];

export type Category = 'lut' | 'ff' | 'carry' | 'bram' | 'dsp';

interface TargetDef {
  readonly script: string; // template file in synth/
  readonly options: Record<string, boolean>;
  readonly describe: string;
  /**
   * Cell type → category (by pattern) and how many units of it one cell counts for (default 1);
   * anything else is listed under cells but in no total.
   */
  readonly categories: ReadonlyArray<readonly [RegExp, Category, number?]>;
  readonly placeAndRoute: boolean;
  /** The part utilization is a percentage of: the placed one (ice40), else a common part of the family. */
  readonly device: Device;
  /** What a block's `fabric: auto` becomes for this target. */
  readonly fabric: Fabric;
}

/**
 * A part's resources, in the units of the totals (BRAM in 18 Kb halves on xc7); carryLuts: the LUTs a
 * carry cell takes besides them (ECP5's CCU2C is two LUT4s of a slice, Gowin's ALU one LUT).
 */
export interface Device { readonly name: string; readonly lut: number; readonly ff: number; readonly bram: number; readonly dsp: number; readonly carryLuts: number }

// Datasheet figures. xc7: the Artix-7 35T (Arty A7); ecp5: the LFE5U-25F; gowin: the GW1N-9 (Tang Nano 9K).
const HX8K: Device = { name: 'iCE40 HX8K', lut: 7680, ff: 7680, bram: 32, dsp: 0, carryLuts: 0 };
const XC7A35T: Device = { name: 'xc7a35t', lut: 20800, ff: 41600, bram: 100, dsp: 90, carryLuts: 0 };
const LFE5U_25F: Device = { name: 'LFE5U-25F', lut: 24288, ff: 24288, bram: 56, dsp: 28, carryLuts: 2 };
const GW1N_9: Device = { name: 'GW1N-9', lut: 8640, ff: 6480, bram: 26, dsp: 20, carryLuts: 1 };

// BRAM counts in 18 Kb halves. LUT RAM and shift registers occupy SLICEM LUTs: they count as LUTs,
// weighted by the LUT sites each cell takes (as Vivado's "Slice LUTs" counts "LUT as Memory").
const XC7_LUT_MEMORY: Record<string, number> = {
  RAM32X1S: 1, RAM64X1S: 1, RAM32X1D: 2, RAM64X1D: 2, RAM128X1S: 2, RAM128X1D: 4, RAM256X1S: 4,
  RAM32M: 4, RAM64M: 4, SRL16E: 1, SRLC32E: 1,
};
// An inverter cell is a LUT1 once placed (Vivado's "Slice LUTs" counts it; an 8-bit counter is not 0 LUTs).
const XC7: TargetDef['categories'] = [
  [/^(LUT[1-6]|INV)$/, 'lut'], [/^FD[RSCP]E$/, 'ff'], [/^CARRY4$/, 'carry'], [/^RAMB18E1$/, 'bram'], [/^RAMB36E1$/, 'bram', 2], [/^DSP48E1$/, 'dsp'],
  ...Object.entries(XC7_LUT_MEMORY).map(([c, w]) => [new RegExp(`^${c}$`), 'lut', w] as const),
];

export const TARGET_DEFS: Record<Target, TargetDef> = {
  ice40: {
    script: 'ice40.ys.hbs', options: { dsp: false }, placeAndRoute: true,
    describe: 'Lattice iCE40 HX8K (synth_ice40, nextpnr-ice40 for placement, routing and Fmax)',
    categories: [[/^SB_LUT4$/, 'lut'], [/^SB_DFF/, 'ff'], [/^SB_CARRY$/, 'carry'], [/^SB_RAM40_4K/, 'bram'], [/^SB_MAC16$/, 'dsp']],
    device: HX8K, fabric: 'lut4',
  },
  xc7: { script: 'xc7.ys.hbs', options: { nodsp: false }, placeAndRoute: false, describe: 'Xilinx 7-series (synth_xilinx, out of context)', categories: XC7, device: XC7A35T, fabric: 'lut6' },
  'xc7-nodsp': { script: 'xc7.ys.hbs', options: { nodsp: true }, placeAndRoute: false, describe: 'Xilinx 7-series without DSP inference (synth_xilinx -nodsp)', categories: XC7, device: XC7A35T, fabric: 'lut6' },
  ecp5: {
    script: 'ecp5.ys.hbs', options: {}, placeAndRoute: false, describe: 'Lattice ECP5 (synth_ecp5, out of context)',
    categories: [[/^LUT4$/, 'lut'], [/^TRELLIS_FF$/, 'ff'], [/^CCU2C$/, 'carry'], [/^DP16KD$/, 'bram'], [/^MULT18X18D$/, 'dsp']],
    device: LFE5U_25F, fabric: 'lut4',
  },
  gowin: {
    script: 'gowin.ys.hbs', options: {}, placeAndRoute: false, describe: 'Gowin GW1N/GW2A (synth_gowin, out of context)',
    categories: [[/^(LUT[1-4]|INV)$/, 'lut'], [/^DFF/, 'ff'], [/^ALU$/, 'carry'], [/^(SP|SDPB|DPB|DP|SDP)(X9)?$/, 'bram'], [/^MULT/, 'dsp']],
    device: GW1N_9, fabric: 'lut4',
  },
};

/** A block's parameters for a target: `fabric: auto` becomes the target's fabric. */
export function paramsForTarget<P extends Record<string, unknown>>(params: P, target: Target | undefined): P {
  return target && params.fabric === 'auto' ? { ...params, fabric: TARGET_DEFS[target].fabric } : params;
}

/** The category a cell counts towards and how many units of it, or undefined. */
export function categoryOf(target: Target, cell: string): { category: Category; weight: number } | undefined {
  const hit = TARGET_DEFS[target].categories.find(([re]) => re.test(cell));
  return hit && { category: hit[1], weight: hit[2] ?? 1 };
}

/** The block's share of its target's part, per resource (fractions, 4 digits; over 1: it does not fit, as does any use of a resource the part lacks). */
export function utilizationOf(target: Target, totals: Record<Category, number>): { device: string; lut: number; ff: number; bram: number; dsp: number } {
  const d = TARGET_DEFS[target].device;
  const share = (used: number, has: number) => (has ? Math.round((used / has) * 1e4) / 1e4 : used);
  return { device: d.name, lut: share(totals.lut + d.carryLuts * totals.carry, d.lut), ff: share(totals.ff, d.ff), bram: share(totals.bram, d.bram), dsp: share(totals.dsp, d.dsp) };
}
