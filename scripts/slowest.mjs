#!/usr/bin/env node
// Prints the 15 slowest test files and tests of a vitest run from its JSON report (the tiers write
// one to test-results/), so the time budget stays visible: `node scripts/slowest.mjs [report.json] [--top N]`.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 15;
const file = args.find((a, i) => !a.startsWith('--') && (topAt < 0 || i !== topAt + 1)) ?? 'test-results/fast.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.error(`slowest: cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file (run the tests first)' : e.message}`);
  process.exit(2);
}
if (!Number.isInteger(top) || top < 1) {
  console.error(`slowest: --top: expected a positive integer, got '${args[topAt + 1]}'`);
  process.exit(2);
}

const s = (ms) => `${(ms / 1000).toFixed(1).padStart(7)} s`;
const files = report.testResults.map((f) => ({ name: relative(process.cwd(), f.name), ms: f.endTime - f.startTime, tests: f.assertionResults }));
const tests = files.flatMap((f) => f.tests.map((t) => ({ name: `${f.name} > ${t.fullName}`, ms: t.duration ?? 0 })));
const wall = files.length ? Math.max(...report.testResults.map((f) => f.endTime)) - report.startTime : 0;

console.log(`\n${top} slowest test files (${files.length} files, ${s(wall).trim()} wall from the first file's start):`);
for (const f of files.sort((a, b) => b.ms - a.ms).slice(0, top)) console.log(`${s(f.ms)}  ${f.name} (${f.tests.length} tests)`);
console.log(`\n${top} slowest tests:`);
for (const t of tests.sort((a, b) => b.ms - a.ms).slice(0, top)) console.log(`${s(t.ms)}  ${t.name.length > 150 ? `${t.name.slice(0, 147)}…` : t.name}`);
console.log(`\n${report.numPassedTests} passed, ${report.numFailedTests} failed`);
