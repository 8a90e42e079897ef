// Where bitforge keeps what it can rebuild: Verilator builds, ccache's objects, synthesis reports.

import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** $BITFORGE_CACHE, else $XDG_CACHE_HOME/bitforge or ~/.cache/bitforge (shared by all projects, like ccache). */
export function cacheRoot(): string {
  if (process.env.BITFORGE_CACHE) return resolve(process.env.BITFORGE_CACHE);
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'bitforge');
}
