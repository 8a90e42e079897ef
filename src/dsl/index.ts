// bitforge/dsl: the embedded HDL.
export { UInt, SInt, Bool, typeName, type HwType } from './types.js';
export { Expr, cat, replicate, mux, lit, type ExprLike } from './expr.js';
export { Signal, type SignalKind } from './signal.js';
export { when, type WhenChain } from './when.js';
export { defineModule, input, output, wire, reg, elaborate, type ModuleGenerator, type RegOptions, type Design } from './module.js';
export { instance, Instance, type PortMap, type InstanceDef } from './instance.js';
export { mem, Mem, type MemDef, type MemOptions } from './mem.js';
export { enumType, type Enum } from './enum.js';
export { inputs, outputs, numbered, streamIn, streamOut, pipelineValid, type Bundle, type Fields, type VectorOf, type StreamEnd, type StreamOptions, type DeclaredHandshake } from './interface.js';
export { ElaborationError, formatDiagnostic, type Diagnostic, type DiagnosticKind } from './diagnostics.js';
export { CLOCK, RESET } from './module-builder.js';
export { chainOfError, formatLoc, type SourceLoc } from './source-location.js';
export * as std from './stdlib/index.js';
