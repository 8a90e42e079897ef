// What a block is: a named, parameterized generator with its interface contract. Parameters are a
// zod schema (validation, defaults, documentation and `list --json` all come from it).

import type { z } from 'zod';
import type { CosimModel } from '../cosim/model.js';
import type { Handshake } from '../codegen/handshake.js';
import { declaredHandshake } from '../codegen/declared-handshake.js';
import type { ModuleGenerator } from '../dsl/index.js';

export type { Handshake };
import type { TensorSet } from '../accuracy/tensors.js';

export interface BlockDef<S extends z.ZodObject = z.ZodObject> {
  /** `family.unit` in kebab case, e.g. `examples.adder-tree`. */
  readonly name: string;
  readonly summary: string;
  readonly params: S;
  readonly generator: ModuleGenerator<z.infer<S>>;
  /** How its ports behave in time; defineBlock derives it from the generator's interfaces when not given. */
  readonly handshake: (p: z.infer<S>) => Handshake;
  /**
   * For `--fmax`: the parameters of the combinational design that the pipelining pass schedules (the
   * block's own stages off), or why this configuration cannot be. Blocks without it are not pipelined
   * to a frequency.
   */
  readonly fmaxBase?: (p: z.infer<S>) => z.infer<S> | string;
  /**
   * For `--fmax` on a sequential or streaming block that places stages of its own: the parameter sets
   * to choose among, fewest registers first (the first the IR model times within the period is taken).
   */
  readonly fmaxDepths?: (p: z.infer<S>) => Array<z.infer<S>> | string;
  /** Name of the golden model the cosim checks against, when there is one. */
  readonly golden?: string;
  /** Number formats of data ports (port → format name), so mismatches print e.g. `e4m3 0x7e (448)`. */
  readonly formats?: (p: z.infer<S>) => Readonly<Record<string, string>>;
  /** Golden model and stimulus for `bitforge sim` / `bitforge tb`. */
  readonly cosim?: CosimModel<z.infer<S>>;
  /** Numerical error of this configuration on real tensors (through the golden models), for sweeps. */
  readonly accuracy?: (p: z.infer<S>, data: TensorSet) => Readonly<Record<string, number>>;
}

/** A block as written: the handshake may be left to the generator's interfaces (streamIn/streamOut, pipelineValid). */
export type BlockSpec<S extends z.ZodObject = z.ZodObject> = Omit<BlockDef<S>, 'handshake'> & { readonly handshake?: BlockDef<S>['handshake'] };

export function defineBlock<S extends z.ZodObject>(def: BlockSpec<S>): BlockDef<S> {
  return Object.freeze({ ...def, handshake: def.handshake ?? declaredHandshake(def.name, def.generator) });
}
