// Decides which nodes become named wires. A node is spilled when it is shared (emitting it twice
// would duplicate logic text), when its parent needs a name to part-select it, or when inlining
// would nest too deep. Iterative: netlists may be arbitrarily deep.

import type { IrModule, Node } from '../../ir/netlist.js';

const MAX_INLINE_DEPTH = 12;

export interface Root {
  readonly node: number;
  /** Name of the signal this expression feeds; spilled nodes are named after it. */
  readonly target: string;
  /** Width the statement needs (a narrower signed value then needs a name to sign-extend). */
  readonly width: number;
}

export interface SpillPlan {
  /** Spilled nodes in dependency order, each with the target it was first reached from. */
  readonly order: Array<{ node: number; target: string }>;
  readonly spilled: Set<number>;
}

const isLeaf = (e: Node) => e.op === 'const' || e.op === 'sig';

/** Whether emitting `parent` needs `child` as a plain name. */
function needsName(nodes: readonly Node[], parent: Node, child: Node, index: number): boolean {
  if (isLeaf(child)) return false;
  const pw = parent.type.width;
  switch (parent.op) {
    case 'bits': case 'shr':
      return true;
    case 'add': case 'sub': case 'mul': case 'and': case 'or': case 'xor': case 'neg': case 'ext': case 'dshl':
      return index === 0 || parent.op !== 'dshl' ? child.type.signed && child.type.width < pw : false;
    case 'eq': case 'ne': case 'lt': case 'le': case 'gt': case 'ge': {
      const w = Math.max(nodes[parent.args[0]!]!.type.width, nodes[parent.args[1]!]!.type.width);
      return child.type.signed && child.type.width < w;
    }
    case 'mux':
      return index > 0 && child.type.signed && child.type.width < pw;
    default:
      return false;
  }
}

export function planSpills(m: IrModule, roots: readonly Root[]): SpillPlan {
  const nodes = m.nodes;
  const fanout = new Map<number, number>();
  const target = new Map<number, string>();
  const post: number[] = [];
  for (const r of roots) {
    const stack: Array<[number, number]> = [[r.node, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [id, i] = top;
      const e = nodes[id]!;
      if (i === 0) {
        const n = fanout.get(id) ?? 0;
        fanout.set(id, n + 1);
        if (n > 0 || isLeaf(e)) { stack.pop(); continue; }
        target.set(id, r.target);
      }
      if (i < e.args.length) { top[1] = i + 1; stack.push([e.args[i]!, 0]); continue; }
      stack.pop();
      post.push(id);
    }
  }
  const spilled = new Set<number>();
  const depth = new Map<number, number>();
  for (const id of post) {
    const e = nodes[id]!;
    let d = 0;
    e.args.forEach((c, i) => {
      if (needsName(nodes, e, nodes[c]!, i)) spilled.add(c);
      if (!spilled.has(c)) d = Math.max(d, depth.get(c) ?? 0);
    });
    depth.set(id, d + 1);
    if ((fanout.get(id) ?? 0) > 1 || d + 1 > MAX_INLINE_DEPTH) spilled.add(id);
  }
  for (const r of roots) {
    const e = nodes[r.node]!;
    if (!isLeaf(e) && e.type.signed && e.type.width < r.width) spilled.add(r.node);
  }
  return { order: post.filter((id) => spilled.has(id)).map((id) => ({ node: id, target: target.get(id)! })), spilled };
}
