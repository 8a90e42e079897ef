// Module names: readable, from the parameters that change the hardware, with a hash only as a suffix
// when they would grow too long; the same for equal designs whatever parameter has no effect.

import { describe, expect, it } from 'vitest';
import { findBlock } from '../../src/blocks/catalogue.js';
import type { BlockDef } from '../../src/blocks/block.js';
import { emitBlock } from '../../src/codegen/emit-block.js';
import { moduleName } from '../../src/dsl/module-name.js';

const top = (name: string, raw: Record<string, unknown>) => {
  const b = findBlock(name) as unknown as BlockDef;
  return emitBlock(b, b.params.parse(raw) as Record<string, unknown>).design.top.name;
};

describe('module names', () => {
  it('a long parameter list keeps its readable start and ends in a hash of all of it', () => {
    const params = { a: 'e4m3', arith: 'auto', b: 'e4m3', out: 'fixed', round: 'rne', stages: 0 };
    const name = moduleName('minifloat_mul', params);
    expect(name).toMatch(/^minifloat_mul__a_e4m3_arith_auto_b_e4m3_out_fixed(_[a-z0-9_]*)?_[0-9a-f]{10}$/);
    expect(name.length).toBeLessThanOrEqual(60);
    expect(moduleName('minifloat_mul', { ...params, stages: 1 })).not.toBe(name); // the hash covers the cut part
    expect(moduleName('counter', { width: 8 })).toBe('counter__width8');
    expect(moduleName('f', { fmt: 'e4m3-b7' })).toMatch(/^f_[0-9a-f]{10}$/); // a value no name can spell: the hash
  });

  it('the top module is named by the parameters set away from their defaults, less those with no effect', () => {
    expect(top('examples.counter', {})).toBe('counter');
    expect(top('examples.adder-tree', { n: 4, width: 8 })).toBe('adder_tree__n4_width8');
    expect(top('minifloat.mul', { a: 'e5m2' })).toBe('minifloat_mul__a_e5m2');
    // The rounding mode does nothing to a fixed-point product: the same design, the same name.
    expect(top('minifloat.mul', { round: 'rtz' })).toBe('minifloat_mul');
    expect(top('minifloat.mul', { out: 'e5m2', round: 'rtz' })).toBe('minifloat_mul__out_e5m2_round_rtz');
    // loom.sip's bits per cycle are unused in fc mode.
    expect(top('loom.sip', { mode: 'fc', bits: 2 })).toBe('loom_sip__mode_fc');
  });
});
