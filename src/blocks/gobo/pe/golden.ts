// gobo.pe's golden model, from docs/training-accelerators.md: fp16 codes as exact dyadic values
// (the numerics library's decoder), bins and the accumulator as BigInt at 2^−24 and 2^−48, one
// rounding to float32 by the numerics library.

import type { Vector } from '../../../cosim/model.js';
import { fromCode, roundTo } from '../../../numerics/dyadic.js';
import { parseFormat } from '../../../numerics/format.js';
import { accBits, ACC_LSB, binBits, type GoboPeParams } from './params.js';

const FP16 = parseFormat('fp16'), FP32 = parseFormat('fp32');
const QNAN = 0x7fc00000n;

/** An fp16 code's value in units of 2^lsb (exact), or undefined for NaN and Inf. */
function units(code: bigint | undefined, lsb: number): bigint | undefined {
  const v = fromCode(FP16, Number(code ?? 0n));
  if (v.kind !== 'num') return undefined;
  return v.sig << BigInt(v.exp - lsb);
}

export function peGolden(p: GoboPeParams) {
  const dict: bigint[] = Array(8).fill(0n); // registers: kept from packet to packet
  const WB = binBits(p), W = accBits(p);
  return (beats: Vector[]): Vector[] => {
    const bins: bigint[] = Array(8).fill(0n);
    let acc = 0n, special = false;
    const out: Vector[] = [];
    for (const v of beats) {
      const kind = Number(v.in_kind ?? 0n);
      if (kind === 2) dict[Number(v.sel ?? 0n)] = v.o ?? 0n;
      else if (kind === 1) {
        const o = units(v.o, -24), x = units(v.ox, -24);
        if (o === undefined || x === undefined) special = true;
        else acc = BigInt.asIntN(W, acc + o * x);
      } else if (kind === 0) {
        for (let i = 0; i < p.lanes; i++) {
          const x = units(v[`x${i}`], -24);
          if (x === undefined) { special = true; continue; }
          if ((((v.omask ?? 0n) >> BigInt(i)) & 1n) === 0n) {
            const c = Number(v[`idx${i}`] ?? 0n);
            bins[c] = BigInt.asIntN(WB, bins[c]! + x);
          }
        }
      }
      if (v.in_last === 1n) {
        for (let c = 0; c < 8; c++) {
          const ck = units(dict[c], -24);
          if (ck === undefined) special = true;
          else acc = BigInt.asIntN(W, acc + ck * bins[c]!);
        }
        out.push({ result: special ? QNAN : BigInt(roundTo(FP32, { kind: 'num', sig: acc, exp: ACC_LSB })) });
        bins.fill(0n); acc = 0n; special = false;
      }
    }
    return out;
  };
}
