// mx.dot-general: the streaming golden model against the numerics library's DotGeneral (each product's
// last output), then both accumulation modes in Verilator (valid/ready with random bubbles and
// back-pressure) for the OCP formats at 2·10^4 block pairs (the longer runs are in
// mx-dot-general.long.test.ts), and Icarus.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { mxDotGeneralBlock } from '../../src/blocks/mx/dot-general/block.js';
import { mxDotGeneralGolden } from '../../src/blocks/mx/dot-general/golden.js';
import { mxDotGeneralStimulus } from '../../src/blocks/mx/dot-general/stimulus.js';
import { seededRng, type Vector } from '../../src/cosim/model.js';
import { simulate } from '../../src/cosim/run.js';
import { encoderFor } from '../../src/numerics/encode.js';
import { parseFormat } from '../../src/numerics/format.js';
import { mxDotGeneral, type MxOperand } from '../../src/numerics/mx-dot.js';
import { mxDotGeneralRuns } from '../helpers/runs/mx.js';

const block = mxDotGeneralBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-mxdg-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 71);
console.log(`mx.dot-general: seed ${SEED}`);
const FP32 = parseFormat('fp32');

describe('mx.dot-general', () => {
  for (const acc of ['exact', 'fp32'] as const) {
    it(`${acc}: the last output of every product is numerics' DotGeneral over its block pairs`, () => {
      const p = mxDotGeneralBlock.params.parse({ elem: 'e5m2', elemB: 'e4m3', block: 8, acc });
      const fa = parseFormat(p.elem), fb = parseFormat(p.elemB);
      const g = mxDotGeneralGolden(p), s = mxDotGeneralStimulus(p), rng = seededRng(SEED);
      const vs = [...s.directed, ...Array.from({ length: 4000 }, () => s.random(rng))];
      const outs = vs.map((v) => g(v).c);
      let runs = 0;
      for (let i = 0; i < vs.length;) {
        let j = i + 1;
        while (j < vs.length && vs[j]!.clear === 0n) j++;
        const op = (v: Vector, side: 'a' | 'b'): MxOperand => ({
          scale: Number(side === 'a' ? v.sa : v.sb), elem: side === 'a' ? fa : fb, codes: Array.from({ length: p.block }, (_, k) => Number(v[`${side}${k}`])),
        });
        const want = mxDotGeneral(vs.slice(i, j).map((v) => op(v, 'a')), vs.slice(i, j).map((v) => op(v, 'b')), acc);
        expect(outs[j - 1], `product of pairs ${i}..${j - 1}`).toBe(BigInt(encoderFor(FP32).encodeNumber(want)));
        runs++;
        i = j;
      }
      expect(runs).toBeGreaterThan(150);
    });
  }

  mxDotGeneralRuns('fast', SEED);

  it('mixed formats and bf16 output, and Icarus agrees', async () => {
    for (const [v, sim] of [[{ elem: 'int8', elemB: 'e2m1', acc: 'exact', output: 'bf16' }, 'verilator'], [{ elem: 'e4m3', elemB: 'e5m2', acc: 'fp32', output: 'bf16' }, 'verilator'],
      [{ elem: 'e4m3', acc: 'exact', block: 8 }, 'icarus'], [{ elem: 'e5m2', acc: 'fp32', block: 8 }, 'icarus']] as const) {
      const r = await simulate(block, mxDotGeneralBlock.params.parse(v), sim, { seed: SEED, vectors: sim === 'icarus' ? 3000 : 30_000, outDir: tmp() });
      expect(r.failed, `${JSON.stringify(v)} on ${sim}: ${r.report.join('\n')}`).toBe(0);
    }
  }, 600_000);
});
