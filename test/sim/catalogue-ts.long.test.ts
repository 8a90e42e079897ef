// Every catalogue block at its defaults on the TypeScript simulator at full size: `bitforge sim`'s
// default run (exhaustive up to 2^20 inputs, else 10^4 random transactions plus the directed ones).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/blocks/catalogue.js';
import { simulate } from '../../src/cosim/run.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 1);
console.log(`catalogue on the TS simulator, full runs: seed ${SEED}`);

describe('bitforge sim --simulator ts, full default runs', () => {
  for (const b of catalogue) {
    it(`${b.name}`, async () => {
      const r = await simulate(b, b.params.parse({}) as Record<string, unknown>, 'ts', { seed: SEED, outDir: mkdtempSync(join(tmpdir(), 'bitforge-ts-')) });
      expect(r.report).toEqual([]);
      expect([r.failed, r.passed > 0]).toEqual([0, true]);
    });
  }
});
