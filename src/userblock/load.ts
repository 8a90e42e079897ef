// A block from a user's module: `bitforge sim ./src/sat-add.ts` loads the file (TypeScript directly,
// through jiti: no build step) and takes the block it exports. `bitforge` and its subpaths resolve to
// this very installation, so the user's generator and the CLI share one DSL (its elaboration state is
// module-level). Every failure is a BlockLoadError: one line naming the file, and the line when known.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, relative, resolve, isAbsolute, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import { chainOfError, formatLoc } from '../dsl/index.js';
import { blockShapeProblem, looksLikeBlock } from './shape.js';

export class BlockLoadError extends Error {}

const PKG_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/** `./x.ts`, `lib/blocks.js#satAdd`, `/abs/y.mts`: a path, not a catalogue name. */
export function isBlockPath(ref: string): boolean {
  const file = ref.replace(/#[^#/\\]*$/, '');
  return file.includes('/') || file.includes('\\') || EXTENSIONS.includes(extname(file));
}

/** `bitforge` → dist/api/index.js, `bitforge/dsl` → dist/dsl/index.js, … from package.json's exports. */
function aliases(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(resolve(PKG_ROOT, 'package.json'), 'utf8')) as { exports?: Record<string, string> };
  return Object.fromEntries(Object.entries(pkg.exports ?? {}).map(([k, v]) => [k === '.' ? 'bitforge' : `bitforge/${k.slice(2)}`, resolve(PKG_ROOT, v)]));
}

const shown = (abs: string) => {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : abs;
};

/** Loads `ref` (path, optionally `#export`) and returns the block it exports. */
export async function loadUserBlock(ref: string): Promise<{ block: unknown; file: string }> {
  const m = /^(.*?)(?:#([^#/\\]*))?$/.exec(ref)!;
  const file = resolve(m[1]!), wanted = m[2];
  if (!existsSync(file)) throw new BlockLoadError(`${m[1]}: no such file (a block is a catalogue name, see bitforge list, or a path to a .ts/.js module)`);
  if (!statSync(file).isFile()) throw new BlockLoadError(`${m[1]}: a folder, not a module file`);
  if (!EXTENSIONS.includes(extname(file))) throw new BlockLoadError(`${m[1]}: a block module is a ${EXTENSIONS.join(' ')} file`);
  const alias = aliases();
  const jiti = createJiti(import.meta.url, { alias, sourceMaps: true, fsCache: false, moduleCache: false, interopDefault: false });
  let mod: Record<string, unknown>;
  try {
    process.setSourceMapsEnabled(true); // the user's TypeScript lines in every stack and diagnostic
    mod = (await jiti.import(file)) as Record<string, unknown>;
  } catch (e) {
    throw new BlockLoadError(loadFailure(e, file, alias));
  }
  const picked = pickExport(mod, shown(file), wanted);
  return { block: picked.block, file: `${file}#${picked.name}` };
}

function pickExport(mod: Record<string, unknown>, file: string, wanted: string | undefined): { block: unknown; name: string } {
  const names = Object.keys(mod).filter((k) => k !== '__esModule');
  if (wanted !== undefined) {
    if (!(wanted in mod)) throw new BlockLoadError(`${file}#${wanted}: the module has no export '${wanted}' (its exports: ${names.join(', ') || 'none'})`);
    const problem = blockShapeProblem(mod[wanted]);
    if (problem) throw new BlockLoadError(`${file}#${wanted}: ${problem}`);
    return { block: mod[wanted], name: wanted };
  }
  const def = mod['default'];
  if (def !== undefined && looksLikeBlock(def)) {
    const problem = blockShapeProblem(def);
    if (problem) throw new BlockLoadError(`${file} (default export): ${problem}`);
    return { block: def, name: 'default' };
  }
  const blocks = names.filter((k) => looksLikeBlock(mod[k]));
  if (blocks.length === 0) throw new BlockLoadError(`${file}: exports no block (export a defineBlock({ ... }) from 'bitforge/block'; its exports: ${names.join(', ') || 'none'})`);
  if (blocks.length > 1) throw new BlockLoadError(`${file}: exports ${blocks.length} blocks (${blocks.join(', ')}): name one as ${file}#${blocks[0]}`);
  const problem = blockShapeProblem(mod[blocks[0]!]);
  if (problem) throw new BlockLoadError(`${file}#${blocks[0]}: ${problem}`);
  return { block: mod[blocks[0]!], name: blocks[0]! };
}

/** One line for a module that did not load: a syntax error, an import that is not there, or a throw. */
function loadFailure(e: unknown, file: string, alias: Record<string, string>): string {
  const err = e instanceof Error ? e : new Error(String(e));
  const msg = err.message.split('\n')[0]!;
  // jiti's parse errors end with the place: "ParseError: Unexpected token \n /abs/x.ts:1:9".
  const place = /\n\s*(\/[^\n]*?):(\d+):(\d+)\s*$/.exec(err.message);
  if (/ParseError|SyntaxError/.test(err.name + msg)) {
    const where = place ? `${shown(place[1]!)}:${place[2]}:${place[3]}` : shown(file);
    return `${where}: syntax error: ${msg.replace(/^(Parse|Syntax)Error:\s*/, '').trim()}`;
  }
  if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' || (err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
    let spec = /Cannot find (?:module|package) '([^']+)'/.exec(msg)?.[1] ?? '?';
    const from = /Require stack:\n- ([^\n]+)/.exec(err.message)?.[1] ?? file;
    // An alias that matched as a prefix (`bitforge/cosim` → …/api/index.js/cosim): say what was written.
    for (const [k, v] of Object.entries(alias)) if (spec.startsWith(`${v}/`)) spec = `${k}${spec.slice(v.length)}`;
    const exportsNote = spec.startsWith('bitforge') ? ` (bitforge exports ${Object.keys(alias).join(', ')})` : '';
    return `${shown(from)}: cannot import '${spec}'${exportsNote}`;
  }
  const at = chainOfError(err, 1)[0];
  return `${at ? formatLoc(at) : shown(file)}: loading the module threw ${err.name}: ${msg}`;
}
