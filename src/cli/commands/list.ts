import { Command } from 'commander';
import { catalogue } from '../../blocks/catalogue.js';
import { paramProps, paramUsage } from '../block-params.js';

export function listCommand(): Command {
  return new Command('list')
    .description('list the blocks and their parameters')
    .option('--json', 'machine-readable: name, summary and a JSON Schema of the parameters')
    .action((opts: { json?: boolean }) => {
      if (opts.json) {
        const out = catalogue.map((b) => ({ name: b.name, summary: b.summary, golden: b.golden ?? null, params: paramProps(b) }));
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
        return;
      }
      for (const b of catalogue) {
        process.stdout.write(`${b.name}\n  ${b.summary}\n`);
        for (const line of paramUsage(b)) process.stdout.write(`    ${line}\n`);
      }
    });
}

