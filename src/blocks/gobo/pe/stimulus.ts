// gobo.pe's stimulus: dot products as packets. Directed: each centroid alone, every lane alone,
// fp16 extremes (65504, the smallest subnormal, −0) in bins and outlier pairs, a bin filled to its n
// activations of 65504, cancellation to an exact 0, a packet that keeps the previous dictionary,
// NaN and Inf in a lane, an outlier pair and a centroid. Random: 1 … 60 beats of random fp16 codes
// of a random spread, random outlier lanes with their pairs, a fresh dictionary per packet.

import { type PacketStimulus, type Vector } from '../../../cosim/model.js';
import type { GoboPeParams } from './params.js';

type Rng = () => number;
const MAX = 0x7bff, MIN_SUB = 0x0001, NEG = 0x8000, PINF = 0x7c00, QNAN = 0x7e00, ONE = 0x3c00;

export function goboPeStimulus(p: GoboPeParams): PacketStimulus {
  const L = p.lanes;
  const beat = (kind: number, f: Partial<Record<string, number>>): Vector => {
    const v: Vector = { in_kind: BigInt(kind), in_last: 0n, sel: BigInt(f.sel ?? 0), o: BigInt(f.o ?? 0), ox: BigInt(f.ox ?? 0), omask: BigInt(f.omask ?? 0) };
    for (let i = 0; i < L; i++) { v[`idx${i}`] = BigInt(f[`idx${i}`] ?? 0); v[`x${i}`] = BigInt(f[`x${i}`] ?? 0); }
    return v;
  };
  const dict = (codes: readonly number[]) => codes.map((o, sel) => beat(2, { sel, o }));
  const index = (idx: (i: number) => number, x: (i: number) => number, omask = 0) => beat(0, { omask, ...Object.fromEntries(Array.from({ length: L }, (_, i) => [[`idx${i}`, idx(i)], [`x${i}`, x(i)]]).flat()) });
  const end = (beats: Vector[]): Vector[] => { beats[beats.length - 1] = { ...beats[beats.length - 1]!, in_last: 1n }; return beats; };
  const code = (rng: Rng, centre: number, spread: number) => {
    const r = rng();
    if (r < 0.03) return rng() < 0.5 ? 0 : NEG;
    if (r < 0.05) return MIN_SUB | (rng() < 0.5 ? NEG : 0);
    if (r < 0.07) return MAX | (rng() < 0.5 ? NEG : 0);
    const e = Math.max(0, Math.min(30, centre + Math.floor((rng() - 0.5) * spread)));
    return (rng() < 0.5 ? NEG : 0) | (e << 10) | Math.floor(rng() * 1024);
  };
  const steps = [0x3c00, 0x4000, 0x4200, 0x4400, 0x4500, 0x4600, 0x4700, 0x4800]; // 1 … 8
  const fill = Math.min(Math.floor(p.n / L), 400);
  const directed: Vector[][] = [
    ...Array.from({ length: 8 }, (_, c) => end([...dict(steps), index(() => c, () => ONE)])),
    ...Array.from({ length: L }, (_, l) => end([...dict(steps), index(() => 7, (i) => (i === l ? 0x4100 : 0), 0)])),
    end([...dict([MAX, MAX | NEG, MIN_SUB, MIN_SUB | NEG, 0, NEG, ONE, ONE | NEG]), index((i) => i % 8, () => MAX), index((i) => (i + 3) % 8, () => MIN_SUB | NEG), beat(1, { o: MAX, ox: MAX }), beat(1, { o: MIN_SUB, ox: MIN_SUB | NEG })]),
    end([...dict(Array(8).fill(MAX)), ...Array.from({ length: fill }, () => index(() => 0, () => MAX))]),
    end([...dict(steps), index(() => 2, (i) => (i % 2 ? ONE : ONE | NEG)), ...(L % 2 ? [index((i) => (i === L - 1 ? 2 : 0), (i) => (i === L - 1 ? ONE : 0))] : [])]),
    end([index((i) => i % 8, () => 0x4400)]), // no dictionary beats: the last one stays
    end([...dict(steps), index(() => 1, (i) => (i === 0 ? QNAN : ONE))]),
    end([...dict(steps), index(() => 1, () => ONE, 1), beat(1, { o: PINF, ox: ONE })]),
    end([...dict([...steps.slice(0, 7), PINF]), index(() => 0, () => ONE)]),
    end([...dict(steps), index(() => 3, () => PINF | NEG, (1 << L) - 1)]), // a masked lane's Inf counts too
  ];
  return {
    directed,
    random: (rng) => {
      const centre = Math.floor(rng() * 31), spread = 1 + Math.floor(rng() * 30), n = 1 + Math.floor(rng() * 60), rate = rng() < 0.4 ? 0 : rng() * 0.3;
      const beats = dict(Array.from({ length: 8 }, () => code(rng, 15, 12)));
      for (let b = 0; b < n; b++) {
        let omask = 0;
        const xs = Array.from({ length: L }, () => code(rng, centre, spread));
        for (let i = 0; i < L; i++) if (rng() < rate) { omask |= 1 << i; beats.push(beat(1, { o: code(rng, 18, 10), ox: xs[i]! })); }
        beats.push(index(() => Math.floor(rng() * 8), (i) => xs[i]!, omask));
      }
      return end(beats);
    },
  };
}
