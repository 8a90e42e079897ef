// The state of one module while its body runs: named signals with their assignment trees, instances
// and memories. Checks run on it when the body returns; then it is lowered to the netlist IR (lower.ts).

import type { PathStep } from './assign-tree.js';
import { leaf } from './assign-tree.js';
import { report } from './context.js';
import { isHwType } from './types.js';
import type { Expr } from './expr.js';
import type { InstanceDef } from './instance.js';
import type { MemDef } from './mem.js';
import type { ModuleGenerator } from './module.js';
import { isLegalName, Namespace } from '../ir/names.js';
import { CLOCK, RESET } from '../ir/netlist.js';
import type { ElabSession } from './session.js';
import { Signal, type SignalKind } from './signal.js';
import { captureLoc, type SourceLoc } from './source-location.js';
import type { HwType } from './types.js';

export { CLOCK, RESET } from '../ir/netlist.js';

import type { DeclaredHandshake } from './interface.js';

export class ModuleBuilder {
  readonly signals: Signal[] = [];
  readonly ports: Signal[] = [];
  readonly instances: InstanceDef[] = [];
  readonly mems: MemDef[] = [];
  readonly condPath: PathStep[] = [];
  readonly namespace = new Namespace();
  sealed = false;
  needsClock = false;
  needsReset = false;
  /** The handshake its interfaces declared (interface.ts), if any. */
  declared: DeclaredHandshake | undefined = undefined;
  /** For each output port: the input ports it depends on combinationally. */
  combDeps = new Map<string, Set<string>>();

  constructor(
    readonly session: ElabSession,
    readonly generator: ModuleGenerator<any>,
    readonly params: Readonly<Record<string, unknown>>,
    readonly name: string,
    readonly loc: SourceLoc,
  ) {
    this.namespace.take(CLOCK);
    this.namespace.take(RESET);
    this.namespace.take(name); // a signal named like its module hides it (Verilator VARHIDDEN)
  }

  get generatorName(): string {
    return this.generator.name;
  }

  /** Gives a new signal its Verilog name: ports keep theirs exactly, internals are made unique. */
  claimName(userName: string, kind: SignalKind, loc: SourceLoc): string {
    if (kind === 'input' || kind === 'output') {
      if (!isLegalName(userName)) {
        report(this, 'bad-name', `port name '${userName}' is not a legal Verilog identifier`, 'use letters, digits and _; not a keyword', loc);
        return this.namespace.unique(userName);
      }
      if (userName.startsWith('tb_')) {
        report(this, 'bad-name', `port name '${userName}': names starting with tb_ belong to bitforge's testbenches`, 'rename the port', loc);
        return this.namespace.unique(userName);
      }
      if (!this.namespace.take(userName)) {
        const why = userName === CLOCK || userName === RESET ? 'is reserved for the implicit clock/reset'
          : userName === this.name ? 'is the name of the module itself' : 'is already used in this module';
        report(this, 'bad-name', `port name '${userName}' ${why}`, 'rename the port', loc);
        return this.namespace.unique(userName);
      }
      return userName;
    }
    return this.namespace.unique(userName);
  }

  addSignal(name: string, kind: SignalKind, type: HwType, loc: SourceLoc): Signal {
    // Mistakes in what a user passes (a number for a type, a number for a name) become diagnostics.
    if (!isHwType(type)) {
      report(this, 'bad-range', `${kind} '${String(name)}': its type is ${typeof type === 'number' ? `the number ${type}` : type === undefined ? 'undefined' : typeof type}, not a hardware type`, `write UInt(${typeof type === 'number' ? type : 'w'}), SInt(w) or Bool`, loc);
      type = { signed: false, width: 1 };
    }
    if (typeof name !== 'string') {
      report(this, 'bad-name', `${kind === 'input' || kind === 'output' ? 'an' : 'a'} ${kind} named by ${typeof name} ${String(name)}, not a string`, 'name signals with strings: input(\'a\', UInt(8))', loc);
      name = `_${String(name)}`;
    }
    const s = new Signal(this, name, kind, type, loc);
    this.signals.push(s);
    if (kind === 'input' || kind === 'output') this.ports.push(s);
    return s;
  }

  /** A wire that carries `value` unconditionally, whatever `when` is active. */
  namedWire(name: string, value: Expr): Signal {
    const loc = captureLoc();
    const w = this.addSignal(name, 'wire', value.type, loc);
    w.tree = leaf(value, loc);
    return w;
  }

  children(): ModuleBuilder[] {
    const seen = new Set<ModuleBuilder>();
    for (const i of this.instances) seen.add(i.module);
    return [...seen];
  }
}
