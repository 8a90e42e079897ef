// A failure, made small and visible: the failing vector and a window before it (from the first
// vector when outputs depend on history) as a standalone testbench (replay.v + replay_*.hex), run
// in Icarus with a VCD of the window. The vectors are regenerated from the seed, not kept.

import { join } from 'node:path';
import type { Mismatch } from './result.js';
import type { CosimSetup } from './setup.js';
import { runTestbench } from './simulators.js';
import { testbenchSpec, writeTestbench } from './testbench-run.js';
import type { VectorSource } from './vectors.js';

export interface Replay {
  readonly files: string[];
  readonly vcd: string;
  readonly reproduced: boolean;
  readonly from: number;
}

const WINDOW = 8;

export async function writeReplay(s: CosimSetup, src: VectorSource, m: Mismatch, dir: string): Promise<Replay> {
  const failing = m.index;
  const history = s.mode === 'cycle' || (s.model.kind === 'transaction' && s.model.stateful === true);
  // Whole groups: an output of a streamed block needs every beat of its group. Packet streams
  // replay the failing packet alone (packets are independent).
  const G = src.group;
  const from = m.packet ? m.packet.firstInput : history ? 0 : Math.max(0, Math.floor((failing - WINDOW) / G) * G);
  const to = m.packet ? m.packet.firstInput + Math.max(1, m.packet.inputs) : Math.ceil((failing + 1) / G) * G;
  const spec = testbenchSpec(s, src, { from, to, stem: 'replay', vcd: true });
  writeTestbench(s, spec, dir);
  const out = (await runTestbench('icarus', dir, [...s.designFiles], 600_000, 'replay')).stdout;
  const files = ['replay.v', 'replay_in.hex', 'replay_expected.hex', ...(spec.gaps && s.mode !== 'comb' && s.mode !== 'cycle' ? ['replay_gaps.hex'] : []), ...(s.mode === 'stream' ? ['replay_stalls.hex'] : [])];
  return { files: files.map((f) => join(dir, f)), vcd: join(dir, 'replay.vcd'), reproduced: /MISMATCH|TIMEOUT/.test(out), from };
}
