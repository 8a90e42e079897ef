// `bitforge equiv`: proves a block under its parameters equal to the same block under --variant
// changes (or pipelined by --fmax), or to a user's Verilog module (--against). Every argument is
// checked, and both designs built and their ports compared, before the proof starts.

import { Command } from 'commander';
import type { BlockDef } from '../../blocks/block.js';
import { checkEquivalence, type EquivResult } from '../../equiv/check.js';
import type { Verdict } from '../../equiv/prove.js';
import { MiterError, checkPorts } from '../../equiv/miter.js';
import { blockSide, referenceSide, ReferenceError, type DesignSide } from '../../equiv/sides.js';
import { PASSES } from '../../ir/passes/index.js';
import { paramText } from '../../report/markdown.js';
import { kebab, paramProps, parseBlockArgs } from '../block-params.js';
import { fmaxRequest } from '../fmax-option.js';
import { paramsForTarget, type Target } from '../../synth/targets.js';
import { UserError } from '../user-error.js';
import { resolveBlock } from '../../userblock/resolve.js';
import { toolSource } from './synth.js';
import { parsePasses } from '../passes-option.js';
import { checkOutDir, outFlag } from '../out-option.js';

const OPTIONS = ['against', 'latency', 'depth', 'timeout', 'fmax', 'target', 'fmax-margin', 'passes', 'out', 'yosys'];

/** `--variant a=b` tokens out of the rest (repeatable, unlike the other options). */
function takeVariants(tokens: readonly string[]): { variants: string[]; rest: string[] } {
  const variants: string[] = [], rest: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === '--variant') {
      const v = tokens[++i];
      if (v === undefined || v.startsWith('--')) throw new UserError('--variant: expected name=value (a parameter of the block and its other value)');
      variants.push(v);
    } else if (t.startsWith('--variant=')) variants.push(t.slice('--variant='.length));
    else rest.push(t);
  }
  return { variants, rest };
}

/** The variant's parameters: the block's, with each name=value applied and checked like a flag. */
function variantParams(block: BlockDef, base: Record<string, unknown>, rest: string[], variants: readonly string[]): { params: Record<string, unknown>; label: string } {
  const props = paramProps(block);
  const byFlag = new Map(Object.keys(props).map((k) => [kebab(k), k]));
  const seen = new Set<string>();
  const extra: string[] = [];
  for (const v of variants) {
    const m = /^([a-z][\w-]*)=(.*)$/.exec(v);
    if (!m) throw new UserError(`--variant ${v}: expected name=value, e.g. --variant stages=2`);
    const [, flag, value] = m as unknown as [string, string, string];
    const key = byFlag.get(flag) ?? byFlag.get(kebab(flag));
    if (!key) throw new UserError(`--variant ${v}: ${block.name} has no parameter ${flag} (parameters: ${[...byFlag.keys()].join(', ')})`);
    if (seen.has(key)) throw new UserError(`--variant: ${flag} given twice`);
    seen.add(key);
    if (props[key]!.type === 'boolean') {
      if (value !== 'true' && value !== 'false') throw new UserError(`--variant ${v}: ${flag} is a switch: true or false`);
      extra.push(value === 'true' ? `--${kebab(key)}` : `--no-${kebab(key)}`);
    } else extra.push(`--${kebab(key)}`, value);
  }
  let params: Record<string, unknown>;
  try {
    params = parseBlockArgs(block, [...withoutParams(rest, seen, props), ...extra], OPTIONS).params;
  } catch (e) {
    throw e instanceof UserError ? new UserError(`--variant: ${e.message}`) : e;
  }
  const changed = [...seen].filter((k) => JSON.stringify(params[k]) !== JSON.stringify(base[k]));
  if (!changed.length) throw new UserError(`--variant: ${[...seen].map((k) => `${kebab(k)} is already ${String(base[k])}`).join(', ')} (the variant would be the same design)`);
  return { params, label: changed.map((k) => `${kebab(k)}=${String(params[k])}`).join(' ') };
}

/** The tokens without the given parameters' flags (and their values): the variant sets those. */
function withoutParams(tokens: readonly string[], keys: ReadonlySet<string>, props: ReturnType<typeof paramProps>): string[] {
  const names = new Map([...keys].flatMap((k) => [[kebab(k), k], [k, k]] as Array<[string, string]>));
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = /^--(no-)?([^=]+)(=.*)?$/.exec(tokens[i]!);
    const key = m ? names.get(m[2]!) : undefined;
    if (!key) { out.push(tokens[i]!); continue; }
    // `--name value`: the value goes too (a switch, `--no-name` or `--name=value` is one token).
    if (!m![1] && !m![3] && props[key]!.type !== 'boolean') i++;
  }
  return out;
}

function intOption(flag: string, v: string | undefined, min: number, max: number, dflt: number): number {
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UserError(`--${flag}: expected an integer from ${min} to ${max}, got '${v}'`);
  return Number(v);
}

function howProved(v: Extract<Verdict, { kind: 'equivalent' }>): string {
  if (v.method === 'sat') return 'by SAT over all inputs';
  const fromReset = 'for every input sequence from reset';
  if (v.method === 'structural') return `structurally: ${v.pairs} signal bits paired by name (the outputs and registers among them), each proved equal, by induction of length ${v.inductionSteps}, ${fromReset}`;
  return `by induction${v.method === 'scorr' ? ' after register correspondence (ABC scorr)' : ''}${v.inductionSteps ? ` (length ${v.inductionSteps})` : ''} ${fromReset}`;
}

