// Parameters of loom.tile: a grid of SIPs on the parameters of loom.sip.

import { z } from 'zod';
import { params as sipParams } from '../sip/params.js';

export const params = sipParams.extend({
  rows: z.number().int().min(1).max(64).default(4).describe('rows R: filters, each row sharing one weight bit stream'),
  cols: z.number().int().min(1).max(64).default(4).describe('columns C: activation sets (windows), each column sharing one activation stream'),
  stages: z.number().int().min(0).max(5).default(0)
    .describe('pipeline stages (0–5): as loom.sip\'s, and a second input slice that splits the precision detector'),
});
export type TileParams = z.infer<typeof params>;
