// Per-target delay models for the pre-route timing estimate (sta.ts): cell delays plus one routing
// delay per net. Cell delays are the open timing data Yosys ships in its cell libraries' `specify`
// blocks (techlibs/ice40: icestorm's HX1K fuzzing; techlibs/xilinx: prjxray, 7-series -1; techlibs/gowin:
// GW1N), worst edge; ECP5's cells carry no timing in Yosys, so its figures are representative values
// of the -6 grade, not measured. Routing is the estimate's largest unknown: ice40's is calibrated
// against nextpnr-ice40 after routing (bench/results/timing.md), the others are typical figures.

import type { FabricDelays } from '../ir/delay.js';
import type { Target } from './targets.js';

/** Delays in ns. */
export interface CellTiming {
  /** Combinational arc delay by input pin (`*` for any other pin), to any output. */
  readonly comb?: Readonly<Record<string, number>>;
  /** Clocked cell: clock to its outputs, and setup of its inputs (`setupByPin` where pins differ). */
  readonly clockToOut?: number;
  readonly setup?: number;
  readonly setupByPin?: Readonly<Record<string, number>>;
  /** Clocked only when a parameter says so (DSP registers); otherwise combinational. */
  readonly registeredIf?: (params: Record<string, string>) => boolean;
}

export interface TimingModel {
  /** What the numbers are, for the report. */
  readonly describe: string;
  /** Cell type patterns, first match wins. Unknown cells are taken as one LUT level. */
  readonly cells: ReadonlyArray<readonly [RegExp, CellTiming]>;
  /** General routing, per net: base + perFanout · log2(fanout). */
  readonly route: { readonly base: number; readonly perLog2Fanout: number };
  /** Pins fed over dedicated wiring from a carry output (no general routing). */
  readonly dedicated: (fromCell: string, toCell: string, toPin: string) => boolean;
  /** Registers outside an out-of-context block (its ports): clock to out and setup, ns. */
  readonly io: { readonly clockToOut: number; readonly setup: number };
  /** The same fabric before synthesis, for pipelining the IR (ir/delay.ts). */
  readonly fabric: FabricDelays;
}

const lut = (...byPin: number[]): CellTiming => ({ comb: Object.fromEntries(byPin.map((d, i) => [`I${i}`, d])) });

const ICE40: TimingModel = {
  describe: 'cell delays of the iCE40 HX (icestorm, in Yosys ice40/cells_sim.v) + routing per net calibrated against nextpnr-ice40',
  cells: [
    [/^SB_LUT4$/, lut(0.449, 0.400, 0.379, 0.316)],
    [/^SB_CARRY$/, { comb: { CI: 0.126, I0: 0.259, I1: 0.231 } }],
    [/^SB_DFF/, { clockToOut: 0.540, setup: 0.470 - 0.449 }],
    [/^SB_RAM40_4K/, { clockToOut: 2.246, setup: 0.2 }],
    [/^SB_MAC16$/, { comb: { '*': 5.0 } }],
    [/^SB_GB|^SB_IO/, { comb: { '*': 0 } }],
  ],
  route: { base: 0.69, perLog2Fanout: 0 }, // fitted: bench/results/timing.md
  // An adder's LUT takes the carry in on I3 inside the same logic cell.
  dedicated: (from, to, pin) => from === 'SB_CARRY' && ((to === 'SB_CARRY' && pin === 'CI') || (to === 'SB_LUT4' && pin === 'I3')),
  io: { clockToOut: 0.540, setup: 0.021 },
  // From nextpnr's own path reports: a LUT and its net 0.9 ns, a carry bit 0.13 ns, a comparison's
  // carry-out into logic 0.8 ns (a pass-through cell), a stage's register 1.5 ns (clock to out 0.54,
  // the first net 0.59, setup 0.42). Against nextpnr after routing on the 55 placed --fmax designs of
  // bench/results/fmax.md: the model / nextpnr median 0.95, from 0.60 to 1.42 (a stage of many
  // near-critical paths routes slower than one path); the derating covers up to 1.25. Designs with one
  // critical path come out slower by it than after routing (ABC maps fewer levels).
  // No shift-register LUTs: long pipeline chains go to SB_RAM40_4K (256 × 16), half the HX8K's 32 left to the design around the block.
  fabric: {
    lutInputs: 4, levelNs: 0.9, carryNsPerBit: 0.13, carryOutNs: 0.8, registerNs: 1.5, muxLevels: 0.9, derate: 0.2,
    delayRam: { width: 16, depth: 256, blocks: 16, minDepth: 8 },
  },
};

