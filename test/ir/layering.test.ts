// The architecture's layering, checked on the sources: no import cycles between top-level folders
// of src/, util imports no other folder, cosim and synth do not import the catalogue, the simulator
// and the emitter see the IR and not the DSL, and no golden model imports generator code.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** [importing file, imported file], both relative to src/, for relative imports. */
const imports: Array<[string, string]> = files(SRC).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) =>
  [relative(SRC, f), relative(SRC, normalize(join(dirname(f), m[1]!)))] as [string, string]));
const top = (p: string) => p.split(sep)[0]!;
const edges = new Map<string, Set<string>>();
for (const [a, b] of imports) if (top(a) !== top(b) && !a.startsWith('..') && !b.startsWith('..')) edges.set(top(a), (edges.get(top(a)) ?? new Set()).add(top(b)));

describe('layering of src/', () => {
  it('no import cycle between top-level folders', () => {
    const cycles: string[] = [];
    for (const [a, outs] of edges) {
      for (const b of outs) {
        const seen = new Set([b]), st = [b];
        while (st.length) {
          const x = st.pop()!;
          if (x === a) { cycles.push(`${a} → ${b} → … → ${a}`); break; }
          for (const y of edges.get(x) ?? []) if (!seen.has(y)) { seen.add(y); st.push(y); }
        }
      }
    }
    expect(cycles).toEqual([]);
  });

  it('util imports nothing; ir only itself; sim only ir; cosim and synth not the catalogue', () => {
    expect([...(edges.get('util') ?? [])]).toEqual([]);
    expect([...(edges.get('ir') ?? [])]).toEqual([]);
    expect([...(edges.get('sim') ?? [])]).toEqual(['ir']);
    expect(edges.get('cosim')?.has('blocks')).toBe(false);
    expect(edges.get('synth')?.has('blocks')).toBe(false);
  });

  it('the Verilog emitter reads the IR, not the DSL', () => {
    expect(imports.filter(([a, b]) => a.startsWith(join('codegen', 'verilog')) && top(b) === 'dsl')).toEqual([]);
  });

  it('no golden model imports generator code', () => {
    const bad = imports.filter(([a, b]) => /golden[^/]*\.ts$/.test(a) && /generator/.test(b.split(sep).pop()!));
    expect(bad).toEqual([]);
  });
});
