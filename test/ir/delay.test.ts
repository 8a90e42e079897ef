// The IR's delay model (ir/delay.ts): gates pack into a LUT while their inputs fit, a chain of
// multiplexers with their own selects takes a LUT each, carry chains close a LUT. Worked by hand for
// a 4-input LUT of 1 ns and no carry delay.

import { describe, expect, it } from 'vitest';
import { defineModule, elaborate, input, mux, output, UInt, type Expr } from '../../src/dsl/index.js';
import type { FabricDelays } from '../../src/ir/delay.js';
import { schedule } from '../../src/ir/passes/pipeline-schedule.js';

const F: FabricDelays = { lutInputs: 4, levelNs: 1, carryNsPerBit: 0, carryOutNs: 0, registerNs: 0, muxLevels: 1, derate: 0 };

/** The model's time of output y: the design is one stage (an infinite budget). */
function timeOf(body: () => Expr): number {
  const m = elaborate(defineModule('d', () => output('y', UInt(1)).set(body())), {}).top;
  const s = schedule(m, Infinity, F);
  return s.sLocal[m.signals.findIndex((x) => x.name === 'y')]!;
}
const bits = (n: number): Expr[] => Array.from({ length: n }, (_, i) => input(`x${i}`, UInt(1)));

describe('the IR delay model', () => {
  it('a chain of AND gates packs three to a 4-input LUT', () => {
    // x0&x1 (2 inputs), &x2 (3), &x3 (4): one LUT; &x4 needs a second LUT, which takes &x5, &x6 too.
    for (const [n, levels] of [[2, 1], [4, 1], [5, 2], [7, 2], [8, 3]] as const) {
      expect(timeOf(() => bits(n).reduce((a: Expr, b) => a.and(b))), `${n} inputs`).toBe(levels);
    }
  });

  it('a chain of multiplexers with their own selects takes a LUT each', () => {
    for (const n of [1, 2, 5]) {
      expect(timeOf(() => {
        const s = bits(n), d = Array.from({ length: n + 1 }, (_, i) => input(`d${i}`, UInt(1)));
        return s.reduce((acc: Expr, sel, i) => mux(sel, d[i + 1]!, acc), d[0]!);
      }), `${n} multiplexers`).toBe(n);
    }
  });

  it('a carry chain closes its LUT: a gate after an adder takes a new level', () => {
    expect(timeOf(() => {
      const [a, b, c] = [input('a', UInt(4)), input('b', UInt(4)), input('c', UInt(1))];
      return a.add(b).bit(4).and(c);
    })).toBe(2); // the adder's level (no carry delay here), then the AND's
  });

  it('a wide OR is a tree of 4-input LUTs', () => {
    for (const [w, levels] of [[4, 1], [5, 2], [16, 2], [17, 3]] as const) {
      expect(timeOf(() => input('x', UInt(w)).orR()), `${w} bits`).toBe(levels);
    }
  });
});
