// bitforge/ir: the netlist IR, its reference semantics, verifier and passes.
export * from './netlist.js';
export { evalNode, valueOf, extend, constBits } from './eval.js';
export { verifyNetlist, IrVerifyError } from './verify.js';
export { constFold, deadLogic, runPasses, OPTIMIZE, PASSES, type Pass } from './passes/index.js';
export { pipelineNetlist, PipelineError, type PipelineResult } from './passes/pipeline.js';
export { splitSlow } from './passes/split-slow.js';
export { nodeDelay, type FabricDelays } from './delay.js';
