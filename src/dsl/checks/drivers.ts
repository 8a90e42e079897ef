// Every combinational signal has exactly one driver, assigned on every path (no latches).

import { forEachLeaf, type PathStep } from '../assign-tree.js';
import { report } from '../context.js';
import type { ModuleBuilder } from '../module-builder.js';
import { formatLoc, type SourceLoc } from '../source-location.js';

function describePath(path: readonly PathStep[]): string {
  if (path.length === 0) return 'always';
  return path.map((p) => `the when at ${formatLoc(p.key.loc)} is ${p.taken ? 'true' : 'false'}`).join(' and ');
}

export function checkDrivers(m: ModuleBuilder): void {
  for (const s of m.signals) {
    if (s.kind === 'reg') {
      if (!s.tree && s.init === undefined) {
        report(m, 'undriven', `register '${s.name}' is never assigned and has no reset value`, `assign it with ${s.name}.set(...) or remove it`, s.loc);
      }
      continue;
    }
    if (s.kind !== 'output' && s.kind !== 'wire' && s.kind !== 'inst-in') continue;
    if (s.instDriver && s.tree) {
      let at: SourceLoc | null = null;
      forEachLeaf(s.tree, (l) => { at ??= l.loc; });
      const set = at ? ` at ${formatLoc(at)}` : '';
      report(m, 'multiple-drivers', `'${s.name}' has two drivers: assigned${set}, and driven by ${s.instDriver.inst.name}.${s.instDriver.port} at ${formatLoc(s.instDriver.inst.loc)}`,
        'drive it from one place: remove the assignment or the port-map entry', at ?? s.loc);
      continue;
    }
    if (s.instDriver) continue;
    if (!s.tree) {
      if (s.kind === 'inst-in') {
        const inst = m.instances.find((i) => [...i.inputs.values()].includes(s));
        const port = inst ? [...inst.inputs].find(([, v]) => v === s)?.[0] : s.name;
        report(m, 'undriven', `input '${port}' of instance ${inst?.name} (module ${inst?.module.name}) is not connected`,
          `connect it in the port map ({ ${port}: value }) or with inst.in('${port}').set(value)`, inst?.loc ?? s.loc);
      } else {
        report(m, 'undriven', `${s.kind} '${s.name}' is never assigned`, `assign it with ${s.name}.set(value)${s.kind === 'wire' ? ' or remove it' : ''}`, s.loc);
      }
      continue;
    }
    const holes: string[] = [];
    forEachLeaf(s.tree, (l, path) => { if (!l.value && holes.length < 3) holes.push(describePath(path)); });
    if (holes.length > 0) {
      report(m, 'latch', `LATCH: combinational '${s.name}' keeps its old value when ${holes.join('; or when ')}`,
        `assign a default to '${s.name}' before the when, or add an otherwise() branch`, s.loc);
    }
  }
}
