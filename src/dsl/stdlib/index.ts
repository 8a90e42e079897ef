// The standard library every number-format block needs. Functions build logic in the calling module.
export { clog2, bitsFor } from './clog2.js';
export { highestOne, leadingZeros, priorityEncoder } from './leading-zeros.js';
export { popcount } from './popcount.js';
export { carryAdd } from './carry-add.js';
export { FABRICS, type Fabric } from './fabric.js';
export { BitHeap, type HeapSumOptions } from './bit-heap.js';
export { adderTree, adderTreeLevels, type AdderTreeOptions } from './adder-tree.js';
export { barrelShift, type ShiftKind } from './barrel-shifter.js';
export { pipe, pipeValid } from './pipeline.js';
export { select } from './select.js';
