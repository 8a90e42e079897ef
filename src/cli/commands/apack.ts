// `bitforge apack encode|decode|stats`: the APack software codec on raw tensor files (little-endian
// int8, uint8, int16 or uint16 values, nothing else in the file).

import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { ApackCorrupt, decodeTensor, encodeTensor, parseContainer, type EncodeOptions } from '../../blocks/apack/codec/codec.js';
import { DTYPES, dtypeBits, readValues, type Dtype } from '../../blocks/apack/codec/dtype.js';
import { entropyBits } from '../../blocks/apack/table/build.js';
import { UserError } from '../user-error.js';
import { writeFileAtomic } from '../../util/write-files.js';
import { checkOutFile } from '../out-option.js';

interface CodingFlags { dtype: Dtype; symbols: string; precision: string; zigzag?: boolean; split: string }

function readInput(path: string): Uint8Array {
  try { return readFileSync(path); } catch (e) { throw new UserError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`); }
}

function intFlag(flag: string, value: string, lo: number, hi: number): number {
  if (!/^\d+$/.test(value) || Number(value) < lo || Number(value) > hi) throw new UserError(`${flag}: expected an integer in ${lo}..${hi}, got '${value}'`);
  return Number(value);
}

function encodeOptions(o: CodingFlags, raw: Uint8Array, path: string): EncodeOptions {
  const bytes = dtypeBits(o.dtype) / 8;
  if (raw.length % bytes !== 0) throw new UserError(`--dtype ${o.dtype}: ${path} has ${raw.length} bytes, not a whole number of ${bytes}-byte values`);
  return { dtype: o.dtype, symbols: intFlag('--symbols', o.symbols, 1, 255), precision: intFlag('--precision', o.precision, 1, 15), zigzag: !!o.zigzag, split: intFlag('--split', o.split, 1, 4096) };
}

const codingOptions = (c: Command) => c
  .addOption(new Option('--dtype <type>', 'element type of the raw file').choices([...DTYPES]).default('int8'))
  .option('--symbols <S>', 'table size: ranges of values', '16')
  .option('--precision <P>', 'frequency count bits (Σ counts = 2^P)', '10')
  .option('--zigzag', 'code signed values zigzag-mapped (0, −1, 1, …) instead of as two\'s complement patterns')
  .option('--split <K>', 'sub-tensors, each coded on its own (one per hardware pipeline)', '1');

function corrupt(path: string, e: unknown): never {
  if (e instanceof ApackCorrupt) throw new UserError(`${path}: corrupt APack file: ${e.message}`);
  throw e;
}

export function apackCommand(): Command {
  const cmd = new Command('apack').description('APack lossless compression of fixed-point tensors (software codec, the RTL\'s bit format)');
  codingOptions(cmd.command('encode <in>').description('compress a raw tensor file'))
    .requiredOption('-o, --out <file>', 'the APack file to write')
    .action(async (input: string, o: CodingFlags & { out: string }) => {
      await checkOutFile('--out', o.out);
      const raw = readInput(input);
      const packed = encodeTensor(raw, encodeOptions(o, raw, input));
      writeFileAtomic(o.out, packed);
      process.stdout.write(`${input}: ${raw.length} → ${packed.length} bytes (${((100 * packed.length) / Math.max(1, raw.length)).toFixed(1)} %) → ${o.out}\n`);
    });
  cmd.command('decode <in>').description('decompress an APack file to the raw tensor')
    .requiredOption('-o, --out <file>', 'the raw tensor file to write')
    .action(async (input: string, o: { out: string }) => {
      await checkOutFile('--out', o.out);
      let d;
      try { d = decodeTensor(readInput(input)); } catch (e) { corrupt(input, e); }
      writeFileAtomic(o.out, d.raw);
      process.stdout.write(`${input}: ${d.raw.length / (dtypeBits(d.dtype) / 8)} ${d.dtype} values → ${o.out}\n`);
    });
  codingOptions(cmd.command('stats <in>').description('ratio, entropy bound and throughput of APack on a raw tensor file (nothing written)'))
    .action((input: string, o: CodingFlags) => {
      const raw = readInput(input);
      const opts = encodeOptions(o, raw, input);
      const values = readValues(raw, opts.dtype);
      const t0 = performance.now();
      const packed = encodeTensor(raw, opts);
      const t1 = performance.now();
      const back = decodeTensor(packed).raw;
      const t2 = performance.now();
      if (Buffer.compare(Buffer.from(back), Buffer.from(raw)) !== 0) throw new Error('apack stats: the round trip lost data'); // a bug, not a user mistake
      const H = entropyBits(values), bits = 8 * packed.length, c = parseContainer(packed);
      const mb = raw.length / 1e6;
      process.stdout.write([
        `${input}: ${values.length} ${opts.dtype} values, ${8 * raw.length} bits`,
        `  APack ${bits} bits (${((100 * bits) / Math.max(1, 8 * raw.length)).toFixed(2)} % of the original), table of ${c.table.vmin.length} ranges, P = ${c.table.precision}, ${opts.split} sub-tensor(s)`,
        `  entropy bound ${Math.ceil(H)} bits; APack / entropy = ${H > 0 ? (bits / H).toFixed(4) : 'n/a (one value)'}`,
        `  encode ${(mb / ((t1 - t0) / 1e3)).toFixed(1)} MB/s, decode ${(mb / ((t2 - t1) / 1e3)).toFixed(1)} MB/s (one run)`,
        '',
      ].join('\n'));
    });
  return cmd;
}
