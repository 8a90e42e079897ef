// Yosys and nextpnr-ice40: the pinned WebAssembly builds (@yowasp, the default: every machine gets the
// same numbers) in a worker thread, or native binaries on PATH. Both get the same files and arguments
// in a scratch directory; a timeout terminates the tool and is reported.

import { execa } from 'execa';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ToolError } from '../cosim/simulators.js';
import type { ToolJob, ToolOutcome } from './tool-worker.js';

export type ToolSource = 'wasm' | 'native';

// The worker is compiled JavaScript; under vitest (running src/*.ts) it is taken from dist/.
const HERE = fileURLToPath(import.meta.url);
const WORKER = HERE.endsWith('.ts') ? resolve(dirname(HERE), '../../dist/synth/tool-worker.js') : join(dirname(HERE), 'tool-worker.js');

function runWasm(job: ToolJob, timeoutMs: number): Promise<ToolOutcome> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { workerData: job });
    const timer = setTimeout(() => {
      void w.terminate();
      reject(new ToolError(`${job.tool} did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`));
    }, timeoutMs);
    w.once('message', (r: ToolOutcome) => { clearTimeout(timer); void w.terminate(); resolve(r); });
    w.once('error', (e) => { clearTimeout(timer); reject(new ToolError(`${job.tool} (WebAssembly) crashed: ${e.message}`)); });
  });
}

async function runNative(job: ToolJob, timeoutMs: number): Promise<ToolOutcome> {
  const dir = mkdtempSync(join(tmpdir(), `bitforge-${job.tool}-`));
  try {
    for (const [name, content] of Object.entries(job.files)) writeFileSync(join(dir, name), content);
    const before = new Set(Object.keys(job.files));
    const version = (await execa(job.tool, ['--version'], { reject: false })).stdout.trim();
    const r = await execa(job.tool, job.args, { cwd: dir, all: true, reject: false, timeout: timeoutMs });
    if (r.timedOut) throw new ToolError(`${job.tool} did not finish within ${Math.round(timeoutMs / 1000)} s and was killed`);
    if ((r as { code?: string }).code === 'ENOENT') throw new ToolError(`${job.tool} not found on PATH (drop --yosys native / --nextpnr native to use the bundled WebAssembly build)`);
    const files: Record<string, string> = {};
    for (const f of readdirSync(dir)) if (!before.has(f) && statSync(join(dir, f)).isFile()) files[f] = readFileSync(join(dir, f), 'utf8');
    return { ok: r.exitCode === 0, code: r.exitCode ?? -1, log: r.all ?? '', files, version };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runTool(job: ToolJob, source: ToolSource, timeoutMs: number): Promise<ToolOutcome> {
  return source === 'wasm' ? runWasm(job, timeoutMs) : runNative(job, timeoutMs);
}

/** The log lines that explain a failure: errors first, else the tail. */
export function relevantLines(log: string, n = 6): string {
  const lines = log.split('\n').map((l) => l.trim()).filter(Boolean);
  const errs = lines.filter((l) => /error|fatal|ERROR/i.test(l));
  return (errs.length ? errs.slice(0, n) : lines.slice(-n)).join(' | ');
}
