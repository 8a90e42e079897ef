// Balanced adder tree with full growth (exact: never wraps). Optionally registered every `every`
// levels, which is how the pipelined reduction blocks are built.

import { report, currentModule } from '../context.js';
import { poison, type Expr } from '../expr.js';
import { reg } from '../module.js';
import { carryAdd } from './carry-add.js';

export interface AdderTreeOptions {
  /** Insert a register after every `every` levels (0: purely combinational). */
  every?: number;
  /** Register name prefix. */
  name?: string;
  /** Plain adds, which Yosys folds into one $macc of full adders (the earlier structure, kept selectable). */
  legacy?: boolean;
}

/** Sum of all terms. Terms must share signedness; the result grows by ceil(log2(n)) bits. */
export function adderTree(terms: readonly Expr[], opts: AdderTreeOptions = {}): Expr {
  return adderTreeLevels(terms, opts).sum;
}

/** The sum and the number of register stages inserted. */
export function adderTreeLevels(terms: readonly Expr[], opts: AdderTreeOptions = {}): { sum: Expr; stages: number } {
  if (terms.length === 0) {
    const m = currentModule('adderTree');
    report(m, 'bad-range', 'adderTree of no terms', 'pass at least one term');
    return { sum: poison(m, { signed: false, width: 1 }), stages: 0 };
  }
  let level = [...terms];
  let depth = 0, stages = 0;
  while (level.length > 1) {
    const next: Expr[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(opts.legacy ? level[i]!.add(level[i + 1]!) : carryAdd(level[i]!, level[i + 1]!));
    if (level.length % 2) next.push(level[level.length - 1]!);
    depth++;
    level = next;
    if (opts.every && depth % opts.every === 0) {
      level = level.map((e, i) => {
        const r = reg(`${opts.name ?? 'sum'}_l${depth}_${i}`, e.type);
        r.set(e);
        return r;
      });
      stages++;
    }
  }
  return { sum: level[0]!, stages };
}
