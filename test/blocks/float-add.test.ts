// The single-path float adder (minifloat/float-add.ts) that the MX fp32 accumulator uses: every pair
// of a small IEEE-style format, and fp32/bf16 random and boundary pairs, against the golden a + b
// rounded once (numerics mfAdd).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineBlock, type BlockDef } from '../../src/blocks/block.js';
import { floatAdd } from '../../src/blocks/minifloat/float-add.js';
import { ROUND_MODES } from '../../src/blocks/minifloat/round.js';
import { boundaryCodes } from '../../src/blocks/minifloat/mul/stimulus.js';
import { randomBits } from '../../src/cosim/model.js';
import { simulate } from '../../src/cosim/run.js';
import { defineModule, input, output, UInt } from '../../src/dsl/index.js';
import { mfAdd } from '../../src/numerics/minifloat.js';
import { parseFormat, type FloatFormat } from '../../src/numerics/format.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 67);
console.log(`float-add: seed ${SEED}`);
const params = z.object({ f: z.string(), round: z.enum(ROUND_MODES).default('rne') });
const gen = defineModule('float_add_test', (p: z.infer<typeof params>) => {
  const f = parseFormat(p.f) as FloatFormat;
  output('s', UInt(f.width)).set(floatAdd(input('a', UInt(f.width)), input('b', UInt(f.width)), f, p.round));
});
const block = defineBlock({
  name: 'test.float-add', summary: 'float adder under test', params, generator: gen, handshake: () => ({ kind: 'combinational' }),
  cosim: {
    kind: 'transaction',
    create: (p) => { const f = parseFormat(p.f); return (v) => ({ s: BigInt(mfAdd(f, Number(v.a), f, Number(v.b), f, p.round)) }); },
    stimulus: (p) => {
      const f = parseFormat(p.f) as FloatFormat, w = f.width;
      const edge = boundaryCodes(f);
      return {
        directed: edge.flatMap((a) => edge.map((b) => ({ a: BigInt(a), b: BigInt(b) }))),
        spaceBits: 2 * w,
        exhaustive: (i) => ({ a: BigInt(i >> w), b: BigInt(i & ((1 << w) - 1)) }),
        // Close exponents half the time: cancellation and carries, not just the larger operand.
        random: (rng) => {
          const a = randomBits(rng, w, false);
          if (rng() < 0.5) return { a, b: randomBits(rng, w, false) };
          const near = a ^ (1n << BigInt(w - 1)) ^ randomBits(rng, f.manBits + 2, false);
          return { a, b: near };
        },
      };
    },
  },
}) as unknown as BlockDef;
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-fadd-'));

describe('floatAdd', () => {
  for (const round of ROUND_MODES) {
    it(`e4m3ieee: all 65536 pairs, ${round}`, async () => {
      const r = await simulate(block, { f: 'e4m3ieee', round }, 'verilator', { seed: SEED, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
      expect(r.passed).toBeGreaterThanOrEqual(65536);
    }, 120_000);
  }
  for (const f of ['fp32', 'bf16', 'fp16']) {
    it(`${f}: 10^6 random pairs (half with close exponents and opposite signs) plus boundary pairs`, async () => {
      const r = await simulate(block, { f, round: 'rne' }, 'verilator', { seed: SEED, vectors: 1_000_000, outDir: tmp() });
      expect(r.failed, r.report.join('\n')).toBe(0);
    }, 240_000);
  }
});
