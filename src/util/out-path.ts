// Output paths checked before any work and created without Node's recursive mkdir, which loops
// forever where a parent exists but refuses children (/proc/x). Every check has a time limit, so a
// dead network mount is an error, not a hang.

import { existsSync, mkdirSync, statSync } from 'node:fs';
import { mkdtemp, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

const LIMIT_MS = 10_000;

async function limited<T>(what: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: `no answer in ${LIMIT_MS / 1000} s` })), LIMIT_MS); timer.unref(); });
  try {
    return await Promise.race([what, late]);
  } finally {
    clearTimeout(timer);
  }
}

const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** The path itself if it exists, else its nearest existing ancestor; and whether it was the path. */
async function nearestExisting(abs: string): Promise<{ at: string; isDir: boolean; self: boolean } | string> {
  for (let at = abs; ; at = dirname(at)) {
    try {
      const s = await limited(stat(at));
      return { at, isDir: s.isDirectory(), self: at === abs };
    } catch (e) {
      if (code(e) !== 'ENOENT' && code(e) !== 'ENOTDIR') return `${at}: ${code(e)}`;
      if (dirname(at) === at) return `${at}: does not exist`;
    }
  }
}

/** Can a directory be created in `dir`? A probe folder made and removed says so (root passes access()). */
async function writable(dir: string): Promise<string | undefined> {
  try {
    await limited(rmdir(await limited(mkdtemp(join(dir, '.bitforge-probe-')))));
    return undefined;
  } catch (e) {
    return code(e);
  }
}

/** Why `dir` cannot be an output folder (one phrase), or undefined. Creates nothing that stays. */
export async function outDirProblem(dir: string): Promise<string | undefined> {
  const near = await nearestExisting(resolve(dir));
  if (typeof near === 'string') return `cannot be created (${near})`;
  if (!near.isDir) return near.self ? 'is a file, not a folder' : `cannot be created: ${near.at} is a file`;
  const why = await writable(near.at);
  if (why === undefined) return undefined;
  return near.self ? `cannot be written (${why})` : `cannot be created in ${near.at} (${why})`;
}

/** Why `file` cannot be written as an output file, or undefined. */
export async function outFileProblem(file: string): Promise<string | undefined> {
  const abs = resolve(file);
  const near = await nearestExisting(abs);
  if (typeof near === 'string') return `cannot be created (${near})`;
  if (near.self) return near.isDir ? 'is a folder, not a file' : undefined;
  return outDirProblem(dirname(abs));
}

/** mkdir -p, one component at a time (see the top of this file). */
export function makeDirs(dir: string): void {
  const abs = resolve(dir);
  if (existsSync(abs) && statSync(abs).isDirectory()) return;
  const parent = dirname(abs);
  if (parent !== abs) makeDirs(parent);
  mkdirSync(abs);
}
