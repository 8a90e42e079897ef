// Which bits of each declared signal the emitted Verilog reads. Verilator -Wall warns about unread
// bits (UNUSEDSIGNAL); we list them in one explicit sink wire instead of hiding the warning globally.

export class BitUsage {
  private readonly full = new Set<string>();
  private readonly partial = new Map<string, Uint8Array>();

  all(name: string): void {
    this.full.add(name);
  }

  range(name: string, width: number, hi: number, lo: number): void {
    if (this.full.has(name)) return;
    let mask = this.partial.get(name);
    if (!mask) this.partial.set(name, (mask = new Uint8Array(width)));
    mask.fill(1, lo, hi + 1);
  }

  /** Verilog selects for the bits of `name` nobody reads ('' when all are read). */
  unused(name: string, width: number): string[] {
    if (this.full.has(name)) return [];
    const mask = this.partial.get(name);
    if (!mask) return [name];
    const out: string[] = [];
    for (let i = 0; i < width; ) {
      if (mask[i]) { i++; continue; }
      let j = i;
      while (j + 1 < width && !mask[j + 1]) j++;
      out.push(width === 1 ? name : i === j ? `${name}[${i}]` : `${name}[${j}:${i}]`);
      i = j + 1;
    }
    return out.reverse();
  }
}
