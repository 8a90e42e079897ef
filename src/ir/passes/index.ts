// The passes bitforge ships, and the default optimizing pipeline.
import { constFold } from './const-fold.js';
import { deadLogic } from './dce.js';
import type { Pass } from './pass.js';

export { constFold } from './const-fold.js';
export { deadLogic } from './dce.js';
export { runPasses, type Pass } from './pass.js';

export const PASSES: Readonly<Record<string, Pass>> = { 'const-fold': constFold, dce: deadLogic };
export const OPTIMIZE: readonly Pass[] = [constFold, deadLogic];
