// An integer flag value in a range, or a one-line UserError naming the flag.

import { UserError } from './user-error.js';

export function intOption(flag: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UserError(`--${flag}: expected an integer in ${min}..${max}, got '${v}'`);
  return Number(v);
}
