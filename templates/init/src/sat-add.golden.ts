// The golden model of sat-add, written from its definition (never from the generator): the sum of two
// unsigned width-bit numbers, clamped to the largest one.

export function saturatingSum(width: number, a: bigint, b: bigint): bigint {
  const max = (1n << BigInt(width)) - 1n;
  return a + b > max ? max : a + b;
}
