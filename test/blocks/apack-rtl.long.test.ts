// apack.encoder and apack.decoder, the long tier: 10^5 beats per shape in Verilator, Verilog
// mutations that the cosimulation must catch, and int8 tensors of three models through both blocks in
// both simulators, at one value per cycle in steady state. The golden models and the 2·10^4-beat
// cosimulation of every shape are in apack-rtl.test.ts.

import { describe, expect, it } from 'vitest';
import { loadInt8Tensors } from '../../src/accuracy/tensors.js';
import { findShared } from '../../src/accuracy/shared-dir.js';
import type { BlockDef } from '../../src/blocks/block.js';
import { encodeCodes } from '../../src/blocks/apack/codec/codec.js';
import { apackDecoderBlock } from '../../src/blocks/apack/decoder/block.js';
import { apackEncoderBlock } from '../../src/blocks/apack/encoder/block.js';
import { decoderPacket, encoderPacket } from '../../src/blocks/apack/hw/packets.js';
import { coderParams, decoderParams, type CoderParams } from '../../src/blocks/apack/hw/params.js';
import { builtTable } from '../../src/blocks/apack/hw/stimulus-data.js';
import { seededRng, type Vector } from '../../src/cosim/model.js';
import { runInProcess } from '../../src/cosim/in-process.js';
import { setupCosim } from '../../src/cosim/setup.js';
import { vectorSource, type VectorSource } from '../../src/cosim/vectors.js';
import { cosimClean, expectPacketMutationCaught, withPackets } from '../helpers/cosim.js';
import { apackRuns } from '../helpers/runs/apack.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 29);
console.log(`apack rtl (long): seed ${SEED}`);
const DATA = findShared('data/weights', 'manifest.json');
if (!DATA) console.warn('apack rtl: ../shared/data/weights not found; set BITFORGE_SHARED to run the real-tensor runs');

const params = (o: Partial<CoderParams> = {}) => coderParams.parse(o);

describe('apack.encoder and apack.decoder in cosimulation', () => {
  apackRuns('long', SEED);

  it('mutations are caught: a carried 0x00 run counted as one zero, deferred zeros never sent, the symbol stream ending a byte early, a strict symbol compare, a strict quotient bit', async () => {
    const mutations: Array<[BlockDef, string, (v: string) => string]> = [
      [apackEncoderBlock, 'carried run', (v) => v.replace('zero_run + rec_run_count', "zero_run + 32'd1")],
      [apackEncoderBlock, 'zeros dropped', (v) => v.replace(/& \(zero_run != 32'd0\)/, "& 1'b0")],
      [apackDecoderBlock, 'early end', (v) => v.replace("sym_left == 32'd0", "sym_left == 32'd1")], // stalls: no output
      [apackDecoderBlock, 'strict compare', (v) => v.replace(/\(tab_loaded > 5'd2\) & \((\w+) <= \{1'b0, code\}\)/, "(tab_loaded > 5'd2) & ($1 < {1'b0, code})")],
    ];
    // The division's last quotient bit with > for ≥: wrong only when code is exactly r·cum_s.
    const lastGe = (v: string) => { const m = [...v.matchAll(/assign \w+ = (\w+) >= (\w+);/g)].pop(); return m ? v.replace(m[0], m[0].replace('>=', '>')) : v; };
    const divide = decoderParams.parse({ search: 'divide' });
    for (const [block, name, mutate, p] of [...mutations.map(([b, n, m]) => [b, n, m, b.params.parse({})] as const), [apackDecoderBlock, 'quotient', lastGe, divide] as const]) {
      await expectPacketMutationCaught(block, p, name, mutate, { seed: SEED, vectors: 20_000 });
    }
  }, 300_000);
});

describe('apack RTL on real tensors', () => {
  // Per model, the largest int8 tensor's first 30000 values, as three sub-tensors under one table
  // (as the container splits them). The decoder gets the software streams, which the encoder has
  // just been shown to produce byte for byte: together, an RTL round trip.
  it.skipIf(!DATA)('int8 weights of three models: the encoder\'s bytes and the decoder\'s values, 0 mismatches in both simulators', async () => {
    const all = loadInt8Tensors(DATA!);
    const models = [...new Set(all.map((t) => t.model))].slice(0, 3);
    expect(models.length).toBe(3);
    const p = params();
    const encPackets: Vector[][] = [], decPackets: Vector[][] = [];
    let outputs = 0, values = 0;
    for (const model of models) {
      const t = all.filter((x) => x.model === model).sort((x, y) => y.data.length - x.data.length)[0]!;
      const codes = Array.from(t.data.subarray(0, 30_000), (v) => v & 0xff);
      const table = builtTable(codes, p);
      for (let k = 0; k < 3; k++) {
        const part = codes.slice(k * 10_000, (k + 1) * 10_000), sub = encodeCodes(part, table);
        encPackets.push(encoderPacket(table, part));
        decPackets.push(decoderPacket(table, sub, seededRng(SEED + k)));
        outputs += sub.symbols.length + sub.offsets.length + 1;
        values += part.length;
      }
    }
    const only = withPackets;
    for (const sim of ['verilator', 'icarus'] as const) {
      expect((await cosimClean(only(apackEncoderBlock, encPackets), p, sim, { seed: SEED, vectors: 0, label: `encoder ${sim}` })).passed).toBe(outputs);
      expect((await cosimClean(only(apackDecoderBlock, decPackets), decoderParams.parse({}), sim, { seed: SEED, vectors: 0, label: `decoder ${sim}` })).passed).toBe(values);
    }
    // Steady state (input always valid, output always ready): one value per cycle, give or take
    // a packet's table load and finish.
    for (const [block, packets] of [[apackEncoderBlock, encPackets], [apackDecoderBlock, decPackets]] as const) {
      const s = setupCosim(only(block, packets), block.params.parse({}));
      const src = vectorSource(s, { seed: SEED, vectors: 0 });
      const steady: VectorSource = { ...src, *chunks(size) { for (const c of src.chunks(size)) yield { ...c, gaps: c.gaps.fill(0), stalls: c.stalls.fill(0) }; } };
      const r = await runInProcess(s, steady);
      expect(r.failed).toBe(0);
      expect(r.cycles, `${block.name} cycles for ${values} values`).toBeLessThanOrEqual(values + 9 * 40);
    }
    console.log(`apack RTL on ${models.join(', ')}: ${values} values, ${outputs - 9} stream bytes (${((100 * (outputs - 9)) / values).toFixed(1)} % of the int8 size)`);
  }, 600_000);
});
