import { Command } from 'commander';
import { catalogue } from '../../blocks/catalogue.js';
import { kebab, paramProps } from '../block-params.js';

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
        for (const [k, p] of Object.entries(paramProps(b))) {
          const range = p.minimum !== undefined ? ` ${p.minimum}..${p.maximum}` : p.enum ? ` ${p.enum.join('|')}` : '';
          // A boolean is a switch: --flag turns it on, --no-flag off (no value follows either).
          const usage = p.type === 'boolean' ? `--${kebab(k)} | --no-${kebab(k)}` : `--${kebab(k)} <${p.type}${range}>`;
          process.stdout.write(`    ${usage}  ${p.description ?? ''}${p.default === undefined ? '' : ` (default ${JSON.stringify(p.default)})`}\n`);
        }
      }
    });
}
