// The two kinds of design equiv compares: a block under some parameters (emitted as `emit` would,
// --fmax included), and a user's Verilog module, whose ports Yosys reads.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { emitBlock, type EmittableBlock, type FmaxRequest } from '../codegen/emit-block.js';
import type { DesignFile, PortInfo } from '../codegen/design-files.js';
import type { Handshake } from '../codegen/handshake.js';
import type { Pass } from '../ir/passes/index.js';
import { runTool, type ToolSource } from '../synth/tools.js';
import type { Side } from './miter.js';

/** One design of the pair: its top module and its Verilog files. */
export interface SideFiles {
  readonly top: string;
  readonly files: readonly DesignFile[];
}

export type DesignSide = Side & SideFiles;

/** The files Yosys reads (not the metadata beside them). */
export const verilogOf = (files: readonly DesignFile[]) => files.filter((f) => /\.s?v$/.test(f.path));

/** Cycles from in_valid to out_valid where they are fixed (0: combinational); null where the design times itself. */
export const fixedLatency = (h: Handshake): number | null => (h.kind === 'combinational' ? 0 : h.kind === 'pipeline' ? h.latency : null);

/** A block as `emit` writes it: `passes` run on its IR first, `fmax` pipelines it. */
/** A sequential or stream handshake's stated cycle behaviour, in words. */
const timingOf = (h: Handshake) => (h.kind === 'stream' ? `a stream of at most ${h.maxInterval ?? '?'} cycles per transaction`
  : h.kind === 'sequential' ? `${h.cycles ?? 'its own cycles'}${h.latency !== undefined ? `, latency ${h.latency}` : ''}` : h.kind);

export function blockSide(block: EmittableBlock, params: Record<string, unknown>, label: string, fmax?: FmaxRequest, passes: readonly Pass[] = []): DesignSide {
  const e = emitBlock(block, params, passes, fmax);
  const h = e.metadata.handshake, latency = fixedLatency(h);
  return { label, top: e.design.top.name, ports: e.metadata.ports, latency, ...(latency === null ? { timing: timingOf(h) } : {}), files: e.files, emitted: true };
}

export class ReferenceError extends Error {}

interface YosysPort { readonly direction: 'input' | 'output' | 'inout'; readonly bits: unknown[]; readonly signed?: number }

/**
 * A user's module: `paths` read by Yosys, `module` the top (or the one top-level module they hold).
 * `latency`: its cycles from in_valid to out_valid; by default 0 without a clock, else `clocked`.
 */
export async function referenceSide(paths: readonly string[], module: string | undefined, latency: number | undefined, clocked: number | null, yosys: ToolSource = 'wasm'): Promise<DesignSide> {
  const files: DesignFile[] = paths.map((file) => {
    try {
      return { path: basename(file), content: readFileSync(file, 'utf8') };
    } catch (e) {
      throw new ReferenceError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as NodeJS.ErrnoException).code === 'EISDIR' ? 'a directory' : (e as Error).message}`);
    }
  });
  const file = paths.join(',');
  if (new Set(files.map((f) => f.path)).size < files.length) throw new ReferenceError(`${file}: two files with one name`);
  const top = module ? `-top ${module}` : '-auto-top';
  const read = files.map((f) => `read_verilog -sv ${f.path}`).join('; ');
  const r = await runTool({ tool: 'yosys', args: ['-q', '-p', `${read}; hierarchy -check ${top}; proc; write_json ports.json`], files: Object.fromEntries(files.map((f) => [f.path, f.content])) }, yosys, 120_000);
  if (!r.ok || !r.files['ports.json']) {
    const err = r.log.split('\n').find((l) => /ERROR/.test(l))?.replace(/^ERROR:\s*/, '') ?? 'Yosys could not read it';
    throw new ReferenceError(`${file}${module ? `:${module}` : ''}: ${err.trim()}`);
  }
  const json = JSON.parse(r.files['ports.json']) as { modules: Record<string, { attributes?: Record<string, unknown>; ports: Record<string, YosysPort> }> };
  const name = module ?? Object.entries(json.modules).find(([, m]) => m.attributes?.['top'] !== undefined)?.[0];
  const mod = name ? json.modules[name] : undefined;
  if (!name || !mod) throw new ReferenceError(`${file}: no module ${module ?? '(no single top module: name it as FILE.v:module)'}`);
  const ports: PortInfo[] = [];
  for (const [n, p] of Object.entries(mod.ports)) {
    if (p.direction === 'inout') throw new ReferenceError(`${file}:${name}: inout port ${n} (equiv compares inputs and outputs only)`);
    ports.push({ name: n, direction: p.direction, width: p.bits.length, signed: p.signed === 1 });
  }
  const hasClock = ports.some((p) => p.name === 'clk');
  return { label: `${files.length === 1 ? files[0]!.path : 'reference'}:${name}`, top: name, ports, latency: latency ?? (hasClock ? clocked : 0), files };
}
