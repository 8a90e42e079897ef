// `--fmax <MHz>` with `--target`: pipelining a block to a frequency, checked whole before any work.

import type { BlockDef } from '../blocks/block.js';
import { catalogue } from '../blocks/catalogue.js';
import { fmaxPlan, fmaxSets, takesFmax, type BlockMetadata, type FmaxRequest } from '../codegen/emit-block.js';
import { TARGETS, type Target } from '../synth/targets.js';
import { TIMING_MODELS } from '../synth/timing-model.js';
import { kebab } from './block-params.js';
import { UserError } from './user-error.js';

/**
 * The request, or undefined without --fmax. `target` is the command's own target (synth) or the
 * --target given for the purpose (emit, sim, tb). `tokens` are the user's, to see which parameters they set.
 */
export function fmaxRequest(block: BlockDef, params: Record<string, unknown>, tokens: readonly string[], fmax: string | undefined, target: string | undefined, margin?: string): FmaxRequest | undefined {
  if (fmax === undefined) {
    if (target !== undefined) throw new UserError('--target: only used with --fmax here (the target whose delays the pipelining uses)');
    if (margin !== undefined) throw new UserError('--fmax-margin: only used with --fmax (the share of the period the pipelining keeps back)');
    return undefined;
  }
  if (margin !== undefined && !(/^(0|0?\.\d+)$/.test(margin) && Number(margin) <= 0.6)) throw new UserError(`--fmax-margin: expected a fraction of the period from 0 to 0.6, got '${margin}'`);
  if (!/^\d+(\.\d+)?$/.test(fmax) || !(Number(fmax) >= 1 && Number(fmax) <= 1000)) throw new UserError(`--fmax: expected a frequency in MHz from 1 to 1000, got '${fmax}'`);
  const plan = fmaxPlan(block, params);
  if (typeof plan === 'string' && !takesFmax(block)) {
    const can = catalogue.filter((b) => typeof fmaxPlan(b, b.params.parse({}) as Record<string, unknown>) !== 'string').map((b) => b.name).join(', ');
    throw new UserError(`--fmax: ${block.name} cannot be pipelined to a frequency: ${plan} (blocks that can: ${can})`);
  }
  if (target === undefined) throw new UserError(`--fmax needs --target (${TARGETS.join(', ')}): the pipelining schedules by that target's delays`);
  if (!TARGETS.includes(target as Target)) throw new UserError(`--target: expected one of ${TARGETS.join(', ')}, got '${target}'`);
  if (typeof plan === 'string') throw new UserError(`--fmax: ${block.name} cannot be pipelined to a frequency with these parameters: ${plan}`);
  for (const k of fmaxSets(plan, params)) {
    const flag = `--${kebab(k)}`;
    if (tokens.some((t) => t === flag || t.startsWith(`${flag}=`))) throw new UserError(`--fmax and ${flag} both set the pipelining of ${block.name}: give one`);
  }
  const fabric = TIMING_MODELS[target as Target].fabric;
  const mhz = Number(fmax);
  if (1000 / mhz <= fabric.registerNs) throw new UserError(`--fmax: ${mhz} MHz leaves no time for logic on ${target} (a register alone takes ${fabric.registerNs.toFixed(2)} ns of the ${(1000 / mhz).toFixed(2)} ns period)`);
  if (margin !== undefined && (1000 / mhz) * (1 - Number(margin)) <= fabric.registerNs) throw new UserError(`--fmax-margin: ${margin} of the ${(1000 / mhz).toFixed(2)} ns period leaves no time for logic on ${target} (a register alone takes ${fabric.registerNs.toFixed(2)} ns)`);
  return { mhz, fabric, ...(margin !== undefined ? { margin: Number(margin) } : {}) };
}

/** One line for stderr when the frequency is out of reach of a single operator. */
export function fmaxNote(blockName: string, fmax: BlockMetadata['fmax']): string | undefined {
  if (!fmax) return undefined;
  if (fmax.keptRegisters) {
    const meets = fmax.estimatedMHz + 1e-9 >= fmax.requestedMHz;
    const loops = fmax.loopMHz === null ? 'it has no feedback loop'
      : fmax.loopMHz <= fmax.estimatedMHz + 1e-9 ? 'its feedback loops set that bound'
        : `its feedback loops would allow ${fmax.loopMHz} MHz with a deeper cycle model`;
    return `${blockName}: its registers stay where its cycle model puts them (a register added on any path would change what it does cycle by cycle); the model estimates ${fmax.estimatedMHz} MHz${meets ? '' : `, short of ${fmax.requestedMHz} MHz`}; ${loops}`;
  }
  if (fmax.chose) {
    const set = Object.entries(fmax.chose).map(([k, v]) => `--${kebab(k)} ${String(v)}`).join(' ');
    // A stream that states no bound per transaction has no latency to add up: say nothing of it.
    const more = fmax.latency ? `, ${fmax.latency} cycle(s) more latency` : '';
    const got = `${blockName}: its own stages for ${fmax.requestedMHz} MHz: ${set}${more}; the model estimates ${fmax.estimatedMHz} MHz`;
    if (fmax.estimatedMHz + 1e-9 >= fmax.requestedMHz) return got;
    return `${got}, short of ${fmax.requestedMHz} MHz with its fastest stages${fmax.loopMHz === null ? '' : `; its feedback loops allow ${fmax.loopMHz} MHz`}`;
  }
  // Block RAM the user did not write: say so, since it counts against the device's.
  const rams = fmax.delayRam ? ` (${fmax.delayRam.blocks} block RAM(s) carry ${fmax.delayRam.bits} bits of long register chains)` : '';
  const got = `${blockName}: pipelined to ${fmax.latency} stage(s) for ${fmax.requestedMHz} MHz${rams}; the model estimates ${fmax.estimatedMHz} MHz`;
  if (fmax.estimatedMHz + 1e-9 >= fmax.requestedMHz) return got;
  const byLoop = fmax.loopMHz !== null && fmax.loopMHz <= fmax.floorMHz + 1e-9;
  return `${got}: ${byLoop ? 'its feedback loop (a register through logic back to itself)' : 'its slowest single operator'} limits it to ${fmax.floorMHz} MHz`;
}
