// The bench compares mx.dot with a behavioural baseline: that comparison only means something if
// the baseline computes the same function. Here it replaces the generated Verilog under the same
// cosimulation (golden model, directed and random block pairs) for every OCP element format.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bench is plain JavaScript
import { baselineFile, baselineParams, baselineShim, MX_ELEMS } from '../../bench/mx.mjs';
import type { BlockDef } from '../../src/blocks/block.js';
import { mxDotBlock } from '../../src/blocks/mx/dot/block.js';
import { simulate } from '../../src/cosim/run.js';
import { blockSource } from '../../src/synth/run.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 59);
console.log(`mx.dot baseline: seed ${SEED}`);

describe('bench/baselines/mx_dot_baseline.v', () => {
  for (const elem of MX_ELEMS as string[]) {
    it(`${elem}: the baseline passes mx.dot's cosimulation (20000 random pairs plus directed ones)`, async () => {
      const params = mxDotBlock.params.parse({ elem, block: 32, stages: 0, treeStages: 0 });
      const gen = blockSource(mxDotBlock, params);
      const shim = baselineShim(gen.top, gen.ports, baselineParams(elem, 32)) as { content: string };
      const swap = (path: string, content: string) => (path === `${gen.top}.v` ? `${shim.content}\n${(baselineFile() as { content: string }).content}` : content);
      const r = await simulate(mxDotBlock as unknown as BlockDef, params, 'icarus', { seed: SEED, vectors: 20_000, outDir: mkdtempSync(join(tmpdir(), 'bitforge-mxbase-')), transformVerilog: swap });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBeGreaterThan(20_000);
    }, 240_000);
  }
});
