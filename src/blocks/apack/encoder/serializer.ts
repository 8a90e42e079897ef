// The encoder's output stage: one record per value (or per finish step) in slots — the symbol
// stream's byte A, its held run (byte, count) and byte C, then the offset stream's bytes, then the
// end of the packet — sent one byte per cycle in slot order. Symbol-stream 0x00 bytes wait in a
// counter until a non-zero symbol byte follows, and are dropped at the end: finish() trims trailing
// zeros, and only the end shows which zeros were trailing. One more record can wait behind the one
// being sent.

import { Bool, cat, lit, mux, reg, UInt, when, type Expr, type Signal } from '../../../dsl/index.js';
import { KIND_END, KIND_OFFSET, KIND_SYMBOL } from '../hw/packets.js';
import { HELD_BITS } from './shift.js';

export interface SlotRecord {
  readonly mask: Expr; // bit k: slot k is in use (A, run, C, offsets…, end)
  readonly a: Expr;
  readonly runByte: Expr;
  readonly runCount: Expr;
  readonly c: Expr;
  readonly off: readonly Expr[];
}

type RecordRegs = { readonly [K in keyof SlotRecord]: K extends 'off' ? Signal[] : Signal };

/** A record's registers: `<prefix>_mask`, `_a`, `_c`, `_run_byte`, `_run_count`, `_off<j>`. */
function recordRegs(prefix: string, slots: number, offsetSlots: number, resetMask: boolean): RecordRegs {
  return {
    mask: reg(`${prefix}_mask`, UInt(slots), resetMask ? { init: 0 } : {}),
    a: reg(`${prefix}_a`, UInt(8)), c: reg(`${prefix}_c`, UInt(8)),
    runByte: reg(`${prefix}_run_byte`, UInt(8)), runCount: reg(`${prefix}_run_count`, UInt(HELD_BITS)),
    off: Array.from({ length: offsetSlots }, (_, j) => reg(`${prefix}_off${j}`, UInt(8))),
  };
}

function setRecord(dst: RecordRegs, src: SlotRecord): void {
  dst.mask.set(src.mask);
  dst.a.set(src.a);
  dst.c.set(src.c);
  dst.runByte.set(src.runByte);
  dst.runCount.set(src.runCount);
  dst.off.forEach((x, j) => x.set(src.off[j]!));
}

export function byteSerializer(o: { offsetSlots: number; load: Expr; rec: SlotRecord; outReady: Expr }) {
  const OB = o.offsetSlots, E = 3 + OB, SLOTS = E + 1;
  const cur = recordRegs('rec', SLOTS, OB, true);
  const { mask, a, c, runByte, runCount, off } = cur;
  const zeros = reg('zero_run', UInt(HELD_BITS), { init: 0 }); // symbol-stream 0x00s not yet sent

  // The first slot in use.
  const first: Expr[] = [];
  let before: Expr = lit(0, Bool);
  for (let k = 0; k < SLOTS; k++) {
    first.push(mask.bit(k).and(before.not()));
    before = before.or(mask.bit(k));
  }
  const deferA = first[0]!.and(a.eq(0)), outA = first[0]!.and(a.ne(0));
  const deferRun = first[1]!.and(runByte.eq(0)), outRun = first[1]!.and(runByte.ne(0));
  const deferC = first[2]!.and(c.eq(0)), outC = first[2]!.and(c.ne(0));
  const outOff = first.slice(3, 3 + OB).reduce((x, y) => x.or(y), lit(0, Bool));
  const outEnd = first[E]!;
  const symbolOut = outA.or(outRun).or(outC);
  const insertZero = symbolOut.and(zeros.ne(0)); // a waiting 0x00 goes first
  const valid = symbolOut.or(outOff).or(outEnd);
  let byte: Expr = lit(0, UInt(8));
  for (let j = OB - 1; j >= 0; j--) byte = mux(first[3 + j]!, off[j]!, byte);
  byte = mux(outRun, runByte, byte);
  byte = mux(outC, c, byte);
  byte = mux(outA, a, byte);
  byte = mux(insertZero, lit(0, UInt(8)), byte);
  const kind = mux(outEnd, lit(KIND_END, UInt(2)), mux(outOff, lit(KIND_OFFSET, UInt(2)), lit(KIND_SYMBOL, UInt(2))));

  const hs = valid.and(o.outReady);
  const lastOfRun = runCount.eq(1);
  const sent = hs.and(insertZero.not());
  const consume = deferA.or(deferRun).or(deferC).or(sent.and(outA.or(outC).or(outOff).or(outEnd).or(outRun.and(lastOfRun))));
  const firstBits = cat(...first.slice().reverse());
  const maskNext = mask.and(mux(consume, firstBits.not(), lit(2 ** SLOTS - 1, UInt(SLOTS))));
  const free = maskNext.eq(0);

  when(hs.and(outEnd), () => zeros.set(lit(0, UInt(HELD_BITS))))
    .elseWhen(deferA.or(deferC), () => zeros.set(zeros.addWrap(lit(1, UInt(HELD_BITS)))))
    .elseWhen(deferRun, () => zeros.set(zeros.addWrap(runCount)))
    .elseWhen(hs.and(insertZero), () => zeros.set(zeros.subWrap(lit(1, UInt(HELD_BITS)))));
  // A second record waits behind the one being sent, so a value that makes two bytes does not
  // stop the next one: the values' average, not their peak, meets the one byte per cycle.
  const waiting = reg('rec2_valid', Bool, { init: 0 });
  const w = recordRegs('rec2', SLOTS, OB, false);
  when(free.and(waiting), () => setRecord(cur, w))
    .elseWhen(free.and(o.load), () => setRecord(cur, o.rec))
    .otherwise(() => {
      mask.set(maskNext);
      when(sent.and(outRun), () => runCount.set(runCount.subWrap(lit(1, UInt(HELD_BITS)))));
    });
  // The new record waits when the current one is busy, or when the waiting one moves up.
  const park = o.load.and(free.not().or(waiting));
  when(park, () => {
    waiting.set(lit(1, Bool));
    setRecord(w, o.rec);
  }).elseWhen(free, () => waiting.set(lit(0, Bool)));
  // A record can load unless one already waits behind a busy one.
  return { free: waiting.not().or(free), valid, kind, byte };
}
