// Runs async jobs n at a time (synthesis jobs, one WebAssembly tool process each), results in job order.
import { cpus } from 'node:os';
import { blockSource, synthesizeSource } from '../dist/synth/run.js';

export async function pool(jobs, n) {
  const out = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => { while (next < jobs.length) { const i = next++; out[i] = await jobs[i](); } }));
  return out;
}

/**
 * Every unit ({ block, params, … }) on every target, uncached (a bench measures), a core each: [{ unit, target, report }] in order.
 * Each is built for its target (`fabric: auto` becomes the target's), as `bitforge synth --target` builds it.
 */
export async function synthesizeUnits(units, targets) {
  const cases = units.flatMap((unit) => targets.map((target) => ({ unit, target })));
  const reports = await pool(cases.map(({ unit, target }) => () => synthesizeSource(blockSource(unit.block, unit.block.params.parse(unit.params), undefined, target), { target, cache: false })), cpus().length);
  return cases.map((c, i) => ({ ...c, report: reports[i] }));
}
