// examples.fifo: a valid/ready FIFO (first-word fall-through). The smallest stream block: it exists
// to exercise back-pressure end to end (random bubbles on the input, random stalls on the output).

import { z } from 'zod';
import { Bool, defineModule, input, lit, mux, output, reg, std, UInt, when } from '../../../dsl/index.js';

export const params = z.object({
  depth: z.number().int().min(1).max(64).default(4).describe('entries'),
  width: z.number().int().min(1).max(128).default(16).describe('data width in bits'),
});

export const fifo = defineModule('fifo', (p: z.infer<typeof params>) => {
  const inValid = input('in_valid', Bool);
  const inReady = output('in_ready', Bool);
  const inData = input('in_data', UInt(p.width));
  const outValid = output('out_valid', Bool);
  const outReady = input('out_ready', Bool);
  const outData = output('out_data', UInt(p.width));

  const ptrBits = Math.max(1, std.clog2(p.depth));
  const entries = Array.from({ length: p.depth }, (_, i) => reg(`entry${i}`, UInt(p.width)));
  const wptr = reg('wptr', UInt(ptrBits), { init: 0 });
  const rptr = reg('rptr', UInt(ptrBits), { init: 0 });
  const count = reg('count', UInt(std.clog2(p.depth + 1)), { init: 0 });

  const push = inValid.and(count.lt(p.depth));
  const pop = outReady.and(count.ne(0));
  const next = (ptr: typeof wptr) => mux(ptr.eq(p.depth - 1), lit(0, UInt(ptrBits)), ptr.addWrap(1));
  when(push, () => {
    entries.forEach((e, i) => when(wptr.eq(i), () => e.set(inData)));
    wptr.set(next(wptr));
  });
  when(pop, () => rptr.set(next(rptr)));
  when(push.and(pop.not()), () => count.set(count.addWrap(1))).elseWhen(pop.and(push.not()), () => count.set(count.subWrap(1)));

  inReady.set(count.lt(p.depth));
  outValid.set(count.ne(0));
  outData.set(entries.slice(1).reduce((acc, e, i) => mux(rptr.eq(i + 1), e, acc), entries[0]! as ReturnType<typeof mux>));
});
