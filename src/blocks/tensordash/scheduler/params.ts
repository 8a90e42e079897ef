import { z } from 'zod';
import { checkScheduler, schedulerFields } from '../candidates.js';

export const params = z.object(schedulerFields).superRefine(checkScheduler);
export type SchedulerParams = z.infer<typeof params>;
