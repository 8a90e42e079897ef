// Sized Verilog literals. Signed negatives are written as two's-complement hex (8'shfb), which is
// exact for every value including the most negative one.

import type { IrType as HwType } from '../../ir/netlist.js';

export function literal(v: bigint, t: HwType): string {
  const mod = 1n << BigInt(t.width);
  const bits = ((v % mod) + mod) % mod;
  if (t.width === 1 && !t.signed) return `1'b${bits}`;
  const s = t.signed ? 's' : '';
  if (t.signed && v < 0n) return `${t.width}'${s}h${bits.toString(16)}`;
  return bits < 1024n ? `${t.width}'${s}d${bits}` : `${t.width}'${s}h${bits.toString(16)}`;
}
