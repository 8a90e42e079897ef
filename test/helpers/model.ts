// Reference arithmetic for expected values: plain BigInt math, wrapped to a width and signedness.
export const wrap = (v: bigint, w: number, signed: boolean) => (signed ? BigInt.asIntN(w, v) : BigInt.asUintN(w, v));
export const u = (v: bigint, w: number) => BigInt.asUintN(w, v);
export const s = (v: bigint, w: number) => BigInt.asIntN(w, v);
export const b = (c: boolean) => (c ? 1n : 0n);
