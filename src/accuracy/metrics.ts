// Error metrics of a quantized or approximate tensor against its reference, in float64.

/** Accumulates Σ x² and Σ (x − y)² over many tensors (pooled metrics weigh every value equally). */
export class ErrorAccumulator {
  signal = 0;
  noise = 0;
  add(ref: ArrayLike<number>, got: ArrayLike<number>): void {
    for (let i = 0; i < ref.length; i++) {
      const x = ref[i]!, d = x - got[i]!;
      this.signal += x * x;
      this.noise += d * d;
    }
  }
  /** Signal-to-quantization-noise ratio, dB (Infinity when exact). */
  get sqnrDb(): number { return 10 * Math.log10(this.signal / this.noise); }
  /** ‖x − y‖ / ‖x‖. */
  get relRmse(): number { return Math.sqrt(this.noise / this.signal); }
}
