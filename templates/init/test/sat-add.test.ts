import { describe, expect, it } from 'vitest';
import { simulate } from 'bitforge';
import satAdd from '../src/sat-add.js';
import { saturatingSum } from '../src/sat-add.golden.js';

describe('sat-add', () => {
  it('the golden model saturates (worked by hand)', () => {
    expect(saturatingSum(4, 3n, 4n)).toBe(7n);
    expect(saturatingSum(4, 15n, 1n)).toBe(15n);
    expect(saturatingSum(8, 200n, 100n)).toBe(255n);
  });

  it('the Verilog matches the golden model on every input at width 4', async () => {
    const r = await simulate(satAdd, { width: 4 });
    expect(r.source).toBe('exhaustive (2^8) + 3 directed');
    expect([r.passed, r.failed]).toEqual([259, 0]);
  });
});
