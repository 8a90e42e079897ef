// Source locations of user code. Each DSL node records the first stack frame outside the DSL itself,
// mapped through source maps so that errors and emitted comments name the user's .ts file and line.
//
// Capturing a formatted (source-mapped) stack string is slow; capturing raw V8 call sites is cheap.
// We capture raw call sites, and only on a cache miss for that raw position do we pay for the mapped
// string. Generators create nodes in loops, so the cache hit rate is very high.

import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SourceLoc {
  readonly file: string; // relative to the package root (or cwd), forward slashes
  readonly line: number;
}

export const UNKNOWN_LOC: SourceLoc = Object.freeze({ file: '<unknown>', line: 0 });

const DSL_DIR = dirname(fileURLToPath(import.meta.url)); // .../src/dsl or .../dist/dsl
const PKG_ROOT = resolve(DSL_DIR, '..', '..');
const INTERNAL_DIRS = [
  resolve(PKG_ROOT, 'src', 'dsl') + sep,
  resolve(PKG_ROOT, 'dist', 'dsl') + sep,
];

const cache = new Map<string, SourceLoc>();

function toPath(fileOrUrl: string): string {
  return fileOrUrl.startsWith('file://') ? fileURLToPath(fileOrUrl) : fileOrUrl;
}

function isInternal(path: string): boolean {
  if (path.startsWith('node:') || path.includes(`${sep}node_modules${sep}`) || !isAbsolute(path)) return true;
  return INTERNAL_DIRS.some((d) => path.startsWith(d));
}

function displayPath(abs: string): string {
  for (const base of [PKG_ROOT, process.cwd()]) {
    const rel = relative(base, abs);
    if (!rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return abs.split(sep).join('/');
}

type RawSite = { getFileName(): string | null; getLineNumber(): number | null; getColumnNumber(): number | null };

const FRAME_RE = /\(?((?:file:\/\/)?\/[^():]+|[A-Za-z]:\\[^():]+):(\d+):(\d+)\)?\s*$/;

/** Location of the innermost user frame calling into the DSL. */
export function captureLoc(): SourceLoc {
  const limit = Error.stackTraceLimit;
  const prep = Error.prepareStackTrace;
  Error.stackTraceLimit = 24;
  Error.prepareStackTrace = (_e, sites) => sites;
  const holder: { stack?: unknown } = {};
  Error.captureStackTrace(holder, captureLoc);
  const sites = holder.stack as RawSite[] | undefined;
  Error.prepareStackTrace = prep;

  let key: string | undefined;
  for (const s of sites ?? []) {
    const f = s.getFileName();
    if (f && !isInternal(toPath(f))) {
      key = `${f}:${s.getLineNumber()}:${s.getColumnNumber()}`;
      break;
    }
  }
  if (key === undefined) {
    Error.stackTraceLimit = limit;
    return UNKNOWN_LOC;
  }
  const hit = cache.get(key);
  if (hit) {
    Error.stackTraceLimit = limit;
    return hit;
  }
  // Cache miss: format the stack the way the runtime does (source-mapped when maps are enabled).
  const h2: { stack?: unknown } = {};
  Error.captureStackTrace(h2, captureLoc);
  Error.stackTraceLimit = limit;
  let loc = UNKNOWN_LOC;
  for (const line of String(h2.stack ?? '').split('\n').slice(1)) {
    const m = FRAME_RE.exec(line.trim());
    if (!m) continue;
    const path = toPath(m[1]!);
    if (isInternal(path)) continue;
    loc = Object.freeze({ file: displayPath(path), line: Number(m[2]) });
    break;
  }
  cache.set(key, loc);
  return loc;
}

// bitforge's own machinery above the DSL (codegen, cosim, the CLI, ...): never part of a user's call chain.
const MACHINERY = ['src', 'dist'].map((d) => resolve(PKG_ROOT, d) + sep);
const isMachinery = (path: string) => MACHINERY.some((d) => path.startsWith(d)) && !path.includes(`${sep}blocks${sep}`);

/**
 * The user's frames of the current call, innermost first (at most `max`): where a mistake was made and
 * the calls that led there (a helper, the loop that called it). Slow: only for reporting an error.
 */
export function captureChain(max = 4): SourceLoc[] {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  const h: { stack?: unknown } = {};
  Error.captureStackTrace(h, captureChain);
  Error.stackTraceLimit = limit;
  return userFrames(String(h.stack ?? ''), max);
}

/** Where a thrown error came from in user code, and the user's calls that led there (innermost first). */
export function chainOfError(e: unknown, max = 4): SourceLoc[] {
  return userFrames(e instanceof Error ? String(e.stack ?? '') : '', max);
}

function userFrames(stack: string, max: number): SourceLoc[] {
  const out: SourceLoc[] = [];
  for (const line of stack.split('\n').slice(1)) {
    const m = FRAME_RE.exec(line.trim());
    if (!m) continue;
    const path = toPath(m[1]!);
    // bitforge's machinery ends the user's chain (beyond it are the callers of the CLI or the API).
    if (isMachinery(path) && out.length) break;
    if (isInternal(path) || isMachinery(path)) continue;
    const loc = Object.freeze({ file: displayPath(path), line: Number(m[2]) });
    if (!out.some((l) => l.file === loc.file && l.line === loc.line)) out.push(loc);
    if (out.length >= max) break;
  }
  return out;
}

export function formatLoc(loc: SourceLoc): string {
  return `${loc.file}:${loc.line}`;
}
