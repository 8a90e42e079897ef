// What reports write beside their numbers: the parameter column (every parameter the configuration
// sets, no empty `elemB=`), and a chart bar's note (a design that does not fit the device).

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

describe('bar charts', () => {
  it('a bar with a note (a design that does not fit the device: the estimate\'s Fmax) says so beside its value', async () => {
    const { barChart } = await import('../../src/report/svg-bars.js');
    const svg = barChart('Fmax', 'MHz', [{ name: 'ice40', bars: [{ label: 'mx.dot block=32', value: 41.2, note: 'does not fit: estimate' }, { label: 'mx.dot block=8', value: 60 }] }]);
    expect(svg).toContain('>41.2 (does not fit: estimate)</text>');
    expect(svg).toContain('>60</text>');
  });
});
