// Port values as a user reads them: number-format codes decoded (`e4m3 0x7e (448)`), integers in
// decimal with their hex bits.

import type { PortInfo } from '../codegen/design-files.js';
import { decodeToNumber, parseFormat } from '../numerics/index.js';
import type { Vector } from './model.js';

export function describeValue(p: PortInfo, v: bigint, format?: string): string {
  const raw = BigInt.asUintN(p.width, v);
  const hex = `0x${raw.toString(16).padStart(Math.ceil(p.width / 4), '0')}`;
  if (format) {
    const f = parseFormat(format);
    if (f.width === p.width) {
      const x = decodeToNumber(f, Number(raw));
      return `${format} ${hex} (${Object.is(x, -0) ? '-0' : x})`;
    }
  }
  if (p.width === 1) return String(raw);
  return `${p.signed ? BigInt.asIntN(p.width, v) : raw} (${hex})`;
}

export function describeVector(ports: readonly PortInfo[], v: Vector, formats: Readonly<Record<string, string>>): string {
  return ports.map((p) => `${p.name}=${describeValue(p, v[p.name] ?? 0n, formats[p.name])}`).join(' ');
}
