// Real tensors for accuracy measurements: the manifest.json of a weights directory (raw
// little-endian float32 files), read and checked with zod. Only sweeps and tests read them; nothing
// at run time depends on them.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const manifestSchema = z.object({
  tensors: z.array(z.object({
    source: z.string(), tensor: z.string(), kind: z.string(), file: z.string(), dtype: z.string(),
    shape: z.array(z.number().int().nonnegative()),
  }).passthrough()),
});

export class TensorDataError extends Error {}

export interface Tensor {
  readonly name: string; // source/tensor
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export interface TensorSet {
  readonly dir: string;
  /** Every float32 weight tensor with at least one block's worth of values. */
  readonly weights: readonly Tensor[];
  /** Weight [out, in] with activations [rows, in] that really multiply it (a transformer's layers). */
  readonly pairs: ReadonlyArray<{ readonly name: string; readonly weight: Tensor; readonly act: Tensor }>;
}

function readF32(dir: string, file: string, shape: readonly number[]): Float32Array {
  const buf = readFileSync(join(dir, file));
  const n = shape.reduce((a, b) => a * b, 1);
  if (buf.byteLength !== 4 * n) throw new TensorDataError(`${join(dir, file)}: ${buf.byteLength} bytes, expected ${4 * n} for shape [${shape.join(', ')}]`);
  return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

export function loadTensors(dir: string): TensorSet {
  const mf = join(dir, 'manifest.json');
  if (!existsSync(mf)) throw new TensorDataError(`${dir}: no manifest.json (expected a weights directory such as ../shared/data/weights)`);
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(mf, 'utf8')));
  if (!parsed.success) throw new TensorDataError(`${mf}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
  const f32 = parsed.data.tensors.filter((t) => t.dtype === 'float32');
  const load = (t: (typeof f32)[number]): Tensor => ({ name: `${t.source}/${t.tensor}`, shape: t.shape, data: readF32(dir, t.file, t.shape) });
  const weights = f32.filter((t) => t.kind === 'weight' && t.shape.reduce((a, b) => a * b, 1) >= 32).map(load);
  // Activations [layer, position, feature] and the weights they feed, by the manifest's tensor names.
  const acts = new Map(f32.filter((t) => t.kind === 'activation').map((t) => [`${t.source}/${t.tensor}`, t]));
  const feeds: Record<string, string[]> = { attn_in: ['wq', 'wk', 'wv'], attn_out_pre_wo: ['wo'], ffn_in: ['w1', 'w3'], ffn_hidden: ['w2'] };
  const pairs: Array<TensorSet['pairs'][number]> = [];
  for (const [key, t] of acts) {
    const kindName = key.split('/').pop()!;
    const ws = feeds[kindName];
    if (!ws || t.shape.length !== 3) continue;
    const all = load(t);
    const [layers, rows, width] = t.shape as [number, number, number];
    for (let l = 0; l < layers; l++) {
      const act: Tensor = { name: `${key}[${l}]`, shape: [rows, width], data: all.data.subarray(l * rows * width, (l + 1) * rows * width) };
      for (const w of ws) {
        const weight = weights.find((x) => x.name === `${t.source}/layer${l}.${w}`);
        if (weight && weight.shape.length === 2 && weight.shape[1] === width) pairs.push({ name: `layer${l}.${w} × ${kindName}`, weight, act });
      }
    }
  }
  return { dir, weights, pairs };
}

export interface Int8Tensor {
  readonly name: string; // source/tensor
  readonly model: string;
  readonly shape: readonly number[];
  readonly data: Int8Array;
}

/** Every int8 weight tensor of a weights directory (raw int8 files), in manifest order. */
export function loadInt8Tensors(dir: string): Int8Tensor[] {
  const mf = join(dir, 'manifest.json');
  if (!existsSync(mf)) throw new TensorDataError(`${dir}: no manifest.json (expected a weights directory such as ../shared/data/weights)`);
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(mf, 'utf8')));
  if (!parsed.success) throw new TensorDataError(`${mf}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
  return parsed.data.tensors.filter((t) => t.dtype === 'int8').map((t) => {
    const buf = readFileSync(join(dir, t.file));
    const n = t.shape.reduce((a, b) => a * b, 1);
    if (buf.byteLength !== n) throw new TensorDataError(`${join(dir, t.file)}: ${buf.byteLength} bytes, expected ${n} for shape [${t.shape.join(', ')}]`);
    const model = typeof t.model === 'string' ? t.model : t.source;
    return { name: `${t.source}/${t.tensor}`, model, shape: t.shape, data: new Int8Array(buf.buffer, buf.byteOffset, n) };
  });
}
