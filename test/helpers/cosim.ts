// One cosimulation run that must end with 0 mismatches; the decoded report of the first mismatch is
// the failure message. Returns the result for further checks (vectors passed, source).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { runInProcess } from '../../src/cosim/in-process.js';
import { simulate, type SimResult, type Simulator } from '../../src/cosim/run.js';
import { setupCosim } from '../../src/cosim/setup.js';
import { vectorSource, type VectorSource } from '../../src/cosim/vectors.js';

export async function cosimClean(block: unknown, params: unknown, simulator: Simulator, o: { seed: number; vectors?: number; label?: string }): Promise<SimResult> {
  const outDir = mkdtempSync(join(tmpdir(), 'bitforge-cosim-'));
  const r = await simulate(block as BlockDef, params as Record<string, unknown>, simulator, { seed: o.seed, outDir, ...(o.vectors !== undefined ? { vectors: o.vectors } : {}) });
  expect(r.failed, `${o.label ? `${o.label}: ` : ''}${r.report.join('\n')}`).toBe(0);
  return r;
}

/** A Verilog mutation must change the design and be caught: at least one mismatch, reported by packet and beat. */
export async function expectPacketMutationCaught(block: BlockDef, params: unknown, name: string, mutate: (v: string) => string, o: { seed: number; vectors: number }): Promise<void> {
  let changed = false;
  const outDir = mkdtempSync(join(tmpdir(), 'bitforge-mutation-'));
  const r = await simulate(block, params as Record<string, unknown>, 'verilator', { seed: o.seed, vectors: o.vectors, outDir, transformVerilog: (_, v) => { const m = mutate(v); changed ||= m !== v; return m; } });
  expect(changed, name).toBe(true);
  expect(r.failed, name).toBeGreaterThanOrEqual(1);
  expect(r.report[0], name).toMatch(/^MISMATCH at output \d+: beat \d+ of packet \d+/);
}

/** A packet block whose stimulus is exactly these packets (no random ones). */
export function withPackets(block: BlockDef, packets: unknown[][]): BlockDef {
  return { ...block, cosim: { ...block.cosim!, stimulus: () => ({ directed: packets, random: () => [] }) } } as unknown as BlockDef;
}

/** A transaction block whose stimulus is exactly these vectors (run with `vectors: 0`). */
export function withVectors(block: BlockDef, vectors: unknown[]): BlockDef {
  const first = () => vectors[0]; // the contract check draws one; with `vectors: 0` none runs
  return { ...block, cosim: { ...block.cosim!, stimulus: () => ({ directed: vectors, spaceBits: 64, exhaustive: first, random: first }) } } as unknown as BlockDef;
}

/** A packet block on exactly these packets, in process, with no bubbles and no output stalls: its cycle count at full rate. */
export async function steadyRun(block: unknown, params: unknown, packets: unknown[][], seed: number) {
  const s = setupCosim(withPackets(block as BlockDef, packets), params as Record<string, unknown>), src = vectorSource(s, { seed, vectors: 0 });
  const steady: VectorSource = { ...src, *chunks(size) { for (const ch of src.chunks(size)) yield { ...ch, gaps: ch.gaps.fill(0), stalls: ch.stalls.fill(0) }; } };
  return runInProcess(s, steady);
}
