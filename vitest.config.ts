import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two tiers, split by cost (docs/contributing.md): `npm test` runs the fast one (test/**/*.test.ts)
// within the 15-minute budget on 2 cores, `npm run test:long` the long one (test/**/*.long.test.ts).
// Both pass before an issue is resolved.
export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest's default is cores − 1, one file at a time on a 2-core machine; our files mostly wait on
    // simulators and compilers in other processes, so one worker per core keeps both cores busy.
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: ['test/**/*.long.test.ts'], testTimeout: 60_000 } },
      { extends: true, test: { name: 'long', include: ['test/**/*.long.test.ts'], testTimeout: 600_000 } },
    ],
  },
});
