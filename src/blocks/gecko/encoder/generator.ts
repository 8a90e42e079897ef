// gecko.encoder: a stream of float32/bf16 values (a packet) → the Gecko stream in 64-bit words
// (docs/training-accelerators.md). Stage A fills one bank of G trimmed values and tracks the group's
// smallest and largest exponent; stage B writes the other bank's group out, one value per cycle (the
// header with the first), into a 128-bit packer that sends a word whenever it holds more than 64 bits
// and the rest, padded, after the packet's last value.

import { Bool, cat, defineModule, lit, mux, reg, std, streamIn, streamOut, UInt, when } from '../../../dsl/index.js';
import { bitLength, trimmedFields } from '../fields.js';
import { BASE_BITS, sizeBits, valueBits, WIDTH_BITS, WORD_BITS, type GeckoParams } from '../params.js';

export { params } from '../params.js';

const CAP = 2 * WORD_BITS;
const CNT = UInt(8); // 0 … 128

export const geckoEncoder = defineModule('gecko_encoder', (p: GeckoParams) => {
  const G = p.group, lg = sizeBits(p), m = p.mantissa, IDX = UInt(Math.max(1, lg)), SIZE = UInt(lg + 1);
  const inp = streamIn({ in_last: Bool, x: UInt(valueBits(p)) });
  const out = streamOut({ word: UInt(WORD_BITS), out_last: Bool });

  // Stage A: the bank being filled and its group's extremes.
  const ENTRY = UInt(m + 9); // {sign, exp, man}
  const banks = [0, 1].map((b) => Array.from({ length: G }, (_, i) => reg(`bank${b}_${i}`, ENTRY)));
  const fillBank = reg('fill_bank', Bool, { init: 0 });
  const fillCount = reg('fill_count', IDX, { init: 0 });
  const aMin = reg('a_min', UInt(8), { init: 0 }), aMax = reg('a_max', UInt(8), { init: 0 });
  const aFull = reg('a_full', Bool, { init: 0 }), aSize = reg('a_size', SIZE, { init: 0 }), aLast = reg('a_last', Bool, { init: 0 });

  // Stage B: the group being written out.
  const bActive = reg('b_active', Bool, { init: 0 }), bBank = reg('b_bank', Bool, { init: 0 }), bIdx = reg('b_idx', IDX, { init: 0 });
  const bSize = reg('b_size', SIZE, { init: 0 }), bBase = reg('b_base', UInt(8), { init: 0 }), bW = reg('b_w', UInt(WIDTH_BITS), { init: 0 }), bLast = reg('b_last', Bool, { init: 0 });

  // The packer and the output word.
  const buf = reg('buf', UInt(CAP), { init: 0 }), cnt = reg('cnt', CNT, { init: 0 }), flushing = reg('flushing', Bool, { init: 0 });
  const oValid = reg('o_valid', Bool, { init: 0 }), oWord = reg('o_word', UInt(WORD_BITS), { init: 0 }), oLast = reg('o_last', Bool, { init: 0 });

  // ---- A: the input value's fields; a group completes at G values or the packet's last.
  const t = trimmedFields(p, inp.data.x);
  const first = fillCount.eq(0);
  const newMin = mux(first.or(t.exp.lt(aMin)), t.exp, aMin), newMax = mux(first.or(t.exp.gt(aMax)), t.exp, aMax);
  const groupDone = inp.fire.and(fillCount.eq(G - 1).or(inp.data.in_last)).named('group_done');

  // ---- B: the field of value bIdx (with the header before a group's first).
  const entry = std.select(cat(bBank, bIdx.bits(IDX.width - 1, 0)).trunc(lg + 1), [...banks[0]!, ...banks[1]!]);
  const eSign = entry.bit(m + 8), eExp = entry.bits(m + 7, m), eMan = entry.bits(m - 1, 0);
  const delta = eExp.subWrap(bBase).trunc(8);
  const upper = std.barrelShift(eSign.zext(9), bW, 'left').or(delta.zext(9)); // {sign, delta} in w + 1 bits
  const field = cat(upper, eMan); // m + 9 bits, m + w + 1 used
  const headerFirst = bIdx.eq(0);
  const hdrLen = mux(bLast, lit(BASE_BITS + WIDTH_BITS + 1 + lg, UInt(6)), lit(BASE_BITS + WIDTH_BITS + 1, UInt(6)));
  const header = cat(bSize.subWrap(1).trunc(Math.max(1, lg)), bLast, bW, bBase); // base at bit 0; size − 1 read only in a last group
  const hdrFull = mux(bLast, header.zext(64), header.zext(64).and(lit((1n << BigInt(BASE_BITS + WIDTH_BITS + 1)) - 1n, UInt(64))));
  const fieldLen = bW.zext(6).addWrap(m + 1);
  const chunk = mux(headerFirst, hdrFull.or(std.barrelShift(field.zext(64), hdrLen, 'left')), field.zext(64)).named('chunk');
  const chunkLen = mux(headerFirst, fieldLen.addWrap(hdrLen), fieldLen).zext(8).named('chunk_len');

  // ---- The packer: a word leaves when more than 64 bits wait, or the rest at the end.
  const slotFree = oValid.not().or(out.ready);
  const full = cnt.gt(WORD_BITS);
  const lastWord = flushing.and(full.not());
  const emit = slotFree.and(full.or(lastWord));
  const cntAfter = mux(full.and(emit), cnt.subWrap(WORD_BITS), cnt);
  const bufAfter = mux(full.and(emit), buf.shr(WORD_BITS).zext(CAP), buf);
  const bAdvance = bActive.and(cntAfter.zext(9).addWrap(chunkLen.zext(9)).le(CAP)).named('b_advance');
  const bDone = bAdvance.and(bIdx.zext(lg + 1).eq(bSize.subWrap(1)));
  const bFree = bActive.not().or(bDone).and(flushing.not()).and(bDone.and(bLast).not());
  const handoff = bFree.and(aFull.or(groupDone)).named('handoff');

  inp.ready.set(aFull.not());
  when(inp.fire, () => {
    banks.forEach((bank, b) => bank.forEach((e, i) => when(fillBank.eq(b).and(fillCount.eq(i)), () => e.set(cat(t.sign, t.exp, t.man)))));
    aMin.set(newMin); aMax.set(newMax);
    when(groupDone, () => {
      fillCount.set(lit(0, IDX));
      fillBank.set(fillBank.not());
      aSize.set(fillCount.zext(lg + 1).addWrap(1));
      aLast.set(inp.data.in_last);
      when(handoff.not(), () => aFull.set(1));
    }).otherwise(() => fillCount.set(fillCount.addWrap(1)));
  });
  when(handoff, () => {
    // The held group (its bank is the one before the flip) or the one completing now.
    const lo = mux(aFull, aMin, newMin), hi = mux(aFull, aMax, newMax);
    bActive.set(1);
    bBank.set(mux(aFull, fillBank.not(), fillBank));
    bIdx.set(lit(0, IDX));
    bSize.set(mux(aFull, aSize, fillCount.zext(lg + 1).addWrap(1)));
    bLast.set(mux(aFull, aLast, inp.data.in_last));
    bBase.set(lo);
    bW.set(bitLength(hi.subWrap(lo).trunc(8)));
    aFull.set(0);
  }).elseWhen(bDone, () => bActive.set(0))
    .elseWhen(bAdvance, () => bIdx.set(bIdx.addWrap(1)));
  when(bDone.and(bLast), () => flushing.set(1));

  when(bAdvance, () => {
    buf.set(bufAfter.or(std.barrelShift(chunk.zext(CAP), cntAfter.trunc(7), 'left')));
    cnt.set(cntAfter.addWrap(chunkLen));
  }).elseWhen(emit, () => {
    buf.set(mux(lastWord, lit(0, UInt(CAP)), bufAfter));
    cnt.set(mux(lastWord, lit(0, CNT), cntAfter));
  });
  when(emit, () => {
    oWord.set(buf.bits(WORD_BITS - 1, 0));
    oLast.set(lastWord);
    oValid.set(1);
    when(lastWord, () => flushing.set(0));
  }).elseWhen(out.ready, () => oValid.set(0));

  out.valid.set(oValid);
  out.data.word.set(oWord);
  out.data.out_last.set(oLast);
});
