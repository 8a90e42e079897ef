// `bitforge convert --to <fmt>` and `bitforge decode --from <fmt>`: hex lines on stdin → stdout,
// streamed (millions of lines never sit in memory). A malformed line stops with `line N: …`, exit 2.

import { Command, Option } from 'commander';
import { decode, decodedToNumber } from '../../numerics/decode.js';
import { Encoder } from '../../numerics/encode.js';
import { FormatError, parseFormat, type Format } from '../../numerics/format.js';
import { ROUNDING_MODES, type RoundingMode } from '../../numerics/rounding.js';
import { UserError } from '../user-error.js';
import { mapLines, parseHex } from '../stdin-lines.js';

export function formatArg(flag: string, name: string): Format {
  try {
    return parseFormat(name);
  } catch (e) {
    if (e instanceof FormatError) throw new UserError(`${flag}: ${e.message}`);
    throw e;
  }
}

export function convertCommand(): Command {
  return new Command('convert')
    .description('float32 hex per line on stdin → codes of the target format (hex) on stdout')
    .requiredOption('--to <fmt>', 'target format (e4m3, e5m2, e2m1, int8, e8m0, bf16, eXmY, …)')
    .addOption(new Option('--round <mode>', 'rounding').choices(ROUNDING_MODES.filter((m) => m !== 'stochastic')).default('rne'))
    .option('--sat', 'clamp finite values beyond ±max to ±max')
    .action(async (o: { to: string; round: RoundingMode; sat?: boolean }) => {
      const f = formatArg('--to', o.to);
      const enc = new Encoder(f, { round: o.round, sat: !!o.sat });
      const digits = Math.ceil(f.width / 4);
      await mapLines((line, n) => enc.encodeF32Bits(parseHex(line, n, 32, 'float32')).toString(16).padStart(digits, '0'));
    });
}

export function decodeCommand(): Command {
  return new Command('decode')
    .description('codes (hex) per line on stdin → float32 hex and the decimal value on stdout')
    .requiredOption('--from <fmt>', 'source format')
    .action(async (o: { from: string }) => {
      const f = formatArg('--from', o.from);
      const f32 = new Float32Array(1), u32 = new Uint32Array(f32.buffer);
      await mapLines((line, n) => {
        const d = decode(f, parseHex(line, n, f.width, `${f.name} code`));
        const v = decodedToNumber(d);
        f32[0] = v;
        // A JS NaN has no sign; write the float32 quiet NaN with the code's sign.
        const bits = d.kind === 'nan' ? (d.sign ? 0xffc00000 : 0x7fc00000) : u32[0]!;
        return `${bits.toString(16).padStart(8, '0')} ${Number.isNaN(v) ? 'nan' : Object.is(v, -0) ? '-0' : String(v)}`;
      });
    });
}
