// How a block's ports behave in time: written to the metadata JSON, read by the cosimulation and the
// testbench writer.

export type Handshake =
  | { readonly kind: 'combinational' }
  | { readonly kind: 'pipeline'; readonly latency: number } // in_valid → out_valid after `latency` cycles
  | { readonly kind: 'stream'; readonly maxInterval?: number } // in_valid/in_ready → out_valid/out_ready; cycles per transaction at most
  // Free-running; cycle model in the golden model. Valid/ready units with data-dependent timing also
  // state their cycles per transaction (a formula of their inputs) and the fixed latency after them.
  | { readonly kind: 'sequential'; readonly cycles?: string; readonly latency?: number };

/** The control ports each handshake drives or reads, with their direction (the contract checks them; the testbench and harness drive them). */
export const HANDSHAKE_PORTS: Readonly<Record<Handshake['kind'], ReadonlyArray<readonly [string, 'input' | 'output']>>> = {
  combinational: [],
  pipeline: [['clk', 'input'], ['rst', 'input'], ['in_valid', 'input'], ['out_valid', 'output']],
  stream: [['clk', 'input'], ['rst', 'input'], ['in_valid', 'input'], ['in_ready', 'output'], ['out_valid', 'output'], ['out_ready', 'input']],
  sequential: [['clk', 'input']],
};
