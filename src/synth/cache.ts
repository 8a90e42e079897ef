// Synthesis results cached by a content hash of (Verilog, Yosys script, target, tool sources and
// versions): an interrupted build or sweep resumes where it stopped. Entries are validated on read.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cacheRoot } from '../util/cache-root.js';
import { writeFiles } from '../util/write-files.js';
import { synthReportSchema, type SynthReport } from '../report/schema.js';

const require = createRequire(import.meta.url);
/** Installed package version (package.json is not in the packages' exports: found beside the entry). */
function versionOf(pkg: string): string {
  const entry = require.resolve(pkg); // …/node_modules/@yowasp/<name>/gen/bundle.js
  const root = entry.slice(0, entry.lastIndexOf(`${pkg}/`) + pkg.length);
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}
const TOOL_VERSIONS = ['@yowasp/yosys', '@yowasp/nextpnr-ice40'].map((p) => `${p}@${versionOf(p)}`).join(',');

/** Bumped when bitforge reports the same tool run differently (texts, fields): old entries are not reused. */
const REPORT_REVISION = '5'; // 4: inverter cells count as LUTs on xc7 and gowin; 5: utilization of a part

/** What makes two machines' reports comparable: the same report revision and tool versions. */
export const TOOL_STAMP = `${REPORT_REVISION}/${TOOL_VERSIONS}`;

export function synthKey(parts: readonly string[]): string {
  const h = createHash('sha256').update('bitforge.synth/1').update(REPORT_REVISION).update(TOOL_VERSIONS);
  for (const p of parts) h.update(String(p.length)).update(':').update(p);
  return h.digest('hex').slice(0, 32);
}

const file = (key: string) => join(cacheRoot(), 'synth', `${key}.json`);

export function cachedReport(key: string): SynthReport | undefined {
  if (!existsSync(file(key))) return undefined;
  const parsed = synthReportSchema.safeParse(JSON.parse(readFileSync(file(key), 'utf8')));
  return parsed.success ? parsed.data : undefined; // a damaged entry is recomputed
}

export function storeReport(key: string, r: SynthReport): void {
  writeFiles(join(cacheRoot(), 'synth'), [{ path: `${key}.json`, content: JSON.stringify(r) }]);
}
