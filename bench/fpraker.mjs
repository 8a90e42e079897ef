// FPRaker bench: the tiny-LLaMA's W·x (every weight row × every 16th activation row, float32 rounded
// to bf16; a = activation, b = weight as the PE takes them) through fpraker.pe's golden model: cycles
// per group against a bit-parallel PE of the same lanes (one group per cycle), NAF terms, zeros and
// skipped terms, and the error against the exact dot beside a bf16 MAC array's (float32 accumulation);
// the PE's cost next to a bit-parallel bf16 dot unit of the same lanes, and the iso-area speedup.
import { ErrorAccumulator } from '../dist/accuracy/metrics.js';
import { findShared } from '../dist/accuracy/shared-dir.js';
import { loadTensors } from '../dist/accuracy/tensors.js';
import { fprakerDot, naf } from '../dist/blocks/fpraker/pe/golden.js';

const bf16 = (x) => { const b = new Uint32Array(new Float32Array([x]).buffer)[0]; return ((b + 0x7fff + ((b >>> 16) & 1)) >>> 16) & 0xffff; };
const f32 = (c) => new Float32Array(new Uint32Array([c >>> 0]).buffer)[0];

export function runFprakerCycles(lanes = 8, accBits = 32) {
  const dir = findShared('data/weights', 'manifest.json');
  if (!dir) throw new Error('fpraker bench: ../shared/data/weights not found (set BITFORGE_SHARED)');
  const set = loadTensors(dir), p = { lanes, accBits };
  const err = { fpraker: new ErrorAccumulator(), mac: new ErrorAccumulator() };
  let groups = 0, cycles = 0, terms = 0, skipped = 0, pairs = 0, zeros = 0, nafTerms = 0, bits = 0;
  for (const { weight, act } of set.pairs) {
    const [outs, n] = weight.shape;
    const ref = [], got = [], mac = [];
    for (let r = 0; r * n < act.data.length; r += 16) for (let j = 0; j < outs; j++) {
      const gs = [];
      let exact = 0, m = 0;
      for (let b = 0; b < n; b += lanes) {
        const g = [];
        for (let i = 0; i < lanes; i++) {
          const a = bf16(act.data[r * n + b + i] ?? 0), w = bf16(weight.data[j * n + b + i] ?? 0);
          g.push([a, w]);
          const x = f32(a << 16) * f32(w << 16);
          exact += x; m = Math.fround(m + Math.fround(x));
          pairs++;
          if ((a & 0x7fff) === 0 || (w & 0x7fff) === 0) zeros++;
          else { const sig = (a >> 7) & 0xff ? 0x80 | (a & 0x7f) : a & 0x7f; nafTerms += naf(sig).length; bits += sig.toString(2).replace(/0/g, '').length; }
        }
        gs.push(g);
      }
      const t = fprakerDot(p, gs);
      groups += gs.length; cycles += t.cycles; terms += t.terms; skipped += t.skipped;
      ref.push(exact); got.push(f32(t.result)); mac.push(m);
    }
    err.fpraker.add(ref, got); err.mac.add(ref, mac);
  }
  const r = { data: dir, lanes, accBits, pairs: set.pairs.length, groups, cyclesPerGroup: cycles / groups, zeroShare: zeros / pairs, nafTermsPerA: nafTerms / (pairs - zeros), onesPerA: bits / (pairs - zeros), skippedShare: skipped / (terms + skipped), sqnrDb: { fpraker: err.fpraker.sqnrDb, mac: err.mac.sqnrDb } };
  console.log(`fpraker L=${lanes} W=${accBits}: ${groups} groups, ${r.cyclesPerGroup.toFixed(3)} cycles per group (a bit-parallel PE: 1); zeros ${(100 * r.zeroShare).toFixed(2)} %, NAF terms per a ${r.nafTermsPerA.toFixed(2)} (ones ${r.onesPerA.toFixed(2)}), skipped ${(100 * r.skippedShare).toFixed(3)} %; SQNR against the exact dot: FPRaker ${r.sqnrDb.fpraker.toFixed(2)} dB, bf16 MAC array ${r.sqnrDb.mac.toFixed(2)} dB`);
  return r;
}

export async function runFprakerCost() {
  const { fprakerPeBlock } = await import('../dist/blocks/fpraker/pe/block.js');
  const { minifloatDotBlock } = await import('../dist/blocks/minifloat/dot/block.js');
  const { synthesizeUnits } = await import('./pool.mjs');
  const units = [
    { key: 'fpraker', label: 'fpraker.pe L = 8, W = 32', block: fprakerPeBlock, params: {} },
    { key: 'parallel', label: 'minifloat.dot bf16 × bf16, 8 lanes, float32 accumulator (bit-parallel)', block: minifloatDotBlock, params: { a: 'e8m7', b: 'e8m7', lanes: 8, acc: 'e8m23' } },
  ];
  const rows = [];
  for (const { unit: u, target, report: r } of await synthesizeUnits(units, ['xc7-nodsp', 'ice40'])) {
    rows.push({ key: u.key, unit: u.label, target, lut: r.totals.lut, ff: r.totals.ff, carry: r.totals.carry, fmaxMHz: r.timing.fmaxMHz ?? null, fmaxSource: r.timing.source, unplaced: r.pnr?.unplaced ?? null });
  }
  for (const r of rows) console.log(`${r.unit} on ${r.target}: LUT ${r.lut}, FF ${r.ff}, ${r.fmaxMHz ?? '–'} MHz (${r.fmaxSource})${r.unplaced ? ` (${r.unplaced})` : ''}`);
  return rows;
}
