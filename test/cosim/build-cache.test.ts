// The build cache: concurrent requests for one entry build it once (the others wait for the lock and
// take the published entry), a lock left by a dead process is taken over, a failed build leaves
// neither an entry nor a lock behind.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedBuild } from '../../src/cosim/build-cache.js';

let saved: string | undefined, root: string;
beforeEach(() => {
  saved = process.env.BITFORGE_CACHE;
  root = mkdtempSync(join(tmpdir(), 'bitforge-cache-test-'));
  process.env.BITFORGE_CACHE = root;
});
afterEach(() => {
  if (saved === undefined) delete process.env.BITFORGE_CACHE;
  else process.env.BITFORGE_CACHE = saved;
});

const slowBuild = (counter: { n: number }) => async (dir: string) => {
  counter.n++;
  await sleep(300);
  writeFileSync(join(dir, 'artifact'), 'built');
};

describe('cachedBuild', () => {
  it('three concurrent requests for one key build once; the others wait and get the entry', async () => {
    const counter = { n: 0 };
    const rs = await Promise.all([0, 1, 2].map(() => cachedBuild('area', 'k1', 'artifact', slowBuild(counter))));
    expect(counter.n).toBe(1);
    expect(rs.map((r) => r.cached).sort()).toEqual([false, true, true]);
    expect(new Set(rs.map((r) => r.dir)).size).toBe(1);
    expect(readdirSync(join(root, 'area'))).toEqual(['k1']); // no lock, no scratch directory left
  });

  it('a lock whose owner process is gone is taken over', async () => {
    mkdirSync(join(root, 'area', 'k2.lock'), { recursive: true });
    // A pid above the kernel's maximum is never alive.
    writeFileSync(join(root, 'area', 'k2.lock', 'owner.json'), JSON.stringify({ host: hostname(), pid: 2 ** 22 + 1 }));
    const counter = { n: 0 };
    const r = await cachedBuild('area', 'k2', 'artifact', slowBuild(counter));
    expect([counter.n, r.cached, existsSync(join(root, 'area', 'k2.lock'))]).toEqual([1, false, false]);
  });

  it('a live lock is waited for, not taken', async () => {
    const lock = join(root, 'area', 'k3.lock');
    mkdirSync(lock, { recursive: true });
    writeFileSync(join(lock, 'owner.json'), JSON.stringify({ host: hostname(), pid: process.pid }));
    const counter = { n: 0 };
    const waiting = cachedBuild('area', 'k3', 'artifact', slowBuild(counter));
    await sleep(400);
    expect(counter.n).toBe(0); // still waiting on the lock
    // The "other process" publishes its entry and releases the lock.
    mkdirSync(join(root, 'area', 'k3'));
    writeFileSync(join(root, 'area', 'k3', 'artifact'), 'theirs');
    const r = await waiting;
    expect([counter.n, r.cached]).toEqual([0, true]);
  });

  it('a failed build leaves no entry and no lock; the next request builds', async () => {
    await expect(cachedBuild('area', 'k4', 'artifact', () => Promise.reject(new Error('compile error')))).rejects.toThrow('compile error');
    expect(readdirSync(join(root, 'area'))).toEqual([]);
    const counter = { n: 0 };
    expect((await cachedBuild('area', 'k4', 'artifact', slowBuild(counter))).cached).toBe(false);
    expect(counter.n).toBe(1);
  });

  it('private build folders a killed process left (no lock for their entry) are swept; one under a live lock stays', async () => {
    const area = join(root, 'area');
    mkdirSync(join(area, 'old.tmp-abc'), { recursive: true });
    writeFileSync(join(area, 'old.tmp-abc', 'half'), 'x');
    mkdirSync(join(area, 'busy.tmp-def'));
    mkdirSync(join(area, 'busy.lock'));
    writeFileSync(join(area, 'busy.lock', 'owner.json'), JSON.stringify({ host: hostname(), pid: process.pid })); // alive: this process
    await cachedBuild('area', 'new', 'artifact', async (dir) => { writeFileSync(join(dir, 'artifact'), 'built'); });
    expect(readdirSync(area).sort()).toEqual(['busy.lock', 'busy.tmp-def', 'new']);
  });
});
