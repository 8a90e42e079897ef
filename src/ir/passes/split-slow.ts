// Splitting operators slower than a stage into pieces a pipeline can cut between: a multiplier into
// its partial-product rows and a balanced tree of adders, a variable shifter into one multiplexer
// level per bit of the amount, an adder into carry-chained pieces, an equality into a difference and
// its OR, a wide reduction into pieces. Only nodes slower than the budget are split, so a design that
// meets the period keeps synthesis's own operators. Values are unchanged bit for bit (the
// rules of eval.ts: results at the node's width, operands extended by their own sign).

import { nodeDelay, type FabricDelays } from '../delay.js';
import { mapMems, mapTree, type IrModule, type IrType, type Node } from '../netlist.js';

const splittable = (e: Node) => ['mul', 'dshl', 'dshr', 'add', 'sub', 'andr', 'orr', 'xorr', 'eq', 'ne'].includes(e.op);

/** `keep`: nodes left whole (a feedback loop's, which splitting would only lengthen). */
export function splitSlow(m: IrModule, budgetNs: number, fabric: FabricDelays, keep: (node: number) => boolean = () => false): IrModule {
  const slow = (e: Node, i: number) => splittable(e) && !keep(i) && nodeDelay(fabric, m, e) > budgetNs;
  if (!m.nodes.some(slow)) return m;
  const nodes: Node[] = [];
  const map: number[] = [];
  const add = (n: Omit<Node, 'value' | 'lo' | 'args'> & Partial<Node>): number =>
    nodes.push(Object.freeze({ value: 0n, lo: 0, args: [], ...n }) as Node) - 1;
  m.nodes.forEach((e, i) => {
    const args = e.args.map((a) => map[a]!);
    if (!slow(e, i)) { map.push(add({ ...e, args })); return; }
    const t = e.type, loc = e.loc;
    const typeOf = (i: number) => nodes[i]!.type;
    const bit = (x: number, i: number) => add({ op: 'bits', type: { signed: false, width: 1 }, args: [x], lo: i, loc });
    const zero = (ty: IrType) => add({ op: 'const', type: ty, loc });
    if (e.op === 'eq' || e.op === 'ne') {
      // Equal when no bit differs: the difference's OR-reduction, itself split next round if slow.
      const [a, b] = args as [number, number];
      const W = Math.max(typeOf(a).width, typeOf(b).width);
      const diff = add({ op: 'xor', type: { signed: typeOf(a).signed, width: W }, args: [a, b], loc });
      const any = add({ op: 'orr', type: t, args: [diff], loc });
      map.push(e.op === 'ne' ? any : add({ op: 'not', type: t, args: [any], loc }));
      return;
    }
    if (e.op === 'andr' || e.op === 'orr' || e.op === 'xorr') {
      // Reduced in pieces a stage can hold, then the pieces' results reduced.
      const x = args[0]!;
      const W = typeOf(x).width;
      const levels = Math.max(1, Math.floor(budgetNs / fabric.levelNs));
      const piece = Math.max(2, fabric.lutInputs ** levels);
      if (W <= piece) { map.push(add({ ...e, args })); return; } // one LUT level already: nothing to split
      const parts: number[] = [];
      for (let lo = 0; lo < W; lo += piece) {
        const w = Math.min(piece, W - lo);
        const slice = add({ op: 'bits', type: { signed: false, width: w }, args: [x], lo, loc });
        parts.unshift(w === 1 ? slice : add({ op: e.op, type: t, args: [slice], loc }));
      }
      map.push(add({ op: e.op, type: t, args: [add({ op: 'cat', type: { signed: false, width: parts.length }, args: parts, loc })], loc }));
      return;
    }
    if (e.op === 'add' || e.op === 'sub') {
      // A carry chain in pieces, each piece's carry into the next (as FloPoCo's pipelined adders):
      // {a, c} + {b, 1} = 2·(a + b + c) + ¬c, so a piece's carry in rides below its operands. a − b = a + ~b + 1.
      // Not {b, c}: two equal low bits become one net on both inputs of a carry's LUT, which nextpnr-ice40's
      // router1 cannot route (it rips the two arcs up in turn forever).
      const W = t.width;
      const piece = Math.max(1, Math.floor((budgetNs - fabric.levelNs) / fabric.carryNsPerBit) - 2);
      const u = (w: number): IrType => ({ signed: false, width: w });
      const whole = (x: number) => { const ex = typeOf(x).width === W && typeOf(x).signed === t.signed ? x : add({ op: 'ext', type: t, args: [x], loc }); return t.signed ? add({ op: 'cast', type: u(W), args: [ex], loc }) : ex; };
      const A = whole(args[0]!), B = whole(args[1]!);
      let carry = add({ op: 'const', type: u(1), value: e.op === 'sub' ? 1n : 0n, loc });
      const one = add({ op: 'const', type: u(1), value: 1n, loc });
      const parts: number[] = [];
      for (let lo = 0; lo < W; lo += piece) {
        const w = Math.min(piece, W - lo);
        const slice = (x: number) => (lo === 0 && w === W ? x : add({ op: 'bits', type: u(w), args: [x], lo, loc }));
        const a = slice(A), b0 = slice(B);
        const b = e.op === 'sub' ? add({ op: 'not', type: u(w), args: [b0], loc }) : b0;
        const sum = add({ op: 'add', type: u(w + 2), args: [add({ op: 'cat', type: u(w + 1), args: [a, carry], loc }), add({ op: 'cat', type: u(w + 1), args: [b, one], loc })], loc });
        parts.unshift(add({ op: 'bits', type: u(w), args: [sum], lo: 1, loc }));
        carry = add({ op: 'bits', type: u(1), args: [sum], lo: w + 1, loc });
      }
      const joined = parts.length === 1 ? parts[0]! : add({ op: 'cat', type: u(W), args: parts, loc });
      map.push(t.signed ? add({ op: 'cast', type: t, args: [joined], loc }) : joined);
      return;
    }
    if (e.op === 'mul') {
      // Rows of the narrower operand's bits, each the other operand or 0 at its own width; a signed row
      // operand's top bit weighs −2^(w−1): that row is subtracted. Rows are added in pairs at the width
      // their sum needs (the later one shifted into place, which is wiring) and only placed at the
      // result's bits at the end, so the adders and the registers a pipeline puts between them carry
      // no constant-zero bits.
      const [r, o] = typeOf(args[0]!).width <= typeOf(args[1]!).width ? [args[0]!, args[1]!] : [args[1]!, args[0]!];
      const rt = typeOf(r), ot = typeOf(o);
      type Term = { node: number; off: number; width: number };
      const rows: Term[] = [];
      let negative: Term | null = null;
      for (let i = 0; i < Math.min(rt.width, t.width); i++) {
        const row = { node: add({ op: 'mux', type: ot, args: [bit(r, i), o, zero(ot)], loc }), off: i, width: ot.width };
        if (rt.signed && i === rt.width - 1) negative = row; else rows.push(row);
      }
      const sign = t.signed; // a multiplier's operands share its result's sign
      /** x at w bits: its low bits (all that a result of w bits depends on), or x itself when narrower. */
      const fit = (x: number, w: number) => (typeOf(x).width > w ? add({ op: 'bits', type: { signed: sign, width: w }, args: [x], lo: 0, loc }) : x);
      const sum2 = (x: Term, y: Term): Term => { // x.off < y.off
        const d = y.off - x.off, width = Math.min(Math.max(x.width, y.width + d) + 1, t.width - x.off);
        const shifted = add({ op: 'shl', type: { signed: sign, width: y.width + d }, args: [y.node], value: BigInt(d), loc });
        return { node: add({ op: 'add', type: { signed: sign, width }, args: [fit(x.node, width), fit(shifted, width)], loc }), off: x.off, width };
      };
      while (rows.length > 1) {
        const next: Term[] = [];
        for (let i = 0; i + 1 < rows.length; i += 2) next.push(sum2(rows[i]!, rows[i + 1]!));
        if (rows.length % 2) next.push(rows[rows.length - 1]!);
        rows.splice(0, rows.length, ...next);
      }
      const place = (x: Term) => { // at the result's bits: extended by its sign, then shifted into place
        const w = t.width - x.off, wide = x.width === w ? x.node : add({ op: 'ext', type: { signed: sign, width: w }, args: [fit(x.node, w)], loc });
        return x.off ? add({ op: 'shl', type: t, args: [wide], value: BigInt(x.off), loc }) : wide;
      };
      const sum = rows[0] ? place(rows[0]) : zero(t);
      map.push(negative === null ? sum : add({ op: 'sub', type: t, args: [sum, place(negative)], loc }));
      return;
    }
    // Shifters (result of the operand's sign; a right shift keeps its width): level k shifts by 2^k
    // when bit k of the amount is set; a shift of the whole width or more gives 0, or the sign.
    const [x, amount] = args as [number, number];
    const W = t.width;
    let v = typeOf(x).width === W ? x : add({ op: 'ext', type: t, args: [x], loc });
    const right = (by: number) => add({ op: 'ext', type: t, args: [add({ op: 'shr', type: { signed: t.signed, width: W - by }, args: [v], value: BigInt(by), loc })], loc });
    for (let k = 0; k < typeOf(amount).width; k++) {
      const by = 2 ** k;
      const shifted = e.op === 'dshl'
        ? (by < W ? add({ op: 'shl', type: t, args: [v], value: BigInt(by), loc }) : zero(t))
        : by < W ? right(by) : t.signed ? (W > 1 ? right(W - 1) : v) : zero(t);
      v = add({ op: 'mux', type: t, args: [bit(amount, k), shifted, v], loc });
    }
    map.push(v);
  });
  const f = (i: number) => map[i]!;
  return Object.freeze({
    ...m,
    nodes: Object.freeze(nodes),
    signals: Object.freeze(m.signals.map((s) => Object.freeze({ ...s, driver: s.driver ? mapTree(s.driver, f) : null, enable: s.enable === null ? null : f(s.enable) }))),
    mems: mapMems(m.mems, f),
  });
}
