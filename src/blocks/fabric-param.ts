// The `fabric` parameter of blocks whose cheapest structure depends on the LUT fabric.

import { z } from 'zod';
import { FABRICS, type Fabric } from '../dsl/stdlib/fabric.js';

export const fabricParam = () => z.enum(['auto', ...FABRICS]).default('auto')
  .describe('LUT fabric the arithmetic is built for: lut4 (iCE40, ECP5, Gowin) or lut6 (7-series); auto: the synthesis target\'s, a form that places on both when only emitting');

/** `auto` outside synthesis (emit, cosim): undefined, the structures that place and route on every fabric. */
export const fabricOf = (f: 'auto' | Fabric): Fabric | undefined => (f === 'auto' ? undefined : f);
