// A saturating adder: the generator (hardware), its parameters, and how bitforge checks it (the golden
// model in sat-add.golden.ts, stimulus below). `npx bitforge sim ./src/sat-add.ts` cosimulates it,
// `npx bitforge synth ./src/sat-add.ts --target ice40` synthesizes it.

import { defineModule, input, lit, output, UInt, when } from 'bitforge/dsl';
import { defineBlock, randomBits, z, type Vector } from 'bitforge/block';
import { saturatingSum } from './sat-add.golden.js';

const params = z.object({
  width: z.number().int().min(1).max(64).default(8).describe('operand width in bits'),
});
type Params = z.infer<typeof params>;

export const satAddModule = defineModule('sat_add', (p: Params) => {
  const a = input('a', UInt(p.width));
  const b = input('b', UInt(p.width));
  const sum = a.add(b); // one bit wider: its top bit is the carry
  const y = output('y', UInt(p.width));
  when(sum.bit(p.width), () => y.set(lit((1n << BigInt(p.width)) - 1n, UInt(p.width))))
    .otherwise(() => y.set(sum.trunc(p.width)));
});

export default defineBlock({
  name: 'demo.sat-add',
  summary: 'saturating unsigned adder',
  params,
  generator: satAddModule,
  handshake: () => ({ kind: 'combinational' }),
  cosim: {
    kind: 'transaction',
    create: (p: Params) => (v: Vector): Vector => ({ y: saturatingSum(p.width, v['a']!, v['b']!) }),
    stimulus: (p: Params) => {
      const max = (1n << BigInt(p.width)) - 1n;
      return {
        directed: [{ a: 0n, b: 0n }, { a: max, b: 1n }, { a: max, b: max }],
        spaceBits: 2 * p.width, // exhaustive up to 2^20 vectors
        exhaustive: (i: number) => ({ a: BigInt(i) & max, b: BigInt(i) >> BigInt(p.width) }),
        random: (rng: () => number) => ({ a: randomBits(rng, p.width, false), b: randomBits(rng, p.width, false) }),
      };
    },
  },
});
