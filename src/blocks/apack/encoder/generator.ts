// apack.encoder: one packet = the table (entries in symbol order, `in_table` high) then the values
// (B-bit codes), `in_last` on the final beat. One value per cycle, in two stages: the symbol (the
// last entry with vmin ≤ code) and its table fields; then the range coder's update (r = range >>
// P; low += r·cum_s; range = r·c_s) with up to two byte shifts (P ≤ 15) and the offset packer. The
// bytes go out through the serializer (serializer.ts). After the last value: finish()'s target
// value, five shifts, the offset stream's last byte and an end beat. Output beats: out_kind 0
// symbol-stream byte, 1 offset-stream byte, 2 end; bytes leave as soon as they are final (golden.ts
// states the order).

import { Bool, cat, defineModule, lit, mux, reg, std, streamIn, streamOut, UInt, when, wire, type Expr } from '../../../dsl/index.js';
import { offsetBytesPerValue, type CoderParams } from '../hw/params.js';
import { oneHotSelect, symbolOneHot, tableRegisters } from '../hw/table-regs.js';
import { byteSerializer } from './serializer.js';
import { HELD_BITS, mostTrailingZeros, shiftOnce } from './shift.js';

// fin: 0 coding; 1 finish()'s target; 2…6 its five shifts; 7 the offset tail and the end beat.
const FIN_TARGET = 1, FIN_SHIFT = 2, FIN_TAIL = 7;

