// Inputs that nothing reads: a warning, since a generator may legitimately ignore a port.

import type { ModuleBuilder } from '../module-builder.js';
import type { ReadGraph } from './reads.js';

export function checkUnusedInputs(m: ModuleBuilder, g: ReadGraph): void {
  for (const p of m.ports) {
    if (p.kind === 'input' && !g.read.has(p)) {
      m.session.add({ severity: 'warning', kind: 'unused-input', loc: p.loc, module: m.name,
        message: `input '${p.name}' is never read`, fix: 'remove the port or use it' });
    }
  }
}
