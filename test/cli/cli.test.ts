// The command-line contract: list, emit, build; bad input is one line on stderr, exit 2, nothing written.

import { execa } from 'execa';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogue } from '../../src/blocks/catalogue.js';
import { describe, expect, it } from 'vitest';

const CLI = join(process.cwd(), 'dist', 'cli', 'main.js'); // built by `npm test` (pretest)
const run = (args: string[], cwd = process.cwd()) => execa('node', [CLI, ...args], { cwd, reject: false });
const tmp = () => mkdtempSync(join(tmpdir(), 'bitforge-cli-'));

describe('bitforge CLI', () => {
  it('list and list --json describe every block with its parameter schema', async () => {
    const text = await run(['list']);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain('examples.adder-tree');
    expect(text.stdout).toMatch(/--n <integer 2\.\.1024>/);
    expect(text.stdout).toContain('--signed | --no-signed'); // a switch takes no value
    expect(text.stdout).not.toContain('9007199254740991'); // an unbounded integer shows no bound (loom.sip --bits showed ±2^53)
    expect(text.stdout).toMatch(/--bits <integer 1\.\.4>  activation bits per cycle/);
    const json = JSON.parse((await run(['list', '--json'])).stdout) as Array<{ name: string; params: Record<string, { type: string; default: unknown }> }>;
    const tree = json.find((b) => b.name === 'examples.adder-tree')!;
    expect(tree.params.n).toMatchObject({ type: 'integer', default: 8 });
    expect(json.map((b) => b.name)).toEqual(['examples.counter', 'examples.adder-tree', 'examples.fifo', 'int.mac', 'minifloat.mul', 'minifloat.add', 'minifloat.mac', 'minifloat.dot', 'mx.quantize', 'mx.dequantize', 'mx.dot', 'mx.dot-general', 'mx.nvfp4-quantize', 'mx.nvfp4-dot', 'loom.precision', 'loom.sip', 'loom.tile', 'tensordash.mux', 'tensordash.scheduler', 'tensordash.pe', 'apack.encoder', 'apack.decoder', 'mokey.pe', 'hadamard.transform', 'blockfmt.quantize', 'blockfmt.dequantize', 'blockfmt.dot', 'dfp.quantize', 'dfp.fma', 'gecko.encoder', 'gecko.decoder', 'gobo.decoder', 'gobo.pe', 'fpraker.pe']);
  });

  it('a command\'s --help after a block name lists that block\'s parameters', async () => {
    const r = await run(['synth', 'minifloat.mul', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('--fmax'); // the command's own help
    expect(r.stdout).toContain('Parameters of minifloat.mul');
    expect(r.stdout).toMatch(/--stages <integer 0\.\.4>  pipeline registers/);
  });

  it('--name names the top module, its files and the testbench\'s instance', async () => {
    const d = tmp();
    const r = await run(['emit', 'minifloat.mul', '--name', 'my_mul', '--out-dir', 'o'], d);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readdirSync(join(d, 'o')).sort()).toEqual(['my_mul.f', 'my_mul.json', 'my_mul.v']);
    expect(readFileSync(join(d, 'o', 'my_mul.v'), 'utf8')).toMatch(/^module my_mul \(/m);
    expect(JSON.parse(readFileSync(join(d, 'o', 'my_mul.json'), 'utf8'))).toMatchObject({ module: 'my_mul', files: ['my_mul.v'] });
  });

  it('emit writes the Verilog, the file list and the metadata JSON, identical bytes on a second run', async () => {
    const d = tmp();
    const r = await run(['emit', 'examples.adder-tree', '--n', '8', '--width', '16', '--out', 'rtl-out'], d);
    expect(r.exitCode, r.stderr).toBe(0);
    const out = join(d, 'rtl-out');
    const files = readdirSync(out).sort();
    expect(files).toEqual(['adder_tree.f', 'adder_tree.json', 'adder_tree.v']);
    const first = files.map((f) => readFileSync(join(out, f), 'utf8'));
    await run(['emit', 'examples.adder-tree', '--n', '8', '--width', '16', '--out', 'rtl-out'], d);
    expect(files.map((f) => readFileSync(join(out, f), 'utf8'))).toEqual(first);
    const meta = JSON.parse(first[1]!) as { handshake: unknown; ports: Array<{ name: string }> };
    expect(meta.handshake).toEqual({ kind: 'pipeline', latency: 3 });
    expect(meta.ports.map((p) => p.name)).toContain('out_valid');
  });

  for (const [what, args, message] of [
    ['unknown block', ['emit', 'nosuch.block'], /^bitforge: error: unknown block 'nosuch\.block'/],
    ['unknown parameter', ['emit', 'examples.adder-tree', '--bogus', '3'], /^bitforge: error: unknown option --bogus for examples\.adder-tree \(its parameters: --n, --width, --every; the command's options: --out, --out-dir, /],
    ['non-numeric value', ['emit', 'examples.adder-tree', '--n', 'eight'], /^bitforge: error: --n: expected an integer, got 'eight'/],
    ['out-of-range value', ['emit', 'examples.adder-tree', '--width', '0'], /^bitforge: error: --width: 0 is below the minimum 1 \(examples\.adder-tree\)/],
    ['missing value', ['emit', 'examples.adder-tree', '--n'], /^bitforge: error: --n/],
    ['unknown command', ['frobnicate'], /^bitforge: error: unknown command 'frobnicate'/],
    ['a value after a switch', ['emit', 'int.mac', '--signed', 'false'], /^bitforge: error: --signed is a switch and takes no value: use --signed or --no-signed \(got 'false'\)/],
    ['unknown pass', ['emit', 'examples.adder-tree', '--passes', 'const-fold,fold'], /^bitforge: error: --passes: unknown pass 'fold' \(passes: const-fold, dce\)/],
    ['unknown simulator', ['sim', 'examples.counter', '--simulator', 'vcs'], /^bitforge: error: --simulator: expected one of verilator, ts, icarus, verilator-tb, got 'vcs'/],
    ['fuzz: no designs', ['fuzz', '--designs', '0'], /^bitforge: error: --designs: expected an integer in 1\.\.10000000, got '0'/],
    ['fuzz: unknown simulator', ['fuzz', '--against', 'verilator,modelsim'], /^bitforge: error: --against: expected a list of verilator, icarus, got 'modelsim'/],
    ['fuzz: bad seed', ['fuzz', '--seed', '-1'], /^bitforge: error: --seed/],
    ['--fmax without --target', ['emit', 'mx.dequantize', '--fmax', '100'], /^bitforge: error: --fmax needs --target \(ice40, xc7, xc7-nodsp, ecp5, gowin\)/],
    ['--fmax not a frequency', ['emit', 'mx.dequantize', '--fmax', '100MHz', '--target', 'ice40'], /^bitforge: error: --fmax: expected a frequency in MHz from 1 to 1000, got '100MHz'/],
    ['--fmax beyond the register', ['emit', 'mx.dequantize', '--fmax', '900', '--target', 'ice40'], /^bitforge: error: --fmax: 900 MHz leaves no time for logic on ice40/],
    ['--fmax with --stages', ['emit', 'mx.dequantize', '--fmax', '100', '--target', 'ice40', '--stages', '1'], /^bitforge: error: --fmax and --stages both set the pipelining of mx\.dequantize: give one/],
    ['--fmax on a stream configuration', ['emit', 'mx.quantize', '--block', '32', '--lanes', '8', '--fmax', '100', '--target', 'ice40'], /^bitforge: error: --fmax: mx\.quantize cannot be pipelined to a frequency with these parameters: --lanes below --block makes a lane stream/],
    ['--fmax: unknown target', ['emit', 'mx.dequantize', '--fmax', '100', '--target', 'virtex2'], /^bitforge: error: --target: expected one of ice40, xc7/],
    ['--target without --fmax', ['emit', 'mx.dequantize', '--target', 'ice40'], /^bitforge: error: --target: only used with --fmax here/],
    ['sim --fmax without --target', ['sim', 'mx.dequantize', '--fmax', '100'], /^bitforge: error: --fmax needs --target/],
    ['--fmax-margin beyond 0.6', ['emit', 'mx.dequantize', '--fmax', '100', '--target', 'ice40', '--fmax-margin', '0.7'], /^bitforge: error: --fmax-margin: expected a fraction of the period from 0 to 0\.6, got '0\.7'/],
    ['--fmax-margin not a number', ['sim', 'mx.dequantize', '--fmax', '100', '--target', 'ice40', '--fmax-margin', '20%'], /^bitforge: error: --fmax-margin: expected a fraction of the period from 0 to 0\.6, got '20%'/],
    ['--fmax-margin below 0', ['emit', 'mx.dequantize', '--fmax', '100', '--target', 'ice40', '--fmax-margin=-0.1'], /^bitforge: error: --fmax-margin: expected a fraction of the period from 0 to 0\.6, got '-0\.1'/],
    ['--name that is not a Verilog identifier', ['emit', 'examples.counter', '--name', '9bad'], /^bitforge: error: --name: '9bad' is not a Verilog module name/],
    ['--name taken inside the design', ['emit', 'examples.counter', '--name', 'count'], /^bitforge: error: --name: 'count' is already a signal or instance name inside the top module/],
    ['a negative number', ['emit', 'examples.adder-tree', '--width', '-3'], /^bitforge: error: --width: -3 is below the minimum 1 \(examples\.adder-tree\)/],
    ['a value starting with a dash', ['emit', 'examples.adder-tree', '--width', '-x'], /^bitforge: error: --width: a value that starts with '-' is written --width=<value> \(got --width -x\)/],
    ['--fmax-margin without --fmax', ['emit', 'mx.dequantize', '--fmax-margin', '0.3'], /^bitforge: error: --fmax-margin: only used with --fmax/],
    ['--fmax-margin that leaves no time', ['emit', 'mx.dequantize', '--fmax', '500', '--target', 'ice40', '--fmax-margin', '0.3'], /^bitforge: error: --fmax-margin: 0\.3 of the 2\.00 ns period leaves no time for logic on ice40/],
  ] as const) {
    it(`${what}: one line on stderr, exit 2, nothing written`, async () => {
      const d = tmp();
      const r = await run([...args, '--out', 'rtl-out'], d);
      expect(r.exitCode).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
      expect(existsSync(join(d, 'rtl-out'))).toBe(false);
    });
  }

  it('emit --fmax on ice40 says how many block RAMs carry long register chains, and the metadata counts them; xc7 takes none', async () => {
    const d = tmp();
    const r = await run(['emit', 'mx.nvfp4-quantize', '--block', '4', '--fmax', '100', '--target', 'ice40', '--out', join(d, 'q')]);
    expect(r.exitCode, r.stderr).toBe(0);
    const said = /pipelined to \d+ stage\(s\) for 100 MHz \((\d+) block RAM\(s\) carry (\d+) bits of long register chains\)/.exec(r.stderr);
    expect(said, r.stderr).not.toBeNull();
    const json = readdirSync(join(d, 'q')).find((f) => f.endsWith('.json'))!;
    const meta = JSON.parse(readFileSync(join(d, 'q', json), 'utf8')) as { fmax: { delayRam?: { blocks: number; bits: number } } };
    expect(meta.fmax.delayRam).toEqual({ blocks: Number(said![1]), bits: Number(said![2]) });
    const v = readFileSync(join(d, 'q', json.replace(/\.json$/, '.v')), 'utf8');
    expect(v.match(/^\s*reg \[\d+:0\] \w+_mem \[0:\d+\];/gm)?.length).toBeGreaterThan(0);
    const x = await run(['emit', 'mx.nvfp4-quantize', '--block', '4', '--fmax', '100', '--target', 'xc7', '--out', join(d, 'x')]);
    expect(x.exitCode, x.stderr).toBe(0);
    expect(x.stderr).not.toMatch(/block RAM/);
  });

  it('emit --fmax pipelines to the frequency: latency in the metadata, more stages for a faster clock, and sim passes at that latency', async () => {
    const d = tmp();
    const latency = async (mhz: number) => {
      const r = await run(['emit', 'minifloat.add', '--fmax', String(mhz), '--target', 'ice40', '--out-dir', `f${mhz}`], d);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`minifloat\\.add: pipelined to \\d+ stage\\(s\\) for ${mhz} MHz`));
      const json = readdirSync(join(d, `f${mhz}`)).find((f) => f.endsWith('.json'))!;
      const meta = JSON.parse(readFileSync(join(d, `f${mhz}`, json), 'utf8')) as { handshake: { kind: string; latency: number }; fmax: { latency: number; requestedMHz: number } };
      expect(meta.handshake).toEqual({ kind: 'pipeline', latency: meta.fmax.latency });
      expect(meta.fmax.requestedMHz).toBe(mhz);
      return meta.fmax.latency;
    };
    const [l50, l100] = [await latency(50), await latency(100)];
    expect(l50).toBeGreaterThan(0);
    expect(l100).toBeGreaterThan(l50);
    const sim = await run(['sim', 'minifloat.add', '--fmax', '100', '--target', 'ice40', '--simulator', 'ts', '--vectors', '2000']);
    expect(sim.exitCode, sim.stderr).toBe(0);
    expect(sim.stdout).toContain(`pipelined to ${l100} stage(s) for 100 MHz`);
    expect(sim.stdout).toMatch(/2\d{3} passed, 0 failed/);
    // A frequency the combinational form meets: no stages, and the handshake is that form's, not that of
    // the default hand-set stages (mx.dequantize: 1; sim would fail at the wrong latency).
    const slow = await run(['emit', 'mx.dequantize', '--block', '4', '--fmax', '5', '--target', 'ice40', '--out', join(d, 'f5')]);
    expect(slow.exitCode, slow.stderr).toBe(0);
    const json5 = readdirSync(join(d, 'f5')).find((f) => f.endsWith('.json'))!;
    expect((JSON.parse(readFileSync(join(d, 'f5', json5), 'utf8')) as { handshake: unknown }).handshake).toEqual({ kind: 'combinational' });
    const sim5 = await run(['sim', 'mx.dequantize', '--block', '4', '--fmax', '5', '--target', 'ice40', '--simulator', 'ts', '--vectors', '2000']);
    expect(sim5.exitCode, sim5.stderr).toBe(0);
    expect(sim5.stdout).toMatch(/ 0 failed/);
  });

  it('--fmax-margin keeps a larger share of the period back: more stages, the margin in the metadata, and sim passes at them', async () => {
    const d = tmp();
    const meta = async (extra: string[], out: string) => {
      const r = await run(['emit', 'minifloat.add', '--fmax', '100', '--target', 'ice40', ...extra, '--out-dir', out], d);
      expect(r.exitCode, r.stderr).toBe(0);
      const json = readdirSync(join(d, out)).find((f) => f.endsWith('.json'))!;
      return (JSON.parse(readFileSync(join(d, out, json), 'utf8')) as { fmax: { latency: number; margin?: number } }).fmax;
    };
    const [plain, wide] = [await meta([], 'plain'), await meta(['--fmax-margin', '0.5'], 'wide')];
    expect(plain.margin).toBeUndefined(); // the target's own
    expect(wide.margin).toBe(0.5);
    expect(wide.latency).toBeGreaterThan(plain.latency);
    const sim = await run(['sim', 'minifloat.add', '--fmax', '100', '--target', 'ice40', '--fmax-margin', '0.5', '--simulator', 'ts', '--vectors', '2000']);
    expect(sim.exitCode, sim.stderr).toBe(0);
    expect(sim.stdout).toContain(`pipelined to ${wide.latency} stage(s) for 100 MHz`);
    expect(sim.stdout).toMatch(/2\d{3} passed, 0 failed/);
  });

  it('--fmax on a sequential or streaming block keeps its registers: the same Verilog, latency 0, the model\'s bound in the metadata, and sim passes', async () => {
    for (const block of ['apack.encoder', 'examples.fifo']) {
      const [a, b] = [tmp(), tmp()];
      expect((await run(['emit', block, '--out', a])).exitCode).toBe(0);
      const r = await run(['emit', block, '--fmax', '100', '--target', 'ice40', '--out', b]);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stderr).toContain(`${block}: its registers stay where its cycle model puts them`);
      const verilog = (d: string) => readdirSync(d).filter((f) => f.endsWith('.v')).map((f) => readFileSync(join(d, f), 'utf8'));
      expect(verilog(b)).toEqual(verilog(a));
      const json = readdirSync(b).find((f) => f.endsWith('.json'))!;
      const meta = JSON.parse(readFileSync(join(b, json), 'utf8')) as { handshake: unknown; fmax: { latency: number; estimatedMHz: number; loopMHz: number | null; keptRegisters: boolean } };
      const plain = JSON.parse(readFileSync(join(a, json), 'utf8')) as { handshake: unknown };
      expect(meta.handshake).toEqual(plain.handshake);
      expect([meta.fmax.latency, meta.fmax.keptRegisters]).toEqual([0, true]);
      expect(meta.fmax.estimatedMHz).toBeGreaterThan(0);
      // apack.encoder's slowest path is on no loop: its loops allow more. The FIFO's is its occupancy loop.
      if (block === 'apack.encoder') {
        expect(meta.fmax.loopMHz).toBeGreaterThan(meta.fmax.estimatedMHz);
        expect(r.stderr).toContain(`its feedback loops would allow ${meta.fmax.loopMHz} MHz with a deeper cycle model`);
      } else {
        expect(meta.fmax.loopMHz).toBe(meta.fmax.estimatedMHz);
        expect(r.stderr).toContain('its feedback loops set that bound');
      }
    }
    const sim = await run(['sim', 'apack.encoder', '--fmax', '100', '--target', 'ice40', '--simulator', 'ts', '--vectors', '2000']);
    expect(sim.exitCode, sim.stderr).toBe(0);
    expect(sim.stdout + sim.stderr).toContain('apack.encoder: its registers stay where its cycle model puts them');
    expect(sim.stdout).toMatch(/ 0 failed/);
  });

  it('--fmax on a block with stages of its own (loom.sip) takes the fewest the model times at the frequency: the Verilog and cycle model of those stages, and sim passes', async () => {
    const emitted = async (args: string[]) => {
      const d = tmp();
      const r = await run(['emit', 'loom.sip', ...args, '--out', d]);
      expect(r.exitCode, r.stderr).toBe(0);
      const json = readdirSync(d).find((f) => f.endsWith('.json'))!;
      const verilog = readdirSync(d).filter((f) => f.endsWith('.v')).map((f) => readFileSync(join(d, f), 'utf8'));
      const meta = JSON.parse(readFileSync(join(d, json), 'utf8')) as { params: { stages: number }; handshake: { latency: number }; fmax?: { latency: number; estimatedMHz: number; chose: { stages: number } } };
      return { r, verilog, meta };
    };
    const f50 = await emitted(['--fmax', '50', '--target', 'ice40']), f100 = await emitted(['--fmax', '100', '--target', 'ice40']);
    const s50 = f50.meta.fmax!.chose.stages, s100 = f100.meta.fmax!.chose.stages;
    expect(s50).toBeLessThan(s100); // a lower frequency takes fewer stages
    expect(f50.meta.fmax!.estimatedMHz).toBeGreaterThanOrEqual(50);
    expect(f100.meta.fmax!.estimatedMHz).toBeGreaterThanOrEqual(100);
    // What was chosen is exactly the block with --stages: its Verilog, its parameters, and one cycle of latency per stage.
    const plain = await emitted(['--stages', String(s100)]), none = await emitted([]);
    expect(f100.verilog).toEqual(plain.verilog);
    expect(f100.meta.params.stages).toBe(s100);
    expect(f100.meta.handshake).toEqual(plain.meta.handshake);
    expect(f100.meta.handshake.latency - none.meta.handshake.latency).toBe(s100);
    expect(f100.meta.fmax!.latency).toBe(s100);
    expect(f100.r.stderr).toContain(`loom.sip: its own stages for 100 MHz: --stages ${s100}, ${s100} cycle(s) more latency`);
    // Out of reach: the fastest stages, said so.
    const f300 = await emitted(['--fmax', '300', '--target', 'ice40']);
    expect(f300.r.stderr).toMatch(/short of 300 MHz with its fastest stages; its feedback loops allow [\d.]+ MHz/);
    // Both ways at once is a mistake.
    const both = await run(['emit', 'loom.sip', '--fmax', '100', '--target', 'ice40', '--stages', '2', '--out', tmp()]);
    expect(both.exitCode).toBe(2);
    expect(both.stderr.trim()).toBe('bitforge: error: --fmax and --stages both set the pipelining of loom.sip: give one');
    const sim = await run(['sim', 'loom.sip', '--fmax', '100', '--target', 'ice40', '--simulator', 'ts', '--vectors', '2000']);
    expect(sim.exitCode, sim.stderr).toBe(0);
    expect(sim.stdout).toMatch(/ 0 failed/);
  });

  it('emit --passes const-fold,dce writes smaller Verilog with the same ports', async () => {
    const [a, b] = [tmp(), tmp()];
    const plain = await run(['emit', 'mx.dot-general', '--out', a]);
    const opt = await run(['emit', 'mx.dot-general', '--passes', 'const-fold,dce', '--out', b]);
    expect([plain.exitCode, opt.exitCode]).toEqual([0, 0]);
    const size = (d: string) => readdirSync(d).filter((f) => f.endsWith('.v')).reduce((s, f) => s + readFileSync(join(d, f), 'utf8').length, 0);
    expect(size(b)).toBeLessThan(size(a));
    const ports = (d: string) => (JSON.parse(readFileSync(join(d, readdirSync(d).find((f) => f.endsWith('.json'))!), 'utf8')) as { ports: unknown }).ports;
    expect(ports(b)).toEqual(ports(a));
  });

  it('a bad BITFORGE_VERILATOR_OPT is one line naming the variable, exit 2, before any work', async () => {
    const d = tmp();
    const r = await execa('node', [CLI, 'sim', 'examples.counter', '--out', 'sim-out'], { cwd: d, reject: false, env: { BITFORGE_VERILATOR_OPT: '-O9' } });
    expect([r.exitCode, r.stderr.trim()]).toEqual([2, "bitforge: error: BITFORGE_VERILATOR_OPT: expected one of -O0, -O1, -O2, -O3, -Os, got '-O9'"]);
    expect(existsSync(join(d, 'sim-out'))).toBe(false);
  });

  it('build emits the whole catalogue into rtl-out/<block>/', async () => {
    const d = tmp();
    const r = await run(['build', '--no-synth'], d);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain(`built ${catalogue.length} block(s)`);
    expect(readdirSync(join(d, 'rtl-out')).sort()).toEqual(catalogue.map((b) => b.name).sort());
    expect(readdirSync(join(d, 'rtl-out', 'examples.counter'))).toContain('counter.v');
    expect(readdirSync(join(d, 'rtl-out', 'examples.adder-tree'))).toContain('adder_tree.json');
  });

  // Output paths are checked before any work: a file where a folder goes, a folder under a file, a
  // place no folder can be made (/proc: Node's recursive mkdir loops forever there), a folder where a
  // file goes. Each is one line naming the flag and the path, exit 2, within seconds.
  it('output paths that cannot be written: one line naming the flag and the path, exit 2, no hang', async () => {
    const d = tmp();
    writeFileSync(join(d, 'taken'), 'x');
    const spec = join(d, 'spec.json');
    writeFileSync(spec, JSON.stringify({ block: 'minifloat.mul', params: { a: ['e4m3', 'e5m2'] }, targets: ['ice40'] }));
    const cases: Array<[string[], string]> = [
      [['emit', 'examples.counter', '--out', 'taken'], '--out: taken is a file, not a folder'],
      [['emit', 'minifloat.add', '--out-dir', 'taken/sub'], `--out-dir: taken/sub cannot be created: ${join(d, 'taken')} is a file`],
      [['emit', 'examples.counter', '--out', '/proc/bitforge-x'], '--out: /proc/bitforge-x cannot be created in /proc'],
      [['tb', 'examples.counter', '--out', 'taken'], '--out: taken is a file, not a folder'],
      [['sim', 'examples.counter', '--out-dir', 'taken'], '--out-dir: taken is a file, not a folder'],
      [['equiv', 'examples.counter', '--variant', 'width=9', '--out', 'taken'], '--out: taken is a file, not a folder'],
      [['sweep', spec, '--out', 'taken'], '--out: taken is a file, not a folder'], // before any synthesis
      [['build', '--no-synth', '--out', 'taken'], '--out: taken is a file, not a folder'],
      [['fuzz', '--designs', '1', '--out', 'taken/x'], `--out: taken/x cannot be created: ${join(d, 'taken')} is a file`],
      [['apack', 'encode', 'taken', '--out', '.'], '--out: . is a folder, not a file'],
    ];
    const results = await Promise.all(cases.map(([args]) => execa('node', [CLI, ...args], { cwd: d, reject: false, timeout: 30_000, env: { BITFORGE_CACHE: join(d, 'cache') } })));
    cases.forEach(([args, message], i) => {
      const r = results[i]!;
      expect([args.join(' '), r.exitCode, r.stderr.trim().split('\n').length]).toEqual([args.join(' '), 2, 1]);
      expect(r.stderr).toContain(`bitforge: error: ${message}`);
    });
    expect(readdirSync(d).sort()).toEqual(['spec.json', 'taken']); // nothing written, not even the cache
  });

  it('sim without --out leaves no temporary folder behind', async () => {
    const d = tmp();
    const r = await execa('node', [CLI, 'sim', 'examples.counter', '--simulator', 'ts', '--vectors', '50'], { cwd: d, reject: false, env: { TMPDIR: d } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readdirSync(d)).toEqual([]);
  });

  it('Ctrl-C during a sim removes its temporary folder and exits 130', async () => {
    const d = tmp();
    const child = execa('node', [CLI, 'sim', 'examples.counter', '--simulator', 'ts', '--vectors', '100000000'], { cwd: d, reject: false, env: { TMPDIR: d, BITFORGE_CACHE: join(d, 'cache') } });
    for (let i = 0; i < 200 && !readdirSync(d).some((f) => f.startsWith('bitforge-sim-')); i++) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(d).some((f) => f.startsWith('bitforge-sim-')), 'the run started').toBe(true);
    child.kill('SIGINT');
    const r = await child;
    expect(r.exitCode).toBe(130);
    expect(readdirSync(d).filter((f) => f !== 'cache')).toEqual([]);
  });
});
