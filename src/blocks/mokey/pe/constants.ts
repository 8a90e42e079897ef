// The post-processing constants of mokey.pe (blocks.md §6): with c_i = A·B^i + C,
//   c_i·c_j = A²·B^(i+j) + A·C·B^i + A·C·B^j + C²,
// so a dot product of codes is A²·Σ_e H[e]·B^e + A·C·Σ_i (G[i] + G′[i])·B^i + C²·Z. The B^e table is
// stored already multiplied by A² (and A·C), one constant per term: ⌊x·2^F + ½⌋ (round half up).
// This is the spec's table and nothing else: the generator and the golden model share it on purpose
// (no hardware here), and a test checks it against A²·B^e, A·C·B^i and C² to half an LSB.

import { GOLDEN, INDEXES, type Dictionary } from '../dictionary.js';

export interface PeConstants {
  readonly h: readonly bigint[]; // A²·B^e, e = 0…14
  readonly g: readonly bigint[]; // A·C·B^i, i = 0…7
  readonly z: bigint; // C²
}

const fixed = (x: number, f: number) => BigInt(Math.floor(x * 2 ** f + 0.5));

export function peConstants(fracBits: number, d: Dictionary = GOLDEN): PeConstants {
  return {
    h: Array.from({ length: 2 * INDEXES - 1 }, (_, e) => fixed(d.A * d.A * d.B ** e, fracBits)),
    g: Array.from({ length: INDEXES }, (_, i) => fixed(d.A * d.C * d.B ** i, fracBits)),
    z: fixed(d.C * d.C, fracBits),
  };
}
