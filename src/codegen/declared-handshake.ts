// A block's handshake from its hardware: what the top module's interfaces declared (dsl/interface.ts)
// — a stream, or a pipeline and its latency — or combinational when the module has no clock. The
// elaboration is remembered per parameter set, so asking twice costs one elaboration.

import { elaborate, type ModuleGenerator } from '../dsl/index.js';
import { paramSignature } from '../dsl/module-name.js';
import { ContractError } from './contract.js';
import type { Handshake } from './handshake.js';

const memo = new WeakMap<ModuleGenerator<any>, Map<string, Handshake>>();

export function declaredHandshake<P>(name: string, gen: ModuleGenerator<P>): (p: P) => Handshake {
  return (p: P) => {
    const byParams = memo.get(gen) ?? new Map<string, Handshake>();
    memo.set(gen, byParams);
    const sig = paramSignature(p);
    const known = byParams.get(sig);
    if (known) return known;
    const top = elaborate(gen, p).top;
    let h: Handshake;
    if (top.declared) h = top.declared;
    else if (!top.needsClock) h = { kind: 'combinational' };
    else throw new ContractError(`${name}: the module has registers but declares no handshake: use streamIn/streamOut or pipelineValid(latency) in the generator, or give the block a handshake(params)`);
    byParams.set(sig, h);
    return h;
  };
}