export const apackEncoder = defineModule('apack_encoder', (p: CoderParams) => {
  const B = p.bits, P = p.precision, OB = offsetBytesPerValue(B), XW = 7 + B, TW = std.bitsFor(XW);
  // A value takes up to 8 cycles (a renormalization emits a byte per cycle).
  const inp = streamIn({ in_last: Bool, in_table: Bool, in_value: UInt(B), in_count: UInt(P + 1) }, { maxInterval: 8 });
  const out = streamOut({ out_kind: UInt(2), out_byte: UInt(8) });
  const { valid: inValid, ready: inReady } = inp, { in_last: inLast, in_table: inTable, in_value: inValue, in_count: inCount } = inp.data;
  const { valid: outValid, ready: outReady } = out, { out_kind: outKind, out_byte: outByte } = out.data;

  const fin = reg('fin', UInt(3), { init: 0 });
  const low = reg('low', UInt(33), { init: 0 }), range = reg('range', UInt(32), { init: 0xffffffff });
  const cache = reg('cache', UInt(8), { init: 0 }), cacheValid = reg('cache_valid', Bool, { init: 0 });
  const held = reg('held', UInt(HELD_BITS), { init: 0 });
  const acc = reg('acc', UInt(7), { init: 0 }), accN = reg('acc_n', UInt(3), { init: 0 }); // offset bits not yet a byte

  const load = wire('rec_load', Bool);
  const rec = {
    mask: wire('rec_in_mask', UInt(4 + OB)), a: wire('rec_in_a', UInt(8)), runByte: wire('rec_in_run_byte', UInt(8)),
    runCount: wire('rec_in_run_count', UInt(HELD_BITS)), c: wire('rec_in_c', UInt(8)),
    off: Array.from({ length: OB }, (_, j) => wire(`rec_in_off${j}`, UInt(8))),
  };
  const ser = byteSerializer({ offsetSlots: OB, load, rec, outReady });

  // Stage 1 looks the symbol up and registers its table fields, so the table's compares and
  // selects are off the coder's path; stage 2 codes. A packet's last value blocks the input until
  // its finish is done (the finish clears the table).
  const v1 = reg('lookup_valid', Bool, { init: 0 }), last1 = reg('lookup_last', Bool, { init: 0 });
  const cum1 = reg('lookup_cum', UInt(P + 1)), cnt1 = reg('lookup_count', UInt(P + 1));
  const off1 = reg('lookup_offset', UInt(B)), ol1 = reg('lookup_ol', UInt(std.bitsFor(B)));
  const coding = fin.eq(0).and(v1).and(ser.free); // stage 2 takes the value
  const ready = fin.eq(0).and(v1.and(last1).not()).and(v1.not().or(coding));
  const accept = inValid.and(ready);
  const isValue = accept.and(inTable.not());
  const finShift = fin.ge(FIN_SHIFT).and(fin.lt(FIN_TAIL)).and(ser.free);
  const finTail = fin.eq(FIN_TAIL).and(ser.free);
  const tab = tableRegisters({ bits: B, symbols: p.symbols, precision: P, write: accept.and(inTable), vmin: inValue, count: inCount, clear: finTail });
  const oh = symbolOneHot(tab, inValue);
  when(isValue, () => {
    v1.set(lit(1, Bool));
    last1.set(inLast);
    cum1.set(oneHotSelect(oh, tab.cum));
    cnt1.set(oneHotSelect(oh, tab.count));
    off1.set(inValue.subWrap(oneHotSelect(oh, tab.vmin)));
    ol1.set(oneHotSelect(oh, tab.ol));
  }).elseWhen(coding, () => v1.set(lit(0, Bool)));

  // Stage 2: the coder's update.
  const cumS = cum1, cntS = cnt1, olS = ol1;
  const r = range.bits(31, P);
  const low1 = low.addWrap(r.mul(cumS)); // < 2^33: bit 32 is a carry
  const range1 = r.mul(cntS).bits(31, 0); // ≤ range
  const one = range1.lt(1 << 24), two = range1.lt(1 << 16);
  // A finish step shifts low as it is; a value shifts low1.
  const s1 = shiftOnce({ low: mux(fin.eq(0), low1, low), cache, cacheValid, held });
  const s2 = shiftOnce(s1.state);
  // Two shifts: when the first one holds, the second sends the cache and the longer run.
  const src2 = two.and(s1.resolved.not());
  const aValid = mux(src2, s2.byteValid, s1.byteValid).and(one.or(fin.ne(0)));
  const runCount = mux(one.or(fin.ne(0)), mux(src2, s2.runCount, s1.runCount), lit(0, UInt(HELD_BITS)));
  const cValid = two.and(s1.resolved).and(s2.byteValid).and(fin.eq(0));

  // The offset packer: acc's bits, then this value's ol bits; whole bytes leave, from the top.
  const x = acc.zext(XW).shlWrap(olS).or(off1.zext(XW));
  const t = accN.zext(TW).addWrap(olS.zext(TW));
  const aligned = x.shlWrap(lit(XW, UInt(TW)).subWrap(t));
  const nBytes = t.shr(3);
  const offBytes = Array.from({ length: OB }, (_, j) => aligned.bits(XW - 1 - 8 * j, XW - 8 - 8 * j));
  const keep = lit(1, UInt(8)).shlWrap(t.bits(2, 0)).subWrap(lit(1, UInt(8))).bits(6, 0);
  const tailByte = cat(acc, lit(0, UInt(1))).shlWrap(lit(7, UInt(3)).subWrap(accN));

  // The record of this cycle: a value's bytes, a finish shift's, or the tail.
  const maskOf = (bits: Expr[]) => bits.map((b, k) => b.zext(4 + OB).shlWrap(k)).reduce((u, v) => u.or(v));
  const valueMask = [aValid, runCount.ne(0), cValid, ...offBytes.map((_, j) => nBytes.gt(j).and(fin.eq(0)))];
  const tailMask = [lit(0, Bool), lit(0, Bool), lit(0, Bool), accN.ne(0), ...offBytes.slice(1).map(() => lit(0, Bool)), lit(1, Bool)];
  const recMask = mux(finTail, maskOf(tailMask), maskOf(valueMask));
  load.set(coding.and(recMask.ne(0)).or(finShift).or(finTail)); // a value without bytes takes no record
  rec.mask.set(recMask);
  rec.a.set(mux(src2, s2.byte, s1.byte));
  rec.runByte.set(mux(src2, s2.runByte, s1.runByte));
  rec.runCount.set(runCount);
  rec.c.set(s2.byte);
  rec.off.forEach((w, j) => w.set(j === 0 ? mux(finTail, tailByte, offBytes[0]!) : offBytes[j]!));

  when(coding, () => {
    low.set(mux(two, s2.state.low, mux(one, s1.state.low, low1)));
    range.set(mux(two, range1.shlWrap(16), mux(one, range1.shlWrap(8), range1)));
    cache.set(mux(two, s2.state.cache, mux(one, s1.state.cache, cache)));
    cacheValid.set(mux(two, s2.state.cacheValid, mux(one, s1.state.cacheValid, cacheValid)));
    held.set(mux(two, s2.state.held, mux(one, s1.state.held, held)));
    acc.set(x.bits(6, 0).and(keep));
    accN.set(t.bits(2, 0));
    when(last1, () => fin.set(lit(FIN_TARGET, UInt(3))));
  }).elseWhen(accept.and(inTable).and(inLast), () => fin.set(lit(FIN_TARGET, UInt(3)))) // a table beat ends an empty packet
    .elseWhen(fin.eq(FIN_TARGET), () => {
      low.set(mostTrailingZeros(low, range));
      fin.set(lit(FIN_SHIFT, UInt(3)));
    }).elseWhen(finShift, () => {
      low.set(s1.state.low);
      cache.set(s1.state.cache);
      cacheValid.set(s1.state.cacheValid);
      held.set(s1.state.held);
      fin.set(fin.addWrap(lit(1, UInt(3))));
    }).elseWhen(finTail, () => {
      low.set(lit(0, UInt(33)));
      range.set(lit(0xffffffff, UInt(32)));
      cacheValid.set(lit(0, Bool));
      held.set(lit(0, UInt(HELD_BITS)));
      acc.set(lit(0, UInt(7)));
      accN.set(lit(0, UInt(3)));
      fin.set(lit(0, UInt(3)));
    });
  inReady.set(ready);
  outValid.set(ser.valid);
  outKind.set(ser.kind);
  outByte.set(ser.byte);
});
