// Every block of the catalogue, at its default parameters and at the variants that change its
// structure, is lint-clean: Verilator --lint-only -Wall and Icarus -g2005 -Wall both silent.

import { describe, expect, it } from 'vitest';
import type { BlockDef } from '../../src/blocks/block.js';
import { catalogue } from '../../src/blocks/catalogue.js';
import { emit, lint } from '../helpers/hdl.js';

const variants: Record<string, Array<Record<string, unknown>>> = {
  'mx.quantize': [{ lanes: 8 }, { lanes: 4, round: 'stochastic', scaleRule: 'even' }],
  'loom.sip': [{ signed: true, bits: 2 }, { mode: 'fc', signed: true }, { bits: 4, maxPrecision: 5, lanes: 3 }, { maxPrecision: 7, bits: 2 }],
  'loom.precision': [{ signed: true, trailing: true }],
  'tensordash.mux': [{ lanes: 4, lookahead: 1, candidates: '0:0,1:0,1:1' }, { lanes: 1, lookahead: 0, aBits: 1, bBits: 1 }],
  'tensordash.scheduler': [{ lanes: 4, lookahead: 1 }, { lanes: 1, lookahead: 0 }, { lanes: 6, lookahead: 3, candidates: '0:0,3:0,1:2,2:-1' }],
  'tensordash.pe': [{ lanes: 4, lookahead: 1, signed: false }, { lanes: 1, lookahead: 0, candidates: '0:0', aBits: 1, bBits: 1 }, { lanes: 5, lookahead: 3, multiplier: 'operator', rows: 1 }],
  'apack.encoder': [{ bits: 16, symbols: 32, precision: 15 }, { bits: 2, symbols: 1, precision: 1 }],
  'apack.decoder': [{ bits: 16, symbols: 32, precision: 15 }, { bits: 2, symbols: 1, precision: 1 }, { search: 'divide' }, { search: 'divide', bits: 16, precision: 15 }],
  'mokey.pe': [{ lanes: 1, countBits: 2, fracBits: 2, outlierLane: false }, { lanes: 64, countBits: 32, fracBits: 24 }, { lanes: 3, countBits: 5, postMacs: 7 }, { postMacs: 24 }],
  'loom.tile': [{ signed: true, bits: 4, rows: 2, cols: 3 }, { mode: 'fc', rows: 1, cols: 1, lanes: 1, maxPrecision: 3 }],
};

describe('catalogue lint', () => {
  for (const b of catalogue as readonly BlockDef[]) {
    for (const v of [{}, ...(variants[b.name] ?? [])]) {
      it(`${b.name} ${JSON.stringify(v)}: Verilator -Wall and Icarus -Wall are silent`, async () => {
        expect(await lint(emit(b.generator, b.params.parse(v)))).toBe('');
      }, 120_000);
    }
  }
});
