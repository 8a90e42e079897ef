// The outside reference: every row of ../shared/golden/ml_dtypes must match (formats.md §2 lists the
// only exceptions: NaN → formats without NaN, and ml_dtypes' e8m0 quirk below 1.5·2^-127).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeToNumber } from '../../src/numerics/decode.js';
import { Encoder } from '../../src/numerics/encode.js';
import { parseFormat } from '../../src/numerics/format.js';
import { findShared } from '../../src/accuracy/shared-dir.js';

// The shared vectors live beside the checkout (../shared); BITFORGE_SHARED overrides.
const DIR = findShared('golden/ml_dtypes') ?? '';
if (!DIR) console.warn('golden: ../shared/golden/ml_dtypes not found; set BITFORGE_SHARED to run the ml_dtypes vectors');
const FORMATS: Record<string, string> = {
  float8_e4m3fn: 'e4m3', float8_e5m2: 'e5m2', float6_e3m2fn: 'e3m2', float6_e2m3fn: 'e2m3', float4_e2m1fn: 'e2m1', float8_e8m0fnu: 'e8m0',
};
const f32 = (hex: string) => new Float32Array(new Uint32Array([parseInt(hex, 16)]).buffer)[0]!;
const rows = (file: string) => readFileSync(join(DIR, file), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));

describe.skipIf(!DIR)('ml_dtypes golden vectors', () => {
  for (const [file, name] of Object.entries(FORMATS)) {
    const f = parseFormat(name);
    it(`${name}: every code decodes like ml_dtypes`, () => {
      const r = rows(`decode_${file}.csv`);
      expect(r.length).toBe(2 ** f.width);
      for (const [code, hex] of r) {
        const want = f32(hex!), got = decodeToNumber(f, parseInt(code!, 16));
        expect(Number.isNaN(want) ? Number.isNaN(got) : Object.is(got, want), `code ${code}`).toBe(true);
      }
    });

    it(`${name}: every encode row matches (documented exceptions only)`, () => {
      const enc = new Encoder(f);
      const hasNaN = enc.nanCode(0) >= 0;
      let checked = 0, excepted = 0;
      for (const [hex, out] of rows(`encode_${file}.csv`)) {
        const bits = parseInt(hex!, 16);
        const x = f32(hex!);
        if (Number.isNaN(x) && !hasNaN) { excepted++; continue; }
        const got = enc.encodeF32Bits(bits);
        if (name === 'e8m0' && x > 2 ** -127 && x < 1.5 * 2 ** -127) {
          expect(got, `input ${hex}: formats.md rounds to the nearest power of two, 2^-127`).toBe(0x00);
          excepted++;
          continue;
        }
        expect(got.toString(16).padStart(2, '0'), `input ${hex} (${x})`).toBe(out);
        checked++;
      }
      expect(checked).toBeGreaterThan(4000);
      console.log(`${name}: ${checked} rows matched, ${excepted} where formats.md overrides ml_dtypes`);
    });
  }
});
