// mokey.pe: Mokey's exponent-adder PE. Per beat, L code pairs (4 bits each: sign, 3-bit index);
// stage 1 adds each lane's indexes (e = i + j), forms the sign sa ⊕ sw and counts, per counter, the
// lanes that hit it with +1 minus those with −1; stage 2 adds the counts to the 32 saturating counters
// (H[0…14], G[0…7], G′[0…7], Z) and the outlier lane's product to its accumulator. On a dot
// product's last beat the counters move to a snapshot bank and restart at zero, so the next dot
// product accumulates while the post-processor works: postMacs multiply-accumulates per cycle with
// the A²·B^e / A·C·B^i / C² table (constants.ts), then the outlier sum added gives S, which goes to
// the scaler (scaler.ts: × scale, rounded and shifted) and frees the bank. golden.ts states the
// arithmetic. A last beat waits while the bank is still busy.

import { Bool, cat, defineModule, lit, mux, numbered, reg, SInt, std, streamIn, streamOut, UInt, when, type Expr, type HwType } from '../../../dsl/index.js';
import { INDEXES } from '../dictionary.js';
import { peConstants } from './constants.js';
import { saturate } from './saturate.js';
import { scaler } from './scaler.js';
import { bankCycles, EXPONENTS, OUTLIER_BITS, OUTLIER_FRAC, outlierAccBits, peWidths, SCALE_BITS, SHIFT_BITS, postSteps, sumFrac, type PeParams } from './params.js';

/** A beat's signed count: lanes with +1 minus lanes with −1, as SInt(w). */
function signedCount(pos: Expr[], neg: Expr[], w: number): Expr {
  const count = (bits: Expr[]) => std.popcount(cat(...bits)).zext(w).asSInt();
  return count(pos).subWrap(count(neg));
}

