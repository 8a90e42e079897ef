// What a block is: a named, parameterized generator with its interface contract. Parameters are a
// zod schema (validation, defaults, documentation and `list --json` all come from it).

import type { z } from 'zod';
import type { CosimModel } from '../cosim/model.js';
import type { ModuleGenerator } from '../dsl/index.js';
import type { TensorSet } from '../accuracy/tensors.js';

/** How a block's ports behave in time (written to the metadata JSON; cosim reads it). */
export type Handshake =
  | { readonly kind: 'combinational' }
  | { readonly kind: 'pipeline'; readonly latency: number } // in_valid → out_valid after `latency` cycles
  | { readonly kind: 'stream'; readonly maxInterval?: number } // in_valid/in_ready → out_valid/out_ready; cycles per transaction at most
  // Free-running; cycle model in the golden model. Valid/ready units with data-dependent timing also
  // state their cycles per transaction (a formula of their inputs) and the fixed latency after them.
  | { readonly kind: 'sequential'; readonly cycles?: string; readonly latency?: number };

export interface BlockDef<S extends z.ZodObject = z.ZodObject> {
  /** `family.unit` in kebab case, e.g. `examples.adder-tree`. */
  readonly name: string;
  readonly summary: string;
  readonly params: S;
  readonly generator: ModuleGenerator<z.infer<S>>;
  readonly handshake: (p: z.infer<S>) => Handshake;
  /** Name of the golden model the cosim checks against, when there is one. */
  readonly golden?: string;
  /** Number formats of data ports (port → format name), so mismatches print e.g. `e4m3 0x7e (448)`. */
  readonly formats?: (p: z.infer<S>) => Readonly<Record<string, string>>;
  /** Golden model and stimulus for `bitforge sim` / `bitforge tb`. */
  readonly cosim?: CosimModel<z.infer<S>>;
  /** Numerical error of this configuration on real tensors (through the golden models), for sweeps. */
  readonly accuracy?: (p: z.infer<S>, data: TensorSet) => Readonly<Record<string, number>>;
}

export function defineBlock<S extends z.ZodObject>(def: BlockDef<S>): BlockDef<S> {
  return Object.freeze(def);
}
