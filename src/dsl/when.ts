// when(cond, body).elseWhen(cond, body).otherwise(body): conditional assignment, last one wins.

import type { CondKey } from './assign-tree.js';
import { currentModule, report } from './context.js';
import { toExpr, type ExprLike } from './expr.js';
import type { ModuleBuilder } from './module-builder.js';
import { captureLoc } from './source-location.js';
import { Bool, typeName } from './types.js';

export interface WhenChain {
  elseWhen(cond: ExprLike, body: () => void): WhenChain;
  otherwise(body: () => void): void;
}

export function when(cond: ExprLike, body: () => void): WhenChain {
  const m = currentModule('when');
  const prior: CondKey[] = [];
  const arm = (c: ExprLike | null, b: () => void) => {
    const depth = m.condPath.length;
    for (const k of prior) m.condPath.push({ key: k, taken: false });
    let key: CondKey | null = null;
    if (c !== null) {
      key = makeKey(m, c);
      m.condPath.push({ key, taken: true });
    }
    try {
      b();
    } finally {
      m.condPath.length = depth;
    }
    if (key) prior.push(key);
  };
  arm(cond, body);
  let closed = false;
  const chain: WhenChain = {
    elseWhen(c, b) {
      if (closed) report(m, 'cond-width', 'elseWhen() after otherwise()', 'otherwise() must be the last arm');
      arm(c, b);
      return chain;
    },
    otherwise(b) {
      if (closed) report(m, 'cond-width', 'otherwise() used twice', 'a when chain has at most one otherwise()');
      closed = true;
      arm(null, b);
    },
  };
  return chain;
}

function makeKey(m: ModuleBuilder, c: ExprLike): CondKey {
  const loc = captureLoc();
  const e = toExpr(m, c, Bool);
  if (e.width !== 1) {
    report(m, 'cond-width', `when condition is ${typeName(e.type)}, not 1 bit`, 'reduce it to one bit, e.g. x.orR() or x.ne(0)', loc);
  }
  return { cond: e, loc };
}
