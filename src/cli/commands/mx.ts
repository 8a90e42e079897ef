// `bitforge mx quantize`: K float32 hex words per line → "scale_hex elem_hex …" per line (streamed).

import { Command, Option } from 'commander';
import { mxQuantizeBlock, SCALE_RULES, type ScaleRule } from '../../numerics/mx.js';
import { UserError } from '../user-error.js';
import { mapLines, parseHex } from '../stdin-lines.js';
import { formatArg } from './convert.js';

export function mxCommand(): Command {
  const mx = new Command('mx').description('OCP Microscaling tools');
  mx.command('quantize')
    .description('K float32 hex words per line on stdin → the e8m0 scale and K element codes (hex) per line')
    .requiredOption('--elem <fmt>', 'element format: e5m2, e4m3, e3m2, e2m3, e2m1, int8 or any eXmY')
    .option('--block <k>', 'block size', '32')
    .addOption(new Option('--scale-rule <rule>', 'shared-exponent rule').choices([...SCALE_RULES]).default('floor'))
    .addOption(new Option('--round <mode>', 'element rounding').choices(['rne', 'rna', 'rtz']).default('rne'))
    .action(async (o: { elem: string; block: string; scaleRule: ScaleRule; round: 'rne' | 'rna' | 'rtz' }) => {
      const elem = formatArg('--elem', o.elem);
      if (!/^\d+$/.test(o.block) || Number(o.block) < 1 || Number(o.block) > 65536) throw new UserError(`--block: expected an integer in 1..65536, got '${o.block}'`);
      const k = Number(o.block);
      const vals = new Float32Array(k), bits = new Uint32Array(vals.buffer);
      const digits = Math.ceil(elem.width / 4);
      await mapLines((line, n) => {
        const words = line.split(/\s+/);
        if (words.length !== k) throw new UserError(`line ${n}: expected ${k} float32 hex words, got ${words.length}`);
        words.forEach((w, i) => { bits[i] = parseHex(w, n, 32, 'float32'); });
        const r = mxQuantizeBlock(vals, elem, { scaleRule: o.scaleRule, round: o.round });
        return [r.scale.toString(16).padStart(2, '0'), ...r.codes.map((c) => c.toString(16).padStart(digits, '0'))].join(' ');
      });
    });
  return mx;
}
