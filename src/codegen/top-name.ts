// The top module's name from the parameters that change the hardware: the block's stem alone at its
// defaults, then each parameter set away from its default (`minifloat_mul__a_e5m2`), leaving out
// those whose default gives the same design (minifloat.mul's rounding mode with a fixed-point
// output). Readable; hashed only as a suffix when too long (dsl/module-name.ts).

import type { Design } from '../dsl/index.js';
import { moduleName, paramSignature } from '../dsl/module-name.js';
import { designFiles } from './design-files.js';

/** What naming needs of a block: its parameter schema, for the defaults. */
export interface ParamSchema {
  safeParse(x: unknown): { success: boolean; data?: unknown };
}

/** The design's Verilog with every module name replaced by its position: equal structure, equal text. */
function structure(design: Design): string {
  const names = design.modules.map((m) => m.name);
  // Less the header comment, which prints the parameters themselves.
  const text = designFiles(design).filter((f) => f.path.endsWith('.v')).map((f) => f.content.replace(/^\/\/ Generator .*$/gm, '')).join('\n');
  const pattern = new RegExp(`\\b(${names.map((n) => n.replace(/\$/g, '\\$')).join('|')})\\b`, 'g');
  return text.replace(pattern, (n) => `@${names.indexOf(n)}`);
}

/**
 * `stem__<the parameters that matter>` for the design `params` elaborate to (`design`, asked for only
 * when a parameter is away from its default); `build` elaborates another parameter set the same way.
 * undefined when the block has no schema to take defaults from.
 */
export function readableTopName(stem: string, schema: ParamSchema | undefined, params: Record<string, unknown>, design: () => Design, build: (p: Record<string, unknown>) => Design): string | undefined {
  const defaults = schema?.safeParse({});
  if (!defaults?.success) return undefined;
  const def = defaults.data as Record<string, unknown>;
  const changed = Object.keys(params).filter((k) => paramSignature(params[k]) !== paramSignature(def[k]));
  let shape: string | undefined;
  const kept: Record<string, unknown> = {};
  for (const k of changed) {
    const back = schema!.safeParse({ ...params, [k]: def[k] });
    if (back.success) {
      shape ??= structure(design());
      let same = false;
      try { same = structure(build(back.data as Record<string, unknown>)) === shape; } catch { /* not elaborable: it matters */ }
      if (same) continue;
    }
    kept[k] = params[k];
  }
  return moduleName(stem, kept);
}
