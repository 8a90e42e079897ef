// `bitforge init`: the files of a new project with one block of the user's own (templates/init): its
// generator, its golden model, a vitest test and npm scripts. bitforge itself is a dependency on this
// very installation, so the project builds on the version that wrote it.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PKG_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TEMPLATE = join(PKG_ROOT, 'templates', 'init');

/** A package name npm accepts, from the folder's name. */
export function packageName(dir: string): string {
  const n = basename(resolve(dir)).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '');
  return n || 'my-blocks';
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
}

/** Path → content of every file of the new project in `dir`. */
export function projectFiles(dir: string): Array<{ path: string; content: string }> {
  const pkg = JSON.parse(readFileSync(join(PKG_ROOT, 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string> };
  const name = packageName(dir);
  const files = walk(TEMPLATE).map((f) => ({ path: relative(TEMPLATE, f).split(sep).join('/'), content: readFileSync(f, 'utf8').replaceAll('{{name}}', name) }));
  const manifest = {
    name, version: '0.1.0', private: true, type: 'module',
    scripts: { test: 'vitest run', sim: 'bitforge sim ./src/sat-add.ts', synth: 'bitforge synth ./src/sat-add.ts --target ice40', sweep: 'bitforge sweep sweep.json --out sweep-report' },
    dependencies: { bitforge: `file:${PKG_ROOT}` },
    devDependencies: { typescript: pkg.devDependencies['typescript'], vitest: pkg.devDependencies['vitest'] },
  };
  files.push({ path: 'package.json', content: JSON.stringify(manifest, null, 2) + '\n' });
  files.push({ path: '.gitignore', content: 'node_modules/\nrtl/\nsweep-*/\n' });
  return files;
}
