// How a block's ports behave in time: written to the metadata JSON, read by the cosimulation and the
// testbench writer.

export type Handshake =
  | { readonly kind: 'combinational' }
  | { readonly kind: 'pipeline'; readonly latency: number } // in_valid → out_valid after `latency` cycles
  | { readonly kind: 'stream'; readonly maxInterval?: number } // in_valid/in_ready → out_valid/out_ready; cycles per transaction at most
  // Free-running; cycle model in the golden model. Valid/ready units with data-dependent timing also
  // state their cycles per transaction (a formula of their inputs) and the fixed latency after them.
  | { readonly kind: 'sequential'; readonly cycles?: string; readonly latency?: number };
