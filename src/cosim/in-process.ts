// Simulation in Node's process: chunks of rows go to a harness, Verilator's addon (which simulates
// a chunk on a worker thread while the golden model computes the next one) or the TypeScript
// simulator (no C++ build). Outputs are compared row by row; the run stops at the first mismatch.

import { MODE_NUMBER, type SimHarness } from './harness-api.js';
import { buildHarness, loadHarness, type HarnessSpec } from './harness-build.js';
import type { EngineResult, Mismatch, Progress } from './result.js';
import { packetOf } from './packet-vectors.js';
import { firstDifference, getRow } from './rows.js';
import type { CosimSetup } from './setup.js';
import { createTsHarness } from './ts-harness.js';
import type { Chunk, VectorSource } from './vectors.js';

export { MODE_NUMBER };
const CHUNK_ROWS = 1 << 16;

/** What the harness build needs to know about a block instance. */
export function harnessSpecOf(s: CosimSetup): HarnessSpec {
  return {
    top: s.top, files: s.files, ins: s.ins, outs: s.outs,
    clock: s.ports.some((p) => p.name === 'clk'),
    reset: s.mode !== 'cycle' && s.ports.some((p) => p.name === 'rst'), // cycle models drive rst themselves
    pipeline: s.mode === 'pipeline', stream: s.mode === 'stream',
  };
}

function firstBad(s: CosimSetup, c: Chunk, got: Uint32Array, seen: number): number {
  const w = s.outs.words;
  if (!c.check) return firstDifference(w, got, c.expRows, seen);
  for (let i = 0; i < seen; i++) {
    if (!c.check[i]) continue;
    for (let k = 0; k < w; k++) if (got[i * w + k] !== c.expRows[i * w + k]) return i;
  }
  return -1;
}

/** engine 'ts': the TypeScript simulator of the IR; 'verilator': the compiled harness addon. */
export async function runInProcess(s: CosimSetup, src: VectorSource, onProgress?: Progress, engine: 'verilator' | 'ts' = 'verilator'): Promise<EngineResult> {
  let sim: SimHarness, cached = false, buildSeconds = 0;
  if (engine === 'ts') {
    const spec = harnessSpecOf(s);
    sim = createTsHarness(s.design, s.ins, s.outs, spec.reset);
  } else {
    const t0 = performance.now();
    const built = await buildHarness(harnessSpecOf(s));
    buildSeconds = (performance.now() - t0) / 1000;
    const addon = loadHarness(built.path);
    const h = addon.create();
    sim = { run: (...a) => addon.run(h, ...a) };
    cached = built.cached;
  }
  let passed = 0, failed = 0, vectors = 0, cycles = 0;
  let mismatch: Mismatch | undefined;
  const it = src.chunks(CHUNK_ROWS);
  let gotRing = [0, 1].map(() => new Uint32Array(Math.max(1, Math.min(CHUNK_ROWS, src.total) * s.outs.words)));
  let k = 0;
  let next = it.next();
  while (!next.done) {
    const c = next.value;
    if (gotRing[k % 2]!.length < c.m * s.outs.words) gotRing = gotRing.map(() => new Uint32Array(c.m * s.outs.words)); // packets: more outputs than inputs
    const got = gotRing[k++ % 2]!;
    let maxCycles = s.latency + 1000;
    for (let i = 0; i < c.n; i++) maxCycles += c.gaps[i]! + s.maxInterval + 3;
    for (let i = 0; i < c.m; i++) maxCycles += c.stalls[i]! + 3;
    const running = sim.run(MODE_NUMBER[s.mode], c.inRows, c.n, c.gaps, c.stalls, got, c.m, maxCycles);
    next = it.next(); // the next chunk's stimulus and golden model, while this one simulates
    const r = await running;
    // A macrotask turn per chunk: the TS engine resolves at once, and without it a signal (Ctrl-C)
    // would wait for the whole run.
    await new Promise((resolve) => setImmediate(resolve));
    cycles += r.cycles;
    const bad = firstBad(s, c, got, r.seen);
    if (bad >= 0 || r.seen < c.m) {
      const i = bad >= 0 ? bad : r.seen;
      const checked = c.check ? c.check.subarray(0, i).reduce((a, b) => a + b, 0) : i;
      passed += checked;
      failed += bad >= 0 ? 1 : c.m - r.seen;
      vectors += i + 1;
      const expected = c.check && !c.check[i] ? null : i < c.m ? getRow(s.outs, c.expRows, i) : null;
      const got1 = bad >= 0 ? getRow(s.outs, got, i) : null;
      if (c.packets) {
        const p = packetOf(c.packets, i);
        mismatch = {
          index: c.firstOut + i, inputs: getRow(s.ins, c.inRows, p.firstInput), expected, got: got1,
          packet: { ...p, firstInput: c.first + p.firstInput },
          ...(bad < 0 ? { note: `no output ${c.firstOut + i} within ${maxCycles} cycles (${r.seen} of ${c.m} in its chunk came out)` } : {}),
        };
      } else {
        mismatch = {
          index: c.first + i, inputs: getRow(s.ins, c.inRows, i), expected, got: got1,
          ...(bad < 0 ? { note: `no output for transaction ${c.first + i} within ${maxCycles} cycles (${r.seen} of ${c.n} in its chunk came out)` } : {}),
        };
      }
      break;
    }
    passed += c.check ? c.check.reduce((a, b) => a + b, 0) : c.m;
    vectors += c.n;
    onProgress?.(vectors, src.total);
  }
  return { passed, failed, vectors, cycles, cached, buildSeconds, ...(mismatch ? { mismatch } : {}) };
}
