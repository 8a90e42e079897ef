// A test block around the single-path float adder (minifloat/float-add.ts), for the tests of both
// tiers: s = a + b rounded once, against numerics' mfAdd; boundary pairs directed, random pairs with
// close exponents half the time.

import { z } from 'zod';
import { defineBlock, type BlockDef } from '../../src/blocks/block.js';
import { floatAdd } from '../../src/blocks/minifloat/float-add.js';
import { ROUND_MODES } from '../../src/blocks/minifloat/round.js';
import { boundaryCodes } from '../../src/blocks/minifloat/mul/stimulus.js';
import { randomBits } from '../../src/cosim/model.js';
import { defineModule, input, output, UInt } from '../../src/dsl/index.js';
import { mfAdd } from '../../src/numerics/minifloat.js';
import { parseFormat, type FloatFormat } from '../../src/numerics/format.js';

const params = z.object({ f: z.string(), round: z.enum(ROUND_MODES).default('rne') });
const gen = defineModule('float_add_test', (p: z.infer<typeof params>) => {
  const f = parseFormat(p.f) as FloatFormat;
  output('s', UInt(f.width)).set(floatAdd(input('a', UInt(f.width)), input('b', UInt(f.width)), f, p.round));
});
export const floatAddBlock = defineBlock({
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
