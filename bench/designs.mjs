// Benchmark designs for elaboration + checks + emission (issue: foundation).
import { cat, defineModule, input, instance, output, reg, SInt, UInt, Bool, mux } from '../dist/dsl/index.js';

/** A 16-bit signed MAC with a 40-bit accumulator and clear. */
const Mac = defineModule('mac16', () => {
  const a = input('a', SInt(16)), b = input('b', SInt(16)), clear = input('clear', Bool);
  const acc = reg('acc', SInt(40), { init: 0 });
  acc.set(mux(clear, a.mul(b).sext(40), acc.addWrap(a.mul(b))));
  output('acc_out', SInt(40)).set(acc);
});

/** rows × cols MACs; row operands broadcast along rows, column operands along columns. */
export const macArray = defineModule('mac_array', (p) => {
  const clear = input('clear', Bool);
  const as = Array.from({ length: p.rows }, (_, r) => input(`a${r}`, SInt(16)));
  const bs = Array.from({ length: p.cols }, (_, c) => input(`b${c}`, SInt(16)));
  let parity = null;
  for (let r = 0; r < p.rows; r++) {
    for (let c = 0; c < p.cols; c++) {
      const u = instance(Mac, {}, { a: as[r], b: bs[c], clear }, `mac_${r}_${c}`);
      const bit = u.out('acc_out').xorR();
      parity = parity ? parity.xor(bit) : bit;
    }
  }
  output('parity', Bool).set(parity);
});

/** A flat random DAG of `nodes` expression nodes over 64 inputs (seeded, deterministic). */
export const flatDag = defineModule('flat_dag', (p) => {
  let s = 12345;
  const rnd = (n) => { s = (s * 1103515245 + 12345) >>> 0; return (s >>> 8) % n; };
  const pool = Array.from({ length: 64 }, (_, i) => input(`i${i}`, UInt(16)));
  let made = 0;
  while (made < p.nodes) {
    const x = pool[pool.length - 1 - rnd(Math.min(pool.length, 256))];
    const y = pool[pool.length - 1 - rnd(Math.min(pool.length, 256))];
    let e;
    switch (rnd(5)) {
      case 0: e = x.addWrap(y); made += 1; break;
      case 1: e = x.xor(y); made += 1; break;
      case 2: e = mux(x.bit(0), x, y); made += 2; break;
      case 3: e = x.mulWrap(y); made += 1; break;
      default: e = cat(x.bits(7, 0), y.bits(15, 8)); made += 3; break;
    }
    pool.push(e);
  }
  for (let k = 0; k < 8; k++) output(`o${k}`, UInt(16)).set(pool[pool.length - 1 - k]);
});
