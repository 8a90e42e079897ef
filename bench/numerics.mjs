// Numerics throughput, side by side in one run: the fast batch encoder vs the exact BigInt reference
// (e4m3 from a Float32Array), and MX block quantization. Prints and returns the rows.
import { encodeBatch, mxQuantizeBatch, parseFormat } from '../dist/numerics/index.js';
import { refEncodeF32 } from '../dist/numerics/reference/codec.js';

function randomFloats(n, seed) {
  const x = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) { s = (s * 1103515245 + 12345) >>> 0; x[i] = (s / 2 ** 32 - 0.5) * 2 ** ((s % 24) - 8); }
  return x;
}
const best = (fn, reps) => { let b = Infinity; for (let r = 0; r < reps; r++) { const t = performance.now(); fn(); b = Math.min(b, performance.now() - t); } return b; };

export function runNumerics() {
  const f = parseFormat('e4m3');
  const N = 10_000_000, x = randomFloats(N, 1);
  encodeBatch(f, x.subarray(0, 1000)); // build the table outside the timing
  const fastMs = best(() => encodeBatch(f, x), 3);
  const refN = 20_000, bits = new Uint32Array(x.buffer, 0, refN);
  const refMs = best(() => { for (let i = 0; i < refN; i++) refEncodeF32(f, bits[i], { round: 'rne', sat: false }); }, 1);
  const fastRate = N / (fastMs / 1000), refRate = refN / (refMs / 1000);
  const blocks = 500_000, scales = new Uint8Array(blocks), codes = new Uint8Array(blocks * 32);
  const mxMs = best(() => mxQuantizeBatch(x.subarray(0, blocks * 32), 32, f, {}, scales, codes), 3);
  const mxRate = blocks / (mxMs / 1000);
  const rows = [
    { metric: 'e4m3 batch encode (Float32Array)', value: fastRate, unit: 'values/s', target: 50e6, ratio: fastRate / 50e6 },
    { metric: 'e4m3 exact BigInt reference', value: refRate, unit: 'values/s', target: null, ratio: null },
    { metric: 'fast / reference speed-up', value: fastRate / refRate, unit: '×', target: null, ratio: null },
    { metric: 'MX quantize, e4m3, k = 32 (floor, rne)', value: mxRate, unit: 'blocks/s', target: 1e6, ratio: mxRate / 1e6 },
  ];
  for (const r of rows) console.log(`${r.metric}: ${r.value.toExponential(3)} ${r.unit}${r.ratio ? ` (${r.ratio.toFixed(2)}× the target)` : ''}`);
  return rows;
}
