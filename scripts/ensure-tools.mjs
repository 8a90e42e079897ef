#!/usr/bin/env node
// Makes sure the tools the tests drive are on PATH: the simulators (Verilator, Icarus), ccache (every
// Verilator build compiles through it), headless Chromium (the report page's rendering test) and
// redis-server (the queue's tests), all from Debian's packages. We install them only when running as
// root, and otherwise print the exact command.
import { spawnSync } from 'node:child_process';

const TOOLS = [
  { bin: 'verilator', probe: ['--version'], pkg: 'verilator' },
  { bin: 'iverilog', probe: ['-V'], pkg: 'iverilog' },
  { bin: 'ccache', probe: ['--version'], pkg: 'ccache' },
  // A font, so that the screenshot has text in it.
  { bin: 'chromium', probe: ['--version'], pkg: 'chromium fonts-dejavu-core' },
  // Sweeps through a queue (BullMQ): the tests start a private Redis on a free port.
  { bin: 'redis-server', probe: ['--version'], pkg: 'redis-server' },
];

const has = (t) => spawnSync(t.bin, t.probe, { stdio: 'ignore' }).status !== null &&
  spawnSync(t.bin, t.probe, { stdio: 'ignore' }).error === undefined;

const missing = TOOLS.filter((t) => !has(t));
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((t) => t.pkg).join(' ');
const cmd = `apt-get update && apt-get install -y --no-install-recommends ${pkgs}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(`bitforge: missing ${missing.map((t) => t.bin).join(', ')}; install with: sudo sh -c '${cmd}'`);
  process.exit(1);
}
console.error(`bitforge: installing ${pkgs} from Debian's packages (missing on this machine): ${cmd}`);
const r = spawnSync('sh', ['-c', cmd], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
if (r.status !== 0 || TOOLS.some((t) => !has(t))) {
  console.error(`bitforge: installing ${pkgs} failed (exit ${r.status}); run as root: ${cmd}`);
  process.exit(1);
}
console.error(`bitforge: installed ${pkgs}`);
