// The build cache shared by every compiled artifact (Verilator harnesses, testbench binaries): an
// entry is built in a private directory and published with an atomic rename, so two processes can
// share one cache and a failed build leaves nothing behind.

import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** $BITFORGE_CACHE, else $XDG_CACHE_HOME/bitforge or ~/.cache/bitforge (shared by all projects, like ccache). */
export function cacheRoot(): string {
  if (process.env.BITFORGE_CACHE) return resolve(process.env.BITFORGE_CACHE);
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'bitforge');
}

/**
 * The directory of cache entry `<area>/<key>`, whose `artifact` file marks it complete. When missing,
 * `build(dir)` fills a private directory that is then published.
 */
export async function cachedBuild(area: string, key: string, artifact: string, build: (dir: string) => Promise<void>): Promise<{ dir: string; cached: boolean }> {
  const final = join(cacheRoot(), area, key);
  if (existsSync(join(final, artifact))) return { dir: final, cached: true };
  mkdirSync(join(cacheRoot(), area), { recursive: true });
  const tmp = mkdtempSync(join(cacheRoot(), area, `${key}.tmp-`));
  try {
    await build(tmp);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  try {
    renameSync(tmp, final); // another process may have won the race: its entry is as good
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { dir: final, cached: false };
}
