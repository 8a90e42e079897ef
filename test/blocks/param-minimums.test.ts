// Every catalogue block at the smallest value of each integer parameter (the others at their defaults)
// generates, builds its stimulus and cosimulates bit-exactly: a one-element block, one lane, no stages.
// The edges a stimulus generator forgets (a loop stepping by k − 1 never ends at k = 1) show up here.

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BlockDef } from '../../src/blocks/block.js';
import { catalogue } from '../../src/blocks/catalogue.js';
import { simulate } from '../../src/cosim/run.js';

type Props = Record<string, { type?: string; enum?: unknown[] }>;

/** Settings of one, then two, other enum or boolean parameters, in schema order. */
function* enablers(props: Props, skip: string): Generator<Record<string, unknown>> {
  const choices = Object.entries(props).filter(([n, p]) => n !== skip && (p.enum || p.type === 'boolean'))
    .map(([n, p]) => (p.enum ?? [true, false]).map((v) => [n, v] as const));
  for (const c of choices) for (const [n, v] of c) yield { [n]: v };
  for (let i = 0; i < choices.length; i++) for (let j = i + 1; j < choices.length; j++) {
    for (const [n1, v1] of choices[i]!) for (const [n2, v2] of choices[j]!) yield { [n1]: v1, [n2]: v2 };
  }
}

describe('every block at each parameter minimum', () => {
  for (const b of catalogue as readonly BlockDef[]) {
    const schema = z.toJSONSchema(b.params, { io: 'input' }) as { properties: Record<string, { type?: string; minimum?: number; enum?: unknown[] }> };
    const mins = Object.entries(schema.properties).filter(([, v]) => v.type === 'integer' && v.minimum !== undefined && v.minimum > Number.MIN_SAFE_INTEGER);
    for (const [name, v] of mins) {
      it(`${b.name} --${name} ${v.minimum}: cosimulates bit-exactly`, async () => {
        // A minimum another parameter's default rules out (apack: 2-bit values, 16 symbols) is taken
        // with every integer parameter at its minimum.
        let parsed = b.params.safeParse({ [name]: v.minimum });
        if (!parsed.success) parsed = b.params.safeParse(Object.fromEntries(mins.map(([n, m]) => [n, m.minimum])));
        // A parameter that only exists with others (blockfmt's --seed needs --rng lfsr and --round
        // stochastic) is taken with the first choices of one or two switch or enum parameters that allow it.
        for (const extra of enablers(schema.properties, name)) {
          if (parsed.success) break;
          parsed = b.params.safeParse({ ...extra, [name]: v.minimum });
        }
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        const r = await simulate(b, parsed.data as Record<string, unknown>, 'ts', { seed: 1, vectors: 300, outDir: mkdtempSync(join(tmpdir(), 'bitforge-min-')) });
        expect(r.failed, r.report.join('\n')).toBe(0);
        expect(r.passed).toBeGreaterThan(0);
      }, 120_000);
    }
  }
});
