// A testbench API over the compiled design, in the spirit of Amaranth's simulator and Hardcaml's
// Cyclesim: set inputs, read outputs (always settled), step the clock, run until a condition, and
// write a VCD of every signal.

import { writeFileSync } from 'node:fs';
import type { Netlist } from '../ir/netlist.js';
import { compileDesign, type CompiledDesign, type CompileOptions } from './compile.js';
import { VcdWriter } from './vcd.js';

export class SimError extends Error {}

export class Simulator {
  readonly design: CompiledDesign;
  private dirty = true;
  private cycle = 0;
  private vcd: VcdWriter | null = null;

  constructor(netlist: Netlist, opts: CompileOptions = {}) {
    this.design = compileDesign(netlist, opts);
  }

  /** Input and output ports of the top module (clk is implicit: step() is the clock). */
  get inputs(): string[] { return [...this.design.flat.inputs.keys()]; }
  get outputs(): string[] { return [...this.design.flat.outputs.keys()]; }
  get cycles(): number { return this.cycle; }

  /** Drives an input with an integer (negative allowed for SInt); it must fit the port. */
  set(port: string, value: number | bigint | boolean): this {
    const slot = this.design.flat.inputs.get(port);
    if (slot === undefined) throw new SimError(`no input port '${port}' (inputs: ${this.inputs.join(', ') || 'none'})`);
    const t = this.design.flat.slots[slot]!.type;
    const v = typeof value === 'boolean' ? (value ? 1n : 0n) : BigInt(value);
    const lo = t.signed ? -(1n << BigInt(t.width - 1)) : 0n, hi = t.signed ? (1n << BigInt(t.width - 1)) - 1n : (1n << BigInt(t.width)) - 1n;
    if (v < lo || v > hi) throw new SimError(`${value} does not fit input '${port}' (${t.signed ? 'SInt' : 'UInt'}(${t.width}))`);
    this.design.write(slot, BigInt.asUintN(t.width, v));
    this.dirty = true;
    return this;
  }

  /** A port's value (or any signal's, by hierarchical name), as an integer of its type. */
  get(name: string): bigint {
    this.settle();
    const slot = this.design.flat.outputs.get(name) ?? this.design.flat.inputs.get(name) ?? this.slotByPath(name);
    const t = this.design.flat.slots[slot]!.type;
    const bits = this.design.read(slot);
    return t.signed ? BigInt.asIntN(t.width, bits) : bits;
  }

  /** Runs combinational logic for the current inputs (get() and step() do it when needed). */
  settle(): void {
    if (!this.dirty) return;
    this.design.settle();
    this.dirty = false;
    this.vcd?.sample(this.cycle * 2, this.design);
  }

  /** n rising clock edges. */
  step(n = 1): this {
    for (let i = 0; i < n; i++) {
      this.settle();
      this.design.clock();
      this.vcd?.edge(this.cycle * 2 + 1);
      this.cycle++;
      this.dirty = true;
      if (this.vcd) { this.settle(); }
    }
    return this;
  }

  /** Holds rst high for `cycles` edges, then low. */
  reset(cycles = 1): this {
    this.set('rst', 1).step(cycles).set('rst', 0);
    return this;
  }

  /** Steps until `cond` holds (checked before each edge); returns the edges taken. */
  runUntil(cond: (sim: this) => boolean, maxCycles = 1_000_000): number {
    for (let i = 0; i < maxCycles; i++) {
      if (cond(this)) return i;
      this.step();
    }
    throw new SimError(`condition not met within ${maxCycles} cycles`);
  }

  /** Records every signal from now on; writeVcd() saves it. */
  trace(timescale = '1ns'): this {
    this.vcd = new VcdWriter(this.design.flat.slots, timescale);
    this.dirty = true;
    this.settle();
    return this;
  }

  writeVcd(path: string): void {
    if (!this.vcd) throw new SimError('call trace() before writeVcd()');
    writeFileSync(path, this.vcd.text(this.cycle * 2));
  }

  private slotByPath(name: string): number {
    const i = this.design.flat.slots.findIndex((s) => s.path === name);
    if (i < 0) throw new SimError(`no port or signal '${name}'`);
    return i;
  }
}
