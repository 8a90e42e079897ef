// `bitforge fuzz`: differential fuzzing of the TypeScript simulator, Verilator, Icarus and the passes.

import { Command } from 'commander';
import { join } from 'node:path';
import { fuzz } from '../../fuzz/fuzz.js';
import type { TestbenchSimulator } from '../../cosim/simulators.js';
import { writeFiles } from '../../util/write-files.js';
import { intOption } from '../int-option.js';
import { progressReporter } from '../progress.js';
import { UserError } from '../user-error.js';
import { checkOutDir } from '../out-option.js';

const ENGINES: readonly TestbenchSimulator[] = ['verilator', 'icarus'];

export function fuzzCommand(): Command {
  return new Command('fuzz')
    .description('random designs on the TypeScript simulator, Verilator and Icarus (and before/after each pass); disagreements are reduced and printed')
    .option('--designs <n>', 'designs to generate', '200')
    .option('--cycles <c>', 'cycles per design', '40')
    .option('--seed <s>', 'seed of the run (design i has its own seed derived from it)', '1')
    .option('--from <i>', 'index of the first design (rerun design i of a run: --seed S --from i --designs 1)', '0')
    .option('--against <list>', `Verilog simulators to compare with: ${ENGINES.join(',')}`, ENGINES.join(','))
    .option('--batch <n>', 'designs per Verilog compile', '250')
    .option('--out <dir>', 'write each reduced design here (default: print only)')
    .option('--no-reduce', 'report disagreements without shrinking them')
    .action(async (o: { designs: string; cycles: string; seed: string; from: string; against: string; batch: string; out?: string; reduce: boolean }) => {
      const designs = intOption('designs', o.designs, 1, 10_000_000)!;
      const cycles = intOption('cycles', o.cycles, 3, 100_000)!;
      const seed = intOption('seed', o.seed, 0, 2 ** 32 - 1)!;
      const batch = intOption('batch', o.batch, 1, 100_000)!;
      const from = intOption('from', o.from, 0, 2 ** 32 - 1)!;
      const against = o.against === '' ? [] : o.against.split(',');
      if (o.out !== undefined) await checkOutDir('--out', o.out);
      for (const a of against) if (!ENGINES.includes(a as TestbenchSimulator)) throw new UserError(`--against: expected a list of ${ENGINES.join(', ')}, got '${a}'`);
      process.stdout.write(`fuzz: ${designs} designs, ${cycles} cycles each, seed ${seed}, ts against ${against.join(', ') || 'nothing'} and the passes\n`);
      const progress = progressReporter('fuzz', 'designs');
      const r = await fuzz({ designs, cycles, seed, from, batch, against: against as TestbenchSimulator[], reduce: o.reduce, onProgress: (d, t) => progress.update(d, t) });
      progress.stop();
      for (const d of r.disagreements) {
        const f = d.first;
        process.stdout.write(`DISAGREEMENT design ${d.index} (rerun: bitforge fuzz --seed ${d.seed} --from ${d.index} --designs 1; ${d.cells} cells): ${f.check}, cycle ${f.cycle}, port ${f.port}: ${Object.entries(f.values).map(([k, v]) => `${k}=${v}`).join(' ')}\n`);
        if (d.agreeing.length) process.stdout.write(`  ${d.agreeing.join(' and ')} agree${d.agreeing.length > 1 ? '' : 's'} with the TS simulator on every cycle: the simulator that differs is the suspect\n`);
        if (!d.reduced) continue;
        const x = d.reduced;
        process.stdout.write(`  reduced to ${x.cells} cells (${x.tries} tries): ${x.first.check}, cycle ${x.first.cycle}, port ${x.first.port}: ${Object.entries(x.values).map(([k, v]) => `${k}=${v}`).join(' ')}\n`);
        if (o.out) {
          const dir = join(o.out, `design-${d.index}`);
          writeFiles(dir, [...x.files, { path: 'spec.json', content: JSON.stringify(x.spec, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v), 2) + '\n' }]);
          process.stdout.write(`  files: ${dir}\n`);
        } else {
          for (const file of x.files.filter((q) => q.path.endsWith('.v'))) process.stdout.write(file.content.split('\n').map((l) => `  | ${l}`).join('\n') + '\n');
        }
      }
      process.stdout.write(`${r.designs} designs, ${r.disagreements.length} disagreements, ${r.seconds.toFixed(1)} s\n`);
      if (r.disagreements.length) process.exitCode = 1;
    });
}
