// examples.counter: an enable-gated up-counter that wraps. The smallest sequential block.

import { z } from 'zod';
import { Bool, defineModule, input, output, reg, UInt, when } from '../../../dsl/index.js';

export const params = z.object({
  width: z.number().int().min(1).max(64).default(8).describe('counter width in bits'),
});

export const counter = defineModule('counter', (p: z.infer<typeof params>) => {
  const en = input('en', Bool);
  const count = output('count', UInt(p.width));
  const value = reg('value', UInt(p.width), { init: 0 });
  when(en, () => value.set(value.addWrap(1)));
  count.set(value);
});
