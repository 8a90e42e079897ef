// bitforge equiv across the catalogue (the long tier): for every block a variant pair that must agree,
// proved where the pair is a pipeline against its unpipelined form (the latencies aligned, induction
// closes) or a variant that keeps its registers (the structural proof: streams, accumulators, FIFOs),
// and at least bounded where state may keep induction open (stage variants of accumulators: ABC's
// register correspondence closes some of them). A
// wrong "different" or an "unknown" fails. And the mx.dot block-32 pair: never "different".

import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/blocks/catalogue.js';
import type { BlockDef } from '../../src/blocks/block.js';
import { checkEquivalence } from '../../src/equiv/check.js';
import { blockSide } from '../../src/equiv/sides.js';
import { PASSES } from '../../src/ir/passes/index.js';
import { TIMING_MODELS } from '../../src/synth/timing-model.js';

const find = (name: string) => catalogue.find((b) => b.name === name) as unknown as BlockDef;
type Variant = Record<string, unknown> & { fmax?: number; target?: 'ice40' | 'xc7'; passes?: string };

/** [block, parameters, variant, what it must come to]. */
const PAIRS: Array<[string, Record<string, unknown>, Variant, 'proved' | 'bounded']> = [
  ['examples.counter', {}, { passes: 'const-fold,dce' }, 'proved'],
  ['examples.adder-tree', { every: 0 }, { every: 1 }, 'proved'],
  ['examples.adder-tree', { every: 0 }, { fmax: 150, target: 'ice40' }, 'proved'],
  ['examples.fifo', {}, { passes: 'const-fold,dce' }, 'proved'],
  ['int.mac', {}, { stages: 2 }, 'bounded'],
  ['int.mac', {}, { multiplier: 'operator' }, 'proved'],
  // The bit heaps against the earlier sums (issue 31), on each fabric's structure (mx.dot at block 8 was
  // unknown after 500 s: SAT on two differently built sums of eight products).
  ['int.mac', { fabric: 'lut4' }, { arith: 'legacy' }, 'proved'],
  ['int.mac', { fabric: 'lut6', aBits: 6, bBits: 5 }, { arith: 'legacy' }, 'proved'],
  ['mx.dot', { elem: 'e2m1', block: 2, stages: 0, fabric: 'lut4' }, { arith: 'legacy' }, 'proved'],
  ['mx.dot', { elem: 'e3m2', block: 2, stages: 0, fabric: 'lut6' }, { arith: 'legacy' }, 'proved'],
  ['minifloat.mul', { fabric: 'lut6' }, { fabric: 'auto' }, 'proved'],
  ['minifloat.mul', { a: 'e3m2', b: 'e3m2', fabric: 'lut4' }, { fabric: 'auto' }, 'proved'],
  ['minifloat.mul', { a: 'e2m3', b: 'e2m3', fabric: 'lut6' }, { fabric: 'auto' }, 'proved'],
  ['minifloat.mul', { stages: 0 }, { stages: 2 }, 'proved'],
  ['minifloat.mul', {}, { arith: 'carry' }, 'proved'],
  ['minifloat.mul', {}, { fmax: 250, target: 'xc7' }, 'proved'],
  ['minifloat.add', {}, { fmax: 100, target: 'ice40' }, 'proved'],
  ['minifloat.mac', {}, { arith: 'carry' }, 'bounded'],
  ['minifloat.dot', { lanes: 4 }, { stages: 2, treeStages: 1 }, 'bounded'],
  ['mx.quantize', { block: 8, stages: 0 }, { fmax: 100, target: 'ice40' }, 'proved'],
  ['mx.dequantize', { block: 8, stages: 0 }, { fmax: 100, target: 'ice40' }, 'proved'],
  ['mx.dot', { elem: 'e2m1', block: 8, stages: 0 }, { fmax: 100, target: 'ice40' }, 'proved'],
  ['mx.dot', { elem: 'int8', block: 4 }, { intMultiplier: 'operator' }, 'proved'],
  ['mx.dot-general', { elem: 'e2m1', block: 2 }, { passes: 'const-fold,dce' }, 'proved'],
  ['mx.nvfp4-quantize', { block: 4, stages: 0 }, { stages: 2 }, 'proved'],
  ['loom.precision', {}, { fmax: 150, target: 'ice40' }, 'proved'],
  ['loom.sip', { lanes: 4, maxPrecision: 8 }, { passes: 'const-fold,dce' }, 'proved'],
  ['loom.tile', { lanes: 2, maxPrecision: 4, rows: 2, cols: 2 }, { passes: 'const-fold,dce' }, 'proved'],
  ['tensordash.mux', {}, { fmax: 250, target: 'xc7' }, 'proved'],
  ['tensordash.scheduler', {}, { fmax: 100, target: 'ice40' }, 'proved'],
  ['tensordash.pe', { lanes: 4 }, { multiplier: 'operator' }, 'proved'],
  ['apack.encoder', { bits: 4, symbols: 4, precision: 4 }, { passes: 'const-fold,dce' }, 'proved'],
  ['mokey.pe', { lanes: 4 }, { passes: 'const-fold,dce' }, 'proved'],
  ['hadamard.transform', { stages: 0 }, { stages: 2 }, 'proved'],
];

const text = (o: Record<string, unknown>) => Object.entries(o).map(([k, v]) => `${k}=${String(v)}`).join(' ');

function sides(name: string, raw: Record<string, unknown>, variant: Variant) {
  const b = find(name);
  const { fmax, target, passes, ...changes } = variant;
  const gold = blockSide(b, b.params.parse(raw) as Record<string, unknown>, `${name} ${text(raw)}`);
  const gate = blockSide(b, b.params.parse({ ...raw, ...changes }) as Record<string, unknown>, text(variant),
    fmax ? { mhz: fmax, fabric: TIMING_MODELS[target!].fabric } : undefined, passes ? passes.split(',').map((p) => PASSES[p]!) : []);
  return { gold, gate };
}

describe('equiv across the catalogue', () => {
  for (const [name, raw, variant, want] of PAIRS) {
    it(`${name} ${JSON.stringify(raw)} vs ${text(variant)}: ${want}`, async () => {
      const { gold, gate } = sides(name, raw, variant);
      const r = await checkEquivalence(gold, gate, { depth: 12, timeoutS: 500 });
      console.log(`${name} ${JSON.stringify(raw)} vs ${text(variant)}: ${JSON.stringify(r.verdict)} in ${r.seconds} s (${r.alignment})`);
      if (want === 'proved') expect(r.verdict).toMatchObject({ kind: 'equivalent' });
      else if (r.verdict.kind !== 'equivalent') expect(r.verdict).toEqual({ kind: 'bounded', cycles: 12 }); // proved after scorr, or bounded
    }, 600_000);
  }

  it('mx.dot e4m3 block 32, --stages 0 vs --stages 2 --tree-stages 1: proved or an honest unknown, never different', async () => {
    const { gold, gate } = sides('mx.dot', { elem: 'e4m3', block: 32, stages: 0 }, { stages: 2, treeStages: 1 });
    const r = await checkEquivalence(gold, gate, { depth: 12, timeoutS: 240 });
    console.log(`mx.dot block 32: ${JSON.stringify(r.verdict)} in ${r.seconds} s`);
    expect(['equivalent', 'unknown']).toContain(r.verdict.kind);
    if (r.verdict.kind === 'unknown') expect(r.verdict.reason).toBe('timeout after 240 s');
  }, 600_000);
});
