// Hardware types: a width and a signedness. Bool is UInt(1).

import { captureLoc, type SourceLoc } from './source-location.js';

export interface HwType {
  readonly signed: boolean;
  readonly width: number;
}

const MAX_WIDTH = 1 << 16;

/** A bad argument to a type constructor: it cannot yield a type, so it stops the module body. */
export class DslTypeError extends Error {
  readonly loc: SourceLoc = captureLoc();
  constructor(message: string, readonly fix: string) {
    super(message);
    this.name = 'DslTypeError';
  }
}

function checkWidth(width: number, what: string): number {
  if (!Number.isInteger(width) || width < 1 || width > MAX_WIDTH) {
    const shown = typeof width === 'string' ? `'${width}'` : String(width);
    const got = typeof width === 'number' ? '' : typeof width === 'string' ? `: got the string ${shown}` : width === undefined ? ': got undefined (a parameter or variable that is not there?)' : `: got ${typeof width}`;
    const fix = typeof width === 'string' ? 'convert the text with Number(...) first' : width === undefined ? 'check the parameter\'s name against the block\'s schema' : 'compute the width from your parameters so it is at least 1';
    throw new DslTypeError(`${what}(${shown}): width must be an integer in 1..${MAX_WIDTH}${got}`, fix);
  }
  return width;
}

export function UInt(width: number): HwType {
  return { signed: false, width: checkWidth(width, 'UInt') };
}

export function SInt(width: number): HwType {
  return { signed: true, width: checkWidth(width, 'SInt') };
}

export const Bool: HwType = Object.freeze({ signed: false, width: 1 });

export function typeName(t: HwType): string {
  return `${t.signed ? 'SInt' : 'UInt'}(${t.width})`;
}

/** Smallest width that holds v in the given signedness (at least 1). */
export function widthFor(v: bigint, signed: boolean): number {
  if (signed) {
    const m = v < 0n ? -v - 1n : v;
    return m.toString(2).length + (m === 0n ? 0 : 1);
  }
  return v === 0n ? 1 : v.toString(2).length;
}

/** A hardware type (UInt/SInt/Bool), not some other value passed where one belongs. */
export const isHwType = (t: unknown): t is HwType => typeof t === 'object' && t !== null && typeof (t as HwType).width === 'number' && typeof (t as HwType).signed === 'boolean';

export function fits(v: bigint, t: HwType): boolean {
  if (t.signed) {
    const half = 1n << BigInt(t.width - 1);
    return v >= -half && v < half;
  }
  return v >= 0n && v < 1n << BigInt(t.width);
}

/** Wraps v to the two's-complement (or unsigned) range of t. */
export function wrapTo(v: bigint, t: HwType): bigint {
  return t.signed ? BigInt.asIntN(t.width, v) : BigInt.asUintN(t.width, v);
}
