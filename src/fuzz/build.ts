// A design spec as DSL calls. Each operator gets operands it accepts (signs cast, widths cut so no
// value passes 130 bits), so every spec elaborates, including the reducer's edits.

import {
  cat, defineModule, elaborate, input, instance, lit, mem, mux, output, reg, replicate, SInt, UInt, when, wire,
  type Design, type Expr, type ModuleGenerator, type Signal,
} from '../dsl/index.js';
import { MAX_WIDTH, type DesignSpec, type E, type ModuleSpec, type Stmt, type T } from './spec.js';

const typeOf = (t: T) => (t.s ? SInt(t.w) : UInt(t.w));
const clampW = (w: number) => Math.max(1, Math.min(MAX_WIDTH, w));

function sign(e: Expr, signed: boolean): Expr {
  return e.signed === signed ? e : signed ? e.asSInt() : e.asUInt();
}

/** e as exactly type t: sign cast, then truncate or extend. */
export function fit(e: Expr, t: T): Expr {
  let x = sign(e, t.s);
  if (x.width > t.w) x = x.trunc(t.w);
  else if (x.width < t.w) x = x.ext(t.w);
  return x;
}

const cap = (e: Expr) => (e.width > MAX_WIDTH ? e.trunc(MAX_WIDTH) : e);
const bit = (e: Expr) => (e.width === 1 ? sign(e, false) : e.orR());

interface Env {
  readonly ins: Expr[];
  readonly regs: Expr[];
  readonly wires: Expr[];
  readonly mems: Expr[];
  readonly insts: Array<Array<Expr>>;
}

function build(e: E, env: Env): Expr {
  if (e.k === 'const') return lit(e.t.s ? BigInt.asIntN(e.t.w, e.v) : BigInt.asUintN(e.t.w, e.v), typeOf(e.t));
  if (e.k === 'ref') {
    const r = e.ref;
    const x = r.kind === 'inst' ? env.insts[r.i]?.[r.port] : { in: env.ins, reg: env.regs, wire: env.wires, mem: env.mems }[r.kind][r.i];
    return x ?? lit(0, UInt(1)); // a reference the reducer removed
  }
  const a = build(e.args[0]!, env);
  const b = () => sign(build(e.args[1]!, env), a.signed);
  const amount = () => {
    const x = sign(build(e.args[1]!, env), false);
    return x.width > 8 ? x.trunc(8) : x;
  };
  switch (e.op) {
    case 'add': return cap(a.add(b()));
    case 'sub': return cap(a.sub(b()));
    case 'mul': {
      const y = b();
      return a.width + y.width > MAX_WIDTH ? a.mulWrap(y) : a.mul(y);
    }
    case 'addWrap': return a.addWrap(b());
    case 'subWrap': return a.subWrap(b());
    case 'mulWrap': return a.mulWrap(b());
    case 'and': return a.and(b());
    case 'or': return a.or(b());
    case 'xor': return a.xor(b());
    case 'not': return a.not();
    case 'neg': return cap(sign(a, true).neg());
    case 'shl': return a.width + e.n > MAX_WIDTH ? a.shlWrap(e.n) : a.shl(e.n);
    case 'shlWrap': return a.shlWrap(e.n);
    case 'shr': return a.shr(e.n);
    case 'dshl': {
      const x = sign(build(e.args[1]!, env), false);
      const s = x.width > 3 ? x.trunc(3) : x; // grows by 2^w - 1
      return a.width + 2 ** s.width - 1 > MAX_WIDTH ? a.shlWrap(s) : a.shl(s);
    }
    case 'dshlWrap': return a.shlWrap(amount());
    case 'dshr': return a.shr(amount());
    case 'eq': return a.eq(b());
    case 'ne': return a.ne(b());
    case 'lt': return a.lt(b());
    case 'le': return a.le(b());
    case 'gt': return a.gt(b());
    case 'ge': return a.ge(b());
    case 'andR': return a.andR();
    case 'orR': return a.orR();
    case 'xorR': return a.xorR();
    case 'bits': {
      const lo = e.m % a.width, hi = Math.min(a.width - 1, lo + (e.n % a.width));
      return a.bits(hi, lo);
    }
    case 'cat': {
      const parts = e.args.map((x) => build(x, env));
      let total = 0;
      const kept = parts.filter((p) => (total + p.width <= MAX_WIDTH ? (total += p.width, true) : false));
      return kept.length ? cat(...kept) : a;
    }
    case 'rep': return replicate(a, Math.max(1, Math.min(1 + (e.n % 4), Math.floor(MAX_WIDTH / a.width))));
    case 'mux': {
      const x = build(e.args[1]!, env);
      return mux(bit(a), x, sign(build(e.args[2]!, env), x.signed));
    }
    case 'zext': return sign(a, false).zext(clampW(a.width + (e.n % 8)));
    case 'sext': return sign(a, true).sext(clampW(a.width + (e.n % 8)));
    case 'ext': return a.ext(clampW(a.width + (e.n % 8)));
    case 'asSInt': return a.asSInt();
    case 'asUInt': return a.asUInt();
    case 'trunc': return a.trunc(1 + (e.n % a.width));
  }
}

