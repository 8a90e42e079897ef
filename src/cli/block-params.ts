// Turns `--param value` tokens into a block's validated parameters. Names are kebab-case on the
// command line (--a-bits) and camelCase in TypeScript (aBits); types come from the zod schema.

import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { BlockDef } from '../blocks/block.js';
import { UserError } from './user-error.js';

export const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

interface JsonProp { type?: string; enum?: unknown[]; default?: unknown; description?: string; minimum?: number; maximum?: number }

export function paramProps(block: BlockDef): Record<string, JsonProp> {
  const js = z.toJSONSchema(block.params, { io: 'input' }) as { properties?: Record<string, JsonProp> };
  return js.properties ?? {};
}

/** Parses tokens like ['--n', '8', '--out', 'dir']; `extra` declares the command's own string options. */
export function parseBlockArgs(block: BlockDef, tokens: string[], extra: string[]): { params: Record<string, unknown>; options: Record<string, string | undefined> } {
  const props = paramProps(block);
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  const byFlag = new Map<string, string>();
  for (const [key, p] of Object.entries(props)) {
    options[kebab(key)] = { type: p.type === 'boolean' ? 'boolean' : 'string' };
    byFlag.set(kebab(key), key);
  }
  // A command option named like a block parameter (--out: directory vs minifloat.add's output format)
  // gives way: the parameter keeps the name, the option becomes --<name>-dir.
  const flagOf = (e: string) => (byFlag.has(e) ? `${e}-dir` : e);
  for (const e of extra) options[flagOf(e)] = { type: 'string' };
  let parsed;
  try {
    parsed = parseArgs({ args: tokens, options, strict: true, allowPositionals: false, allowNegative: true }); // --no-<flag> turns a boolean off
  } catch (e) {
    const msg = (e as Error).message;
    const flag = /'(-[^']*)'/.exec(msg)?.[1];
    const known = [...byFlag.keys()].map((k) => `--${k}`).join(', ') || 'none';
    if (/Unknown option/.test(msg)) throw new UserError(`unknown parameter ${flag} for ${block.name} (parameters: ${known})`);
    if (/Unexpected argument/.test(msg)) {
      const arg = /'([^']*)'/.exec(msg)?.[1];
      // `--signed false`: a boolean is a switch and takes no value.
      const before = tokens[tokens.indexOf(arg ?? '') - 1]?.replace(/^--/, '');
      if (before && options[before]?.type === 'boolean') throw new UserError(`--${before} is a switch and takes no value: use --${before} or --no-${before} (got '${arg}')`);
      throw new UserError(`unexpected argument ${arg} for ${block.name}: parameters are given as --name value`);
    }
    // `--width -3`: a value that starts with a dash reads as an option; say how to give it.
    if (/argument is ambiguous/.test(msg) && flag) throw new UserError(`${flag}: a value that starts with '-' is written ${flag}=<value> (got ${flag} ${tokens[tokens.indexOf(flag) + 1] ?? ''})`);
    throw new UserError(`${flag ?? 'argument'}: ${msg.split('\n')[0]}`);
  }
  const raw: Record<string, unknown> = {};
  for (const [flag, value] of Object.entries(parsed.values)) {
    const key = byFlag.get(flag);
    if (!key) continue;
    raw[key] = coerce(flag, value as string | boolean, props[key]!);
  }
  const result = block.params.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const flag = issue.path.length ? `--${kebab(String(issue.path[0]))}` : block.name;
    throw new UserError(`${flag}: ${issue.message} (${block.name})`);
  }
  const options2: Record<string, string | undefined> = {};
  for (const e of extra) options2[e] = parsed.values[flagOf(e)] as string | undefined;
  return { params: result.data as Record<string, unknown>, options: options2 };
}

function coerce(flag: string, v: string | boolean, p: JsonProp): unknown {
  if (typeof v === 'boolean') return v;
  if (p.type === 'integer' || p.type === 'number') {
    const ok = p.type === 'integer' ? /^[+-]?\d+$/.test(v) : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v);
    if (!ok) throw new UserError(`--${flag}: expected ${p.type === 'integer' ? 'an integer' : 'a number'}, got '${v}'`);
    return Number(v);
  }
  return v;
}
