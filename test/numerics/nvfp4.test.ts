// NVFP4 quantization, hand-computed from formats.md §5.

import { describe, expect, it } from 'vitest';
import { nvfp4Dequantize, nvfp4Quantize } from '../../src/numerics/nvfp4.js';

describe('NVFP4', () => {
  it('tensor amax 2688 gives S_t = 1; the block with amax 2688 gets S_b = 448 (0x7e) and element 6', () => {
    const v = new Float32Array(32);
    v[0] = 2688; v[1] = -448; v[2] = 100; // block 0
    v[16] = 12; v[17] = -3; // block 1: amax 12 → S_b = 2 (0x40), elements 6 and −1.5
    const t = nvfp4Quantize(v);
    expect(t.tensorScale).toBe(1);
    expect([...t.blockScales]).toEqual([0x7e, 0x40]);
    // 2688/448 = 6 → 0x7; −448/448 = −1 → sign 1, e 01, m 0 = 0xa; 100/448 = 0.223 < 0.25 → +0
    expect([...t.codes.slice(0, 3)]).toEqual([0x7, 0xa, 0x0]);
    expect([...t.codes.slice(16, 18)]).toEqual([0x7, 0xb]); // 12/2 = 6; −3/2 = −1.5
    expect([...nvfp4Dequantize(t).slice(16, 18)]).toEqual([12, -3]);
  });

  it('all-zero tensor: S_t = 1, block scale rounds to 0 and becomes the smallest code 2^-9', () => {
    const t = nvfp4Quantize(new Float32Array(16));
    expect(t.tensorScale).toBe(1);
    expect([...t.blockScales]).toEqual([0x01]);
    expect([...t.codes]).toEqual(new Array(16).fill(0));
  });

  it('torchao variant clamps the pre-rounding block scale to [2^-6, 448]', () => {
    const v = new Float32Array(32);
    v[0] = 2688; v[16] = 1e-3; // block 1 scale 1e-3/6 ≪ 2^-6
    expect(nvfp4Quantize(v, { torchaoClamp: true }).blockScales[1]).toBe(0x08); // 2^-6 in ue4m3
    expect(nvfp4Quantize(v).blockScales[1]).toBe(0x01); // 1.7e-4 rounds to 0 (below 2^-10) → 2^-9
  });

  it('rejects a tensor that is not whole blocks', () => {
    expect(() => nvfp4Quantize(new Float32Array(20))).toThrow(/not a whole number of 16-element blocks/);
  });
});
