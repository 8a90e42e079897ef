// The elaboration context: which module body is running, which `when` conditions are active, and
// where diagnostics go. Module bodies run synchronously, so a simple stack is enough.

import type { Diagnostic, DiagnosticKind } from './diagnostics.js';
import { ElaborationError } from './diagnostics.js';
import type { ModuleBuilder } from './module-builder.js';
import { captureChain, captureLoc, type SourceLoc } from './source-location.js';

const stack: ModuleBuilder[] = [];

export function pushModule(m: ModuleBuilder): void {
  stack.push(m);
}

export function popModule(): void {
  stack.pop();
}

export function peekModule(): ModuleBuilder | undefined {
  return stack[stack.length - 1];
}

/** The running module body; a DSL call outside one is a user error, reported at once. */
export function currentModule(what: string): ModuleBuilder {
  const m = stack[stack.length - 1];
  if (!m) {
    const d: Diagnostic = {
      severity: 'error', kind: 'outside-module', loc: captureLoc(), module: '<none>',
      message: `${what} used outside a module body`,
      fix: 'build hardware inside the function passed to defineModule()',
    };
    throw new ElaborationError([d]);
  }
  return m;
}

/** Records an error in the running module (location captured from the user's call). */
export function report(m: ModuleBuilder, kind: DiagnosticKind, message: string, fix: string, loc?: SourceLoc): void {
  const at = loc ?? captureLoc();
  // The calls that led here, when the mistake sits in a helper (its callers are the user's frames after it).
  const chain = captureChain();
  const i = chain.findIndex((l) => l.file === at.file && l.line === at.line);
  const via = i >= 0 ? chain.slice(i + 1) : [];
  m.session.add({ severity: 'error', kind, message, fix, loc: at, module: m.name, ...(via.length ? { via } : {}) });
}
