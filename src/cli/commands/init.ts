// `bitforge init <dir>`: a new project with a sample block of its own, ready for npm install && npm test.

import { Command } from 'commander';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { projectFiles } from '../../init/project.js';
import { writeFiles } from '../../util/write-files.js';
import { UserError } from '../user-error.js';

export function initCommand(): Command {
  return new Command('init')
    .description('write a new project with one sample block (generator, golden model, test, npm scripts) into <dir>')
    .argument('<dir>', 'folder to create (or an empty one)')
    .action((dir: string) => {
      if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UserError(`${dir}: a file is there, not a folder`);
      if (existsSync(dir) && readdirSync(dir).length > 0) throw new UserError(`${dir}: not empty; init writes a new project into a new or empty folder`);
      const written = writeFiles(dir, projectFiles(dir));
      process.stdout.write(`wrote ${written.length} files into ${dir}: a saturating adder in src/sat-add.ts, its golden model and a test\n`
        + `next: cd ${dir} && npm install && npm test, then npx bitforge sim ./src/sat-add.ts\n`);
    });
}
