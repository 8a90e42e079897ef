import { z } from 'zod';
import { checkCandidates, checkLaneOrder, laneOrderField, windowFields } from '../candidates.js';

export const params = z.object({ ...windowFields, laneOrder: laneOrderField }).superRefine((p, ctx) => {
  checkCandidates(p, ctx);
  checkLaneOrder(p, ctx);
});
export type SchedulerParams = z.infer<typeof params>;
