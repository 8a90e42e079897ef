// Value change dump of a simulation: every slot under its hierarchical scope, the clock as `clk`
// (high at odd times: each cycle is two time units, values settle at even times).

import type { Slot } from './flatten.js';

interface Snapshotter { snapshot(out: Array<number | bigint>): void }

const ID_CHARS = 94; // printable ASCII '!'..'~'

function idOf(i: number): string {
  let s = '';
  do { s += String.fromCharCode(33 + (i % ID_CHARS)); i = Math.floor(i / ID_CHARS); } while (i > 0);
  return s;
}

export class VcdWriter {
  private readonly body: string[] = [];
  private readonly last: Array<number | bigint | undefined>;
  private readonly now: Array<number | bigint>;
  private time = -1;
  private readonly clockId: string;

  constructor(private readonly slots: readonly Slot[], private readonly timescale: string) {
    this.last = new Array(slots.length).fill(undefined);
    this.now = new Array(slots.length).fill(0);
    this.clockId = idOf(slots.length);
  }

  private at(t: number): void {
    if (t !== this.time) { this.body.push(`#${t}`); this.time = t; }
  }

  sample(t: number, d: Snapshotter): void {
    d.snapshot(this.now);
    this.at(t);
    if (t % 2 === 0) this.body.push(`0${this.clockId}`);
    this.now.forEach((v, i) => {
      if (v === this.last[i]) return;
      this.last[i] = v;
      const w = this.slots[i]!.type.width;
      this.body.push(w === 1 ? `${v}${idOf(i)}` : `b${v.toString(2)} ${idOf(i)}`);
    });
  }

  edge(t: number): void {
    this.at(t);
    this.body.push(`1${this.clockId}`);
  }

  text(end: number): string {
    const head = ['$version bitforge TypeScript simulator $end', `$timescale ${this.timescale} $end`];
    // Scopes from the hierarchical names, opened and closed in order.
    const byScope = new Map<string, string[]>();
    this.slots.forEach((s, i) => {
      const parts = s.path.split('.');
      const scope = parts.slice(0, -1).join('.');
      const list = byScope.get(scope) ?? [];
      list.push(`$var wire ${s.type.width} ${idOf(i)} ${parts[parts.length - 1]} $end`);
      byScope.set(scope, list);
    });
    head.push('$scope module top $end', `$var wire 1 ${this.clockId} clk $end`);
    const scopes = [...byScope.keys()].sort();
    let open: string[] = [];
    for (const sc of scopes) {
      const parts = sc ? sc.split('.') : [];
      let k = 0;
      while (k < open.length && k < parts.length && open[k] === parts[k]) k++;
      for (let j = open.length; j > k; j--) head.push('$upscope $end');
      for (let j = k; j < parts.length; j++) head.push(`$scope module ${parts[j]} $end`);
      open = parts;
      head.push(...byScope.get(sc)!);
    }
    for (let j = open.length; j > 0; j--) head.push('$upscope $end');
    head.push('$upscope $end', '$enddefinitions $end');
    return [...head, ...this.body, `#${end}`, ''].join('\n');
  }
}
