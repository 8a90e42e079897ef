import { describe, expect, it } from 'vitest';
import { defineModule, elaborate, ElaborationError, input, output, UInt } from '../../src/dsl/index.js';

describe('source locations', () => {
  it('point at the user line in the test file', () => {
    const g = defineModule('loc', () => {
      const a = input('a', UInt(8));
      const y = output('y', UInt(8));
      y.set(a.add(1)); // line 9
    });
    try {
      elaborate(g, {});
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ElaborationError);
      const [d, ...rest] = (e as ElaborationError).diagnostics;
      expect(rest).toEqual([]); // no cascade of undriven/unused after the one mistake
      expect(d!.kind).toBe('width-mismatch');
      expect(d!.loc).toEqual({ file: 'test/dsl/locations.test.ts', line: 9 });
    }
  });
});
