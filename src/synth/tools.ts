// Yosys and nextpnr-ice40: the pinned WebAssembly builds (@yowasp, the default: every machine gets the
// same numbers) in reused child processes, or native binaries on PATH. Both get the same files and arguments
// in a scratch directory; a timeout terminates the tool and is reported.

import { execa } from 'execa';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { withTempDir } from '../util/cleanup.js';
import { ToolError } from '../util/tool-error.js';
import type { ToolJob, ToolOutcome } from './tool-worker.js';

export type ToolSource = 'wasm' | 'native';

// The tool process runs compiled JavaScript; under vitest (running src/*.ts) it is taken from dist/.
const HERE = fileURLToPath(import.meta.url);
const WORKER = HERE.endsWith('.ts') ? resolve(dirname(HERE), '../../dist/synth/tool-worker.js') : join(dirname(HERE), 'tool-worker.js');

interface ToolProcess {
  readonly child: ChildProcess;
  jobs: number;
}

// Idle tool processes, kept for the next job (unreferenced, so they never keep Node alive); one is
// retired after RETIRE_AFTER jobs so that a slow leak in a tool cannot grow without bound.
const idle: ToolProcess[] = [];
const RETIRE_AFTER = 32;

function takeProcess(): ToolProcess {
  const p = idle.pop() ?? spawnProcess();
  p.child.ref();
  p.child.channel?.ref();
  (p.child.stderr as Socket | null)?.ref();
  return p;
}

function spawnProcess(): ToolProcess {
  const child = fork(WORKER, [], { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const p: ToolProcess = { child, jobs: 0 };
  child.once('exit', () => { const i = idle.indexOf(p); if (i >= 0) idle.splice(i, 1); });
  return p;
}

function releaseProcess(p: ToolProcess): void {
  if (++p.jobs >= RETIRE_AFTER) { p.child.kill(); return; }
  p.child.unref();
  p.child.channel?.unref();
  (p.child.stderr as Socket | null)?.unref();
  idle.push(p);
}

function runWasm(job: ToolJob, timeoutMs: number): Promise<ToolOutcome> {
  const p = takeProcess(), child = p.child;
  return new Promise((resolve, reject) => {
    let stderr = '';
    const onStderr = (d: Buffer) => { stderr += d.toString(); };
    const done = () => {
      clearTimeout(timer);
      child.stderr!.off('data', onStderr);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (r: ToolOutcome) => { done(); releaseProcess(p); resolve(r); };
    // Without a result, the process died (out of memory, a crash).
    const onExit = (code: number | null, signal: string | null) => {
      done();
      reject(new ToolError(`${job.tool} (WebAssembly) exited (${signal ?? code}) without a result${stderr.trim() ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`));
    };
    const timer = setTimeout(() => {
      done();
      child.kill('SIGKILL');
      reject(new ToolError(`${job.tool} did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`));
    }, timeoutMs);
    child.stderr!.on('data', onStderr);
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send(job);
  });
}

async function runNative(job: ToolJob, timeoutMs: number): Promise<ToolOutcome> {
  return withTempDir(`bitforge-${job.tool}-`, async (dir) => {
    for (const [name, content] of Object.entries(job.files)) writeFileSync(join(dir, name), content);
    const before = new Set(Object.keys(job.files));
    const version = (await execa(job.tool, ['--version'], { reject: false })).stdout.trim();
    const r = await execa(job.tool, job.args, { cwd: dir, all: true, reject: false, timeout: timeoutMs });
    if (r.timedOut) throw new ToolError(`${job.tool} did not finish within ${Math.round(timeoutMs / 1000)} s and was killed`);
    if ((r as { code?: string }).code === 'ENOENT') throw new ToolError(`${job.tool} not found on PATH (drop --yosys native / --nextpnr native to use the bundled WebAssembly build)`);
    const files: Record<string, string> = {};
    for (const f of readdirSync(dir)) if (!before.has(f) && statSync(join(dir, f)).isFile()) files[f] = readFileSync(join(dir, f), 'utf8');
    return { ok: r.exitCode === 0, code: r.exitCode ?? -1, log: r.all ?? '', files, version };
  });
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
