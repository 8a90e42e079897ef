// Accuracy metrics for a sweep's configurations: each distinct (block, parameters) once, whatever
// the number of targets, through the block's accuracy hook on the loaded tensors.

import type { TensorSet } from '../accuracy/tensors.js';
import { blockByName } from '../userblock/resolve.js';
import type { SynthReport } from '../report/schema.js';

export function withAccuracy<R extends SynthReport>(reports: readonly R[], data: TensorSet, onEach?: (what: string) => void): R[] {
  const memo = new Map<string, Readonly<Record<string, number>> | undefined>();
  return reports.map((r) => {
    const key = JSON.stringify([r.block, r.params]);
    if (!memo.has(key)) {
      const block = blockByName(r.block);
      memo.set(key, block?.accuracy?.(block.params.parse(r.params) as never, data));
      onEach?.(r.block);
    }
    const acc = memo.get(key);
    return acc ? { ...r, accuracy: { ...acc } } : r;
  });
}
