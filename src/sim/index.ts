// bitforge/sim: the TypeScript cycle simulator of the netlist IR.
export { Simulator, SimError } from './simulator.js';
export { compileDesign, type CompiledDesign, type CompileOptions } from './compile.js';
export { CombLoopError, type Flat, type Slot } from './flatten.js';
