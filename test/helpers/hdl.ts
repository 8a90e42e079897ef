// Test helpers: emit a design to a temp dir, lint it with Verilator and Icarus, check it with Yosys,
// and simulate it cycle by cycle with Icarus through a generated testbench.

import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { designFiles, portsOf, type PortInfo } from '../../src/codegen/index.js';
import { elaborate, type Design, type ModuleGenerator } from '../../src/dsl/index.js';

export interface Emitted {
  readonly dir: string;
  readonly design: Design;
  readonly top: string;
  readonly files: string[]; // Verilog files, children first
  readonly ports: PortInfo[];
}

export function emit<P>(gen: ModuleGenerator<P>, params: P): Emitted {
  const design = elaborate(gen, params);
  const dir = mkdtempSync(join(tmpdir(), 'bitforge-test-'));
  const files: string[] = [];
  for (const f of designFiles(design)) {
    writeFileSync(join(dir, f.path), f.content);
    if (f.path.endsWith('.v')) files.push(f.path);
  }
  return { dir, design, top: design.top.name, files, ports: portsOf(design.top) };
}

/** Verilator -Wall and Icarus -Wall must both be silent. Returns their combined output ('' when clean). */
export async function lint(e: Emitted): Promise<string> {
  const v = await execa('verilator', ['--lint-only', '-Wall', '--top-module', e.top, ...e.files], { cwd: e.dir, reject: false, all: true });
  const i = await execa('iverilog', ['-g2005', '-Wall', '-o', '/dev/null', ...e.files], { cwd: e.dir, reject: false, all: true });
  const out = [v.exitCode ? `verilator exit ${v.exitCode}` : '', v.all ?? '', i.exitCode ? `iverilog exit ${i.exitCode}` : '', i.all ?? ''];
  return out.filter((s) => s.trim()).join('\n');
}

/** Yosys `hierarchy -check; proc; check -assert` through the pinned WebAssembly build. */
export async function yosysCheck(e: Emitted): Promise<void> {
  const { runYosys } = await import('@yowasp/yosys');
  const { readFileSync } = await import('node:fs');
  const files: Record<string, string> = {};
  for (const f of e.files) files[f] = readFileSync(join(e.dir, f), 'utf8');
  let log = '';
  const sink = (b: Uint8Array | null) => { if (b) log += Buffer.from(b).toString(); };
  try {
    await runYosys(['-q', '-p', `read_verilog ${e.files.join(' ')}; hierarchy -check -top ${e.top}; proc; check -assert`], files, { stdout: sink, stderr: sink });
  } catch (err) {
    throw new Error(`yosys check failed: ${log || (err as Error).message}`);
  }
}

export type Vector = Record<string, bigint | number>;

/**
 * Runs the design for one cycle per vector: apply the inputs, let them settle, sample every output,
 * then (for clocked designs) a rising clock edge. `rst` is an ordinary input of the vectors.
 */
export type Sample = Record<string, bigint | undefined>;

/** Unknown (x/z) outputs come back as undefined. */
export async function simulate(e: Emitted, vectors: Vector[]): Promise<Sample[]> {
  const ins = e.ports.filter((p) => p.direction === 'input' && p.name !== 'clk');
  const outs = e.ports.filter((p) => p.direction === 'output');
  const clocked = e.ports.some((p) => p.name === 'clk');
  const total = ins.reduce((s, p) => s + p.width, 0);
  const lines = vectors.map((v) => {
    let word = 0n;
    for (const p of ins) {
      const x = BigInt(v[p.name] ?? 0);
      word = (word << BigInt(p.width)) | BigInt.asUintN(p.width, x);
    }
    return word.toString(16);
  });
  writeFileSync(join(e.dir, 'vectors.hex'), lines.join('\n') + '\n');
  const decl = (kind: string, p: PortInfo) => `  ${kind} ${p.width > 1 ? `[${p.width - 1}:0] ` : ''}${p.name};`;
  const tb = [
    '`timescale 1ns / 1ps',
    'module tb;',
    `  reg [${Math.max(total, 1) - 1}:0] vec [0:${vectors.length - 1}];`,
    clocked ? '  reg clk;' : '',
    ...ins.map((p) => decl('reg', p)),
    ...outs.map((p) => decl('wire', p)),
    `  ${e.top} dut (${[...(clocked ? ['.clk(clk)'] : []), ...[...ins, ...outs].map((p) => `.${p.name}(${p.name})`)].join(', ')});`,
    '  integer i;',
    '  initial begin',
    '    $readmemh("vectors.hex", vec);',
    clocked ? '    clk = 0;' : '',
    `    for (i = 0; i < ${vectors.length}; i = i + 1) begin`,
    total > 0 ? `      {${ins.map((p) => p.name).join(', ')}} = vec[i];` : '',
    '      #1;',
    `      $display("${outs.map(() => '%h').join(' ')}", ${outs.map((p) => p.name).join(', ')});`,
    clocked ? '      clk = 1; #1; clk = 0;' : '      #1;',
    '    end',
    '    $finish;',
    '  end',
    'endmodule',
  ].join('\n');
  writeFileSync(join(e.dir, 'tb.v'), tb);
  await execa('iverilog', ['-g2005', '-o', 'sim.vvp', 'tb.v', ...e.files], { cwd: e.dir });
  const r = await execa('vvp', ['-n', 'sim.vvp'], { cwd: e.dir });
  const rows = r.stdout.split('\n').filter((l) => l.trim() && !l.startsWith('VCD') && !/\$finish/.test(l));
  return rows.map((row) => {
    const vals = row.trim().split(/\s+/);
    const rec: Sample = {};
    outs.forEach((p, i) => {
      const h = vals[i]!;
      if (/[xz]/i.test(h)) { rec[p.name] = undefined; return; }
      const u = BigInt(`0x${h}`);
      rec[p.name] = p.signed ? BigInt.asIntN(p.width, u) : u;
    });
    return rec;
  });
}

/** Small seeded PRNG (xorshift) so random vectors are reproducible; the seed is printed by callers. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
}

/** Every value of a w-bit field, as signed or unsigned numbers. */
export function allValues(width: number, signed: boolean): bigint[] {
  const out: bigint[] = [];
  for (let i = 0n; i < 1n << BigInt(width); i++) out.push(signed ? BigInt.asIntN(width, i) : i);
  return out;
}

/** Every combination of the given fields' values (exhaustive stimulus). */
export function product(fields: Record<string, bigint[]>): Vector[] {
  let out: Vector[] = [{}];
  for (const [k, vals] of Object.entries(fields)) out = out.flatMap((v) => vals.map((x) => ({ ...v, [k]: x })));
  return out;
}

/** Emits, lints (must be silent), simulates, and compares every sample with `expected`. */
export async function checkBehaviour(e: Emitted, vectors: Vector[], expected: (v: Vector, i: number) => Sample): Promise<void> {
  const warnings = await lint(e);
  if (warnings) throw new Error(`lint is not clean:\n${warnings}`);
  const got = await simulate(e, vectors);
  if (got.length !== vectors.length) throw new Error(`simulation printed ${got.length} samples for ${vectors.length} vectors`);
  for (let i = 0; i < vectors.length; i++) {
    const exp = expected(vectors[i]!, i);
    for (const [k, x] of Object.entries(exp)) {
      if (got[i]![k] !== x) {
        throw new Error(`cycle ${i}, inputs ${JSON.stringify(vectors[i], (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}: ${k} = ${got[i]![k]}, expected ${x}`);
      }
    }
  }
}
