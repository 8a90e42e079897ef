// Zod parameter for a minifloat operand format: any name parseFormat accepts that is a float format
// with a zero (e4m3, e5m2, e3m2fn, e4m3-nosub, …); the message names the problem.

import { z } from 'zod';
import { FormatError, parseFormat, type FloatFormat } from '../../numerics/format.js';

/** `rounded`: an output format of the rounder, which needs a sign bit and subnormals. */
export function floatFormatParam(def: string, describe: string, o: { rounded?: boolean } = {}) {
  return z.string().default(def).describe(describe).superRefine((name, ctx) => {
    try {
      const f = parseFormat(name);
      if (f.kind !== 'float') ctx.addIssue({ code: 'custom', message: `'${name}' is an integer format; expected a minifloat such as e4m3` });
      else if (!f.hasZero) ctx.addIssue({ code: 'custom', message: `'${name}' has no zero (a scale format); expected a minifloat such as e4m3` });
      else if (o.rounded && !f.signed) ctx.addIssue({ code: 'custom', message: `'${name}' is unsigned; rounded results need a signed format` });
      else if (o.rounded && !f.subnormals) ctx.addIssue({ code: 'custom', message: `'${name}' has no subnormals; rounded results need a format with subnormals` });
    } catch (e) {
      if (e instanceof FormatError) ctx.addIssue({ code: 'custom', message: e.message });
      else throw e;
    }
  });
}

export const floatFormatOf = (name: string) => parseFormat(name) as FloatFormat;

/** `fixedName` (an exact fixed-point result, e.g. kulisch) or a format the result is rounded into. */
export function fixedOrRoundedParam(fixedName: string, describe: string) {
  const rounded = floatFormatParam('fp32', '', { rounded: true });
  return z.string().default(fixedName).describe(describe).superRefine((v, ctx) => {
    if (v === fixedName) return;
    if (v === 'int') {
      ctx.addIssue({ code: 'custom', message: `integer accumulation of integer operands is int.mac (same interface); here use ${fixedName} or a float format` });
      return;
    }
    const r = rounded.safeParse(v);
    if (!r.success) ctx.addIssue({ code: 'custom', message: `expected ${fixedName} or a format: ${r.error.issues[0]!.message}` });
  });
}
