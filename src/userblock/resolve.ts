// A block reference on the command line, in a sweep spec or in the API: a catalogue name (`mx.dot`, or a
// family with one unit) or a path to the user's module. User blocks loaded once stay known by name, so
// later steps that hold only a name (a sweep's accuracy pass) find them.

import { catalogue, findBlock } from '../blocks/catalogue.js';
import type { BlockDef } from '../blocks/block.js';
import { didYouMean } from '../util/nearest.js';
import { declaredHandshake } from '../codegen/declared-handshake.js';
import { BlockLoadError, isBlockPath, loadUserBlock } from './load.js';

export { BlockLoadError, isBlockPath };

const loaded = new Map<string, BlockDef>();
const byRef = new Map<string, BlockDef>(); // as written on the command line
const files = new Map<string, string>(); // block name → the module (and export) that defined it

export async function resolveBlock(ref: string): Promise<BlockDef> {
  if (!isBlockPath(ref)) {
    const b = findBlock(ref) ?? loaded.get(ref);
    if (b) return b;
    throw new BlockLoadError(`unknown block '${ref}'${didYouMean(ref, catalogue.map((c) => c.name))} (see bitforge list, or give a path to your own block module, e.g. ./src/my-block.ts)`);
  }
  const { block: b, file } = await loadUserBlock(ref);
  // A plain object (not through defineBlock) without a handshake takes its generator's interfaces.
  const raw = b as Omit<BlockDef, 'handshake'> & { handshake?: BlockDef['handshake'] };
  const block: BlockDef = { ...raw, handshake: raw.handshake ?? declaredHandshake(raw.name, raw.generator) };
  if (findBlock(block.name)) throw new BlockLoadError(`${ref}: its name '${block.name}' is a catalogue block's: choose another`);
  const before = files.get(block.name);
  if (before !== undefined && before !== file) throw new BlockLoadError(`${ref}: its name '${block.name}' is also the block of ${before}: choose another`);
  loaded.set(block.name, block);
  files.set(block.name, file);
  byRef.set(ref, block);
  return block;
}

/** A block by name: the catalogue's, or a user block loaded before. */
export function blockByName(name: string): BlockDef | undefined {
  return findBlock(name) ?? loaded.get(name);
}

/** A user block loaded before under this reference (for help text, which cannot wait for a load). */
export function loadedBlock(ref: string): BlockDef | undefined {
  return byRef.get(ref);
}
