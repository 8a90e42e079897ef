// mokey.pe, the long tier: 10^5 beats per shape in Verilator, five Verilog mutations caught, and dot
// products of real transformer tensors (the tiny-LLaMA weights with their activations, the OCR
// model's SVTR weights) in both simulators, with the error of the PE's fixed point and of the 4-bit
// codes against float32. The golden model and the 2·10^4-beat cosimulation of every shape are in
// mokey-pe.test.ts.

import { describe, expect, it } from 'vitest';
import { findShared } from '../../src/accuracy/shared-dir.js';
import { loadTensors, type Tensor } from '../../src/accuracy/tensors.js';
import { GOLDEN } from '../../src/blocks/mokey/dictionary.js';
import { mokeyPeBlock } from '../../src/blocks/mokey/pe/block.js';
import { peConstants } from '../../src/blocks/mokey/pe/constants.js';
import { peModel } from '../../src/blocks/mokey/pe/golden.js';
import { dotPacket, strided } from '../../src/blocks/mokey/pe/operands.js';
import { params, sumFrac, type PeParams } from '../../src/blocks/mokey/pe/params.js';
import { OUTLIER, quantize, type MokeyTensor } from '../../src/blocks/mokey/quantize.js';
import type { Vector } from '../../src/cosim/model.js';
import { cosimClean, expectPacketMutationCaught, withPackets } from '../helpers/cosim.js';
import { mokeyPeRuns } from '../helpers/runs/mokey.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 31);
console.log(`mokey pe (long): seed ${SEED}`);
const DATA = findShared('data/weights', 'manifest.json');
if (!DATA) console.warn('mokey pe: ../shared/data/weights not found; set BITFORGE_SHARED to run the real-tensor runs');

const P = (o: Partial<PeParams> = {}) => params.parse(o);
const c = GOLDEN.centroids;
const value = (code: number) => (code & 8 ? -1 : 1) * c[code & 7]!;
/** mokey.pe with exactly these packets as its stimulus. */
const only = (packets: Vector[][]) => withPackets(mokeyPeBlock, packets);

