// mx.dequantize: every (scale, element code) pair of each OCP format in the directed set, plus random
// blocks, in Verilator and Icarus; the golden model against float64 arithmetic.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { mxDequantizeBlock } from '../../src/blocks/mx/dequantize/block.js';
import { mxDequantizeGolden } from '../../src/blocks/mx/dequantize/golden.js';
import { mxDequantizeStimulus } from '../../src/blocks/mx/dequantize/stimulus.js';
import { simulate } from '../../src/cosim/run.js';
import { decodeToNumber } from '../../src/numerics/decode.js';
import { parseFormat } from '../../src/numerics/format.js';

const block = mxDequantizeBlock as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-mxdq-'));
const SEED = Number(process.env.BITFORGE_SEED ?? 61);
console.log(`mx.dequantize: seed ${SEED}`);
const OCP = ['e5m2', 'e4m3', 'e3m2', 'e2m3', 'e2m1', 'int8'] as const;
const F32 = new Float32Array(1), U32 = new Uint32Array(F32.buffer);

describe('mx.dequantize', () => {
  it('golden model: X · P_i as float64 stored to float32, and the directed set holds every (scale, code) pair', () => {
    for (const elem of OCP) {
      const p = mxDequantizeBlock.params.parse({ elem });
      const f = parseFormat(elem), g = mxDequantizeGolden(p), s = mxDequantizeStimulus(p);
      const pairs = new Set<number>();
      for (const v of s.directed) {
        const out = g(v), x = Number(v.scale);
        for (let i = 0; i < p.block; i++) {
          const c = Number(v[`p${i}`]);
          pairs.add(x * 256 + c);
          F32[0] = x === 255 ? NaN : decodeToNumber(f, c) * 2 ** (x - 127);
          expect(out[`v${i}`], `${elem} scale ${x} code ${c}`).toBe(BigInt(U32[0]!));
        }
      }
      expect(pairs.size).toBe(256 * 2 ** f.width);
    }
  });

  for (const elem of OCP) {
    it(`${elem}: every (scale, code) pair plus 20000 random blocks in Verilator, 0 mismatches`, async () => {
      const r = await simulate(block, mxDequantizeBlock.params.parse({ elem }), 'verilator', { seed: SEED, vectors: 20_000, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
    }, 240_000);
  }

  it('bf16 output (rounding the deepest subnormals) and Icarus agree', async () => {
    for (const [elem, output, sim] of [['e4m3', 'bf16', 'verilator'], ['e5m2', 'bf16', 'verilator'], ['e2m1', 'fp32', 'icarus'], ['int8', 'bf16', 'icarus']] as const) {
      const r = await simulate(block, mxDequantizeBlock.params.parse({ elem, output }), sim, { seed: SEED, vectors: 5000, outDir: tmp() });
      expect(r.failed, `${elem} → ${output} on ${sim}: ${r.report.join('\n')}`).toBe(0);
    }
  }, 600_000);
});
