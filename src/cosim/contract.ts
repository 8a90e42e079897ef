// The block contract's cosimulation half, checked before a simulator is built (codegen/contract.ts has
// the handshake half): the stimulus gives every data input a BigInt that fits its port and nothing
// else, and the golden model answers with every data output and nothing else. A user's block that
// breaks it gets one line naming the port or key (never a C++ compile error, never an output silently
// expected to be 0).

import type { PortInfo } from '../codegen/design-files.js';
import { ContractError } from '../codegen/contract.js';
import { chainOfError, formatLoc } from '../dsl/index.js';
import { seededRng, type CosimModel, type Vector } from './model.js';

export { ContractError };

const describe = (v: unknown) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'string' ? `'${v}'` : typeof v === 'number' ? `the number ${v}` : v === undefined ? 'undefined' : v === null ? 'null' : typeof v === 'object' ? 'an object' : typeof v);

/** A vector names exactly `ports`, each a BigInt that fits (unsigned, or two's complement). */
export function checkVector(v: unknown, ports: readonly PortInfo[], what: string): void {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ContractError(`${what} is ${describe(v)}, not an object of port values ({ ${ports.map((p) => `${p.name}: 0n`).join(', ')} })`);
  const rec = v as Record<string, unknown>;
  const names = new Set(ports.map((p) => p.name));
  const unknown = Object.keys(rec).find((k) => !names.has(k));
  if (unknown !== undefined) throw new ContractError(`${what} has a key '${unknown}' that is not one of its ports (${[...names].join(', ') || 'none'})`);
  for (const p of ports) {
    const x = rec[p.name];
    if (x === undefined) throw new ContractError(`${what} has no value for port '${p.name}' (every one of ${[...names].join(', ')} is needed)`);
    if (typeof x !== 'bigint') throw new ContractError(`${what} gives port '${p.name}' ${describe(x)}: port values are BigInt (${typeof x === 'number' && Number.isInteger(x) ? `${x}n, or BigInt(${x})` : 'e.g. 5n'})`);
    const w = BigInt(p.width);
    if (x < -(1n << (w - 1n)) || x >= 1n << w) throw new ContractError(`${what} gives port '${p.name}' ${x}n, which does not fit its ${p.width} bit(s)`);
  }
}

/**
 * Runs the stimulus and a fresh golden model on a few vectors (the directed ones first) and checks
 * both against the ports. A throw inside either is reported with the block's name.
 */
export function checkModel(name: string, model: CosimModel<unknown>, params: unknown, ins: readonly PortInfo[], outs: readonly PortInfo[]): void {
  const rng = seededRng(1);
  const guard = <T>(what: string, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof ContractError) throw e;
      const err = e instanceof Error ? e : new Error(String(e));
      throw new ContractError(`${name}: ${what} threw ${err.name}: ${err.message.split('\n')[0]}${frameOf(err)}`);
    }
  };
  if (model.kind === 'packet') {
    const stim = guard('stimulus(params)', () => model.stimulus(params));
    // A random packet may be empty (a stimulus of directed packets only draws none).
    const drawn = guard('stimulus.random(rng)', () => stim.random(rng));
    const packets = [...stim.directed.slice(0, 2), ...(Array.isArray(drawn) && drawn.length === 0 ? [] : [drawn])];
    const golden = guard('createPacket(params)', () => model.createPacket(params));
    packets.forEach((pk, i) => {
      if (!Array.isArray(pk) || pk.length === 0) throw new ContractError(`${name}: stimulus packet ${i} is ${Array.isArray(pk) ? 'empty' : describe(pk)}: a packet is an array of input beats`);
      pk.forEach((b, j) => checkVector(b, ins, `${name}: stimulus packet ${i}, beat ${j},`));
      const out = guard('the golden model', () => golden(pk));
      if (!Array.isArray(out)) throw new ContractError(`${name}: the golden model returned ${describe(out)} for a packet: expected an array of output beats`);
      out.forEach((b, j) => checkVector(b, outs, `${name}: the golden model's output beat ${j}`));
    });
    return;
  }
  const stim = guard('stimulus(params)', () => model.stimulus(params));
  if (!Array.isArray(stim.directed)) throw new ContractError(`${name}: stimulus.directed is ${describe(stim.directed)}, not an array of vectors`);
  if (!Number.isInteger(stim.spaceBits) || stim.spaceBits < 0) throw new ContractError(`${name}: stimulus.spaceBits is ${describe(stim.spaceBits)}: the log2 of the input space, a whole number`);
  const G = model.kind === 'transaction' ? (model.groupSize?.(params) ?? 1) : 1;
  if (!Number.isInteger(G) || G < 1) throw new ContractError(`${name}: groupSize(params) is ${describe(G)}, not a whole number ≥ 1`);
  if (G > 1 && (model.kind !== 'transaction' || !model.createGroup || !stim.randomGroup || stim.directed.length % G !== 0)) {
    throw new ContractError(`${name}: a model with groups of ${G} needs createGroup, stimulus.randomGroup and directed vectors in whole groups (it has ${stim.directed.length})`);
  }
  const vectors: Vector[] = G > 1
    ? [...stim.directed.slice(0, G), ...guard('stimulus.randomGroup(rng)', () => stim.randomGroup!(rng))]
    : [...stim.directed.slice(0, 3), guard('stimulus.random(rng)', () => stim.random(rng)), ...(stim.spaceBits <= 20 ? [guard('stimulus.exhaustive(0)', () => stim.exhaustive(0))] : [])];
  vectors.forEach((v, i) => checkVector(v, ins, `${name}: stimulus vector ${i < Math.min(3, stim.directed.length) ? `directed[${i}]` : i}`));
  if (model.kind === 'cycle') {
    const m = guard('create(params)', () => model.create(params));
    for (const v of vectors) {
      const out = guard('the golden model', () => m.step(v));
      if (out !== null) checkVector(out, outs, `${name}: the golden model's output`);
    }
    return;
  }
  if (G > 1) {
    const g = guard('createGroup(params)', () => model.createGroup!(params));
    for (let i = 0; i + G <= vectors.length; i += G) {
      const out = guard('the golden model', () => g(vectors.slice(i, i + G)));
      if (!Array.isArray(out) || out.length !== G) throw new ContractError(`${name}: the group golden model returned ${Array.isArray(out) ? `${out.length} outputs` : describe(out)} for a group of ${G}`);
      out.forEach((o) => checkVector(o, outs, `${name}: the golden model's output`));
    }
    return;
  }
  const m = guard('create(params)', () => model.create(params));
  for (const v of vectors) checkVector(guard('the golden model', () => m(v)), outs, `${name}: the golden model's output`);
}

/** ` (at golden.ts:12)`: where in the user's (or the block's) code it was thrown. */
function frameOf(err: Error): string {
  const at = chainOfError(err, 1)[0];
  return at ? ` (at ${formatLoc(at)})` : '';
}
