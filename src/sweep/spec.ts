// A sweep spec (JSON): blocks × the cartesian product of their parameter lists × targets. Checked
// whole before anything runs, so a mistake is one line naming the file and the field.

import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import type { BlockDef } from '../blocks/block.js';
import { BlockLoadError, isBlockPath, resolveBlock } from '../userblock/resolve.js';
import { fmaxPlan, fmaxSets, takesFmax } from '../codegen/emit-block.js';
import { WRAPPER_MODES, type WrapperMode } from '../synth/pin-wrapper.js';
import { TARGETS, type Target } from '../synth/targets.js';
import { issueText } from '../util/issue-text.js';
import { didYouMean } from '../util/nearest.js';

const scalar = z.union([z.number(), z.string(), z.boolean()]);
const fmaxValue = z.number().min(1).max(1000);
const sweepEntry = z.object({
  block: z.string(),
  params: z.record(z.string(), z.union([scalar, z.array(scalar).nonempty()])).default({}),
  /** Parameters that take another's value in every combination, e.g. { "b": "a" } for a × a. */
  tie: z.record(z.string(), z.string()).default({}),
  targets: z.array(z.enum(TARGETS)).nonempty().optional(),
  /** Pipeline every configuration to these frequencies (MHz) on its target: an iso-frequency comparison. */
  fmax: z.union([fmaxValue, z.array(fmaxValue).nonempty()]).optional(),
}).strict();

const common = {
  name: z.string().optional(),
  targets: z.array(z.enum(TARGETS)).nonempty(),
  wrapper: z.enum(WRAPPER_MODES).optional(),
  timeoutSeconds: z.number().positive().optional(),
  /** Real tensors for the blocks' accuracy metrics: a weights directory, relative to the spec file. */
  accuracy: z.object({ data: z.string() }).strict().optional(),
  fmax: z.union([fmaxValue, z.array(fmaxValue).nonempty()]).optional(),
};
/** Several blocks: { targets, sweeps: [{ block, params, targets? }] }. */
export const multiSweepSchema = z.object({ ...common, sweeps: z.array(sweepEntry).nonempty() }).strict();
/** One block: { block, params, targets }. */
export const singleSweepSchema = sweepEntry.extend(common).strict();

export interface SweepConfig {
  readonly block: BlockDef;
  readonly params: Record<string, unknown>;
  readonly target: Target;
  /** Pipelined to this frequency first (--fmax). */
  readonly fmaxMHz?: number;
}

export interface SweepPlan {
  readonly name: string;
  readonly wrapper: WrapperMode;
  readonly timeoutMs: number | undefined;
  readonly configs: SweepConfig[];
  /** Per block, the parameters given more than one value: the axes of the report's charts. */
  readonly axes: Record<string, string[]>;
  /** Weights directory for accuracy metrics (absolute), when the spec asks for them. */
  readonly accuracyData: string | undefined;
}

export class SweepSpecError extends Error {}

/** All combinations of the lists, in the order the keys were written (the last key varies fastest). */
export function cartesian(lists: Record<string, readonly unknown[]>): Array<Record<string, unknown>> {
  let out: Array<Record<string, unknown>> = [{}];
  for (const [k, values] of Object.entries(lists)) out = out.flatMap((o) => values.map((v) => ({ ...o, [k]: v })));
  return out;
}

const where = (path: ReadonlyArray<PropertyKey>) => path.length ? path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(top level)';

