// One elaboration run: the module cache (one module builder per generator and parameter signature) and
// every diagnostic of the run.

import { popModule, pushModule } from './context.js';
import { ElaborationError, mergeRepeats, type Diagnostic } from './diagnostics.js';
import { runChecks } from './checks/index.js';
import { ModuleBuilder } from './module-builder.js';
import { moduleName, paramSignature } from './module-name.js';
import type { ModuleGenerator } from './module.js';
import { DslTypeError } from './types.js';
import { chainOfError, type SourceLoc } from './source-location.js';

/** A transpiler's call form in a message, `(0 , _dsl.UInt)(...)`, as the user wrote it: `UInt(...)`. */
const plainCallee = (m: string) => m.replace(/\(0\s*,\s*[\w$]+\.([\w$]+)\)/g, '$1');

/** Instances nested deeper than this are runaway recursion (real designs nest a few levels per bit of size). */
const MAX_DEPTH = 100;
const isAsync = (f: unknown) => typeof f === 'function' && /^Async(Generator)?Function$/.test(f.constructor.name);

export class ElabSession {
  readonly diagnostics: Diagnostic[] = [];
  private readonly cache = new Map<ModuleGenerator<any>, Map<string, ModuleBuilder>>();
  private readonly names = new Map<string, { gen: ModuleGenerator<any>; sig: string }>();
  private readonly active = new Set<ModuleBuilder>();

  add(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  sortedDiagnostics(): Diagnostic[] {
    return mergeRepeats(this.diagnostics).sort((a, b) =>
      a.loc.file < b.loc.file ? -1 : a.loc.file > b.loc.file ? 1 : a.loc.line - b.loc.line);
  }

  elaborateTop<P>(gen: ModuleGenerator<P>, params: P): ModuleBuilder {
    return this.elaborate(gen, params, gen.loc);
  }

  elaborate<P>(gen: ModuleGenerator<P>, params: P, useLoc: SourceLoc): ModuleBuilder {
    const sig = paramSignature(params);
    const byParams = this.cache.get(gen) ?? new Map<string, ModuleBuilder>();
    this.cache.set(gen, byParams);
    const cached = byParams.get(sig);
    if (cached) {
      if (this.active.has(cached)) {
        this.add({ severity: 'error', kind: 'recursive-instance', loc: useLoc, module: cached.name,
          message: `module ${cached.name} instantiates itself with the same parameters`,
          fix: 'make the recursion end: change a parameter on each level' });
        throw new ElaborationError(this.sortedDiagnostics());
      }
      return cached;
    }
    if (this.active.size >= MAX_DEPTH) {
      // Recursion that changes a parameter on each level but never ends: stop long before the stack does.
      const chain = [...this.active].map((a) => a.name);
      const shown = [...chain.slice(0, 3), '…', ...chain.slice(-3)].join(' → ');
      this.add({ severity: 'error', kind: 'recursive-instance', loc: useLoc, module: chain.at(-1)!,
        message: `instances nest more than ${MAX_DEPTH} levels deep: ${shown} → ${gen.name} ${sig}`,
        fix: 'make the recursion reach its base case (check the parameter that should shrink on each level)' });
      throw new ElaborationError(this.sortedDiagnostics());
    }
    if (isAsync(gen.body)) this.refuseAsync(gen, useLoc);
    const m = new ModuleBuilder(this, gen, Object.freeze({ ...(params as object) }) as Record<string, unknown>, this.claimModuleName(gen, sig, params), gen.loc);
    byParams.set(sig, m);
    this.active.add(m);
    pushModule(m);
    try {
      const ret: unknown = gen.body(params);
      // A body compiled from async code returns a promise: its statements would run after elaboration.
      if (typeof (ret as { then?: unknown } | undefined)?.then === 'function') this.refuseAsync(gen, useLoc);
    } catch (e) {
      if (e instanceof ElaborationError) throw e; // an instance below already reported
      if (!(e instanceof DslTypeError)) {
        // A JavaScript error in the generator or a helper: where it was thrown, inside which instance
        // and with which parameters; the diagnostics found before it are kept.
        const err = e instanceof Error ? e : new Error(String(e));
        const path = [...this.active].map((a) => a.name).join(' → ');
        const [at, ...via] = chainOfError(err);
        this.add({ severity: 'error', kind: 'generator-threw', loc: at ?? gen.loc, module: m.name, ...(via.length ? { via } : {}),
          message: `the generator threw ${err.name}: ${plainCallee(err.message.split('\n')[0]!)} (instance path ${path}; parameters ${sig})`,
          fix: 'this is a mistake in the generator code at this line (or in what it was given): the elaboration stopped here' });
        throw new ElaborationError(this.sortedDiagnostics());
      }
      // A bad type argument stops this module's body; report it like any other error.
      this.add({ severity: 'error', kind: 'bad-range', loc: e.loc, module: m.name, message: e.message, fix: e.fix });
    } finally {
      popModule();
      this.active.delete(m);
    }
    m.sealed = true;
    runChecks(m);
    return m;
  }

  private refuseAsync(gen: ModuleGenerator<any>, useLoc: SourceLoc): never {
    this.add({ severity: 'error', kind: 'async-body', loc: gen.loc.line ? gen.loc : useLoc, module: gen.name,
      message: `the body of module '${gen.name}' is async: its statements after an await would run once elaboration is over`,
      fix: 'make the body a plain (synchronous) function: compute what you need before elaborating, or pass it as a parameter' });
    throw new ElaborationError(this.sortedDiagnostics());
  }

  private claimModuleName(gen: ModuleGenerator<any>, sig: string, params: unknown): string {
    let name = moduleName(gen.name, params);
    const prev = this.names.get(name);
    if (prev && prev.gen !== gen) {
      this.add({ severity: 'error', kind: 'bad-name', loc: gen.loc, module: name,
        message: `two different generators are named '${gen.name}' (the other is at ${prev.gen.loc.file}:${prev.gen.loc.line})`,
        fix: 'give each defineModule() a distinct name' });
    } else if (prev) {
      name = moduleName(gen.name, { __sig: sig }); // readable names collided: fall back to the hash
    }
    this.names.set(name, { gen, sig });
    return name;
  }
}
