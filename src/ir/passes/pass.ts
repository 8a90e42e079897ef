// A pass takes a netlist and gives a new one (the IR is immutable). runPasses checks the result of
// every pass, so a broken pass is caught where it happened, not in a simulator later.

import type { Netlist } from '../netlist.js';
import { IrVerifyError, verifyNetlist } from '../verify.js';

export interface Pass {
  readonly name: string;
  readonly run: (n: Netlist) => Netlist;
}

export function runPasses(n: Netlist, passes: readonly Pass[]): Netlist {
  let cur = n;
  for (const p of passes) {
    cur = p.run(cur);
    try {
      verifyNetlist(cur);
    } catch (e) {
      if (e instanceof IrVerifyError) throw new IrVerifyError(e.problems.map((x) => `after pass ${p.name}: ${x}`));
      throw e;
    }
  }
  return cur;
}
