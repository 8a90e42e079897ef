// bitforge/ir: the netlist IR, its reference semantics, verifier and passes.
export * from './netlist.js';
export { evalNode, valueOf, extend, constBits } from './eval.js';
export { verifyNetlist, IrVerifyError } from './verify.js';
export { constFold, deadLogic, runPasses, OPTIMIZE, PASSES, type Pass } from './passes/index.js';