function run(stmts: readonly Stmt[], target: Signal, t: T, env: Env): void {
  for (const s of stmts) {
    if (s.k === 'assign') { target.set(fit(build(s.e, env), t)); continue; }
    const chain = when(bit(build(s.c, env)), () => run(s.then, target, t, env));
    const [first] = s.else;
    if (s.else.length === 1 && first!.k === 'when') { // exercise elseWhen
      chain.elseWhen(bit(build(first.c, env)), () => run(first.then, target, t, env)).otherwise(() => run(first.else, target, t, env));
    } else if (s.else.length) chain.otherwise(() => run(s.else, target, t, env));
  }
}

function addrType(depth: number): T {
  return { s: false, w: Math.max(1, Math.log2(depth)) };
}

/** The DSL generators of a design's modules (index-aligned with spec.modules). */
export function generators(spec: DesignSpec): ModuleGenerator<Record<string, never>>[] {
  const gens: ModuleGenerator<Record<string, never>>[] = [];
  spec.modules.forEach((m: ModuleSpec, j) => {
    gens.push(defineModule(`${spec.name}_m${j}`, () => {
      const ins = m.inputs.map((t, i) => input(`i${i}`, typeOf(t)) as Expr);
      const outs = m.outputs.map((o, i) => output(`o${i}`, typeOf(o.t)));
      const wires = m.wires.map((w, i) => wire(`w${i}`, typeOf(w.t)));
      const enWires = m.regs.map((r, i) => (r.en ? wire(`r${i}_en`, UInt(1)) : null));
      const regs = m.regs.map((r, i) => reg(`r${i}`, typeOf(r.t), { init: r.t.s ? BigInt.asIntN(r.t.w, r.init) : r.init, ...(enWires[i] ? { en: enWires[i]! } : {}) }));
      // Icarus starts registers and read data at X and two-state simulators at 0. rst is high in
      // cycles 0 and 1; until it has been low once, memories read word 0 every cycle and do not
      // write, so no X reaches a memory word, read data or a register after the reset.
      const ready = m.mems.length ? reg('ready', UInt(1), { init: 0 }) : null;
      ready?.set(lit(1, UInt(1)));
      const memPorts = m.mems.map((d, i) => {
        const at = addrType(d.depth);
        const p = {
          raddr: wire(`m${i}_raddr`, typeOf(at)), ren: d.ren ? wire(`m${i}_ren`, UInt(1)) : null,
          waddr: wire(`m${i}_waddr`, typeOf(at)), wdata: wire(`m${i}_wdata`, typeOf(d.t)), wen: d.wen ? wire(`m${i}_wen`, UInt(1)) : null,
        };
        const words = mem(`m${i}`, { depth: d.depth, type: typeOf(d.t), init: d.init.map((v) => (d.t.s ? BigInt.asIntN(d.t.w, v) : v)) });
        words.write(p.waddr, p.wdata, p.wen ? p.wen.and(ready!) : ready!);
        const raddr = mux(ready!, p.raddr, lit(0, typeOf(at)));
        return { p, data: words.read(raddr, p.ren ? p.ren.or(ready!.not()) : undefined), at };
      });
      const env: Env = { ins, regs, wires, mems: memPorts.map((x) => x.data), insts: [] };
      m.insts.forEach((inst, i) => {
        const child = spec.modules[inst.module]!;
        const ports: Record<string, Expr> = {};
        child.inputs.forEach((t, k) => { ports[`i${k}`] = fit(inst.inputs[k] ? build(inst.inputs[k]!, env) : lit(0, UInt(1)), t); });
        const h = instance(gens[inst.module]!, {}, ports, `u${i}`);
        env.insts.push(child.outputs.map((_, k) => h.out(`o${k}`)));
      });
      m.wires.forEach((w, i) => run(w.body, wires[i]!, w.t, env));
      m.outputs.forEach((o, i) => run(o.body, outs[i]!, o.t, env));
      m.regs.forEach((r, i) => {
        run(r.body, regs[i]!, r.t, env);
        if (r.en) enWires[i]!.set(bit(build(r.en, env)));
      });
      m.mems.forEach((d, i) => {
        const { p, at } = memPorts[i]!;
        p.raddr.set(fit(build(d.raddr, env), at));
        p.waddr.set(fit(build(d.waddr, env), at));
        p.wdata.set(fit(build(d.wdata, env), d.t));
        if (p.ren) p.ren.set(bit(build(d.ren!, env)));
        if (p.wen) p.wen.set(bit(build(d.wen!, env)));
      });
    }));
  });
  return gens;
}

export function elaborateSpec(spec: DesignSpec): Design {
  const gens = generators(spec);
  return elaborate(gens[gens.length - 1]!, {});
}
