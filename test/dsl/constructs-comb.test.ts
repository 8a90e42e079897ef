// Every combinational DSL construct: emitted, linted (Verilator -Wall, Icarus -Wall: silent), and
// simulated in Icarus exhaustively against values computed here with BigInt arithmetic.

import { describe, it } from 'vitest';
import { Bool, cat, defineModule, input, lit, mux, output, replicate, SInt, UInt, when, wire } from '../../src/dsl/index.js';
import { allValues, checkBehaviour, emit, product } from '../helpers/hdl.js';
import { b, s, u } from '../helpers/model.js';

const big = (v: bigint | number | undefined) => BigInt(v ?? 0);

describe('combinational constructs behave in simulation', () => {
  it('add/sub/mul grow; wrapping variants wrap; neg; constants (unsigned and signed, mixed widths)', async () => {
    const g = defineModule('arith', () => {
      const a = input('a', UInt(4)), bb = input('b', UInt(3));
      const sa = input('sa', SInt(4)), sb = input('sb', SInt(3));
      output('add_u', UInt(5)).set(a.add(bb));
      output('sub_u', UInt(5)).set(a.sub(bb));
      output('mul_u', UInt(7)).set(a.mul(bb));
      output('addw_u', UInt(4)).set(a.addWrap(bb));
      output('subw_u', UInt(4)).set(a.subWrap(bb));
      output('mulw_u', UInt(4)).set(a.mulWrap(bb));
      output('add_s', SInt(5)).set(sa.add(sb));
      output('sub_s', SInt(5)).set(sa.sub(sb));
      output('mul_s', SInt(7)).set(sa.mul(sb));
      output('addw_s', SInt(4)).set(sa.addWrap(sb));
      output('mulw_s', SInt(4)).set(sa.mulWrap(sb));
      output('neg_s', SInt(5)).set(sa.neg());
      output('add_c', UInt(5)).set(a.add(5));
      output('sadd_c', SInt(5)).set(sa.add(-3));
      output('chain', SInt(9)).set(sa.mul(sb).add(sa).sub(sb.neg())); // nested signed growth
    });
    const vecs = product({ a: allValues(4, false), b: allValues(3, false), sa: allValues(4, true), sb: allValues(3, true) });
    await checkBehaviour(emit(g, {}), vecs, (v) => {
      const A = big(v.a), B = big(v.b), SA = big(v.sa), SB = big(v.sb);
      return {
        add_u: A + B, sub_u: u(A - B, 5), mul_u: A * B, addw_u: u(A + B, 4), subw_u: u(A - B, 4), mulw_u: u(A * B, 4),
        add_s: SA + SB, sub_s: SA - SB, mul_s: SA * SB, addw_s: s(SA + SB, 4), mulw_s: s(SA * SB, 4), neg_s: -SA,
        add_c: A + 5n, sadd_c: SA - 3n, chain: SA * SB + SA + SB,
      };
    });
  });

  it('bitwise ops, not, reductions, and signed-aware comparisons of different widths', async () => {
    const g = defineModule('logic', () => {
      const a = input('a', UInt(4)), bb = input('b', UInt(3));
      const sa = input('sa', SInt(4)), sb = input('sb', SInt(3));
      output('and_u', UInt(4)).set(a.and(bb));
      output('or_u', UInt(4)).set(a.or(bb));
      output('xor_s', SInt(4)).set(sa.xor(sb));
      output('not_u', UInt(4)).set(a.not());
      output('not_s', SInt(4)).set(sa.not());
      output('red', UInt(3)).set(cat(a.andR(), a.orR(), a.xorR()));
      output('cmp_u', UInt(6)).set(cat(a.eq(bb), a.ne(bb), a.lt(bb), a.le(bb), a.gt(bb), a.ge(bb)));
      output('cmp_s', UInt(6)).set(cat(sa.eq(sb), sa.ne(sb), sa.lt(sb), sa.le(sb), sa.gt(sb), sa.ge(sb)));
      output('cmp_c', UInt(2)).set(cat(sa.lt(0), a.ge(9)));
    });
    const vecs = product({ a: allValues(4, false), b: allValues(3, false), sa: allValues(4, true), sb: allValues(3, true) });
    const bits = (...c: boolean[]) => c.reduce((acc, x) => (acc << 1n) | b(x), 0n);
    await checkBehaviour(emit(g, {}), vecs, (v) => {
      const A = big(v.a), B = big(v.b), SA = big(v.sa), SB = big(v.sb);
      const pop = [0, 1, 2, 3].filter((i) => (A >> BigInt(i)) & 1n).length;
      return {
        and_u: A & B, or_u: A | B, xor_s: s(SA ^ SB, 4), not_u: u(~A, 4), not_s: s(~SA, 4),
        red: bits(A === 15n, A !== 0n, pop % 2 === 1),
        cmp_u: bits(A === B, A !== B, A < B, A <= B, A > B, A >= B),
        cmp_s: bits(SA === SB, SA !== SB, SA < SB, SA <= SB, SA > SB, SA >= SB),
        cmp_c: bits(SA < 0n, A >= 9n),
      };
    });
  });

  it('shifts by constant and by signal: logical, arithmetic, growing and wrapping', async () => {
    const g = defineModule('shifts', () => {
      const a = input('a', UInt(6)), sa = input('sa', SInt(6)), n = input('n', UInt(3));
      output('shl_c', UInt(8)).set(a.shl(2));
      output('shlw_c', UInt(6)).set(a.shlWrap(2));
      output('shr_c', UInt(4)).set(a.shr(2));
      output('sshr_c', SInt(4)).set(sa.shr(2));
      output('sshl_c', SInt(8)).set(sa.shl(2));
      output('shr_all', UInt(1)).set(a.shr(7));
      output('sshr_all', SInt(1)).set(sa.shr(7));
      output('shl_d', UInt(13)).set(a.shl(n));
      output('shlw_d', UInt(6)).set(a.shlWrap(n));
      output('shr_d', UInt(6)).set(a.shr(n));
      output('sshr_d', SInt(6)).set(sa.shr(n));
      output('sshl_d', SInt(13)).set(sa.shl(n));
    });
    const vecs = product({ a: allValues(6, false), sa: allValues(6, true), n: allValues(3, false) });
    await checkBehaviour(emit(g, {}), vecs, (v) => {
      const A = big(v.a), SA = big(v.sa), N = big(v.n);
      return {
        shl_c: A << 2n, shlw_c: u(A << 2n, 6), shr_c: A >> 2n, sshr_c: SA >> 2n, sshl_c: SA * 4n,
        shr_all: 0n, sshr_all: SA < 0n ? -1n : 0n,
        shl_d: A << N, shlw_d: u(A << N, 6), shr_d: A >> N, sshr_d: SA >> N, sshl_d: SA << N,
      };
    });
  });

  it('bits/bit, cat, replicate, mux, zext/sext/ext/trunc, casts, named wires, shared and sliced expressions', async () => {
    const g = defineModule('slices', () => {
      const a = input('a', UInt(6)), sa = input('sa', SInt(6)), c = input('c', Bool), sb = input('sb', SInt(3));
      output('slice', UInt(4)).set(a.bits(4, 1));
      output('msb', Bool).set(a.bit(5));
      output('catted', UInt(9)).set(cat(a, sa.bits(2, 0)));
      output('rep', UInt(6)).set(replicate(cat(a.bit(0), c), 3));
      output('mux_u', UInt(6)).set(mux(c, a, a.bits(2, 0)));
      output('mux_s', SInt(6)).set(mux(c, sa, sb));
      output('zx', UInt(9)).set(a.zext(9));
      output('sx', SInt(9)).set(sa.sext(9));
      output('ex', SInt(9)).set(sb.ext(9));
      output('tr', SInt(3)).set(sa.trunc(3));
      output('as_s', SInt(6)).set(a.asSInt());
      output('as_u', UInt(6)).set(sa.asUInt());
      const sq = sa.mul(sa).named('square'); // shared by two outputs, named
      output('sq1', SInt(13)).set(sq.add(1));
      output('sq2', UInt(4)).set(sq.bits(5, 2));
      output('sum_bits', UInt(5)).set(a.add(a).bits(5, 1)); // slice of an expression
      output('sum_sx', SInt(10)).set(sa.add(sb).sext(10)); // sign extension of an expression
      output('assign_ext', SInt(8)).set(sb); // narrower value into a wider signal: sign-extended
    });
    const vecs = product({ a: allValues(6, false), sa: allValues(6, true), c: [0n, 1n], sb: allValues(3, true) });
    await checkBehaviour(emit(g, {}), vecs, (v) => {
      const A = big(v.a), SA = big(v.sa), C = big(v.c), SB = big(v.sb);
      const sq = SA * SA;
      return {
        slice: (A >> 1n) & 15n, msb: A >> 5n, catted: (A << 3n) | u(SA, 3), rep: ((((A & 1n) << 1n) | C) * 0b010101n),
        mux_u: C ? A : A & 7n, mux_s: C ? SA : SB, zx: A, sx: SA, ex: SB, tr: s(SA, 3), as_s: s(A, 6), as_u: u(SA, 6),
        sq1: sq + 1n, sq2: (u(sq, 13) >> 2n) & 15n, sum_bits: ((A + A) >> 1n) & 31n, sum_sx: SA + SB, assign_ext: SB,
      };
    });
  });

  it('when / elseWhen / otherwise, nesting and last-assignment-wins', async () => {
    const g = defineModule('whens', () => {
      const sel = input('sel', UInt(2)), c = input('c', Bool), a = input('a', UInt(3)), bb = input('b', UInt(3));
      const y = output('y', UInt(3));
      const t = wire('t', UInt(3));
      y.set(0);
      when(sel.eq(0), () => { y.set(a); y.set(bb); })
        .elseWhen(sel.eq(1), () => { when(c, () => y.set(a.xor(bb))); })
        .otherwise(() => y.set(7));
      when(sel.eq(3).and(c), () => y.set(1));
      when(c, () => t.set(a)).otherwise(() => t.set(lit(2, UInt(3))));
      output('z', UInt(3)).set(t);
    });
    const vecs = product({ sel: allValues(2, false), c: [0n, 1n], a: allValues(3, false), b: allValues(3, false) });
    await checkBehaviour(emit(g, {}), vecs, (v) => {
      const sel = big(v.sel), c = big(v.c) === 1n, A = big(v.a), B = big(v.b);
      let y = 0n;
      if (sel === 0n) y = B;
      else if (sel === 1n) { if (c) y = A ^ B; }
      else y = 7n;
      if (sel === 3n && c) y = 1n;
      return { y, z: c ? A : 2n };
    });
  });
});
