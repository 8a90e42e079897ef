// `bitforge mokey quantize`: Mokey's quantizer on a raw float32 tensor file (little-endian, nothing
// else): the golden dictionary scaled by the tensor's σ around its μ, outliers beyond it, and the
// error. -o writes the result as JSON (codes as a hex string of 4-bit nibbles, ff for an outlier).

import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { ErrorAccumulator } from '../../accuracy/metrics.js';
import { DEFAULT_THRESHOLD, dequantize, quantize } from '../../blocks/mokey/quantize.js';
import { UserError } from '../user-error.js';
import { writeFileAtomic } from '../../util/write-files.js';
import { checkOutFile } from '../out-option.js';

function readF32(path: string): Float32Array {
  let raw: Buffer;
  try { raw = readFileSync(path); } catch (e) { throw new UserError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`); }
  if (raw.length % 4 !== 0) throw new UserError(`${path}: ${raw.length} bytes is not a whole number of float32 values`);
  const x = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length));
  const bad = x.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new UserError(`${path}: value ${bad} is ${x[bad]} (Mokey quantizes finite values only)`);
  return x;
}

export function mokeyCommand(): Command {
  const cmd = new Command('mokey').description('Mokey: 4-bit exponential-dictionary codes with outliers (the quantizer in software)');
  cmd.command('quantize <in>').description('quantize a raw float32 tensor file and report its error and outlier rate')
    .option('--threshold <t>', 'outliers: |x − μ|/σ beyond the largest centroid by more than t', String(DEFAULT_THRESHOLD))
    .option('-o, --out <file>', 'write the codes, outliers, μ, σ and dictionary as JSON')
    .action(async (input: string, o: { threshold: string; out?: string }) => {
      const t = Number(o.threshold);
      if (!/^\d+(\.\d+)?$/.test(o.threshold) || !Number.isFinite(t)) throw new UserError(`--threshold: expected a non-negative number, got '${o.threshold}'`);
      if (o.out !== undefined) await checkOutFile('--out', o.out);
      const x = readF32(input);
      const q = quantize(x, { threshold: t });
      const acc = new ErrorAccumulator();
      acc.add(x, dequantize(q));
      const d = q.dictionary;
      process.stdout.write([
        `${input}: ${x.length} float32 values, μ = ${q.mean.toPrecision(6)}, σ = ${q.std.toPrecision(6)}`,
        `  dictionary c_i = A·B^i + C: A = ${d.A.toFixed(6)}, B = ${d.B.toFixed(6)}, C = ${d.C.toFixed(6)} (× σ)`,
        `  outliers ${q.outlierPositions.length} (${((100 * q.outlierPositions.length) / Math.max(1, x.length)).toFixed(2)} %), beyond ${(d.centroids[7]! + t).toFixed(3)} σ`,
        `  SQNR ${acc.sqnrDb.toFixed(2)} dB, relative RMSE ${acc.relRmse.toFixed(4)}`,
        '',
      ].join('\n'));
      if (o.out) {
        const nibbles = Array.from(q.codes, (c) => (c === 0xff ? 'ff' : c.toString(16))).join('');
        writeFileAtomic(o.out, new TextEncoder().encode(JSON.stringify({
          values: x.length, mean: q.mean, std: q.std, dictionary: d, threshold: t, codes: nibbles,
          outliers: { scale: q.outlierScale, positions: Array.from(q.outlierPositions), values: Array.from(q.outlierValues) },
        }) + '\n'));
      }
    });
  return cmd;
}
