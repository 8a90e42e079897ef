// `bitforge synth`: resources (and, on ice40, Fmax after place and route) of one block instance.

import { Command } from 'commander';
import { synthesize } from '../../synth/run.js';
import { TARGETS, type Target } from '../../synth/targets.js';
import type { ToolSource } from '../../synth/tools.js';
import { WRAPPER_MODES, type WrapperMode } from '../../synth/pin-wrapper.js';
import { parseBlockArgs } from '../block-params.js';
import { fmaxRequest } from '../fmax-option.js';
import { UserError } from '../user-error.js';
import { resolveBlock } from '../../userblock/resolve.js';
import { deviceShare, paramText } from '../../report/markdown.js';

/** `--yosys` / `--nextpnr`: the bundled WebAssembly build (default) or a native one on PATH. */
export function toolSource(flag: string, v: string | undefined): ToolSource {
  if (v === undefined || v === 'wasm') return 'wasm';
  if (v === 'native') return 'native';
  throw new UserError(`--${flag}: expected wasm or native, got '${v}'`);
}

export function synthCommand(): Command {
  return new Command('synth')
    .description('synthesize a block: cells, LUT/FF/carry/BRAM/DSP, Fmax on ice40 (nextpnr)')
    .argument('<block>', 'block name, or a path to your block module (./src/my-block.ts[#export])')
    .argument('[params...]', `block parameters as --name value; --target ${TARGETS.join('|')} (default xc7), --json, --yosys wasm|native, --nextpnr wasm|native, --wrapper always|auto|never (registered wrapper for place and route on ice40; default always), --fmax MHz (pipeline to a frequency on the target first; a design that misses it (after routing on ice40, by the estimate elsewhere) is pipelined again with a larger margin, up to three times; --fmax-margin F fixes the share of the period kept back instead; a sequential or streaming block takes the fewest of its own stages that meet it (loom sip/tile, mokey.pe, mx.dot-general), or keeps its registers and is timed)`)
    .allowUnknownOption()
    .action(async (name: string, tokens: string[]) => {
      const block = await resolveBlock(name);
      const json = tokens.includes('--json');
      const { params, options } = parseBlockArgs(block, tokens.filter((t) => t !== '--json'), ['target', 'yosys', 'nextpnr', 'wrapper', 'fmax', 'fmax-margin']);
      const target = (options['target'] ?? 'xc7') as Target;
      if (!TARGETS.includes(target)) throw new UserError(`--target: expected one of ${TARGETS.join(', ')}, got '${target}'`);
      const wrapper = (options['wrapper'] ?? 'always') as WrapperMode;
      if (!WRAPPER_MODES.includes(wrapper)) throw new UserError(`--wrapper: expected always, auto or never, got '${wrapper}'`);
      const fmax = options['fmax'] === undefined && options['fmax-margin'] === undefined ? undefined : fmaxRequest(block, params, tokens, options['fmax'], target, options['fmax-margin']);
      const r = await synthesize(block, params, { target, wrapper, ...(fmax ? { fmaxMHz: fmax.mhz, ...(fmax.margin !== undefined ? { fmaxMargin: fmax.margin } : {}) } : {}), yosys: toolSource('yosys', options['yosys']), nextpnr: toolSource('nextpnr', options['nextpnr']) });
      if (json) {
        process.stdout.write(JSON.stringify(r, null, 2) + '\n');
        return;
      }
      const t = r.totals;
      process.stdout.write(`${r.block} (${r.module}) on ${r.targetDescription}\n`);
      process.stdout.write(`  LUT ${t.lut}  FF ${t.ff}  carry ${t.carry}  BRAM ${t.bram}  DSP ${t.dsp}\n`);
      const share = deviceShare(r);
      if (!r.pnr && share) process.stdout.write(`  ${share.percent.toFixed(1)} % of the ${share.device}'s ${share.what} (its largest share of the part)${share.percent > 100 ? ': does not fit' : ''}\n`);
      if (r.pnr) process.stdout.write(`  ${r.pnr.device}: ${r.pnr.logicCells ?? '?'} logic cells${r.pnr.utilization != null ? ` (${(r.pnr.utilization * 100).toFixed(1)} %)` : ''}, Fmax ${r.pnr.fmaxMHz !== null ? `${r.pnr.fmaxMHz} MHz` : r.pnr.unplaced ? `n/a (${r.pnr.unplaced})` : 'n/a (no clock)'}\n`);
      if (r.pipelined?.keptRegisters) {
        const loops = r.pipelined.loopMHz ? `; its feedback loops allow ${r.pipelined.loopMHz} MHz` : '';
        process.stdout.write(`  for ${r.pipelined.requestedMHz} MHz: registers kept where the cycle model puts them, ${r.pipelined.estimatedMHz} MHz by the IR model${loops}\n`);
      } else if (r.pipelined?.chose) {
        const more = r.pipelined.latency ? `, latency +${r.pipelined.latency} cycle(s)` : '';
        process.stdout.write(`  for ${r.pipelined.requestedMHz} MHz: its own stages (${paramText(r.pipelined.chose)})${more}, ${r.pipelined.estimatedMHz} MHz by the IR model\n`);
      } else if (r.pipelined) {
        const margin = r.pipelined.margin !== undefined ? ` (margin ${r.pipelined.margin})` : '';
        process.stdout.write(`  pipelined for ${r.pipelined.requestedMHz} MHz${margin}: latency ${r.pipelined.latency} cycle(s), ${r.pipelined.estimatedMHz} MHz by the IR model\n`);
        const tries = r.pipelined.attempts;
        if (tries) {
          const said = tries.map((a) => `margin ${a.margin}: ${a.latency} stage(s), ${a.fmaxMHz !== null ? `${a.fmaxMHz} MHz` : a.failed ? `not finished (${a.failed})` : `not placed${a.logicCells ? ` (${a.logicCells} logic cells)` : ''}`}`).join('; ');
          const met = (r.pnr?.fmaxMHz ?? 0) >= r.pipelined.requestedMHz;
          process.stdout.write(`  timing closure: ${said}; ${met ? 'met' : 'not met, the fastest placed kept'}${r.pipelined.margin !== undefined ? `: --fmax-margin ${r.pipelined.margin} gives this design to emit, sim and tb` : ''}\n`);
        }
      }
      const tm = r.timing;
      if (tm.criticalPathNs !== null) {
        process.stdout.write(`  timing: Fmax ${tm.fmaxMHz} MHz (${tm.source === 'nextpnr' ? 'nextpnr after routing' : 'pre-route estimate'}); estimate ${tm.estimateMHz} MHz:`
          + ` critical path ${tm.criticalPathNs} ns, ${tm.logicLevels} logic levels, ${tm.from} → ${tm.to}\n`);
      } else process.stdout.write('  timing: no path between registers or ports\n');
      if (r.wrapper) {
        const w = r.wrapper.totals;
        process.stdout.write(`  placed inside the registered wrapper: ${r.wrapper.reason};\n  ${r.wrapper.inputChainBits}-bit input chain, ${r.wrapper.outputChainBits}-bit output chain;`
          + ` the wrapper's own LUT ${w.lut}  FF ${w.ff} are not in the totals above, and are in the logic cells\n`);
      }
      process.stdout.write(`  cells: ${Object.entries(r.cells).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
      process.stdout.write(`  ${r.tools.yosys.version}${r.tools.nextpnr ? `, ${r.tools.nextpnr.version}` : ''}; ${r.wallSeconds.toFixed(1)} s\n`);
    });
}