/** The value at a path of the raw spec, to quote it back. */
function valueAt(raw: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = raw;
  for (const p of path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

type Def = { type?: string; shape?: Record<string, Schema>; element?: Schema; innerType?: Schema };
type Schema = { def?: Def };

/** The keys the schema allows in the object at `path` (an unknown key's siblings). */
function keysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  const unwrap = (x: Schema | undefined): Schema | undefined => (x?.def?.innerType ? unwrap(x.def.innerType) : x);
  let at = unwrap(schema as unknown as Schema);
  for (const p of path) {
    const def: Def | undefined = at?.def;
    at = unwrap(def?.type === 'object' ? def.shape?.[String(p)] : def?.type === 'array' ? def.element : undefined);
  }
  return at?.def?.type === 'object' ? Object.keys(at.def.shape ?? {}) : [];
}

/**
 * Every name in params and tie is one of the block's parameters: the block's schema would otherwise
 * drop a misspelt one ("widht") and the sweep would run the defaults. A CLI spelling (a-bits) is
 * refused with the spec's (aBits).
 */
function checkParamNames(block: BlockDef, names: ReadonlyArray<readonly ['params' | 'tie', string]>, here: string): void {
  const known = Object.keys(block.params.shape);
  for (const [field, name] of names) {
    if (known.includes(name)) continue;
    const camel = name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    if (known.includes(camel)) throw new SweepSpecError(`${here}${field}.${name}: a spec names parameters as in TypeScript: '${camel}' (the CLI's --${name})`);
    throw new SweepSpecError(`${here}${field}.${name}: ${block.name} has no parameter '${name}'${didYouMean(name, known)} (parameters: ${known.join(', ')})`);
  }
}

export async function loadSweepSpec(file: string, defaultName: string): Promise<SweepPlan> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SweepSpecError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(e as Error).message})`}`);
  }
  const multi = typeof raw === 'object' && raw !== null && 'sweeps' in raw;
  const parsed = multi ? multiSweepSchema.safeParse(raw) : singleSweepSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // An unknown key: the nearest known one, from the object the key sits in.
    const hint = issue.code === 'unrecognized_keys' ? didYouMean(issue.keys[0]!, keysAt(multi ? multiSweepSchema : singleSweepSchema, issue.path)) : '';
    throw new SweepSpecError(`${file}: ${where(issue.path)}: ${issueText(issue, valueAt(raw, issue.path))}${hint}`);
  }
  const spec = parsed.data;
  const entries = 'sweeps' in spec ? spec.sweeps.map((s, i) => ({ s, at: `sweeps[${i}]` })) : [{ s: spec, at: '' }];
  const configs: SweepConfig[] = [];
  const axes: Record<string, string[]> = {};
  for (const { s, at } of entries) {
    // A path in a spec is relative to the spec's folder.
    const ref = isBlockPath(s.block) && !isAbsolute(s.block) ? join(dirname(file), s.block) : s.block;
    const block = await resolveBlock(ref).catch((e: unknown) => {
      if (e instanceof BlockLoadError) throw new SweepSpecError(`${file}: ${at ? `${at}.` : ''}block: ${e.message}`);
      throw e;
    });
    checkParamNames(block, [...Object.keys(s.params).map((k) => ['params', k] as const), ...Object.keys(s.tie).map((to) => ['tie', to] as const)], `${file}: ${at ? `${at}.` : ''}`);
    const lists = Object.fromEntries(Object.entries(s.params).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
    for (const [to, from] of Object.entries(s.tie)) {
      if (!(from in lists)) throw new SweepSpecError(`${file}: ${at ? `${at}.` : ''}tie.${to}: '${from}' is not one of the params`);
      if (to in lists) throw new SweepSpecError(`${file}: ${at ? `${at}.` : ''}tie.${to}: '${to}' is tied, so it cannot also be given in params`);
    }
    const fmaxRaw = s.fmax ?? ('sweeps' in spec ? spec.fmax : undefined);
    const fmaxes = fmaxRaw === undefined ? [undefined] : Array.isArray(fmaxRaw) ? fmaxRaw : [fmaxRaw];
    axes[block.name] = [...new Set([...(axes[block.name] ?? []), ...Object.entries(lists).filter(([, v]) => v.length > 1).map(([k]) => k), ...(fmaxes.length > 1 ? ['fmax'] : [])])];
    for (const free of cartesian(lists)) {
      const combo = { ...free, ...Object.fromEntries(Object.entries(s.tie).map(([to, from]) => [to, free[from]])) };
      const p = block.params.safeParse(combo);
      if (!p.success) {
        const issue = p.error.issues[0]!;
        const key = issue.path[0];
        throw new SweepSpecError(`${file}: ${at ? `${at}.` : ''}params.${where(issue.path)}: ${issueText(issue, key === undefined ? undefined : combo[String(key)])} (${Object.entries(combo).map(([k, v]) => `${k}=${String(v)}`).join(' ')})`);
      }
      if (fmaxRaw !== undefined) {
        const plan = fmaxPlan(block, p.data as Record<string, unknown>);
        const here = `${file}: ${at ? `${at}.` : ''}fmax`;
        if (typeof plan === 'string' && !takesFmax(block)) throw new SweepSpecError(`${here}: ${block.name} cannot be pipelined to a frequency: ${plan}`);
        if (typeof plan === 'string') throw new SweepSpecError(`${here}: ${block.name} cannot be pipelined with ${Object.entries(combo).map(([k, v]) => `${k}=${String(v)}`).join(' ')}: ${plan}`);
        const sets = fmaxSets(plan, p.data as Record<string, unknown>);
        const clash = Object.keys(combo).find((k) => sets.includes(k));
        if (clash) throw new SweepSpecError(`${here}: fmax and params.${clash} both set the pipelining of ${block.name}: give one`);
      }
      for (const target of s.targets ?? spec.targets) {
        for (const f of fmaxes) configs.push({ block, params: p.data as Record<string, unknown>, target, ...(f !== undefined ? { fmaxMHz: f } : {}) });
      }
    }
  }
  return { name: spec.name ?? defaultName, wrapper: spec.wrapper ?? 'always', timeoutMs: spec.timeoutSeconds === undefined ? undefined : spec.timeoutSeconds * 1000, configs, axes,
    accuracyData: spec.accuracy ? resolve(dirname(file), spec.accuracy.data) : undefined };
}
