// The synthesis report: one JSON object per (block, parameters, target), validated by this schema
// wherever it is written or read back (sweep cache, report pages).

import { z } from 'zod';

const tool = z.object({ source: z.enum(['wasm', 'native']), version: z.string() });

export const synthReportSchema = z.object({
  schema: z.literal('bitforge.synth/1'),
  block: z.string(),
  params: z.record(z.string(), z.unknown()),
  module: z.string(),
  target: z.string(),
  targetDescription: z.string(),
  tools: z.object({ yosys: tool, nextpnr: tool.optional() }),
  cells: z.record(z.string(), z.number().int().nonnegative()).describe('cell counts by type after technology mapping'),
  totals: z.object({ lut: z.number(), ff: z.number(), carry: z.number(), bram: z.number(), dsp: z.number() }),
  pnr: z.object({
    device: z.string(),
    logicCells: z.number().nullable(),
    fmaxMHz: z.number().nullable().describe('nextpnr timing analysis of clk after routing; null without a clock'),
    clock: z.string().nullable(),
    utilization: z.number().nullable().optional().describe('logic cells as a fraction of the device\'s'),
    unplaced: z.string().optional().describe('why place and route gave no Fmax (the design does not fit the device)'),
  }).optional(),
  utilization: z.object({ device: z.string(), lut: z.number(), ff: z.number(), bram: z.number(), dsp: z.number() }).optional()
    .describe('the block\'s own cells as fractions of a part of the target\'s family (the placed part on ice40)'),
  timing: z.object({
    fmaxMHz: z.number().nullable().describe('nextpnr\'s post-route Fmax where there is one, else the estimate\'s; null without a register-to-register or port-to-port path'),
    source: z.enum(['nextpnr', 'estimate']),
    criticalPathNs: z.number().nullable().describe('the estimate\'s critical path (1000 / fmaxMHz when the source is nextpnr)'),
    logicLevels: z.number().int().nullable().describe('cells on the estimated critical path, a carry chain counting once'),
    from: z.string().nullable(),
    to: z.string().nullable(),
    estimateMHz: z.number().nullable().describe('the pre-route estimate, also where nextpnr gives the Fmax'),
    model: z.string().describe('what the estimate\'s delays are'),
  }),
  // loopMHz: the feedback-loop bound (no placement of registers passes it), null without loops; optional in reports written before it.
  pipelined: z.object({ requestedMHz: z.number(), latency: z.number().int(), estimatedMHz: z.number(), loopMHz: z.number().nullable().optional(), keptRegisters: z.literal(true).optional(), chose: z.record(z.string(), z.unknown()).optional(),
    margin: z.number().optional(), attempts: z.array(z.object({ margin: z.number(), latency: z.number().int(), fmaxMHz: z.number().nullable(), logicCells: z.number().nullable(), failed: z.string().optional() })).optional() }).optional()
    .describe('--fmax: the frequency asked for, the pipeline registers placed (cycles from input to output) and the IR model\'s estimate'),
  wrapper: z.union([z.literal(false), z.object({
    reason: z.string(),
    pinsNeeded: z.number().int(),
    inputChainBits: z.number().int(),
    outputChainBits: z.number().int(),
    cells: z.record(z.string(), z.number().int().nonnegative()),
    totals: z.object({ lut: z.number(), ff: z.number(), carry: z.number(), bram: z.number(), dsp: z.number() }),
  })]).describe('false, or the pin-reducing wrapper used for place and route: cells and totals above are the block\'s own; '
    + 'the wrapper\'s are here; pnr counts both'),
  wallSeconds: z.number(),
  toolSeconds: z.object({ yosys: z.number(), nextpnr: z.number().optional() }).optional().describe('wall time of each tool in this run (of the run that filled the cache, for a cached report)'),
  accuracy: z.record(z.string(), z.number()).optional().describe('numerical error on real tensors (sweeps with accuracy data): sqnrDb, relRmse, dotRelErr'),
});

export type SynthReport = z.infer<typeof synthReportSchema>;
