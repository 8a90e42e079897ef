// The structural proof (signal pairs by name, Yosys's equiv flow): it proves variants that keep their
// registers, and never proves a pair that differs: a broken operator, a register that starts
// elsewhere (the induction's base case), or a pair it cannot relate by name, where the miter's proof
// takes over.

import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/blocks/catalogue.js';
import type { BlockDef } from '../../src/blocks/block.js';
import { checkEquivalence } from '../../src/equiv/check.js';
import { blockSide, type DesignSide } from '../../src/equiv/sides.js';
import { PASSES } from '../../src/ir/passes/index.js';

const find = (name: string) => catalogue.find((b) => b.name === name) as unknown as BlockDef;
const PROOF = { depth: 6, timeoutS: 300 };
const bit = (name: string, direction: 'input' | 'output', width = 1) => ({ name, direction, width, signed: false });

const sip = find('loom.sip');
const sipParams = sip.params.parse({ lanes: 4, maxPrecision: 8 }) as Record<string, unknown>;
const passes = [PASSES['const-fold']!, PASSES['dce']!];

/** A hand-written sequential design, marked as the emitter's so that the structural proof applies. */
const handMade = (name: string, body: string): DesignSide => ({
  label: name, top: 'm', latency: null, timing: 'free-running', emitted: true,
  ports: [bit('clk', 'input'), bit('rst', 'input'), bit('a', 'input', 8), bit('b', 'input', 8), bit('q', 'output', 8)],
  files: [{ path: 'm.v', content: `module m (input wire clk, input wire rst, input wire [7:0] a, input wire [7:0] b, output wire [7:0] q);\n${body}\nendmodule\n` }],
});

describe('equiv: the structural proof', () => {
  it('loom.sip after the IR passes: every register paired and proved, in seconds (the miter\'s induction timed out at 300 s)', async () => {
    const gold = blockSide(sip, sipParams, 'loom.sip'), gate = blockSide(sip, sipParams, 'passes', undefined, passes);
    const r = await checkEquivalence(gold, gate, PROOF);
    expect(r.verdict).toMatchObject({ kind: 'equivalent', method: 'structural' });
    expect((r.verdict as { pairs: number }).pairs).toBeGreaterThan(100);
    expect(r.seconds).toBeLessThan(60);
  });

  it('loom.sip with one operator of the variant broken: never proved, the miter finds the difference', async () => {
    const gold = blockSide(sip, sipParams, 'loom.sip'), good = blockSide(sip, sipParams, 'passes', undefined, passes);
    const v = good.files.find((f) => f.path === `${good.top}.v`)!;
    const broken = v.content.replace(/ \+ /, ' - ');
    expect(broken).not.toBe(v.content);
    const gate: DesignSide = { ...good, files: good.files.map((f) => (f === v ? { ...f, content: broken } : f)) };
    const r = await checkEquivalence(gold, gate, PROOF);
    expect(r.verdict.kind).toBe('different');
  });

  it('a register that starts elsewhere: the pairs stay equal once equal (the induction step holds), but the base case from reset does not', async () => {
    const keep = (init: number) => handMade(`init ${init}`, `  reg [7:0] x = 8'd${init};\n  always @(posedge clk) x <= x + a;\n  assign q = x;`);
    const r = await checkEquivalence(keep(0), keep(5), PROOF);
    expect(r.verdict.kind).toBe('different');
  });

  it('a pair named alike but computed differently leaves the structural proof open; the miter\'s proof decides', async () => {
    // s is a + b in one and a - b in the other, q the same: a + b, registered.
    const sum = handMade('sum', `  wire [7:0] s = a + b;\n  reg [7:0] r;\n  always @(posedge clk) r <= s;\n  assign q = r;`);
    const detour = handMade('detour', `  wire [7:0] s = a - b;\n  reg [7:0] r;\n  always @(posedge clk) r <= s + b + b;\n  assign q = r;`);
    const r = await checkEquivalence(sum, detour, PROOF);
    expect(r.verdict.kind).toBe('equivalent');
    expect((r.verdict as { method: string }).method).not.toBe('structural');
  });
});
