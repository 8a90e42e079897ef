// Bits of a value that are constant whatever the inputs: a widened or shifted value's zeros, a float
// code's low significand bits that a narrow format never sets. Synthesis drops a register whose input
// is constant; a pass that moves registers elsewhere (delay-ram.ts) must drop those bits too, or it
// would store what costs nothing as registers.

import type { IrModule } from './netlist.js';

/** `mask`: the bits known; `value`: their values (0 elsewhere). */
export interface Known { readonly mask: bigint; readonly value: bigint }

const ones = (w: number) => (1n << BigInt(w)) - 1n;
const UNKNOWN: Known = { mask: 0n, value: 0n };

/** Known bits of nodes and signals, through plain wires and plain registers (one driver, no condition). */
export function knownBits(m: IrModule): { node: (i: number) => Known; signal: (s: number) => Known } {
  const memo = new Map<number, Known>();
  const sigMemo = new Map<number, Known>();
  const signal = (s: number): Known => {
    const hit = sigMemo.get(s);
    if (hit) return hit;
    sigMemo.set(s, UNKNOWN); // a loop through registers: unknown
    const sg = m.signals[s]!;
    // A register without an enable holds its driver's constant from the first clock on (as synthesis takes it).
    const plain = (sg.kind === 'wire' || (sg.kind === 'reg' && sg.enable === null)) && sg.driver?.kind === 'leaf' && sg.driver.value !== null;
    const k = plain ? node((sg.driver as { value: number }).value) : UNKNOWN;
    const r = sg.kind === 'reg' && sg.init !== null && (k.value & k.mask) !== (sg.init & k.mask) ? UNKNOWN : k;
    sigMemo.set(s, r);
    return r;
  };
  const node = (i: number): Known => {
    const hit = memo.get(i);
    if (hit) return hit;
    const r = compute(i);
    memo.set(i, r);
    return r;
  };
  const compute = (i: number): Known => {
    const n = m.nodes[i]!, W = n.type.width, all = ones(W);
    const arg = (j: number) => node(n.args[j]!);
    const aw = (j: number) => m.nodes[n.args[j]!]!.type.width;
    const signed = (j: number) => m.nodes[n.args[j]!]!.type.signed;
    /** An argument extended to the result width (sign bit copied when signed and known). */
    const ext = (j: number): Known => {
      const a = arg(j), w = aw(j);
      if (w >= W) return { mask: a.mask & all, value: a.value & all };
      const hi = all ^ ones(w);
      if (!signed(j)) return { mask: a.mask | hi, value: a.value };
      const top = 1n << BigInt(w - 1);
      return a.mask & top ? { mask: a.mask | hi, value: a.value | (a.value & top ? hi : 0n) } : a;
    };
    switch (n.op) {
      case 'const': return { mask: all, value: BigInt.asUintN(W, n.value) };
      case 'sig': return signal(n.lo);
      case 'cast': return arg(0);
      case 'ext': return ext(0);
      case 'bits': { const a = arg(0), lo = BigInt(n.lo); return { mask: (a.mask >> lo) & all, value: (a.value >> lo) & all }; }
      case 'cat': {
        let mask = 0n, value = 0n;
        n.args.forEach((_, j) => { const a = arg(j), w = BigInt(aw(j)); mask = (mask << w) | a.mask; value = (value << w) | a.value; });
        return { mask, value };
      }
      case 'not': { const a = ext(0); return { mask: a.mask, value: ~a.value & a.mask }; }
      case 'shl': { const a = arg(0), k = n.value; return { mask: ((a.mask << k) | ones(Number(k))) & all, value: (a.value << k) & all }; }
      case 'shr': {
        if (signed(0)) return UNKNOWN;
        const a = arg(0), k = n.value, keep = ones(Math.max(0, aw(0) - Number(k)));
        return { mask: (((a.mask >> k) & keep) | (all ^ keep)) & all, value: (a.value >> k) & keep & all };
      }
      case 'and': case 'or': case 'xor': {
        const a = ext(0), b = ext(1), both = a.mask & b.mask;
        if (n.op === 'xor') return { mask: both, value: (a.value ^ b.value) & both };
        // A known 0 decides an AND, a known 1 an OR.
        const decide = n.op === 'and' ? (a.mask & ~a.value) | (b.mask & ~b.value) : (a.mask & a.value) | (b.mask & b.value);
        const mask = (both | decide) & all;
        const value = n.op === 'and' ? a.value & b.value & mask : (a.value | b.value) & mask;
        return { mask, value };
      }
      case 'mux': {
        const s = arg(0);
        if (s.mask & 1n) return ext(s.value & 1n ? 1 : 2);
        const a = ext(1), b = ext(2), same = a.mask & b.mask & ~(a.value ^ b.value) & all;
        return { mask: same, value: a.value & same };
      }
      default: return UNKNOWN;
    }
  };
  // A cone deeper than the stack allows is taken as unknown: sound, since what was cached on the way
  // is either computed whole or the in-progress placeholder, itself unknown.
  const guarded = (f: (i: number) => Known) => (i: number): Known => {
    try { return f(i); } catch (e) { if (e instanceof RangeError) return UNKNOWN; throw e; }
  };
  return { node: guarded(node), signal: guarded(signal) };
}
