// What reports write beside their numbers: the parameter column (every parameter the configuration
// sets, no empty `elemB=`). Charts are checked as rendered, in charts.test.ts.

import { describe, expect, it } from 'vitest';
import { findBlock } from '../../src/blocks/catalogue.js';
import { paramText } from '../../src/report/markdown.js';

describe('paramText', () => {
  it('mx.dot-general at its defaults: elemB (empty: the same as elem) is left out, the rest shown', () => {
    const p = findBlock('mx.dot-general')!.params.parse({}) as Record<string, unknown>;
    expect(p['elemB']).toBe('');
    const text = paramText(p);
    expect(text).not.toMatch(/elemB=/);
    expect(text).toMatch(/\belem=e4m3\b/);
    expect(paramText({ ...p, elemB: 'e5m2' })).toMatch(/\belemB=e5m2\b/);
    expect(paramText({ n: 0, signed: false })).toBe('n=0 signed=false'); // zero and false are values
  });
});