describe('mokey.pe in cosimulation', () => {
  mokeyPeRuns('long', SEED);

  it('mutations are caught: no counter saturation, a constant off by one LSB, no rounding, one lane\'s sign as OR, the counters not restarted', async () => {
    const p = P(), k3 = peConstants(p.fracBits).h[3]!;
    const hex = (x: bigint) => `'sh${x.toString(16)}`;
    const mutations: Array<[string, (v: string) => string]> = [
      // Every counter's clamp dropped: assign count<k>_tN = (over) ? +M : ((under) ? −M : sum) → sum.
      ['saturation', (v) => v.replace(/(assign count\d+_t\d+ = )\(\(~count.*? : (\$signed\(count\d+_t0\[\d+:0\]\))\);/g, '$1$2;')],
      ['constant', (v) => v.replace(hex(k3), hex(k3 + 1n))],
      ['rounding', (v) => v.replace(/(\$signed\(\{result_r_t\d+\[\d+\], result_r_t\d+\}\)) \+ (\d+)'sd1/, "$1 + $2'sd0")],
      ['sign', (v) => v.replace('a5[3] ^ w5[3]', 'a5[3] | w5[3]')],
      ['restart', (v) => v.replace(/count7 <= s1_last \? \d+'sd0 : (count7_t\d+);/, 'count7 <= $1;')],
    ];
    for (const [name, mutate] of mutations) {
      await expectPacketMutationCaught(mokeyPeBlock, p, name, mutate, { seed: SEED, vectors: 5000 });
    }
  }, 600_000);
});

interface RealDots { name: string; a: Tensor; aQ: MokeyTensor; w: Tensor; wQ: MokeyTensor; dots: Array<[Int32Array, Int32Array]> }

describe('mokey.pe on real transformer tensors', () => {
  it.skipIf(!DATA)('tiny-LLaMA W·x and the OCR model\'s SVTR fc1·fc2: 0 mismatches in both simulators; the fixed point costs < 0.1 % against float64 of the same codes', async () => {
    const set = loadTensors(DATA!), p = P();
    const cases: RealDots[] = [];
    // stories260K: rows of W (out × in) against activation rows, for a projection and the FFN down.
    for (const name of ['layer0.wq × attn_in', 'layer3.w1 × ffn_in', 'layer2.w2 × ffn_hidden']) {
      const pair = set.pairs.find((x) => x.name === name)!;
      const [outs, width] = pair.weight.shape as [number, number];
      const dots: RealDots['dots'] = [];
      for (let r = 0; r < 6; r++) for (let j = 0; j < outs; j += 4) dots.push([strided(r * 40 * width, width), strided(j * width, width)]);
      cases.push({ name, a: pair.act, aQ: quantize(pair.act.data), w: pair.weight, wQ: quantize(pair.weight.data), dots });
    }
    // ppocrv4 (no activations in the data set): fc1 [120 × 240] · fc2 [240 × 120] of an SVTR block.
    const fc1 = set.weights.find((t) => t.name.endsWith('linear_79.w_0'))!, fc2 = set.weights.find((t) => t.name.endsWith('linear_80.w_0'))!;
    const dots: RealDots['dots'] = [];
    for (let i = 0; i < 120; i += 6) for (let k = 0; k < 120; k += 6) dots.push([strided(i * 240, 240), strided(k, 240, 120)]);
    cases.push({ name: 'ppocrv4 linear_79 · linear_80', a: fc1, aQ: quantize(fc1.data), w: fc2, wQ: quantize(fc2.data), dots });

    const packets: Vector[][] = [];
    for (const cs of cases) {
      const FS = sumFrac(p);
      let fixedErr = 0, codeRef = 0, quantErr = 0, floatRef = 0, outliers = 0;
      for (const [ia, iw] of cs.dots) {
        const pk = dotPacket(p, { a: cs.aQ, aAt: ia, w: cs.wQ, wAt: iw });
        packets.push(pk);
        outliers += pk.filter((v) => v.o_valid).length;
        const got = Number(peModel(p)(pk)[0]!.result) / 2 ** FS;
        let same = 0, ref = 0;
        for (let k = 0; k < ia.length; k++) {
          same += zOf(cs.aQ, ia[k]!) * zOf(cs.wQ, iw[k]!) * cs.aQ.std * cs.wQ.std;
          ref += (cs.a.data[ia[k]!]! - cs.aQ.mean) * (cs.w.data[iw[k]!]! - cs.wQ.mean);
        }
        fixedErr += (got - same) ** 2; codeRef += same ** 2; quantErr += (got - ref) ** 2; floatRef += ref ** 2;
      }
      const fixedRel = Math.sqrt(fixedErr / codeRef), quantRel = Math.sqrt(quantErr / floatRef);
      console.log(`mokey pe, ${cs.name}: ${cs.dots.length} dot products, ${outliers} outlier pairs; relative error of the PE against float64 of the same codes ${fixedRel.toExponential(2)}, against the float32 (centred) dot ${quantRel.toFixed(3)}`);
      expect(fixedRel, cs.name).toBeLessThan(1e-3);
      expect(quantRel, cs.name).toBeLessThan(0.5);
      expect(outliers, cs.name).toBeGreaterThan(0);
    }
    for (const sim of ['verilator', 'icarus'] as const) {
      expect((await cosimClean(only(packets), p, sim, { seed: SEED, vectors: 0, label: sim })).passed).toBe(packets.length);
    }
  }, 600_000);
});

/** A value's z-score as the codes say: its centroid, or the outlier's exact z. */
function zOf(q: MokeyTensor, k: number): number {
  const code = q.codes[k]!;
  if (code !== OUTLIER) return value(code);
  const i = q.outlierPositions.indexOf(k);
  return (q.outlierValues[i]! * q.outlierScale - q.mean) / q.std;
}
