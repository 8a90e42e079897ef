import { z } from 'zod';
import { checkScheduler, schedulerFields } from '../candidates.js';

const { laneOrder: _unused, ...fields } = schedulerFields; // the interconnect has no lane order
void _unused;

export const params = z.object({
  ...fields,
  aBits: z.number().int().min(1).max(32).default(8).describe('width of operand A'),
  bBits: z.number().int().min(1).max(32).default(8).describe('width of operand B'),
}).superRefine((p, ctx) => checkScheduler({ ...p, laneOrder: undefined }, ctx));
export type MuxParams = z.infer<typeof params>;
