// Output folders and files given on the command line, checked before any elaboration or synthesis:
// one line naming the flag and the path, exit 2, nothing written.

import { outDirProblem, outFileProblem } from '../util/out-path.js';
import { UserError } from './user-error.js';

export async function checkOutDir(flag: string, dir: string): Promise<void> {
  const problem = await outDirProblem(dir);
  if (problem) throw new UserError(`${flag}: ${dir} ${problem}`);
}

export async function checkOutFile(flag: string, file: string): Promise<void> {
  const problem = await outFileProblem(file);
  if (problem) throw new UserError(`${flag}: ${file} ${problem}`);
}

/** The spelling the user gave the output folder (--out or --out-dir), to name it back. */
export const outFlag = (tokens: readonly string[]) => (tokens.some((t) => t === '--out-dir' || t.startsWith('--out-dir=')) ? '--out-dir' : '--out');
