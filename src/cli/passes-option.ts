// `--passes LIST`: IR passes by name (emit, equiv), each checked before any work.

import { PASSES, type Pass } from '../ir/passes/index.js';
import { UserError } from './user-error.js';

export function parsePasses(list: string | undefined): Pass[] {
  return (list ?? '').split(',').filter(Boolean).map((n) => {
    const p = PASSES[n];
    if (!p) throw new UserError(`--passes: unknown pass '${n}' (passes: ${Object.keys(PASSES).join(', ')})`);
    return p;
  });
}
