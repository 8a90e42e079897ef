// The Loom bench's cycle model on tensors whose precisions are known by construction.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs bench module without types
import { loomCycles } from '../../bench/loom.mjs';

interface Row { pw: number; meanPa: number; steps: number; perB: Array<{ bits: number; loom: number; parallel: number; speedup: number; profiledSpeedup: number }>; fcSpeedup: number }

describe('loom bench cycles', () => {
  it('values in [−8, 7] with one group of zeros: Pw 4, Pa 4 or 1; cycles and speedups follow ⌈Pa/B⌉·Pw against ⌈16/B⌉·16', () => {
    const data = new Int8Array(48);
    for (let i = 0; i < 16; i++) { data[i] = -8 + (i % 16); data[16 + i] = 0; data[32 + i] = i % 2 ? 7 : -1; }
    const [r] = loomCycles([{ name: 't', model: 'm', shape: [48], data }]) as Row[];
    expect(r!.pw).toBe(4);
    expect(r!.steps).toBe(3);
    expect(r!.meanPa).toBe((4 + 1 + 4) / 3);
    const b1 = r!.perB[0]!, b4 = r!.perB[2]!;
    expect(b1.loom).toBe((4 + 1 + 4) * 4);
    expect(b1.parallel).toBe(3 * 256);
    expect(b4.loom).toBe((1 + 1 + 1) * 4); // ⌈4/4⌉ = ⌈1/4⌉ = 1
    expect(b4.parallel).toBe(3 * 4 * 16);
    expect(b1.profiledSpeedup).toBe(256 / 16);
    expect(r!.fcSpeedup).toBe(4);
  });
});