function describe(r: EquivResult): string[] {
  const v = r.verdict;
  const lines = [`  ${r.alignment}`];
  if (v.kind === 'equivalent') lines.push(`  EQUIVALENT: proved ${howProved(v)} (${r.seconds} s)`);
  else if (v.kind === 'bounded') lines.push(`  BOUNDED: equal for every input sequence of ${v.cycles} cycle(s) from reset; induction did not close within --depth (${r.seconds} s). Not a proof beyond that bound`);
  else if (v.kind === 'unknown') lines.push(`  UNKNOWN (${v.reason}): neither proved nor refuted`);
  else {
    const c = r.counterexample!;
    lines.push(`  DIFFERENT (${r.seconds} s): a counterexample${c.inputs.length > 1 ? `, ${c.step} cycles from reset (step 1 is the reset)` : ''}:`);
    c.inputs.forEach((step, i) => lines.push(`    ${c.inputs.length > 1 ? `step ${i + 1}: ` : 'inputs: '}${step.map((x) => `${x.port}=${x.value}`).join(' ')}`));
    for (const o of c.outputs) lines.push(`    ${o.port}: gold ${o.gold}, gate ${o.gate}`);
    if (c.replay) lines.push(`    replay: ${c.replay.dir}/tb.v with ${c.replay.dir}/bitforge_equiv.v and sides.v (Icarus: ${c.replay.reproduced ? 'reproduced' : 'NOT reproduced'}; VCD ${c.replay.dir}/replay.vcd)`);
  }
  return lines;
}

export function equivCommand(): Command {
  return new Command('equiv')
    .description('prove a block equal to a variant of itself (--variant, --fmax) or to a Verilog module (--against)')
    .argument('<block>', 'block name, or a path to your block module (./src/my-block.ts[#export])')
    .argument('[params...]', `block parameters as --name value; then --variant name=value (repeatable), --fmax MHz --target T [--fmax-margin F] and/or --passes LIST (IR passes on the variant: ${Object.keys(PASSES).join(',')}), or --against FILE.v[,MORE.v][:module] [--latency N]; --depth K (cycles of the sequential proof, default 24), --timeout S (default 600), --out DIR (a counterexample's replay; default equiv-cex), --json, --yosys wasm|native`)
    .allowUnknownOption()
    .action(async (name: string, tokens: string[]) => {
      const block = (await resolveBlock(name)) as unknown as BlockDef;
      const json = tokens.includes('--json');
      const { variants, rest } = takeVariants(tokens.filter((t) => t !== '--json'));
      const { params, options } = parseBlockArgs(block, rest, OPTIONS);
      const against = options['against'];
      if (against !== undefined && variants.length) throw new UserError('--against and --variant: give one (a block against a reference, or against a variant of itself)');
      if (against === undefined && !variants.length && options['fmax'] === undefined && options['passes'] === undefined) throw new UserError('equiv needs --variant name=value, --fmax MHz --target T, --passes LIST, or --against FILE.v[:module]');
      const passes = parsePasses(options['passes']);
      if (options['latency'] !== undefined && against === undefined) throw new UserError('--latency: only with --against (the reference\'s cycles from in_valid to out_valid)');
      const depth = intOption('depth', options['depth'], 1, 1000, 24);
      const timeoutS = intOption('timeout', options['timeout'], 1, 86_400, 600);
      const yosys = toolSource('yosys', options['yosys']);
      const out = options['out'] ?? 'equiv-cex';
      await checkOutDir(outFlag(rest), out); // a counterexample's replay goes there

      const fmax = fmaxRequest(block, params, rest, options['fmax'], options['target'], options['fmax-margin']);
      // With --target, the block is built for that target's fabric, as synth builds it.
      Object.assign(params, paramsForTarget(params, options['target'] as Target | undefined));
      const gold: DesignSide = blockSide(block, params, `${block.name} (${paramText(params)})`);
      let gate: DesignSide;
      if (against !== undefined) {
        const m = /^(.+?)(?::([A-Za-z_][\w$]*))?$/.exec(against)!;
        const latency = options['latency'] === undefined ? undefined : intOption('latency', options['latency'], 0, 10_000, 0);
        try {
          gate = await referenceSide(m[1]!.split(','), m[2], latency, gold.latency, yosys);
          const self = fmax || passes.length ? blockSide(block, params, `${gold.label} ${fmax ? `--fmax ${fmax.mhz}` : ''} ${passes.length ? `--passes ${options['passes']}` : ''}`.trim(), fmax, passes) : gold;
          checkPorts(self, gate);
          return report(json, await checkEquivalence(self, gate, { depth, timeoutS, yosys, formats: block.formats?.(params) ?? {}, replayDir: out }));
        } catch (e) {
          if (e instanceof ReferenceError || e instanceof MiterError) throw new UserError(`--against ${against}: ${e.message}`);
          throw e;
        }
      }
      const v = variants.length ? variantParams(block, params, rest, variants) : { params, label: '' };
      const label = [v.label, fmax ? `--fmax ${fmax.mhz} --target ${options['target']}` : '', passes.length ? `--passes ${options['passes']}` : ''].filter(Boolean).join(' ');
      gate = blockSide(block, v.params, `${block.name} ${label}`, fmax, passes);
      try {
        checkPorts(gold, gate);
      } catch (e) {
        if (e instanceof MiterError) throw new UserError(`${label}: ${e.message}`);
        throw e;
      }
      report(json, await checkEquivalence(gold, gate, { depth, timeoutS, yosys, formats: block.formats?.(params) ?? {}, replayDir: out }));
    });
}

function report(json: boolean, r: EquivResult): void {
  if (json) process.stdout.write(JSON.stringify(r, (k, v) => (k === 'trace' || k === 'vcd' ? undefined : v), 2) + '\n');
  else process.stdout.write(`gold: ${r.gold}\ngate: ${r.gate}\n${describe(r).join('\n')}\n`);
  if (r.verdict.kind === 'different' || r.verdict.kind === 'unknown') process.exitCode = 1;
}
