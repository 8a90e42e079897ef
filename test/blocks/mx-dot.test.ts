// mx.dot: the golden model against float64 arithmetic (products summed exactly in BigInt, scaled,
// one Math.fround), then for every OCP element format 2·10^4 random block pairs plus directed ones
// in Verilator, mixed formats, bf16 output and pipeline variants, and a shorter Icarus run. The 10^5
// runs of the same configurations are in mx-dot.long.test.ts.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { mxDotBlock } from '../../src/blocks/mx/dot/block.js';
import { mxDotGolden } from '../../src/blocks/mx/dot/golden.js';
import { mxDotStimulus } from '../../src/blocks/mx/dot/stimulus.js';
import { seededRng } from '../../src/cosim/model.js';
import { simulate } from '../../src/cosim/run.js';
import { decodeToNumber } from '../../src/numerics/decode.js';
import { parseFormat } from '../../src/numerics/format.js';
import { mxDotRuns } from '../helpers/runs/mx.js';

const block = mxDotBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-mxdot-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 53);
console.log(`mx.dot: seed ${SEED}`);
const F32 = new Float32Array(1), U32 = new Uint32Array(F32.buffer);

describe('mx.dot', () => {
  it('golden model: exact BigInt sum of float64 products, scaled, rounded once by Math.fround (finite blocks)', () => {
    for (const [elem, elemB] of [['e4m3', 'e4m3'], ['e5m2', 'e2m1'], ['int8', 'e3m2']] as const) {
      const p = mxDotBlock.params.parse({ elem, elemB });
      const fa = parseFormat(elem), fb = parseFormat(elemB);
      const g = mxDotGolden(p), s = mxDotStimulus(p), rng = seededRng(SEED);
      const unit = 2 ** -40; // below every product's LSB here (e5m2·e2m1: 2^-17)
      let checked = 0;
      for (const v of [...s.directed, ...Array.from({ length: 3000 }, () => s.random(rng))]) {
        let sum = 0n, finite = v.sa !== 255n && v.sb !== 255n;
        for (let i = 0; i < p.block; i++) {
          const x = decodeToNumber(fa, Number(v[`a${i}`])) * decodeToNumber(fb, Number(v[`b${i}`]));
          if (!Number.isFinite(x)) finite = false;
          else sum += BigInt(x / unit);
        }
        if (!finite) continue;
        F32[0] = Math.fround(Number(sum) * unit * 2 ** (Number(v.sa) + Number(v.sb) - 254));
        expect(g(v).c, `sa ${v.sa} sb ${v.sb}`).toBe(BigInt(U32[0]!));
        checked++;
      }
      expect(checked).toBeGreaterThan(2900);
    }
  });

  mxDotRuns('fast', SEED);

  it('Icarus agrees: e4m3 and e4m3 × e5m2 on a shorter run', async () => {
    for (const v of [{ elem: 'e4m3' }, { elem: 'e4m3', elemB: 'e5m2' }, { elem: 'e2m1', fabric: 'lut4', block: 8 }, { elem: 'e2m1', fabric: 'lut6', block: 8 }]) {
      const r = await simulate(block, mxDotBlock.params.parse(v), 'icarus', { seed: SEED, vectors: 3000, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBeGreaterThan(3000);
    }
  }, 600_000);
});
