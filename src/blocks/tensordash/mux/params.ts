import { z } from 'zod';
import { checkCandidates, windowFields } from '../candidates.js';

// The interconnect has no lane order: the selects come from outside.
export const params = z.object({
  ...windowFields,
  aBits: z.number().int().min(1).max(32).default(8).describe('width of operand A'),
  bBits: z.number().int().min(1).max(32).default(8).describe('width of operand B'),
}).superRefine(checkCandidates);
export type MuxParams = z.infer<typeof params>;
