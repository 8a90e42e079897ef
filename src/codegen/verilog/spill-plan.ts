// Decides which expression nodes become named wires. A node is spilled when it is shared (emitting
// it twice would duplicate logic text), when its parent needs a name to part-select it, or when
// inlining would nest too deep. Iterative: netlists may be arbitrarily deep.

import type { Expr } from '../../dsl/index.js';
import { Signal } from '../../dsl/index.js';

const MAX_INLINE_DEPTH = 12;

export interface Root {
  readonly expr: Expr;
  /** Name of the signal this expression feeds; spilled nodes are named after it. */
  readonly target: string;
  /** Width the statement needs (a narrower signed value then needs a name to sign-extend). */
  readonly width: number;
}

export interface SpillPlan {
  /** Spilled nodes in dependency order, each with the target it was first reached from. */
  readonly order: Array<{ expr: Expr; target: string }>;
  readonly spilled: Set<Expr>;
}

const isLeaf = (e: Expr) => e.op === 'const' || e instanceof Signal;

/** Whether emitting `parent` needs `child` as a plain name. */
function needsName(parent: Expr, child: Expr, index: number): boolean {
  if (isLeaf(child)) return false;
  switch (parent.op) {
    case 'bits': case 'shr':
      return true;
    case 'add': case 'sub': case 'mul': case 'and': case 'or': case 'xor': case 'neg': case 'ext': case 'dshl':
      return index === 0 || parent.op !== 'dshl' ? child.signed && child.width < parent.width : false;
    case 'eq': case 'ne': case 'lt': case 'le': case 'gt': case 'ge': {
      const w = Math.max(parent.args[0]!.width, parent.args[1]!.width);
      return child.signed && child.width < w;
    }
    case 'mux':
      return index > 0 && child.signed && child.width < parent.width;
    default:
      return false;
  }
}

export function planSpills(roots: readonly Root[]): SpillPlan {
  const fanout = new Map<Expr, number>();
  const target = new Map<Expr, string>();
  const post: Expr[] = [];
  for (const r of roots) {
    const stack: Array<[Expr, number]> = [[r.expr, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [e, i] = top;
      if (i === 0) {
        const n = fanout.get(e) ?? 0;
        fanout.set(e, n + 1);
        if (n > 0 || isLeaf(e)) { stack.pop(); continue; }
        target.set(e, r.target);
      }
      if (i < e.args.length) { top[1] = i + 1; stack.push([e.args[i]!, 0]); continue; }
      stack.pop();
      post.push(e);
    }
  }
  const spilled = new Set<Expr>();
  const depth = new Map<Expr, number>();
  for (const e of post) {
    let d = 0;
    e.args.forEach((c, i) => {
      if (needsName(e, c, i)) spilled.add(c);
      if (!spilled.has(c)) d = Math.max(d, depth.get(c) ?? 0);
    });
    depth.set(e, d + 1);
    if ((fanout.get(e) ?? 0) > 1 || d + 1 > MAX_INLINE_DEPTH) spilled.add(e);
  }
  for (const r of roots) {
    if (!isLeaf(r.expr) && r.expr.signed && r.expr.width < r.width) spilled.add(r.expr);
  }
  return { order: post.filter((e) => spilled.has(e)).map((e) => ({ expr: e, target: target.get(e)! })), spilled };
}
