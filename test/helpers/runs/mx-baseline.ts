// bench/baselines/mx_dot_baseline.v in place of mx.dot's generated Verilog, under the same
// cosimulation: the fast tier runs it in Verilator, the long tier in Icarus (the bench's comparison
// only means something if the baseline computes the same function).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
// @ts-expect-error: the bench is plain JavaScript
import { baselineFile, baselineParams, baselineShim, MX_ELEMS } from '../../../bench/mx.mjs';
import type { BlockDef } from '../../../src/blocks/block.js';
import { mxDotBlock } from '../../../src/blocks/mx/dot/block.js';
import { simulate } from '../../../src/cosim/run.js';
import { blockSource } from '../../../src/synth/run.js';

export function mxBaselineRuns(sim: 'verilator' | 'icarus', seed: number): void {
  const name = sim === 'icarus' ? 'Icarus' : 'Verilator';
  for (const elem of MX_ELEMS as string[]) {
    it(`${elem}: the baseline passes mx.dot's cosimulation in ${name} (20000 random pairs plus directed ones)`, async () => {
      const params = mxDotBlock.params.parse({ elem, block: 32, stages: 0, treeStages: 0 });
      const gen = blockSource(mxDotBlock, params);
      const shim = baselineShim(gen.top, gen.ports, baselineParams(elem, 32)) as { content: string };
      const swap = (path: string, content: string) => (path === `${gen.top}.v` ? `${shim.content}\n${(baselineFile() as { content: string }).content}` : content);
      const r = await simulate(mxDotBlock as unknown as BlockDef, params, sim, { seed, vectors: 20_000, outDir: mkdtempSync(join(tmpdir(), 'bitforge-mxbase-')), transformVerilog: swap });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBeGreaterThan(20_000);
    }, 240_000);
  }
}
