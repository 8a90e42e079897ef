// apack.decoder: one packet = the table (entries in symbol order), the value count, the symbol
// stream's length, then the two streams' bytes, each kind in its own order, interleaved as the
// decoder needs them (hw/packets.ts decoderPacket); in_last on the final beat. Bytes wait in a
// 4-byte symbol buffer and a 32-bit offset bit buffer. Per value, in one cycle: S products r·cum_s
// compared with `code` pick the symbol (or one division code / r: `search`), code −= r·cum_s,
// range = r·c_s, up to two bytes shift into code (zeros past the stream's end), and ol_s offset
// bits give value = vmin_s + offset. Values leave on out_valid/out_ready, out_last on a packet's
// final value.

import { Bool, cat, defineModule, enumType, lit, mux, reg, streamIn, streamOut, UInt, when, type Expr } from '../../../dsl/index.js';
import type { DecoderParams } from '../hw/params.js';
import { IN_OFFSET, IN_SYMBOL, IN_SYMBOL_BYTES, IN_TABLE, IN_VALUES } from '../hw/packets.js';
import { lastOfPrefix, oneHotSelect, tableRegisters } from '../hw/table-regs.js';

const SBUF = 4; // symbol bytes buffered: a value takes at most 2, the code's first load 4

/** ⌊x / d⌋ in `bits` bits by restoring division (all ones when the quotient does not fit). */
function quotient(x: Expr, d: Expr, bits: number): Expr {
  const W = Math.max(x.width, d.width + bits - 1); // d·2^k never cut off
  let rem = x.zext(W);
  const q: Expr[] = [];
  for (let k = bits - 1; k >= 0; k--) {
    const dk = d.zext(W).shlWrap(k);
    const fits = rem.ge(dk);
    rem = mux(fits, rem.subWrap(dk), rem);
    q.push(fits);
  }
  return cat(...q);
}

