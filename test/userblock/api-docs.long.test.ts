// docs/api/ is generated from the types (`npm run docs:api`, TypeDoc): regenerated here, it must equal
// what is committed, so the reference never drifts from the code.

import { execa } from 'execa';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)]));

describe('docs/api', () => {
  it('is what TypeDoc generates from the current types', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bitforge-api-docs-'));
    await execa('npx', ['typedoc', '--out', out, '--logLevel', 'Error']);
    const fresh = files(out).map((f) => relative(out, f)).sort();
    const committed = files('docs/api').map((f) => relative('docs/api', f)).sort();
    expect(committed).toEqual(fresh);
    for (const f of fresh) expect(readFileSync(join('docs/api', f), 'utf8'), f).toBe(readFileSync(join(out, f), 'utf8'));
  }, 300_000);
});
