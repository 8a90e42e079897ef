// Named signals: ports, wires, registers, and the parent-side ends of instance ports and memory reads.

import { assignAt, leaf, UNASSIGNED, type Tree } from './assign-tree.js';
import { currentModule, report } from './context.js';
import { Expr, toExpr, type ExprLike } from './expr.js';
import type { InstanceDef } from './instance.js';
import type { ModuleBuilder } from './module-builder.js';
import { captureLoc, formatLoc, type SourceLoc } from './source-location.js';
import { typeName, type HwType } from './types.js';

export type SignalKind =
  | 'input' | 'output' | 'wire' | 'reg'
  | 'inst-in'   // parent-side driver of an instance input
  | 'inst-out'  // parent-side view of an instance output
  | 'mem-read'; // registered read data of a memory port

export class Signal extends Expr {
  /** Decision tree of assignments (next-state for registers); null when never assigned. */
  tree: Tree | null = null;
  /** Set when an instance output drives this signal. */
  instDriver: { inst: InstanceDef; port: string } | null = null;
  /** Register reset value (synchronous, active-high `rst`); undefined: no reset. */
  init: bigint | undefined = undefined;
  /** Register load enable. */
  enable: Expr | null = null;
  /** Emitted Verilog name, unique in the module. */
  readonly name: string;

  constructor(
    owner: ModuleBuilder,
    readonly userName: string,
    readonly kind: SignalKind,
    type: HwType,
    readonly loc: SourceLoc,
  ) {
    super('sig', type, [], owner);
    this.name = owner.claimName(userName, kind, loc);
  }

  /** Assigns a value under the active `when` conditions; the last assignment wins. */
  set(v: ExprLike): void {
    const m = currentModule('set');
    const loc = captureLoc();
    if (this.owner !== m) {
      report(m, 'foreign-signal', `assignment to '${this.name}' of module ${this.owner?.name}`,
        'assign only signals of the module being built; connect other modules through instance ports', loc);
      return;
    }
    if (this.kind === 'input' || this.kind === 'inst-out' || this.kind === 'mem-read') {
      const what = this.kind === 'input' ? `input port '${this.name}'` : this.kind === 'inst-out' ? `instance output '${this.name}'` : `memory read data '${this.name}'`;
      report(m, 'drive-input', `cannot assign ${what}`, 'assign an output, a wire or a register instead', loc);
      return;
    }
    if (this.instDriver) {
      report(m, 'multiple-drivers', `'${this.name}' has two drivers: instance ${this.instDriver.inst.name}.${this.instDriver.port} at ${formatLoc(this.instDriver.inst.loc)}, and this assignment`,
        'drive it from one place: remove the assignment or the port-map entry', loc);
      return;
    }
    const e = toExpr(m, v, this.type);
    // A rejected value still counts as the driver, so one mistake is reported once (no cascade
    // of "undriven" / "unused"); nothing is emitted from a design with errors anyway.
    if (e.signed !== this.signed) {
      report(m, 'sign-mix', `assigning ${typeName(e.type)} to ${typeName(this.type)} '${this.name}'`,
        'cast explicitly with asSInt() / asUInt()', loc);
    } else if (e.width > this.width) {
      report(m, 'width-mismatch', `WIDTH MISMATCH (${this.width} bits <- ${e.width} bits) on ${this.name}.set(...)`,
        `truncate explicitly with .trunc(${this.width}) or .bits(hi, lo), or declare '${this.name}' wider`, loc);
    }
    if (m.sealed) {
      report(m, 'outside-module', `assignment to '${this.name}' after the module body returned`, 'assign inside the module body, not in a callback that runs later', loc);
      return;
    }
    this.tree = assignAt(this.tree ?? UNASSIGNED, m.condPath, leaf(e, loc));
  }
}
