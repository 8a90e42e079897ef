// Gecko / Schrödinger's FP bench: the codec's exponent and total footprint on every float32 tensor of
// ../shared/data/weights (weights, and the activations of the transformer pairs), for m = 23, 10, 7, 4
// and groups of 8, 16, 32; and the encoder and decoder's cost on xc7 and ice40.
import { findShared } from '../dist/accuracy/shared-dir.js';
import { loadTensors } from '../dist/accuracy/tensors.js';
import { footprint } from '../dist/blocks/gecko/codec.js';

export function runGeckoFootprint() {
  const dir = findShared('data/weights', 'manifest.json');
  if (!dir) throw new Error('gecko bench: ../shared/data/weights not found (set BITFORGE_SHARED)');
  const set = loadTensors(dir);
  const acts = [...new Map(set.pairs.map((p) => [p.act.name, p.act])).values()];
  const kinds = { weights: set.weights, activations: acts };
  const rows = [];
  for (const [kind, tensors] of Object.entries(kinds)) {
    for (const group of [8, 16, 32]) for (const mantissa of [23, 10, 7, 4]) {
      let values = 0, exponentBits = 0, streamBits = 0;
      for (const t of tensors) {
        const fp = footprint({ input: 'fp32', mantissa, group }, new Uint32Array(t.data.buffer, t.data.byteOffset, t.data.length));
        values += fp.values; exponentBits += fp.exponentBits; streamBits += fp.streamBits;
      }
      rows.push({ kind, tensors: tensors.length, group, mantissa, values, exponentRatio: exponentBits / (8 * values), totalRatio: streamBits / (32 * values), bitsPerValue: streamBits / values });
    }
  }
  for (const r of rows.filter((x) => x.group === 16)) console.log(`gecko ${r.kind} G=16 m=${r.mantissa}: exponents ${(100 * r.exponentRatio).toFixed(1)} % of 8 bits (${(100 * (r.exponentRatio - 1)).toFixed(1)} %), total ${(100 * r.totalRatio).toFixed(1)} % of float32, ${r.bitsPerValue.toFixed(2)} bits per value`);
  return { data: dir, rows };
}

export async function runGeckoCost() {
  const { geckoEncoderBlock } = await import('../dist/blocks/gecko/encoder/block.js');
  const { geckoDecoderBlock } = await import('../dist/blocks/gecko/decoder/block.js');
  const { synthesizeUnits } = await import('./pool.mjs');
  const units = [
    { label: 'gecko.encoder fp32, m = 7, G = 16', block: geckoEncoderBlock, params: {} },
    { label: 'gecko.decoder fp32, m = 7, G = 16', block: geckoDecoderBlock, params: {} },
    { label: 'gecko.encoder fp32, m = 23, G = 16', block: geckoEncoderBlock, params: { mantissa: 23 } },
    { label: 'gecko.decoder fp32, m = 23, G = 16', block: geckoDecoderBlock, params: { mantissa: 23 } },
  ];
  const rows = [];
  for (const { unit: u, target, report: r } of await synthesizeUnits(units, ['xc7', 'ice40'])) {
    rows.push({ unit: u.label, target, lut: r.totals.lut, ff: r.totals.ff, carry: r.totals.carry, fmaxMHz: r.timing.fmaxMHz ?? null, fmaxSource: r.timing.source, unplaced: r.pnr?.unplaced ?? null });
  }
  for (const r of rows) console.log(`${r.unit} on ${r.target}: LUT ${r.lut}, FF ${r.ff}, ${r.fmaxMHz ?? '–'} MHz (${r.fmaxSource})`);
  return rows;
}
