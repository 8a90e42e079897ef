// What the IR passes (constant folding, then dead-logic removal) change on the catalogue at its
// defaults: IR nodes, emitted Verilog bytes, and Yosys's LUT and flip-flop counts on ECP5
// (synth_ecp5; no place and route), before and after, in one run.
import { catalogue } from '../dist/blocks/catalogue.js';
import { designFiles, portsOf } from '../dist/codegen/index.js';
import { elaborate } from '../dist/dsl/index.js';
import { OPTIMIZE, runPasses } from '../dist/ir/passes/index.js';
import { synthesizeSource } from '../dist/synth/run.js';

const TARGET = 'ecp5';
const CONCURRENCY = 2;

const nodes = (n) => n.modules.reduce((s, m) => s + m.nodes.filter((x) => x.op !== 'const' && x.op !== 'sig').length, 0);
const source = (name, params, n) => ({
  name, params, top: n.top.name, ports: portsOf(n.top), verilog: designFiles(n).filter((f) => f.path.endsWith('.v')),
});

export async function runPassesBench() {
  const jobs = catalogue.map((b) => async () => {
    const params = b.params.parse({});
    const before = elaborate(b.generator, params);
    const after = runPasses(before, OPTIMIZE);
    const bytes = (n) => designFiles(n).reduce((s, f) => s + f.content.length, 0);
    const [sb, sa] = [await synthesizeSource(source(b.name, params, before), { target: TARGET }), await synthesizeSource(source(`${b.name}+opt`, params, after), { target: TARGET })];
    const row = {
      block: b.name, nodesBefore: nodes(before), nodesAfter: nodes(after), bytesBefore: bytes(before), bytesAfter: bytes(after),
      lutBefore: sb.totals.lut, lutAfter: sa.totals.lut, ffBefore: sb.totals.ff, ffAfter: sa.totals.ff,
    };
    console.log(`${b.name}: nodes ${row.nodesBefore} → ${row.nodesAfter}, Verilog ${row.bytesBefore} → ${row.bytesAfter} bytes, LUTs ${row.lutBefore} → ${row.lutAfter}, FFs ${row.ffBefore} → ${row.ffAfter}`);
    return row;
  });
  const rows = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < jobs.length) { const i = next++; rows[i] = await jobs[i](); }
  }));
  return rows;
}
