// The emitter is a pure function of the IR: emitting one design twice, in one process, gives the
// same bytes (it used to rename y_t0 → y_t0_1 and _unused → _unused_1 on the second call).

import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/blocks/catalogue.js';
import { designFiles } from '../../src/codegen/index.js';
import { elaborate } from '../../src/dsl/index.js';

describe('IR and emitter', () => {
  it('designFiles() twice on one design gives identical files, for every catalogue block', () => {
    let fresh = 0;
    for (const b of catalogue) {
      const design = elaborate(b.generator, b.params.parse({}) as never);
      const first = designFiles(design);
      const second = designFiles(design);
      expect(second, b.name).toEqual(first);
      if (first.some((f) => /_t0\b|_unused\b/.test(f.content))) fresh++;
    }
    // Designs with emitter-made names (temporaries, the unused-bits sink) are the ones that used to change.
    expect(fresh).toBeGreaterThan(catalogue.length / 2);
  });

  it('the netlist is frozen: a back end cannot write into it', () => {
    const design = elaborate(catalogue[0]!.generator, catalogue[0]!.params.parse({}) as never);
    expect(Object.isFrozen(design.top)).toBe(true);
    expect(Object.isFrozen(design.top.nodes)).toBe(true);
    expect(Object.isFrozen(design.top.signals[0])).toBe(true);
    expect(() => (design.top.names as string[]).push('x')).toThrow(TypeError);
  });
});