export const mokeyPe = defineModule('mokey_pe', (p: PeParams) => {
  const L = p.lanes, C = p.countBits, W = peWidths(p), K = peConstants(p.fracBits);
  // A one-beat packet waits for the snapshot bank: a transaction takes at most its cycles and two more.
  const inp = streamIn<Record<string, HwType>>({
    in_last: Bool, in_mask: UInt(L), ...numbered('a', L, UInt(4)), ...numbered('w', L, UInt(4)),
    ...(p.outlierLane ? { o_valid: Bool, o_a: SInt(OUTLIER_BITS), o_w: SInt(OUTLIER_BITS) } : {}),
    scale: UInt(SCALE_BITS), scale_shift: UInt(SHIFT_BITS),
  }, { maxInterval: bankCycles(p) + 2 });
  const resultOut = streamOut({ result: SInt(W.result) });
  const ins = inp.data;
  const { valid: inValid, ready: inReady } = inp, { valid: outValid, ready: outReady, data: { result } } = resultOut;
  const inLast = ins['in_last']!, inMask = ins['in_mask']!, scale = ins['scale']!, shift = ins['scale_shift']!;
  const a = Array.from({ length: L }, (_, l) => ins[`a${l}`]!), w = Array.from({ length: L }, (_, l) => ins[`w${l}`]!);
  const o = p.outlierLane ? { valid: ins['o_valid']!, a: ins['o_a']!, w: ins['o_w']! } : undefined;

  // Flow: any beat enters while the pipe moves; a last beat needs the snapshot bank free when it
  // reaches stage 2, so it waits while the bank is busy or another last beat is in stage 1.
  const busy = reg('busy', Bool, { init: 0 });
  const s1Valid = reg('s1_valid', Bool, { init: 0 }), s1Last = reg('s1_last', Bool, { init: 0 });
  const ready = inLast.not().or(busy.not().and(s1Valid.and(s1Last).not()));
  const accept = inValid.and(ready);

  // Stage 1: per lane e = i + j and the sign; per counter the beat's signed count.
  const hits = { h: [] as Expr[][], g: [] as Expr[][], gp: [] as Expr[][], z: [] as Expr[] };
  for (let e = 0; e < EXPONENTS; e++) hits.h.push([]);
  for (let i = 0; i < INDEXES; i++) { hits.g.push([]); hits.gp.push([]); }
  const pos: Expr[] = [], neg: Expr[] = [];
  for (let l = 0; l < L; l++) {
    const on = inMask.bit(l), sub = a[l]!.bit(3).xor(w[l]!.bit(3));
    pos.push(on.and(sub.not()));
    neg.push(on.and(sub));
    const i = a[l]!.bits(2, 0), j = w[l]!.bits(2, 0), e = i.add(j);
    for (let x = 0; x < EXPONENTS; x++) hits.h[x]!.push(e.eq(x));
    for (let x = 0; x < INDEXES; x++) { hits.g[x]!.push(i.eq(x)); hits.gp[x]!.push(j.eq(x)); }
    hits.z.push(lit(1, Bool));
  }
  const counts = [...hits.h, ...hits.g, ...hits.gp, hits.z].map((hs) =>
    signedCount(hs.map((h, l) => h.and(pos[l]!)), hs.map((h, l) => h.and(neg[l]!)), W.delta));
  const d = counts.map((_, k) => reg(`delta${k}`, SInt(W.delta)));
  // The outlier lane's product; at stages 4 in four parts a × w_j·2^(4j) (w_3 signed), registered, and
  // summed a stage later (`oStage`): a 16 × 16 multiply in one cycle held the PE at ~40 MHz by the model.
  const splitO = p.stages >= 4;
  const s1Prod = o && !splitO ? reg('s1_prod', SInt(2 * OUTLIER_BITS)) : undefined;
  const s1Parts = o && splitO ? [0, 1, 2, 3].map((j) => reg(`s1_prod_p${j}`, SInt(OUTLIER_BITS + (j === 3 ? 4 : 5)))) : undefined;
  const s1Scale = reg('s1_scale', UInt(SCALE_BITS)), s1Shift = reg('s1_shift', UInt(SHIFT_BITS));
  s1Valid.set(accept);
  when(accept, () => {
    s1Last.set(inLast);
    d.forEach((r, k) => r.set(counts[k]!));
    if (o && s1Prod) s1Prod.set(mux(o.valid, o.a.mul(o.w), lit(0, SInt(2 * OUTLIER_BITS))));
    if (o && s1Parts) {
      s1Parts.forEach((r, j) => {
        const slice = o.w.bits(4 * j + 3, 4 * j);
        r.set(mux(o.valid, o.a.mul(j === 3 ? slice.asSInt() : slice.zext(5).asSInt()), lit(0, r.type)));
      });
    }
    s1Scale.set(scale);
    s1Shift.set(shift);
  });

  // Stage 2: the saturating counters and the outlier accumulator; a last beat moves them to the bank.
  const cnt = d.map((_, k) => reg(`count${k}`, SInt(C), { init: 0 }));
  const next = cnt.map((c, k) => saturate(c.add(d[k]!), C));
  const WO = outlierAccBits(p);
  const oAcc = o ? reg('o_acc', SInt(WO), { init: 0 }) : undefined;
  // The product the accumulator adds, and the valid and last bits beside it: stage 1's, or at
  // stages 4 a stage later (the accumulator then restarts and fills the bank a cycle after the counters).
  let oStage: { prod: Expr; valid: Expr; last: Expr } | undefined;
  if (s1Prod) oStage = { prod: s1Prod, valid: s1Valid, last: s1Last };
  if (s1Parts) {
    const prod = reg('s2_prod', SInt(2 * OUTLIER_BITS)), valid = reg('s2_valid', Bool, { init: 0 }), last = reg('s2_last', Bool, { init: 0 });
    const [p0, p1, p2, p3] = s1Parts as unknown as [Expr, Expr, Expr, Expr];
    valid.set(s1Valid);
    when(s1Valid, () => {
      last.set(s1Last);
      prod.set(p0.add(p1.shl(4)).add(p2.shl(8).add(p3.shl(12))).trunc(2 * OUTLIER_BITS).asSInt()); // a tree: two adders deep
    });
    oStage = { prod, valid, last };
  }
  const oNext = oAcc && oStage ? saturate(oAcc.add(oStage.prod), WO) : undefined;
  const snap = s1Valid.and(s1Last);
  when(s1Valid, () => cnt.forEach((c, k) => c.set(mux(s1Last, lit(0, SInt(C)), next[k]!))));
  if (oAcc && oNext && oStage) when(oStage.valid, () => oAcc.set(mux(oStage!.last, lit(0, SInt(WO)), oNext)));

  // The bank, as a shift chain in term order: H[0…14], G[i] + G′[i], Z.
  const H = next.slice(0, EXPONENTS), G = next.slice(EXPONENTS, EXPONENTS + INDEXES);
  const Gp = next.slice(EXPONENTS + INDEXES, EXPONENTS + 2 * INDEXES), Z = next[EXPONENTS + 2 * INDEXES]!;
  const bankIn = [...H.map((x) => x.sext(W.term)), ...G.map((g, i) => g.add(Gp[i]!)), Z.sext(W.term)];
  const bank = bankIn.map((_, t) => reg(`term${t}`, SInt(W.term)));
  const oBank = oNext ? reg('o_bank', SInt(WO)) : undefined;
  // At stages 4 the outlier sum reaches the bank a cycle after the snapshot; the hand-off reads it
  // two or more cycles later (the term loop's stages drain first).
  if (oBank && oNext && oStage && splitO) when(oStage.valid.and(oStage.last), () => oBank.set(oNext));
  const bScale = reg('bank_scale', UInt(SCALE_BITS)), bShift = reg('bank_shift', UInt(SHIFT_BITS));
  const steps = postSteps(p), KM = p.postMacs;
  const step = reg('step', UInt(std.bitsFor(steps)), { init: 0 });
  const acc = reg('acc', SInt(W.codes));
  const out = scaler(p, outReady);

  // Per multiplier m, its constant for each step: term step·KM + m (zero past the last term).
  const table = [...K.h, ...K.g, K.z].map((k) => lit(k, SInt(W.constant)));
  const constants = Array.from({ length: KM }, (_, m) => std.select(step, table.filter((_, t) => t % KM === m), lit(0, SInt(W.constant))));
  const fs = sumFrac(p);
  const codes = acc.shl(fs - p.fracBits);
  const S = oBank ? codes.add(oBank.shl(fs - 2 * OUTLIER_FRAC)) : codes;
  // The term loop's stages (`stages`), in the order they pay off: 1 registers the products, 2 also
  // the multipliers' operands (the bank's head and its constants), 3 splits each multiply at the
  // constant's middle bit (b·k = b·k_hi·2^h + b·k_lo, both halves registered, summed a stage later);
  // 4 cuts it in four slices instead, in the same stages.
  // acc adds what leaves the last one. They do not stall: the hand-off waits for them to drain.
  const stepping = busy.and(step.lt(steps));
  const piped = (name: string, e: Expr) => { const r = reg(name, e.type); r.set(e); return r as Expr; };
  const opValid = p.stages >= 2 ? piped('op_valid', stepping) : stepping;
  const ops = constants.map((k, m) => (p.stages >= 2 ? { b: piped(`op_term${m}`, bank[m]!), k: piped(`op_const${m}`, k) } : { b: bank[m]! as Expr, k }));
  const halfValid = p.stages >= 3 ? piped('half_valid', opValid) : opValid;
  const multiply = ({ b, k }: { b: Expr; k: Expr }, m: number): Expr => {
    if (p.stages < 3) return b.mul(k);
    // b·k = Σ b·k_j·2^(lo_j) over slices of the constant (the top one signed), each registered.
    const n = p.stages >= 4 ? 4 : 2, cuts = Array.from({ length: n + 1 }, (_, j) => Math.floor((j * W.constant) / n));
    const parts = cuts.slice(0, n).map((lo, j) => {
      const hi = cuts[j + 1]! - 1, slice = k.bits(hi, lo);
      const factor = j === n - 1 ? slice.asSInt() : slice.zext(hi - lo + 2).asSInt();
      return piped(n === 2 ? `prod_${j ? 'hi' : 'lo'}${m}` : `prod_p${j}_${m}`, b.mul(factor)).shl(lo);
    });
    const sum = n === 2 ? parts[0]!.add(parts[1]!) : parts[0]!.add(parts[1]!).add(parts[2]!.add(parts[3]!)); // a tree: two adders deep
    return sum.trunc(b.width + W.constant).asSInt();
  };
  const prodValid = p.stages >= 1 ? piped('prod_valid', halfValid) : halfValid;
  const products = ops.map((op, m) => (p.stages >= 1 ? piped(`prod${m}`, multiply(op, m)) : multiply(op, m)));
  const draining = [p.stages >= 1 ? prodValid : null, p.stages >= 2 ? opValid : null, p.stages >= 3 ? halfValid : null]
    .filter((x): x is Expr => x !== null).reduce((a, b) => a.or(b), lit(0, Bool) as Expr);
  const handOff = busy.and(step.eq(steps)).and(draining.not()).and(out.free);
  // KM terms per cycle: acc += Σ_m bank[m] · k[step·KM + m].
  when(prodValid, () => acc.set(products.reduce((s, x) => s.add(x), acc as Expr).trunc(W.codes).asSInt()));
  out.load(handOff, S.sext(Math.max(S.width, W.sum)).trunc(W.sum).asSInt(), bScale, bShift);
  when(snap, () => {
    bank.forEach((b, t) => b.set(bankIn[t]!));
    if (oBank && oNext && !splitO) oBank.set(oNext);
    bScale.set(s1Scale);
    bShift.set(s1Shift);
    acc.set(lit(0, SInt(W.codes)));
    step.set(lit(0, step.type));
    busy.set(lit(1, Bool));
  }).elseWhen(stepping, () => {
    // The chain moves up by KM.
    bank.forEach((b, t) => { if (t + KM < bank.length) b.set(bank[t + KM]!); else b.set(lit(0, SInt(W.term))); });
    step.set(step.add(1).trunc(step.width));
  }).elseWhen(handOff, () => {
    // S goes to the scaler; the bank is free for the next dot product.
    busy.set(lit(0, Bool));
  });

  inReady.set(ready);
  outValid.set(out.valid);
  result.set(out.result);
});
