// gecko.decoder: the Gecko stream in 64-bit words (a packet) → the trimmed values, one per cycle
// (docs/training-accelerators.md). A 128-bit buffer takes a word whenever, after this cycle's value, it holds at most 64 bits;
// a value leaves whenever its bits (and, before a group's first value, the group's header) are in
// the buffer. The final word's padding is dropped with the packet's last value.

import { Bool, defineModule, lit, mux, reg, std, streamIn, streamOut, UInt, when } from '../../../dsl/index.js';
import { assemble } from '../fields.js';
import { BASE_BITS, sizeBits, valueBits, WIDTH_BITS, WORD_BITS, type GeckoParams } from '../params.js';

export { params } from '../params.js';

const CAP = 2 * WORD_BITS;
const CNT = UInt(8);
const HDR = BASE_BITS + WIDTH_BITS + 1;

export const geckoDecoder = defineModule('gecko_decoder', (p: GeckoParams) => {
  const G = p.group, lg = sizeBits(p), m = p.mantissa, SIZE = UInt(lg + 1);
  const inp = streamIn({ in_last: Bool, word: UInt(WORD_BITS) });
  const out = streamOut({ x: UInt(valueBits(p)), out_last: Bool });

  const buf = reg('buf', UInt(CAP), { init: 0 }), cnt = reg('cnt', CNT, { init: 0 }), sawLast = reg('saw_last', Bool, { init: 0 });
  const gActive = reg('g_active', Bool, { init: 0 }), gBase = reg('g_base', UInt(8), { init: 0 }), gW = reg('g_w', UInt(WIDTH_BITS), { init: 0 });
  const gLast = reg('g_last', Bool, { init: 0 }), gRemain = reg('g_remain', SIZE, { init: 0 });
  const oValid = reg('o_valid', Bool, { init: 0 }), oX = reg('o_x', UInt(valueBits(p)), { init: 0 }), oLast = reg('o_last', Bool, { init: 0 });

  // The header at the buffer's bottom (read only before a group's first value).
  const hBase = buf.bits(7, 0), hW = buf.bits(11, 8), hLast = buf.bit(12);
  const hSize = mux(hLast, buf.bits(HDR + Math.max(1, lg) - 1, HDR).trunc(Math.max(1, lg)).zext(lg + 1).addWrap(1), lit(G, SIZE)).trunc(lg + 1);
  const hLen = mux(hLast, lit(HDR + lg, UInt(6)), lit(HDR, UInt(6)));
  const headed = mux(hLast, buf.shr(HDR + lg).zext(CAP), buf.shr(HDR).zext(CAP)); // the bits after the header
  const base = mux(gActive, gBase, hBase), w = mux(gActive, gW, hW), last = mux(gActive, gLast, hLast);
  const v = mux(gActive, buf, headed);
  const man = v.bits(m - 1, 0);
  const above = v.bits(m + 8, m); // delta (w bits) then the sign
  const delta = above.trunc(8).and(std.barrelShift(lit(0xff, UInt(8)), w, 'left').not());
  const sign = std.barrelShift(above, w, 'right-logical').bit(0);
  const need = mux(gActive, lit(0, UInt(6)), hLen).zext(8).addWrap(w.zext(8)).addWrap(m + 1).named('need');

  const slotFree = oValid.not().or(out.ready);
  const produce = slotFree.and(cnt.ge(need)).named('produce');
  const remain = mux(gActive, gRemain, hSize);
  const final = produce.and(last).and(remain.eq(1)).named('final');
  const cntAfter = mux(produce, cnt.subWrap(need), cnt);
  const bufAfter = mux(produce, std.barrelShift(buf, need.trunc(7), 'right-logical'), buf);
  const take = sawLast.not().and(cntAfter.le(WORD_BITS)); // room after this cycle's value: the buffer never starves
  inp.ready.set(take);

  when(final, () => {
    buf.set(lit(0, UInt(CAP)));
    cnt.set(lit(0, CNT));
    sawLast.set(0);
  }).elseWhen(inp.fire, () => {
    buf.set(bufAfter.or(std.barrelShift(inp.data.word.zext(CAP), cntAfter.trunc(7), 'left')));
    cnt.set(cntAfter.addWrap(WORD_BITS));
    sawLast.set(inp.data.in_last);
  }).otherwise(() => {
    buf.set(bufAfter);
    cnt.set(cntAfter);
  });

  when(produce, () => {
    const left = remain.subWrap(1);
    gActive.set(left.ne(0));
    gRemain.set(left);
    gBase.set(base); gW.set(w); gLast.set(last);
    oX.set(assemble(p, sign, base.addWrap(delta), man));
    oLast.set(final);
    oValid.set(1);
  }).elseWhen(out.ready, () => oValid.set(0));

  out.valid.set(oValid);
  out.data.x.set(oX);
  out.data.out_last.set(oLast);
});
