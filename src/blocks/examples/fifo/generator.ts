// examples.fifo: a valid/ready FIFO (first-word fall-through). The smallest stream block: it exists
// to exercise back-pressure end to end (random bubbles on the input, random stalls on the output).

import { z } from 'zod';
import { defineModule, lit, mux, reg, std, streamIn, streamOut, UInt, when } from '../../../dsl/index.js';

export const params = z.object({
  depth: z.number().int().min(1).max(64).default(4).describe('entries'),
  width: z.number().int().min(1).max(128).default(16).describe('data width in bits'),
});

export const fifo = defineModule('fifo', (p: z.infer<typeof params>) => {
  const inp = streamIn({ in_data: UInt(p.width) });
  const out = streamOut({ out_data: UInt(p.width) });

  const ptrBits = Math.max(1, std.clog2(p.depth));
  const entries = Array.from({ length: p.depth }, (_, i) => reg(`entry${i}`, UInt(p.width)));
  const wptr = reg('wptr', UInt(ptrBits), { init: 0 });
  const rptr = reg('rptr', UInt(ptrBits), { init: 0 });
  const count = reg('count', UInt(std.clog2(p.depth + 1)), { init: 0 });

  const push = inp.fire;
  const pop = out.fire;
  const next = (ptr: typeof wptr) => mux(ptr.eq(p.depth - 1), lit(0, UInt(ptrBits)), ptr.addWrap(1));
  when(push, () => {
    entries.forEach((e, i) => when(wptr.eq(i), () => e.set(inp.data.in_data)));
    wptr.set(next(wptr));
  });
  when(pop, () => rptr.set(next(rptr)));
  when(push.and(pop.not()), () => count.set(count.addWrap(1))).elseWhen(pop.and(push.not()), () => count.set(count.subWrap(1)));

  inp.ready.set(count.lt(p.depth));
  out.valid.set(count.ne(0));
  out.data.out_data.set(entries.slice(1).reduce((acc, e, i) => mux(rptr.eq(i + 1), e, acc), entries[0]! as ReturnType<typeof mux>));
});
