// Turns `--param value` tokens into a block's validated parameters. Names are kebab-case on the
// command line (--a-bits) and camelCase in TypeScript (aBits); types come from the zod schema.

import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { BlockDef } from '../blocks/block.js';
import { UserError } from './user-error.js';
import { didYouMean } from '../util/nearest.js';
import { issueText } from '../util/issue-text.js';

export const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

interface JsonProp { type?: string; enum?: unknown[]; default?: unknown; description?: string; minimum?: number; maximum?: number }

export function paramProps(block: BlockDef): Record<string, JsonProp> {
  const js = z.toJSONSchema(block.params, { io: 'input' }) as { properties?: Record<string, JsonProp> };
  return js.properties ?? {};
}

/** One line per parameter: `--lanes <integer 1..256>  lanes L … (default 16)` (list, and a command's --help). */
export function paramUsage(block: BlockDef): string[] {
  return Object.entries(paramProps(block)).map(([k, p]) => {
    // A boolean is a switch: --flag turns it on, --no-flag off (no value follows either).
    const usage = p.type === 'boolean' ? `--${kebab(k)} | --no-${kebab(k)}` : `--${kebab(k)} <${p.type}${rangeOf(p)}>`;
    return `${usage}  ${p.description ?? ''}${p.default === undefined ? '' : ` (default ${JSON.stringify(p.default)})`}`;
  });
}

/** ` 1..256`, ` e4m3|e5m2`, or nothing; a bound at JavaScript's safe-integer limit is no bound. */
function rangeOf(p: JsonProp): string {
  if (p.enum) return ` ${p.enum.join('|')}`;
  const bound = (x: number | undefined) => (x === undefined || Math.abs(x) >= Number.MAX_SAFE_INTEGER ? undefined : x);
  const lo = bound(p.minimum), hi = bound(p.maximum);
  if (lo === undefined && hi === undefined) return '';
  return lo !== undefined && hi !== undefined ? ` ${lo}..${hi}` : lo !== undefined ? ` ≥ ${lo}` : ` ≤ ${hi}`;
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
  // The output folder is --out, or --out-dir on every block: a block parameter named like a command
  // option (minifloat.add's output format --out) keeps the name, and the option is then --out-dir only.
  const flagsOf = (e: string) => [...(byFlag.has(e) ? [] : [e]), ...(e === 'out' ? ['out-dir'] : [])];
  for (const e of extra) for (const f of flagsOf(e)) options[f] = { type: 'string' };
  const paramList = [...byFlag.keys()].map((k) => `--${k}`).join(', ') || 'none';
  const optionList = extra.flatMap(flagsOf).map((k) => `--${k}`).join(', ');
  // `--width -3`: a negative number after an option that takes a value is that value (no option
  // name starts with a digit), so the range check can say what is wrong with it.
  tokens = tokens.map((t, i) => (/^-\d/.test(t) && /^--[^=]+$/.test(tokens[i - 1] ?? '') && options[tokens[i - 1]!.slice(2)]?.type === 'string' ? `\0${t}` : t))
    .reduce<string[]>((out, t) => (t.startsWith('\0') ? [...out.slice(0, -1), `${out.at(-1)}=${t.slice(1)}`] : [...out, t]), []);
  let parsed;
  try {
    parsed = parseArgs({ args: tokens, options, strict: true, allowPositionals: false, allowNegative: true, tokens: true }); // --no-<flag> turns a boolean off
  } catch (e) {
    const msg = (e as Error).message;
    const flag = /'(-[^' ]*)/.exec(msg)?.[1];
    if (/Unknown option/.test(msg) && flag && /^-\d/.test(flag)) {
      // A negative number no option took: after a switch, or on its own.
      const before = tokens[tokens.indexOf(flag) - 1]?.replace(/^--/, '');
      if (before && options[before]?.type === 'boolean') throw new UserError(`--${before} is a switch and takes no value: use --${before} or --no-${before} (got '${flag}')`);
      throw new UserError(`unexpected argument ${flag} for ${block.name}: parameters are given as --name value`);
    }
    if (/Unknown option/.test(msg) && flag) {
      const hint = didYouMean(flag.replace(/^-+/, '').replace(/=.*/, ''), Object.keys(options), '--');
      throw new UserError(`unknown option ${flag} for ${block.name}${hint} (its parameters: ${paramList}; the command's options: ${optionList})`);
    }
    if (/Unexpected argument/.test(msg)) {
      const arg = /'([^']*)'/.exec(msg)?.[1];
      // `--signed false`: a boolean is a switch and takes no value.
      const before = tokens[tokens.indexOf(arg ?? '') - 1]?.replace(/^--/, '');
      if (before && options[before]?.type === 'boolean') throw new UserError(`--${before} is a switch and takes no value: use --${before} or --no-${before} (got '${arg}')`);
      throw new UserError(`unexpected argument ${arg} for ${block.name}: parameters are given as --name value`);
    }
    // `--width -3`: a value that starts with a dash reads as an option; say how to give it.
    const next = flag ? tokens[tokens.indexOf(flag) + 1] : undefined;
    if (/argument is ambiguous/.test(msg) && flag && next && options[next.replace(/^--(no-)?/, '').replace(/=.*/, '')]) throw new UserError(`${flag} needs a value (the next word, ${next}, is an option)`);
    if (/argument is ambiguous/.test(msg) && flag) throw new UserError(`${flag}: a value that starts with '-' is written ${flag}=<value> (got ${flag} ${tokens[tokens.indexOf(flag) + 1] ?? ''})`);
    if (/argument missing/.test(msg) && flag) throw new UserError(`${flag} needs a value`);
    throw new UserError(`${flag ?? 'argument'}: ${msg.split('\n')[0]}`);
  }
  refuseRepeats(parsed.tokens ?? []);
  const raw: Record<string, unknown> = {};
  for (const [flag, value] of Object.entries(parsed.values)) {
    const key = byFlag.get(flag);
    if (!key) continue;
    raw[key] = coerce(flag, value as string | boolean, props[key]!);
  }
  const result = block.params.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = issue.path.length ? String(issue.path[0]) : undefined;
    const flag = key !== undefined ? `--${kebab(key)}` : block.name;
    // minifloat.add --out build/: the folder was meant.
    const folder = key === 'out' && extra.includes('out') ? '; the output folder is --out-dir for this block' : '';
    throw new UserError(`${flag}: ${issueText(issue, key !== undefined ? raw[key] : undefined)} (${block.name}${folder})`);
  }
  const values: Record<string, string | undefined> = {};
  for (const e of extra) {
    const given = flagsOf(e).filter((f) => parsed.values[f] !== undefined);
    if (given.length > 1) throw new UserError(`--${given[0]} and --${given[1]} name the same option: give one`);
    values[e] = given.length ? (parsed.values[given[0]!] as string) : undefined;
  }
  return { params: result.data as Record<string, unknown>, options: values };
}

/** A flag given twice (`--width 4 --width 9`), or a switch both on and off: an error, not "the last one wins". */
function refuseRepeats(tokens: ReadonlyArray<{ kind: string; name?: string; rawName?: string; value?: string }>): void {
  const seen = new Map<string, string>();
  for (const t of tokens) {
    if (t.kind !== 'option' || !t.name) continue;
    const now = t.value === undefined ? t.rawName! : `${t.rawName} ${t.value}`;
    const before = seen.get(t.name);
    if (before !== undefined) {
      const how = before.split(' ')[0] === t.rawName ? 'is given twice' : 'contradicts itself';
      throw new UserError(`--${t.name} ${how} (${before}, then ${now}): give it once`);
    }
    seen.set(t.name, now);
  }
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
