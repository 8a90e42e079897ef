import { Command } from 'commander';
import { join } from 'node:path';
import { catalogue } from '../../blocks/catalogue.js';
import { emitBlock } from '../../blocks/emit-block.js';
import { writeFiles } from '../write-files.js';

/** The main job: every block of the catalogue with its default parameters. */
export function buildCommand(): Command {
  return new Command('build')
    .description('the main job: emit the default catalogue into rtl-out/')
    .option('--out <dir>', 'output directory', 'rtl-out')
    .action((opts: { out: string }) => {
      const t0 = performance.now();
      // Elaborate everything first: one design error means nothing is written.
      const emitted = catalogue.map((b, i) => {
        process.stdout.write(`[${i + 1}/${catalogue.length}] ${b.name}\n`);
        return { b, e: emitBlock(b, b.params.parse({}) as Record<string, unknown>) };
      });
      let files = 0;
      for (const { b, e } of emitted) files += writeFiles(join(opts.out, b.name), e.files).length;
      process.stdout.write(`built ${emitted.length} block(s), ${files} file(s) in ${opts.out}/ in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
    });
}
