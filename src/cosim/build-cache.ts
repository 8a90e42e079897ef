// The build cache shared by every compiled artifact (Verilator harnesses, testbench binaries): an
// entry is built in a private directory and published with an atomic rename, so two processes can
// share one cache and a failed build leaves nothing behind. While one process builds an entry, the
// others wait for it (a lock directory per entry) instead of compiling the same design again.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cacheRoot } from '../util/cache-root.js';
import { release, removeOnInterrupt } from '../util/cleanup.js';

// A lock whose owner is gone (killed build) is taken over: on this host when its process is dead,
// from another host (a shared cache directory) when it is older than the longest build we allow.
const STALE_MS = 2 * 60 * 60_000;
const POLL_MS = 100;

function ownerAlive(lock: string): boolean {
  let owner: { host?: string; pid?: number };
  try {
    owner = JSON.parse(readFileSync(join(lock, 'owner.json'), 'utf8')) as typeof owner;
  } catch {
    // Just created, owner not written yet; or damaged: judge by age.
    try { return Date.now() - statSync(lock).mtimeMs < 60_000; } catch { return false; }
  }
  if (owner.host !== hostname()) {
    try { return Date.now() - statSync(lock).mtimeMs < STALE_MS; } catch { return false; }
  }
  try {
    process.kill(owner.pid!, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the entry's lock, or waits while another live process holds it; false once the entry exists. */
async function lockOrWait(lock: string, done: () => boolean): Promise<boolean> {
  for (;;) {
    if (done()) return false;
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'owner.json'), JSON.stringify({ host: hostname(), pid: process.pid }));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (!ownerAlive(lock)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    await sleep(POLL_MS);
  }
}

/**
 * Private build folders whose entry has no lock are left from a process that was killed (a build
 * runs only under its entry's lock, and the lock goes only after the folder is published or
 * removed): swept once per area and process.
 */
const swept = new Set<string>();
function sweepStale(areaDir: string): void {
  if (swept.has(areaDir)) return;
  swept.add(areaDir);
  let names: string[];
  try { names = readdirSync(areaDir); } catch { return; }
  const locks = new Set(names.filter((n) => n.endsWith('.lock')).map((n) => n.slice(0, -'.lock'.length)));
  for (const n of names) {
    const at = n.indexOf('.tmp-');
    if (at > 0 && !locks.has(n.slice(0, at))) rmSync(join(areaDir, n), { recursive: true, force: true });
  }
}

/**
 * The directory of cache entry `<area>/<key>`, whose `artifact` file marks it complete. When missing,
 * `build(dir)` fills a private directory that is then published. `cached` is true when this process
 * did not build it (found, or built meanwhile by another process it waited for).
 */
export async function cachedBuild(area: string, key: string, artifact: string, build: (dir: string) => Promise<void>): Promise<{ dir: string; cached: boolean }> {
  const final = join(cacheRoot(), area, key);
  const done = () => existsSync(join(final, artifact));
  if (done()) return { dir: final, cached: true };
  mkdirSync(join(cacheRoot(), area), { recursive: true });
  sweepStale(join(cacheRoot(), area));
  const lock = `${final}.lock`;
  if (!(await lockOrWait(lock, done))) return { dir: final, cached: true };
  removeOnInterrupt(lock);
  try {
    if (done()) return { dir: final, cached: true }; // published between our check and the lock
    const tmp = mkdtempSync(join(cacheRoot(), area, `${key}.tmp-`));
    removeOnInterrupt(tmp);
    try {
      await build(tmp);
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      throw e;
    } finally {
      release(tmp);
    }
    try {
      renameSync(tmp, final); // a process that took a stale lock may have won the race: its entry is as good
    } catch {
      rmSync(tmp, { recursive: true, force: true });
    }
    return { dir: final, cached: false };
  } finally {
    rmSync(lock, { recursive: true, force: true });
    release(lock);
  }
}
