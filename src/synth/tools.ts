// Yosys and nextpnr-ice40: the pinned WebAssembly builds (@yowasp, the default: every machine gets the
// same numbers) in a child process, or native binaries on PATH. Both get the same files and arguments
// in a scratch directory; a timeout terminates the tool and is reported.

import { execa } from 'execa';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';
import { ToolError } from '../cosim/simulators.js';
import type { ToolJob, ToolOutcome } from './tool-worker.js';

export type ToolSource = 'wasm' | 'native';

// The tool process runs compiled JavaScript; under vitest (running src/*.ts) it is taken from dist/.
const HERE = fileURLToPath(import.meta.url);
const WORKER = HERE.endsWith('.ts') ? resolve(dirname(HERE), '../../dist/synth/tool-worker.js') : join(dirname(HERE), 'tool-worker.js');

function runWasm(job: ToolJob, timeoutMs: number): Promise<ToolOutcome> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new ToolError(`${job.tool} did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`));
    }, timeoutMs);
    child.once('message', (r: ToolOutcome) => { clearTimeout(timer); resolve(r); });
    // After a result this is a no-op; without one, the process died (out of memory, a crash).
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new ToolError(`${job.tool} (WebAssembly) exited (${signal ?? code}) without a result${stderr.trim() ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`));
    });
    child.send(job);
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
