// Where the shared data lives for tests and benches: $BITFORGE_SHARED, else ../shared beside the
// checkout, else /work/shared (a checkout cloned elsewhere on the development machine). Nothing at
// run time uses it: commands take their data directory as a flag or from a sweep spec.

import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** join(root, rel) of the first root that has it (and `marker` inside it), or undefined. */
export function findShared(rel: string, marker = ''): string | undefined {
  return [process.env.BITFORGE_SHARED, join(process.cwd(), '..', 'shared'), '/work/shared']
    .filter((d): d is string => !!d).map((d) => join(d, rel)).find((d) => existsSync(join(d, marker)));
}