const XC7: TimingModel = {
  describe: 'cell delays of the 7-series -1 (prjxray, in Yosys xilinx/cells_sim.v) + a typical 0.45 ns routing per net (uncalibrated)',
  cells: [
    [/^LUT1$/, lut(0.127)], [/^LUT2$/, lut(0.238, 0.127)], [/^LUT3$/, lut(0.407, 0.238, 0.127)],
    [/^LUT4$/, lut(0.472, 0.407, 0.238, 0.127)], [/^LUT5$/, lut(0.631, 0.472, 0.407, 0.238, 0.127)],
    [/^LUT6$/, lut(0.642, 0.631, 0.472, 0.407, 0.238, 0.127)],
    [/^MUXF7$/, { comb: { S: 0.296, '*': 0.223 } }], [/^MUXF8$/, { comb: { S: 0.273, '*': 0.104 } }],
    [/^CARRY4$/, { comb: { CI: 0.114, '*': 0.642 } }],
    [/^INV$/, { comb: { '*': 0 } }], // absorbed into the LUT it feeds
    [/^FD[RSCP]E/, { clockToOut: 0.303, setup: 0.05, setupByPin: { CE: 0.109, R: 0.404, S: 0.404, CLR: 0.404, PRE: 0.404 } }],
    [/^(RAM\d+X\d[SD]|RAM\d+M|SRL)/, { clockToOut: 1.1, setup: 0.4, comb: { '*': 0.9 } }],
    [/^RAMB(18|36)E1$/, { clockToOut: 2.45, setup: 0.5 }],
    [/^DSP48E1$/, { comb: { '*': 3.9 }, clockToOut: 0.6, setup: 0.7, registeredIf: (p) => Number.parseInt(p.PREG ?? '0', 2) === 1 || Number.parseInt(p.MREG ?? '0', 2) === 1 }],
    [/^(BUFG|IBUF|OBUF)/, { comb: { '*': 0 } }],
  ],
  route: { base: 0.45, perLog2Fanout: 0.08 },
  // The carry chain, a slice's wide-function multiplexers after its LUTs, and an inverter taken into the next LUT.
  dedicated: (from, to, pin) => (from === 'CARRY4' && to === 'CARRY4' && pin === 'CI') || from === 'INV'
    || (/^LUT/.test(from) && to === 'MUXF7' && pin !== 'S') || (from === 'MUXF7' && to === 'MUXF8' && pin !== 'S'),
  io: { clockToOut: 0.303, setup: 0.05 },
  // Fitted against the netlist estimate above (sta.ts) on 36 designs, 14 unpipelined and 22 pipelined
  // for 150 and 250 MHz (spread of the ratio 0.16 in log, was 0.20 with a fixed fraction of a level
  // per gate), then derated. The carry entry (carryInNs, prjxray's CARRY4 S → CO 0.64 ns) came after
  // that fit: without it two chained adds sat in one 250 MHz stage (minifloat.mul: 201 MHz by the
  // estimate); with it every design of the --fmax long check whose loops allow 250 MHz meets it at
  // the first try.
  // synth_xilinx folds register runs of 3 or more into SRL16E/SRLC32E (xilinx_srl -fixed -minlen 3).
  fabric: { lutInputs: 6, levelNs: 0.65, carryNsPerBit: 0.043, carryOutNs: 0, registerNs: 1.29, muxLevels: 0.3, derate: 0.2, shiftRegisterLuts: true, carryInNs: 0.6 },
};

