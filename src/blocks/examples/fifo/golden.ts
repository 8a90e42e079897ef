// Golden model of examples.fifo: what goes in comes out, in order, unchanged.
import type { Vector } from '../../../cosim/model.js';

export const fifoGolden = () => (v: Vector): Vector => ({ out_data: v.in_data! });
