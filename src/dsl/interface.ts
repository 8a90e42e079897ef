// Interfaces: typed bundles of ports and the two handshakes of bitforge's blocks. Declaring one creates
// its ports with the conventional names (in_valid/out_valid; in_valid/in_ready and out_valid/out_ready),
// and the module records what it declared: the block's handshake (codegen/declared-handshake.ts), the
// testbench's control signals and the golden model's port keys (VectorOf) all follow from it.

import { currentModule, report } from './context.js';
import type { Expr } from './expr.js';
import { input, output } from './module.js';
import type { Signal } from './signal.js';
import { captureLoc } from './source-location.js';
import { pipeValid } from './stdlib/pipeline.js';
import { Bool, type HwType } from './types.js';

export type Fields = Readonly<Record<string, HwType>>;
/** One signal per field, under the field's name. */
export type Bundle<F extends Fields> = { readonly [K in keyof F]: Signal };
/** The golden model's view of a bundle: a BigInt per field, keyed by the port names. */
export type VectorOf<F extends Fields> = { [K in keyof F]: bigint };

/** What a module declared about its timing: the handshake of the block it is the top of. */
export type DeclaredHandshake =
  | { readonly kind: 'pipeline'; readonly latency: number }
  | { readonly kind: 'stream'; readonly maxInterval?: number };

export interface StreamOptions {
  /** Cycles per transaction at most, when a beat can take more than one (the testbench's timeout follows). */
  readonly maxInterval?: number;
}

/** `numbered('a', 3, UInt(8))` → { a0, a1, a2 }: the fields of n lanes. */
export function numbered(prefix: string, n: number, type: HwType): Record<string, HwType> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, type]));
}

export function inputs<F extends Fields>(fields: F): Bundle<F> {
  return Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, input(k, t)])) as Bundle<F>;
}

export function outputs<F extends Fields>(fields: F): Bundle<F> {
  return Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, output(k, t)])) as Bundle<F>;
}

export interface StreamEnd<F extends Fields> {
  readonly valid: Signal;
  readonly ready: Signal;
  readonly data: Bundle<F>;
  /** valid and ready: a beat moves this cycle. */
  readonly fire: Expr;
  /** The port map that connects an instance's stream end of the same name to this one, in one call: `instance(fifo, p, { ...inp.ports(), ...out.ports() })`. */
  ports(): Record<string, Signal>;
}

/** The input side of a valid/ready stream: in_valid and the data in, in_ready out. */
export function streamIn<F extends Fields>(fields: F, o: StreamOptions = {}): StreamEnd<F> {
  declare('streamIn', { kind: 'stream', ...(o.maxInterval !== undefined ? { maxInterval: o.maxInterval } : {}) });
  const valid = input('in_valid', Bool), ready = output('in_ready', Bool);
  const data = inputs(fields);
  return { valid, ready, data, fire: valid.and(ready), ports: () => ({ in_valid: valid, in_ready: ready, ...data }) };
}

/** The output side of a valid/ready stream: out_valid and the data out, out_ready in. */
export function streamOut<F extends Fields>(fields: F, o: StreamOptions = {}): StreamEnd<F> {
  declare('streamOut', { kind: 'stream', ...(o.maxInterval !== undefined ? { maxInterval: o.maxInterval } : {}) });
  const valid = output('out_valid', Bool), ready = input('out_ready', Bool);
  const data = outputs(fields);
  return { valid, ready, data, fire: valid.and(ready), ports: () => ({ out_valid: valid, out_ready: ready, ...data }) };
}

/**
 * A fixed-latency pipeline's valid: in_valid, and out_valid set to it `latency` cycles later (through
 * registers named `valid_s1`, …). Returns in_valid (a clock enable for the stages, where wanted). At
 * latency 0 the module is combinational: no valid ports, and undefined.
 */
export function pipelineValid(latency: number): Signal | undefined {
  if (!Number.isInteger(latency) || latency < 0) {
    report(currentModule('pipelineValid'), 'bad-range', `pipelineValid(${String(latency)}): the latency is a whole number of cycles ≥ 0`, 'compute the latency from the parameters that place the registers');
    return undefined;
  }
  if (latency === 0) return undefined;
  declare('pipeline', { kind: 'pipeline', latency });
  const inValid = input('in_valid', Bool);
  output('out_valid', Bool).set(pipeValid(inValid, latency, 'valid'));
  return inValid;
}

/** Records the module's handshake; a second, different one is a mistake (one module, one timing). */
function declare(what: string, h: DeclaredHandshake): void {
  const m = currentModule(what);
  const before = m.declared;
  const clash = before && (before.kind !== h.kind
    || (before.kind === 'pipeline' && h.kind === 'pipeline' && before.latency !== h.latency)
    || (before.kind === 'stream' && h.kind === 'stream' && before.maxInterval !== undefined && h.maxInterval !== undefined && before.maxInterval !== h.maxInterval));
  if (before && clash) {
    report(m, 'bad-interface', `${what} declared in a module that already declared a ${before.kind === 'pipeline' ? `pipeline of latency ${before.latency}` : 'stream'}`,
      'a module has one handshake: a stream (streamIn and streamOut) or a fixed-latency pipeline (pipelineValid)', captureLoc());
    return;
  }
  // A stream's two ends: the bound given on either holds.
  m.declared = before?.kind === 'stream' && h.kind === 'stream' ? { kind: 'stream', ...((h.maxInterval ?? before.maxInterval) !== undefined ? { maxInterval: (h.maxInterval ?? before.maxInterval)! } : {}) } : h;
}
