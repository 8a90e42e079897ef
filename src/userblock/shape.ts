// What a module must export to be a block: the fields of a BlockDef, checked by shape (a user's zod
// may be another copy than ours, so nothing here relies on instanceof).

const NAME_RE = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

const isFn = (x: unknown): x is (...a: unknown[]) => unknown => typeof x === 'function';
const kind = (x: unknown) => (x === null ? 'null' : Array.isArray(x) ? 'an array' : typeof x === 'object' ? 'an object' : `${typeof x}${typeof x === 'string' || typeof x === 'number' ? ` ${JSON.stringify(x)}` : ''}`);

/** A value that claims to be a block (it has a generator or a params schema): is one. */
export function looksLikeBlock(x: unknown): boolean {
  return typeof x === 'object' && x !== null && ('generator' in x || 'params' in x) && 'name' in x;
}

/** Why `x` is not a usable block, naming the field; undefined when it is one. */
export function blockShapeProblem(x: unknown): string | undefined {
  if (typeof x !== 'object' || x === null) return `not a block: ${kind(x)} (export defineBlock({ name, summary, params, generator, handshake, ... }))`;
  const b = x as Record<string, unknown>;
  if (typeof b['name'] !== 'string') return `its name is ${kind(b['name'])}, not a string`;
  if (!NAME_RE.test(b['name'])) return `its name '${b['name']}' is not kebab case words joined by dots (e.g. 'my.sat-add')`;
  if (b['summary'] !== undefined && typeof b['summary'] !== 'string') return `${b['name']}: summary is ${kind(b['summary'])}, not a string`;
  const p = b['params'] as Record<string, unknown> | undefined;
  if (typeof p !== 'object' || p === null || !isFn(p['safeParse']) || typeof p['shape'] !== 'object') return `${b['name']}: params is ${kind(p)}, not a zod object schema (z.object({ ... }) from 'bitforge/block')`;
  const g = b['generator'] as Record<string, unknown> | undefined;
  if (typeof g !== 'object' || g === null || !isFn(g['body']) || typeof g['name'] !== 'string') return `${b['name']}: generator is ${kind(g)}, not a module (defineModule(name, body) from 'bitforge/dsl')`;
  if (b['handshake'] !== undefined && !isFn(b['handshake'])) return `${b['name']}: handshake is ${kind(b['handshake'])}, not a function of the parameters (e.g. () => ({ kind: 'combinational' })); leave it out to take the generator's interfaces`;
  for (const f of ['fmaxBase', 'fmaxDepths', 'formats', 'accuracy'] as const) if (b[f] !== undefined && !isFn(b[f])) return `${b['name']}: ${f} is ${kind(b[f])}, not a function of the parameters`;
  const c = b['cosim'] as Record<string, unknown> | undefined;
  if (c !== undefined) {
    if (typeof c !== 'object' || c === null) return `${b['name']}: cosim is ${kind(c)}, not a golden model`;
    const fns: Record<string, string[]> = { transaction: ['create', 'stimulus'], cycle: ['create', 'stimulus'], packet: ['createPacket', 'stimulus'] };
    const need = fns[String(c['kind'])];
    if (!need) return `${b['name']}: cosim.kind is ${kind(c['kind'])}: expected 'transaction', 'cycle' or 'packet'`;
    for (const f of need) if (!isFn(c[f])) return `${b['name']}: cosim.${f} is ${kind(c[f])}, not a function (a ${String(c['kind'])} model has ${need.join(' and ')})`;
  }
  return undefined;
}
