// bitforge/codegen: Verilog and metadata emission.
export { designFiles, portsOf, type DesignFile, type PortInfo } from './design-files.js';
export { emitModule } from './verilog/module-emitter.js';
