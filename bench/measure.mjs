// Measures one design in this process: elaboration + checks, then Verilog emission. Prints JSON.
import { elaborate } from '../dist/dsl/index.js';
import { designFiles } from '../dist/codegen/index.js';
import { flatDag, macArray } from './designs.mjs';

const which = process.argv[2];
const [gen, params] = which === 'mac-array' ? [macArray, { rows: 64, cols: 64 }] : [flatDag, { nodes: 100_000 }];
const t0 = performance.now();
const design = elaborate(gen, params);
const t1 = performance.now();
const files = designFiles(design);
const t2 = performance.now();
const bytes = files.reduce((n, f) => n + f.content.length, 0);
process.stdout.write(JSON.stringify({
  design: which, params, elaborateMs: t1 - t0, emitMs: t2 - t1, totalMs: t2 - t0,
  maxRssMB: process.resourceUsage().maxRSS / 1024, modules: design.modules.length, verilogBytes: bytes,
}));