const ECP5: TimingModel = {
  describe: 'representative ECP5 -6 cell delays (Yosys has no ECP5 cell timing) + a typical 0.55 ns routing per net (uncalibrated)',
  cells: [
    [/^LUT4$/, lut(0.40, 0.38, 0.30, 0.24)],
    [/^(PFUMX|L6MUX21)$/, { comb: { '*': 0.25 } }],
    [/^CCU2C$/, { comb: { CIN: 0.06, '*': 0.45 } }],
    [/^TRELLIS_FF$/, { clockToOut: 0.40, setup: 0.10 }],
    [/^TRELLIS_DPR16X4$/, { comb: { '*': 0.6 }, clockToOut: 0.9, setup: 0.3 }],
    [/^DP16KD$/, { clockToOut: 2.8, setup: 0.3 }],
    [/^(MULT18X18D|ALU54B)$/, { comb: { '*': 3.6 } }],
  ],
  route: { base: 0.55, perLog2Fanout: 0.1 },
  dedicated: (from, to, pin) => (from === 'CCU2C' && to === 'CCU2C' && pin === 'CIN')
    || (from === 'LUT4' && to === 'PFUMX' && pin !== 'C0') || (from === 'PFUMX' && to === 'L6MUX21' && pin !== 'SD'),
  io: { clockToOut: 0.40, setup: 0.10 },
  fabric: { lutInputs: 4, levelNs: 0.40 + 0.55 + 0.1, carryNsPerBit: 0.03, carryOutNs: 0, registerNs: 0.40 + 0.55 + 0.10, muxLevels: 0.4, derate: 0.2 },
};

const GOWIN: TimingModel = {
  describe: 'cell delays of the GW1N (Yosys gowin/cells_sim.v) + a typical 0.6 ns routing per net (uncalibrated)',
  cells: [
    [/^LUT1$/, lut(0.555)], [/^LUT2$/, lut(0.867, 0.555)], [/^LUT3$/, lut(1.054, 0.867, 0.555)],
    [/^LUT4$/, lut(1.054, 1.053, 0.867, 0.555)],
    [/^MUX2_LUT[5-8]$/, { comb: { S0: 0.486, '*': 0.136 } }],
    [/^ALU$/, { comb: { CIN: 0.049, I0: 1.043, I1: 1.021, I3: 0.751, '*': 1.043 } }],
    [/^DFF/, { clockToOut: 0.48, setup: 0.576 }],
    [/^(SP|SDPB|DPB|DP|SDP)(X9)?$|^RAM16/, { clockToOut: 2.5, setup: 0.4 }],
    [/^MULT/, { comb: { '*': 4.0 } }],
  ],
  route: { base: 0.6, perLog2Fanout: 0.1 },
  dedicated: (from, to, pin) => (from === 'ALU' && to === 'ALU' && pin === 'CIN')
    || (/^(LUT4|MUX2_LUT[5-7])$/.test(from) && /^MUX2_LUT[5-8]$/.test(to) && pin !== 'S0'),
  io: { clockToOut: 0.48, setup: 0.576 },
  fabric: { lutInputs: 4, levelNs: 1.054 + 0.6 + 0.1, carryNsPerBit: 0.049, carryOutNs: 0, registerNs: 0.48 + 0.6 + 0.576, muxLevels: 0.4, derate: 0.2 },
};

export const TIMING_MODELS: Record<Target, TimingModel> = { ice40: ICE40, xc7: XC7, 'xc7-nodsp': XC7, ecp5: ECP5, gowin: GOWIN };

/** The timing of a cell type, or undefined when the model does not know it (taken as one LUT). */
export function cellTiming(model: TimingModel, type: string): CellTiming | undefined {
  return model.cells.find(([re]) => re.test(type))?.[1];
}
