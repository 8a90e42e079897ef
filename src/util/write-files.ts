// Writes a set of generated files so that a reader never sees half of them: everything is produced
// in memory first, then each file goes through a temporary name and an atomic rename.

import { renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeDirs } from './out-path.js';
import { release, removeOnInterrupt } from './cleanup.js';
/** A generated text file: its path relative to the output directory, and its content. */
export interface TextFile {
  readonly path: string;
  readonly content: string;
}

export function writeFiles(dir: string, files: readonly TextFile[]): string[] {
  makeDirs(dir);
  const written: string[] = [];
  for (const f of files) {
    const target = join(dir, f.path);
    makeDirs(dirname(target));
    const tmp = `${target}.tmp-${process.pid}`;
    removeOnInterrupt(tmp);
    writeFileSync(tmp, f.content);
    renameSync(tmp, target);
    release(tmp);
    written.push(target);
  }
  return written;
}

/** One binary file, through a temporary name and an atomic rename: never half written. */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  makeDirs(dirname(target));
  const tmp = `${target}.tmp-${process.pid}`;
  removeOnInterrupt(tmp);
  writeFileSync(tmp, bytes);
  renameSync(tmp, target);
  release(tmp);
}
