// Every catalogue block at its defaults passes its golden model on the TypeScript simulator, through
// the same cosimulation front as Verilator (transactions, pipelines, streams with bubbles and
// back-pressure, packets, cycle models).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/blocks/catalogue.js';
import { simulate } from '../../src/cosim/run.js';

const SEED = Number(process.env.BITFORGE_SEED ?? 7);
console.log(`catalogue on the TS simulator: seed ${SEED}`);

describe('bitforge sim --simulator ts', () => {
  for (const b of catalogue) {
    it(`${b.name} at its defaults`, async () => {
      const r = await simulate(b, b.params.parse({}) as Record<string, unknown>, 'ts', {
        seed: SEED, vectors: 2000, outDir: mkdtempSync(join(tmpdir(), 'bitforge-ts-')),
      });
      expect(r.report).toEqual([]);
      expect(r.failed).toBe(0);
      expect(r.passed).toBeGreaterThan(0);
    });
  }
});
