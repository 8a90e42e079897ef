// The design checks of architecture.md, run on each module's netlist once its body has returned.

import type { ModuleBuilder } from '../module-builder.js';
import { checkCombLoops } from './comb-loops.js';
import { checkDrivers } from './drivers.js';
import { buildReadGraph } from './reads.js';
import { checkUnusedInputs } from './unused.js';

export function runChecks(m: ModuleBuilder): void {
  checkDrivers(m);
  const g = buildReadGraph(m);
  checkCombLoops(m, g);
  checkUnusedInputs(m, g);
}