export const apackDecoder = defineModule('apack_decoder', (p: DecoderParams) => {
  const B = p.bits, P = p.precision;
  // A value takes up to 8 cycles (a renormalization reads a byte per cycle).
  const inp = streamIn({ in_last: Bool, in_kind: UInt(3), in_data: UInt(32) }, { maxInterval: 8 });
  const out = streamOut({ out_value: UInt(B), out_last: Bool });
  const { valid: inValid, ready: inReady } = inp, { in_last: inLast, in_kind: inKind, in_data: inData } = inp.data;
  const { valid: outValid, ready: outReady } = out, { out_value: outValue, out_last: outLast } = out.data;

  const Phase = enumType('phase', ['table', 'init', 'run']); // the table's beats, the code's first load, values
  const phase = reg('phase', Phase.type, { init: Phase.index('table') });
  const remaining = reg('remaining', UInt(32), { init: 0 }); // values still to decode
  const symLeft = reg('sym_left', UInt(32), { init: 0 }); // symbol-stream bytes still to arrive
  const lastSeen = reg('last_seen', Bool, { init: 0 });
  const initCount = reg('init_count', UInt(2), { init: 0 });
  const code = reg('code', UInt(32), { init: 0 }), range = reg('range', UInt(32), { init: 0xffffffff });
  const sb = Array.from({ length: SBUF }, (_, k) => reg(`sbuf${k}`, UInt(8)));
  const sc = reg('sbuf_count', UInt(3), { init: 0 });
  const ob = reg('obuf', UInt(32), { init: 0 }), on = reg('obuf_count', UInt(6), { init: 0 }); // left-aligned bits
  const oValid = reg('out_valid_r', Bool, { init: 0 }), oValue = reg('out_value_r', UInt(B)), oLast = reg('out_last_r', Bool);

  const tableBeat = inKind.eq(IN_TABLE), symBeat = inKind.eq(IN_SYMBOL), offBeat = inKind.eq(IN_OFFSET);
  const headerBeat = inKind.le(IN_SYMBOL_BYTES);
  const done = phase.eq(Phase.of('run')).and(remaining.eq(0)).and(lastSeen);
  const tab = tableRegisters({
    bits: B, symbols: p.symbols, precision: P, write: inValid.and(phase.eq(Phase.of('table'))).and(tableBeat),
    vmin: inData.bits(B - 1, 0), count: inData.bits(B + P, B), clear: done,
  });

  // The symbol: the last entry with r·cum_s ≤ code, i.e. cum_s ≤ ⌊code / r⌋ (both ascend with s).
  const r = range.bits(31, P);
  let oh: Expr[], prodS: Expr;
  if (p.search === 'divide') {
    const q = quotient(code, r, P + 1);
    oh = lastOfPrefix(tab.cum.map((c, k) => tab.valid[k]!.and(c.le(q))));
    prodS = r.mul(oneHotSelect(oh, tab.cum)).bits(31, 0);
  } else {
    const prods = tab.cum.map((c) => r.mul(c));
    oh = lastOfPrefix(prods.map((x, k) => tab.valid[k]!.and(x.le(code.zext(33)))));
    prodS = oneHotSelect(oh, prods).bits(31, 0);
  }
  const code1 = code.subWrap(prodS);
  const range1 = r.mul(oneHotSelect(oh, tab.count)).bits(31, 0);
  const olS = oneHotSelect(oh, tab.ol), vminS = oneHotSelect(oh, tab.vmin);
  const one = range1.lt(1 << 24), two = range1.lt(1 << 16);
  const need = mux(two, lit(2, UInt(3)), mux(one, lit(1, UInt(3)), lit(0, UInt(3))));

  // Symbol bytes on hand: the buffer, then zeros once the stream has all arrived.
  const ended = symLeft.eq(0);
  const byteAt = (j: number) => mux(sc.gt(j), sb[j]!, lit(0, UInt(8)));
  const symOk = (k: Expr) => sc.ge(k).or(ended);
  const outFree = oValid.not().or(outReady);
  const step = phase.eq(Phase.of('run')).and(remaining.ne(0)).and(symOk(need)).and(on.ge(olS.zext(6))).and(outFree);
  const initStep = phase.eq(Phase.of('init')).and(symOk(lit(1, UInt(3))));
  const used = mux(step, need, mux(initStep, lit(1, UInt(3)), lit(0, UInt(3)))); // bytes taken from the buffer
  const taken = mux(sc.lt(used), sc, used);
  const offTaken = mux(step, olS.zext(6), lit(0, UInt(6)));

  // Input: header beats while the table loads; bytes while their buffer has room.
  const ready = mux(headerBeat, phase.eq(Phase.of('table')), mux(symBeat, sc.lt(SBUF), mux(offBeat, on.le(24), lit(1, Bool)))).and(done.not());
  const accept = inValid.and(ready);

  // The symbol buffer: drop the bytes taken, append the one accepted.
  const scAfter = sc.subWrap(taken);
  for (let k = 0; k < SBUF; k++) {
    let shifted: Expr = sb[k]!;
    for (let d = 1; d <= 2 && k + d < SBUF; d++) shifted = mux(taken.eq(d), sb[k + d]!, shifted);
    when(accept.and(symBeat).and(scAfter.eq(k)), () => sb[k]!.set(inData.bits(7, 0)))
      .otherwise(() => sb[k]!.set(shifted));
  }
  const scNext = scAfter.addWrap(mux(accept.and(symBeat), lit(1, UInt(3)), lit(0, UInt(3))));
  // The offset buffer: shift out the bits taken, append the byte accepted below the rest.
  const obAfter = ob.shlWrap(offTaken), onAfter = on.subWrap(offTaken);
  const appended = inData.bits(7, 0).zext(32).shlWrap(lit(24, UInt(6)).subWrap(onAfter));
  const offset = ob.shr(lit(32, UInt(6)).subWrap(olS.zext(6))); // the top ol_s bits (0 when ol_s = 0)

  const shiftIn = (c: Expr, k: 1 | 2) => (k === 1 ? cat(c.bits(23, 0), byteAt(0)) : cat(c.bits(15, 0), byteAt(0), byteAt(1)));

  when(done, () => {
    phase.set(Phase.of('table'));
    lastSeen.set(lit(0, Bool));
    sc.set(lit(0, UInt(3)));
    on.set(lit(0, UInt(6)));
    ob.set(lit(0, UInt(32)));
  }).otherwise(() => {
    sc.set(scNext);
    on.set(onAfter.addWrap(mux(accept.and(offBeat), lit(8, UInt(6)), lit(0, UInt(6)))));
    ob.set(mux(accept.and(offBeat), obAfter.or(appended), obAfter));
    when(accept.and(inLast), () => lastSeen.set(lit(1, Bool)));
    when(accept.and(inKind.eq(IN_VALUES)), () => remaining.set(inData));
    when(accept.and(inKind.eq(IN_SYMBOL_BYTES)), () => {
      symLeft.set(inData);
      phase.set(Phase.of('init'));
      initCount.set(lit(0, UInt(2)));
      range.set(lit(0xffffffff, UInt(32)));
    });
    when(accept.and(symBeat).and(ended.not()), () => symLeft.set(symLeft.subWrap(lit(1, UInt(32)))));
    when(initStep, () => {
      code.set(cat(code.bits(23, 0), byteAt(0)));
      initCount.set(initCount.addWrap(lit(1, UInt(2))));
      when(initCount.eq(3), () => phase.set(Phase.of('run')));
    });
    when(step, () => {
      code.set(mux(two, shiftIn(code1, 2), mux(one, shiftIn(code1, 1), code1)));
      range.set(mux(two, range1.shlWrap(16), mux(one, range1.shlWrap(8), range1)));
      remaining.set(remaining.subWrap(lit(1, UInt(32))));
    });
  });
  when(step, () => {
    oValid.set(lit(1, Bool));
    oValue.set(vminS.addWrap(offset.bits(B - 1, 0)));
    oLast.set(remaining.eq(1));
  }).elseWhen(outReady, () => oValid.set(lit(0, Bool)));
  inReady.set(ready);
  outValid.set(oValid);
  outValue.set(oValue);
  outLast.set(oLast);
});
