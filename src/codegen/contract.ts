// The block contract's handshake half, checked when a block is emitted: handshake(params) returns a
// handshake bitforge knows, and the module has its control ports, one bit each, facing the right way.
// A user's block that breaks it is one line naming the port (never a C++ compile error later).

import type { PortInfo } from './design-files.js';
import { HANDSHAKE_PORTS, type Handshake } from './handshake.js';

export class ContractError extends Error {}

/** The handshake a block returned is one bitforge knows, with sane numbers. */
export function checkHandshake(name: string, hs: unknown): Handshake {
  const h = hs as Record<string, unknown> | null;
  const kinds = ['combinational', 'pipeline', 'stream', 'sequential'];
  if (typeof h !== 'object' || h === null || !kinds.includes(String(h['kind']))) {
    throw new ContractError(`${name}: handshake(params) returned ${JSON.stringify(hs) ?? String(hs)}: expected { kind: ${kinds.map((k) => `'${k}'`).join(' | ')} }`);
  }
  if (h['kind'] === 'pipeline' && !(Number.isInteger(h['latency']) && (h['latency'] as number) >= 1)) {
    throw new ContractError(`${name}: a pipeline handshake needs latency, a whole number of cycles ≥ 1 (got ${JSON.stringify(h['latency'])}); a block without registers is { kind: 'combinational' }`);
  }
  if (h['kind'] === 'stream' && h['maxInterval'] !== undefined && !(Number.isInteger(h['maxInterval']) && (h['maxInterval'] as number) >= 1)) {
    throw new ContractError(`${name}: a stream handshake's maxInterval is a whole number of cycles ≥ 1 (got ${JSON.stringify(h['maxInterval'])})`);
  }
  return h as unknown as Handshake;
}

/** The module has the handshake's control ports, each one bit wide and facing the right way. */
export function checkHandshakePorts(name: string, kind: Handshake['kind'], ports: readonly PortInfo[]): void {
  for (const [port, dir] of HANDSHAKE_PORTS[kind]) {
    const p = ports.find((q) => q.name === port);
    if (!p) throw new ContractError(`${name}: its handshake is '${kind}', so the module needs ${dir === 'input' ? 'an input' : 'an output'} '${port}' (1 bit), and has none (ports: ${ports.map((q) => q.name).join(', ')})`);
    if (p.direction !== dir) throw new ContractError(`${name}: port '${port}' of a '${kind}' handshake is ${dir === 'input' ? 'an input' : 'an output'}, the module declares it as an ${p.direction}`);
    if (p.width !== 1) throw new ContractError(`${name}: port '${port}' of a '${kind}' handshake is 1 bit, the module's is ${p.width}`);
  }
}
