// `npm run bench`: foundation benchmarks. Each design runs in a fresh process (so peak memory is its
// own); results, with the command that produced them, go to bench/results/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { runNumerics } from './numerics.mjs';

// `npm run bench -- qor synth` runs only the named sections.
const only = process.argv.slice(2);
const want = (section) => only.length === 0 || only.includes(section);
const COMMAND = `npm run bench${only.length ? ` -- ${only.join(' ')}` : ''}`;

const targets = { 'mac-array': { ms: 2000, label: '64 × 64 array of 16-bit MACs (4096 instances)' }, 'flat-dag': { ms: 5000, label: 'flat design, 100,000 expression nodes' } };
const REPEATS = 3;
const rows = [];
if (want('foundation')) {
for (const [name, t] of Object.entries(targets)) {
  const runs = [];
  for (let i = 0; i < REPEATS; i++) {
    runs.push(JSON.parse(execFileSync(process.execPath, ['--enable-source-maps', 'bench/measure.mjs', name], { encoding: 'utf8' })));
  }
  runs.sort((a, b) => a.totalMs - b.totalMs);
  const best = runs[0], median = runs[Math.floor(REPEATS / 2)];
  rows.push({ ...median, bestTotalMs: best.totalMs, label: t.label, targetMs: t.ms, ratioToTarget: median.totalMs / t.ms, memRatioTo1GB: median.maxRssMB / 1024 });
  console.log(`${t.label}: median ${median.totalMs.toFixed(0)} ms (elaborate+check ${median.elaborateMs.toFixed(0)}, emit ${median.emitMs.toFixed(0)}), ${median.maxRssMB.toFixed(0)} MB peak; ${(median.totalMs / t.ms).toFixed(2)}× of the ${t.ms} ms target`);
}
const result = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, repeats: REPEATS, rows };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/foundation.json', JSON.stringify(result, null, 2) + '\n');
const md = [
  '# Foundation benchmark: elaboration + checks + Verilog emission', '',
  `Command: \`${result.command}\` · ${result.date} · Node ${result.node} · ${result.cpu} · median of ${REPEATS} fresh processes`, '',
  '| design | elaborate + checks (ms) | emit (ms) | total (ms) | target (ms) | total / target | peak RSS (MB) | RSS / 1 GB |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.label} | ${r.elaborateMs.toFixed(0)} | ${r.emitMs.toFixed(0)} | ${r.totalMs.toFixed(0)} | ${r.targetMs} | ${r.ratioToTarget.toFixed(2)} | ${r.maxRssMB.toFixed(0)} | ${r.memRatioTo1GB.toFixed(2)} |`),
  '',
];
writeFileSync('bench/results/foundation.md', md.join('\n'));
}

// ---- numerics (issue: golden number-format library) ----
if (want('numerics')) {
const numerics = runNumerics();
writeFileSync('bench/results/numerics.json', JSON.stringify({ command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, rows: numerics }, null, 2) + '\n');
writeFileSync('bench/results/numerics.md', [
  '# Numerics throughput: fast path vs exact reference, one run', '',
  `Command: \`${COMMAND}\` · ${new Date().toISOString()} · Node ${process.version} · ${cpus()[0]?.model}`, '',
  '| metric | value | unit | target | value / target |', '|---|---:|---|---:|---:|',
  ...numerics.map((r) => `| ${r.metric} | ${r.value.toExponential(3)} | ${r.unit} | ${r.target ? r.target.toExponential(0) : ''} | ${r.ratio ? r.ratio.toFixed(2) : ''} |`), '',
].join('\n'));
}

// ---- cosimulation (issue: cosim) ----
if (want('cosim')) {
const { runCosimBench } = await import('./cosim.mjs');
const cosim = await runCosimBench();
const cosimMeta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model };
writeFileSync('bench/results/cosim.json', JSON.stringify({ ...cosimMeta, rows: cosim }, null, 2) + '\n');
writeFileSync('bench/results/cosim.md', [
  '# Cosimulation throughput: bitforge in-process Verilator vs a plain C++ loop, one run', '',
  `Command: \`${COMMAND}\` · ${cosimMeta.date} · Node ${cosimMeta.node} · ${cosimMeta.cpu}`, '',
  'bitforge: `simulate()` end to end (stimulus and golden model in TypeScript, batches through the N-API addon, every output compared), best of 3.',
  'Plain C++: the same Verilated model and run loop over the same vectors held in memory, compared with memcmp, best of 3. Target: bitforge ≥ 0.5 × plain.', '',
  '| block | vectors | bitforge (vectors/s) | plain C++ (vectors/s) | bitforge / plain | Icarus (vectors/s) | build cold (s) | build cached (s) | mismatches |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...cosim.map((r) => `| ${r.label} | ${r.vectors} | ${r.bitforgeVps.toExponential(3)} | ${r.plainVps.toExponential(3)} | ${r.ratio.toFixed(2)} | ${r.icarusVps.toExponential(3)} | ${r.coldBuildS.toFixed(1)} | ${r.cachedBuildS.toFixed(3)} | ${r.mismatches} |`),
  '',
].join('\n'));
}

// ---- synthesis (issue: synthesis flows) ----
if (want('synth')) {
const { runSynthBench } = await import('./synth.mjs');
const synth = await runSynthBench();
const synthMeta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, nativeYosys: synth.nativeVersion };
writeFileSync('bench/results/synth.json', JSON.stringify({ ...synthMeta, repeats: synth.repeats, rows: synth.rows }, null, 2) + '\n');
writeFileSync('bench/results/synth.md', [
  '# Synthesis wall time per target, one run, uncached', '',
  `Command: \`${COMMAND}\` · ${synthMeta.date} · Node ${synthMeta.node} · ${synthMeta.cpu} · best of ${synth.repeats}`, '',
  'WebAssembly Yosys 0.55 and nextpnr-ice40 (@yowasp, the default). ice40 includes nextpnr place and route. LUT counts exclude carry cells (an ecp5 CCU2C holds two LUT4s, a gowin ALU one).',
  synth.nativeVersion ? `Native Yosys: ${synth.nativeVersion}, same script, Yosys-only targets (when its version differs from 0.55, the ratio also includes the version difference; cell counts above are the WebAssembly build's).` : 'No native `yosys` on PATH: the WebAssembly / native ratio was not measured.', '',
  '| block | target | LUT | FF | carry | DSP | Fmax (MHz) | wall (s) | wall / fastest target | native Yosys (s) | WebAssembly / native |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...synth.rows.map((r) => `| ${r.label} | ${r.target} | ${r.lut} | ${r.ff} | ${r.carry} | ${r.dsp} | ${r.fmaxMHz ?? ''} | ${r.wallSeconds.toFixed(1)} | ${r.overFastest.toFixed(2)} | ${r.nativeSeconds?.toFixed(1) ?? ''} | ${r.wasmOverNative?.toFixed(2) ?? ''} |`),
  '',
].join('\n'));
}

// ---- bitforge build cold (issue: test budget) ----
if (want('build')) {
const { runBuildBench } = await import('./build.mjs');
const b = runBuildBench();
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: b.jobs };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/build.json', JSON.stringify({ ...meta, ...b }, null, 2) + '\n');
const f1 = (x) => (x === null || x === undefined ? '' : x.toFixed(1));
writeFileSync('bench/results/build.md', [
  '# `bitforge build` cold: where the time goes, one run', '',
  `Command: \`${COMMAND}\` · ${meta.date} · Node ${meta.node} · ${meta.cpu} · ${b.jobs} cores, ${b.jobs} jobs`, '',
  'An empty `BITFORGE_CACHE`, the catalogue at its defaults on ice40 (Yosys, then nextpnr on the HX8K) and xc7 (Yosys), WebAssembly tools.',
  'The issue measured 12 min 53 s for `npm ci && npx bitforge build` cold on 2 cores before this work; the target is ≤ 8 min for the build.', '',
  '| | seconds |', '|---|---:|',
  `| wall, whole command | ${f1(b.wall)} |`,
  `| elaborate and emit the catalogue | ${f1(b.elaborate)} |`,
  `| Σ job wall (${b.configurations} configurations, ${b.failures} failed) | ${f1(b.jobSeconds)} |`,
  `| Σ Yosys | ${f1(b.yosysSeconds)} |`,
  `| Σ nextpnr (of which ${b.unplaced} designs that do not fit the HX8K: ${f1(b.unplacedNextpnrSeconds)}) | ${f1(b.nextpnrSeconds)} |`,
  `| cores busy: Σ job wall / (wall × jobs) | ${(b.jobSeconds / (b.wall * b.jobs)).toFixed(2)} |`,
  `| longest job (${b.longest.block} on ${b.longest.target}) | ${f1(b.longest.wall)} |`, '',
  '## Per configuration, longest first', '',
  '| block | target | wall (s) | Yosys (s) | nextpnr (s) | LUT | logic cells | Fmax (MHz) |', '|---|---|---:|---:|---:|---:|---:|---:|',
  ...b.rows.map((r) => `| ${r.block} | ${r.target} | ${f1(r.wall)} | ${f1(r.yosys)} | ${f1(r.nextpnr)} | ${r.lut} | ${r.logicCells ?? ''} | ${r.fmaxMHz ?? (r.unplaced ? 'does not fit' : '')} |`), '',
].join('\n'));
console.log(`bitforge build cold: ${f1(b.wall)} s wall, Σ jobs ${f1(b.jobSeconds)} s (Yosys ${f1(b.yosysSeconds)}, nextpnr ${f1(b.nextpnrSeconds)})`);
}

// ---- Verilated model's optimization level (issue: test budget) ----
if (want('verilator-opt')) {
const { runVerilatorOptBench } = await import('./verilator-opt.mjs');
const rows = await runVerilatorOptBench();
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/verilator-opt.json', JSON.stringify({ ...meta, rows }, null, 2) + '\n');
const base = (r) => rows.find((x) => x.block === r.block && x.level === '-O0' && x.style === 'unit');
const STYLE = { 'make-split': 'make, split', 'make-one': 'make, one unit', unit: 'one unit + PCH' };
writeFileSync('bench/results/verilator-opt.md', [
  '# The Verilated model\'s C++: optimization level and build style, build and cosimulation time, one run', '',
  `Command: \`${COMMAND}\` · ${meta.date} · Node ${meta.node} · ${meta.cpu}`, '',
  'Cold harness build (fresh cache, ccache off) and `simulate()` end to end with the built harness (best of 2), per level and style:',
  'Verilator\'s make (one job per core) with split files or one translation unit (VM_PARALLEL_BUILDS=0), or bitforge\'s default, the model',
  'and the N-API glue as one unit on a precompiled header of Verilator\'s headers, linked with runtime objects built once per cache.',
  'Its cold build includes that runtime; "runtime built" is the same design built again with only the runtime kept, as every build',
  'after the first one is. Verilator\'s default is -Os, split (`BITFORGE_VERILATOR_OPT` chooses another level). Ratios are against',
  'bitforge\'s default (its runtime-built time; make builds have no runtime kept between designs but ccache).', '',
  '| block | params | level | style | cold build (s) | runtime built (s) | build / default | vectors | cosim (s) | cosim / default | mismatches |', '|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.block} | ${JSON.stringify(r.params)} | ${r.level} | ${STYLE[r.style]} | ${r.buildSeconds.toFixed(1)} | ${r.warmRuntimeSeconds === null ? '' : r.warmRuntimeSeconds.toFixed(1)} | ${((r.warmRuntimeSeconds ?? r.buildSeconds) / base(r).warmRuntimeSeconds).toFixed(2)} | ${r.vectors} | ${r.simSeconds.toFixed(2)} | ${(r.simSeconds / base(r).simSeconds).toFixed(2)} | ${r.mismatches} |`), '',
].join('\n'));
}

// ---- MX dot unit next to its behavioural baseline (issue: MX block-scale units) ----
// ---- INT vs FP block formats (issue: block-scaled formats) ----
if (want('int-vs-fp')) {
const { runIntVsFp } = await import('./int-vs-fp.mjs');
const { writeIntVsFp } = await import('./int-vs-fp-report.mjs');
const r = await runIntVsFp();
writeFileSync('bench/results/int-vs-fp.json', JSON.stringify({ command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, ...r }, null, 2) + '\n');
writeFileSync('bench/results/int-vs-fp.md', writeIntVsFp(r, COMMAND));
}

if (want('mx')) {
const { runMxBench } = await import('./mx.mjs');
const mx = await runMxBench();
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, yosys: mx.rows[0]?.yosys };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/mx.json', JSON.stringify({ ...meta, ...mx }, null, 2) + '\n');
writeFileSync('bench/results/mx.md', [
  '# mx.dot: generated unit next to a behavioural baseline, one run, same Yosys', '',
  `Command: \`${COMMAND}\` · ${meta.date} · ${meta.yosys}`, '',
  'Baseline: bench/baselines/mx_dot_baseline.v, the same function (it passes mx.dot\'s cosimulation: test/bench/mx-baseline.test.ts)',
  'written the behavioural way: decode, `*`, `<<`, a loop of `+`, a leading-one loop and `>>` to round. Both have one output register',
  '(mx.dot with stages = 0, treeStages = 0). xc7 without DSPs, so the multipliers are LUTs on both sides. Target: generated / baseline ≤ 0.9.', '',
  '| unit | target | LUT | FF | baseline LUT | baseline FF | LUT / baseline |', '|---|---|---:|---:|---:|---:|---:|',
  ...mx.rows.map((r) => `| ${r.unit} | ${r.target} | ${r.lut} | ${r.ff} | ${r.baseLut} | ${r.baseFf} | ${r.ratio.toFixed(2)} |`), '',
].join('\n'));
}

// ---- QoR of the arithmetic units (issue: minifloat and integer arithmetic) ----
if (want('qor')) {
const { runQorBench } = await import('./qor.mjs');
const { runArithBench, runCompressorBench } = await import('./qor.mjs');
const qor = await runQorBench();
qor.arith = await runArithBench();
qor.compressors = await runCompressorBench();
const qorMeta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, yosys: qor.rows[0]?.yosys };
writeFileSync('bench/results/qor.json', JSON.stringify({ ...qorMeta, ...qor }, null, 2) + '\n');
writeFileSync('bench/results/qor.md', [
  '# QoR: generated arithmetic units next to behavioural baselines, one run, same Yosys', '',
  `Command: \`${COMMAND}\` · ${qorMeta.date} · ${qorMeta.yosys}`, '',
  'Baseline: the same function as straightforward behavioural Verilog (bench/baselines/: decode, `*`, `<<`, `-`), through the same flow',
  '(on ice40 both sit in the same registered wrapper; the numbers are the unit\'s own cells). Target: generated / baseline ≤ 0.9.',
  '"Careful" is the issue\'s figure for careful hand-written multipliers (Yosys 0.23), iCE40 LUT4 / xc7 LUT.', '',
  '| unit | target | LUT | FF | baseline LUT | baseline FF | LUT / baseline | careful LUT | LUT / careful |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ...qor.rows.map((r) => `| ${r.unit} | ${r.target} | ${r.lut} | ${r.ff} | ${r.baseLut} | ${r.baseFf} | ${r.ratio.toFixed(2)} | ${r.careful}${r.carefulNote ? ` (${r.carefulNote})` : ''} | ${r.overCareful.toFixed(2)} |`),
  '', '## Fmax on ice40 (nextpnr, HX8K)', '',
  '| unit | LUT | FF | Fmax (MHz) |', '|---|---:|---:|---:|',
  ...qor.fmax.map((f) => `| ${f.unit} | ${f.lut} | ${f.ff} | ${f.fmaxMHz ?? ''} |`), '',
  '## Bit heaps and carry chains (issue 31): LUTs and logic levels, before and after', '',
  '"Legacy" is `--arith legacy`: the earlier sums (adder trees that Yosys folds into one $macc of full adders, two\'s-complement products,',
  'the Booth correction row); for minifloat.mul, `--arith gates|carry` (the earlier structure, whose style auto chose before). "Best" is the issue\'s figure: the best of careful hand-written multipliers and the FPL 2024 MX units (mx.dot: the',
  'peer\'s 32 multipliers plus a sum; int.mac: a careful multiplier alone), xc7 without DSPs / iCE40. The bar is LUT ≤ 0.8 × best (int.mac 0.85).',
  '`fabric` is what `auto` became for the target. Levels: the critical path\'s cells (bitforge\'s STA); Fmax: nextpnr on ice40, the estimate elsewhere.', '',
  '| unit | target | fabric | LUT | levels | Fmax (MHz) | legacy LUT | legacy levels | best | LUT / best | bar met |',
  '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ...qor.arith.map((r) => `| ${r.unit} | ${r.target} | ${r.fabric ?? ''} | ${r.lut} | ${r.levels ?? ''} | ${r.fmaxMHz ?? ''} | ${r.legacyLut ?? ''} | ${r.legacyLevels ?? ''} | ${r.best ?? ''} | ${r.overBest?.toFixed(2) ?? ''} | ${r.overBest === null ? '' : r.overBest <= r.bar ? 'yes' : 'no'} |`), '',
  '### Compressors', '',
  'One bit heap compressed three ways (BitHeap `compressor`): carry chains (the default), counter trees for the target\'s LUT',
  '(6:3 counters on xc7, 3:2 full adders on ice40, then one chain), and plain adds that Yosys folds into one $macc of full adders.', '',
  '| heap | target | compressor | LUT | carry cells | levels |', '|---|---|---|---:|---:|---:|',
  ...qor.compressors.map((r) => `| ${r.unit} | ${r.target} | ${r.compressor} | ${r.lut} | ${r.carry} | ${r.levels ?? ''} |`), '',
].join('\n'));
}

// ---- Loom: cycles on real int8 tensors and cost per SIP (issue: Loom bit-serial lanes) ----
if (want('loom')) {
const { runLoomBench, PAPER_SPEEDUP } = await import('./loom.mjs');
const loom = await runLoomBench();
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, yosys: loom.cost[0]?.yosys };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/loom.json', JSON.stringify({ ...meta, ...loom }, null, 2) + '\n');
const fmt = (x, d = 2) => (x === null || x === undefined ? '' : x.toFixed(d));
writeFileSync('bench/results/loom.md', [
  '# Loom: cycles on real int8 tensors against a bit-parallel 16-bit MAC array, and cost per SIP, one run', '',
  `Command: \`${COMMAND}\` · ${meta.date} · ${meta.yosys} · data: ${loom.data}`, '',
  'Every int8 tensor of the data set. Pw: profiled per layer (loom.precision over the whole tensor). Pa: found per group of 16 at run time',
  '(loom.precision per group); the data set has no int8 activations, so each tensor\'s own values, 16 at a time, stand in for them.',
  'Loom (conv) takes ⌈Pa/B⌉·Pw cycles per step; a bit-parallel 16b × 16b MAC array of equal peak throughput takes what Loom takes',
  `at 16 bits, ⌈16/B⌉·16, for the same work. Speedup = bit-parallel cycles / Loom cycles. The paper reports ${PAPER_SPEEDUP}× on its networks.`,
  '"profiled Pa": Pa fixed per layer like Pw (no detector). fc: activations bit-parallel, 16 / Pw.', '',
  '| B | Loom cycles | bit-parallel cycles | speedup | paper |', '|---:|---:|---:|---:|---:|',
  ...loom.totals.map((t) => `| ${t.bits} | ${t.loom} | ${t.parallel} | ${fmt(t.speedup)} | ${PAPER_SPEEDUP} |`), '',
  '## Cost (same Yosys, same run)', '',
  'MACs per cycle: a SIP does 16 products per step; at 16-bit operands a step takes ⌈16/B⌉·16 cycles, on this data the mean step above.',
  'Work per LUT = MACs per cycle / LUT (× 1000); Fmax from nextpnr-ice40 is not folded in.', '',
  '| unit | target | LUT | FF | LUT per SIP | FF per SIP | Fmax (MHz) | MACs/cycle at 16 bit | MACs/cycle on the data | MACs/cycle per kLUT on the data |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...loom.cost.map((r) => `| ${r.unit} | ${r.target} | ${r.lut} | ${r.ff} | ${r.sips ? fmt(r.lut / r.sips, 0) : ''} | ${r.sips ? fmt(r.ff / r.sips, 0) : ''} | ${r.fmaxMHz ?? (r.unplaced ? 'does not fit' : '')} | ${fmt(r.macsPerCycle16, 3)} | ${fmt(r.macsPerCycleData, 3)} | ${fmt((1000 * r.macsPerCycleData) / r.lut, 2)} |`), '',
  '## Per tensor', '',
  '| tensor | values | Pw | mean Pa | speedup B=1 | B=2 | B=4 | profiled Pa, B=1 | fc |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...loom.cycles.map((r) => `| ${r.tensor} | ${r.values} | ${r.pw} | ${fmt(r.meanPa)} | ${r.perB.map((x) => fmt(x.speedup)).join(' | ')} | ${fmt(r.perB[0].profiledSpeedup)} | ${fmt(r.fcSpeedup)} |`), '',
].join('\n'));
}

// ---- TensorDash: the greedy schedule on real data (issue: TensorDash; the PE's cost is still to come) ----
if (want('tensordash')) {
const { runTensordashBench, runTensordashCost, PAPER_SPEEDUP } = await import('./tensordash.mjs');
const td = { ...runTensordashBench(), cost: await runTensordashCost() };
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/tensordash.json', JSON.stringify({ ...meta, ...td }, null, 2) + '\n');
const pct = (x) => (100 * x).toFixed(1);
writeFileSync('bench/results/tensordash.md', [
  '# TensorDash: speedup of the greedy schedule on real tensors, one run', '',
  `Command: \`${COMMAND}\` · ${meta.date} · data: ${td.data}`, '',
  `N = ${td.lanes} lanes, lookahead H = ${td.lookahead}, candidates ${td.candidates.map((c) => `(${c.dt},${c.dl >= 0 ? '+' : ''}${c.dl})`).join(' ')}, lanes in order 0…15.`,
  'Each tensor streams as rows of 16 consecutive values; a zero is a pair with no work. Speedup = rows / cycles of the schedule',
  '(src/blocks/tensordash/schedule.ts, the scheduler\'s golden model); ideal = rows / ⌈non-zeros / 16⌉.',
  `The paper reports ${PAPER_SPEEDUP}× for training. The int8 weights are nearly dense; the activations are the data set's float32 ones after ReLU.`, '',
  '| tensor | kind | values | sparsity (%) | cycles | speedup | ideal | speedup / ideal |', '|---|---|---:|---:|---:|---:|---:|---:|',
  ...td.rows.map((r) => `| ${r.tensor} | ${r.kind} | ${r.values} | ${pct(r.sparsity)} | ${r.cycles} | ${r.speedup.toFixed(3)} | ${r.idealSpeedup.toFixed(2)} | ${(r.speedup / r.idealSpeedup).toFixed(2)} |`), '',
  '## Cost: the interconnect and the scheduler against a dense PE, same run', '',
  'Each unit synthesized on its own (Yosys 0.55; ice40 placed and routed by nextpnr on the HX8K, through the pin wrapper when the ports need it; the wrapper\'s cells are not counted).',
  'The dense PE is tensordash.pe with H = 0 and candidates {0:0}: the same 16 Booth multipliers, adder tree, accumulator and handshake, one row per step. int8 operands as in the data, and 16-bit ones to show the trend.',
  'The paper puts its mux + scheduler under 5 % of the PE\'s area. The whole TensorDash PE adds the staging buffer (a ring of 2(H+1) rows of A, B and avail bits, the window read through a rotation) as well.', '',
  '| unit | target | LUT | FF | carry | DSP | Fmax (MHz) |', '|---|---|---:|---:|---:|---:|---:|',
  ...td.cost.rows.map((r) => `| ${r.unit} | ${r.target} | ${r.lut} | ${r.ff} | ${r.carry} | ${r.dsp} | ${r.fmaxMHz ?? r.unplaced ?? ''} |`), '',
  '| operands | target | mux + scheduler LUT | dense PE LUT | mux + scheduler / dense (LUT) | TensorDash PE LUT / dense | TensorDash PE FF / dense |', '|---|---|---:|---:|---:|---:|---:|',
  ...td.cost.fractions.map((f) => `| ${f.bits} bit | ${f.target} | ${f.muxSchedulerLut} | ${f.denseLut} | ${pct(f.lutFraction)} % | ${f.peOverDenseLut.toFixed(2)} | ${f.peOverDenseFf.toFixed(2)} |`), '',
].join('\n'));
}

// ---- APack (issue 10) ----
if (want('apack')) {
const { runApackBench, runApackThroughput, runApackCost, PAPER } = await import('./apack.mjs');
const ap = { ...runApackBench(), throughput: await runApackThroughput(), cost: await runApackCost() };
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/apack.json', JSON.stringify({ ...meta, ...ap }, null, 2) + '\n');
const pc = (x) => (100 * x).toFixed(1);
writeFileSync('bench/results/apack.md', [
  '# APack: compressed size against the entropy bound, deflate and brotli, one run', '',
  `Command: \`${COMMAND}\` · ${meta.date} · Node ${meta.node} · ${meta.cpu} · data: ${ap.data}`, '',
  'APack with its defaults (16 ranges, P = 10, one sub-tensor, two\'s complement codes); sizes are whole files (header, table, streams).',
  'Entropy: the Shannon entropy of the value histogram, the bound for any code of one value at a time. deflate: level 9, memLevel 9; brotli: quality 11, window 24.',
  `Paper: weights to ${pc(PAPER.weights)} %, activations to ${pc(PAPER.activations)} % of their 8-bit size. The data set has no int8 activations: its float32 activations after ReLU, quantized to uint8 per tensor, stand in.`, '',
  `Worst APack / entropy over the ${ap.bigTensors} tensors of ≥ 10^5 values: ${ap.worstBig.toFixed(4)} (target ≤ 1.03).`, '',
  '| kind | tensors | APack / original | APack / entropy | deflate / original | brotli / original |', '|---|---:|---:|---:|---:|---:|',
  ...ap.totals.map((t) => `| ${t.kind} | ${t.tensors} | ${pc(t.apackOverOriginal)} % | ${t.apackOverEntropy.toFixed(4)} | ${pc(t.deflateOverOriginal)} % | ${pc(t.brotliOverOriginal)} % |`), '',
  '| tensor | kind | values | original bits | APack bits | entropy bits | APack / entropy | deflate bits | brotli bits | encode MB/s | decode MB/s |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...ap.rows.map((r) => `| ${r.tensor} | ${r.kind} | ${r.values} | ${r.originalBits} | ${r.apackBits} | ${Math.ceil(r.entropyBits)} | ${r.apackOverEntropy === null ? 'n/a' : r.apackOverEntropy.toFixed(4)} | ${r.deflateBits} | ${r.brotliBits} | ${r.encodeMBs.toFixed(1)} | ${r.decodeMBs.toFixed(1)} |`), '',
  '## The RTL: apack.encoder and apack.decoder', '',
  'Speed in Verilator, steady state (input always valid, output always ready): the first 30000 values of each of three models\' largest int8 tensor, three sub-tensors of 10000 under one table, each a packet (table load, values, finish). The byte ports carry one stream byte per cycle.', '',
  '| block | tensor | values | stream bytes per value | cycles | values per cycle |', '|---|---|---:|---:|---:|---:|',
  ...ap.throughput.map((r) => `| ${r.block} | ${r.tensor} | ${r.values} | ${r.bytesPerValue.toFixed(3)} | ${r.cycles} | ${r.valuesPerCycle.toFixed(3)} |`), '',
  'Cost (Yosys synth_xilinx / synth_ice40, nextpnr-ice40 on the HX8K for Fmax), S = 16 table entries, P = 10:', '',
  '| unit | target | LUT | FF | carry | BRAM | DSP | Fmax |', '|---|---|---:|---:|---:|---:|---:|---:|',
  ...ap.cost.map((r) => `| ${r.unit} | ${r.target} | ${r.lut} | ${r.ff} | ${r.carry} | ${r.bram} | ${r.dsp} | ${r.fmaxMHz ? `${r.fmaxMHz} MHz` : r.unplaced ?? 'n/a'} |`), '',
].join('\n'));
}

// ---- Mokey (issue 11), the software side ----
if (want('mokey')) {
const { runMokeyBench, runMokeyCost, runMokeyCycles } = await import('./mokey.mjs');
const mk = { ...runMokeyBench(), cycles: await runMokeyCycles(), cost: await runMokeyCost() };
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/mokey.json', JSON.stringify({ ...meta, ...mk }, null, 2) + '\n');
const s = mk.summary, d = s.dictionary, db = (x) => x.toFixed(2);
writeFileSync('bench/results/mokey.md', [
  '# Mokey: 4-bit dictionary codes against int4 and MXFP4, one run', '',
  `Command: \`${COMMAND}\` · ${meta.date} · Node ${meta.node} · ${meta.cpu} · data: ${mk.data}`, '',
  `Golden dictionary c_i = A·B^i + C, least squares to the magnitude quantiles of N(0, 1): A = ${d.A.toFixed(6)}, B = ${d.B.toFixed(6)}, C = ${d.C.toFixed(6)}; per tensor × σ around μ. Outliers: |x − μ|/σ > c_7 + ${s.threshold}, kept as 16-bit fixed point.`,
  'int4: per-tensor symmetric, scale max|x|/7, round to nearest. MXFP4: e2m1 elements in blocks of 32 along the last axis with e8m0 scales (the MX golden models).', '',
  `Outliers over all ${s.tensors} weight tensors: ${(100 * s.outlierRate).toFixed(2)} % of the values; ${s.tensorsOver2PercentOutliers} tensors above 2 %.`, '',
  '| | Mokey | int4 | MXFP4 |', '|---|---:|---:|---:|',
  `| mean SQNR over the weight tensors (dB) | ${db(s.meanSqnrDb.mokey)} | ${db(s.meanSqnrDb.int4)} | ${db(s.meanSqnrDb.mxfp4)} |`,
  `| W·x relative error, both operands quantized (${s.dots.pairs} transformer pairs) | ${s.dots.mokey.toFixed(4)} | ${s.dots.int4.toFixed(4)} | ${s.dots.mxfp4.toFixed(4)} |`, '',
  '## The PE: mokey.pe', '',
  'Cost (Yosys synth_xilinx / synth_ice40, nextpnr-ice40 on the HX8K for Fmax). A lane does one 4-bit × 4-bit multiply-accumulate per cycle: the MAC-equivalent.', '',
  '| unit | target | LUT | FF | carry | DSP | Fmax |', '|---|---|---:|---:|---:|---:|---:|',
  ...mk.cost.rows.map((r) => `| ${r.unit} | ${r.target} | ${r.lut} | ${r.ff} | ${r.carry} | ${r.dsp} | ${r.fmaxMHz ? `${r.fmaxMHz} MHz` : r.unplaced ?? 'n/a'} |`), '',
  'Per MAC-equivalent: the 16-lane PE over 16, and the marginal lane ((L=16 − L=1) / 15), next to one MAC:', '',
  '| target | Mokey lane LUT / FF | marginal lane LUT / FF | int.mac 8×8 LUT / FF | minifloat.mac e4m3 LUT / FF | lane / int8 (LUT) | marginal / int8 | marginal / e4m3 |', '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...mk.cost.perLane.map((x) => `| ${x.target} | ${x.lane.lut.toFixed(0)} / ${x.lane.ff.toFixed(0)} | ${x.marginal.lut.toFixed(0)} / ${x.marginal.ff.toFixed(0)} | ${x.int8.lut} / ${x.int8.ff} | ${x.e4m3.lut} / ${x.e4m3.ff} | ${x.laneOverInt8Lut.toFixed(2)} | ${x.marginalOverInt8Lut.toFixed(2)} | ${x.marginalOverE4m3Lut.toFixed(2)} |`), '',
  `Throughput on the ${s.dots.pairs} transformer pairs (every 16th activation row × every weight row; cycle model of params.ts, checked by the steady-state test): a dot product takes max(⌈code pairs / L⌉, outlier pairs, bankCycles) cycles.`, '',
  '| lanes | post-macs | bankCycles | pairs per cycle | lanes busy | outlier pairs |', '|---:|---:|---:|---:|---:|---:|',
  ...mk.cycles.map((r) => `| ${r.lanes} | ${r.postMacs} | ${r.bankCycles} | ${r.pairsPerCycle.toFixed(2)} | ${(100 * r.laneUse).toFixed(1)} % | ${(100 * r.outlierPairs).toFixed(2)} % |`), '',
  '## Quantization per tensor', '',
  '| tensor | values | outliers | Mokey SQNR (dB) | int4 SQNR (dB) | MXFP4 SQNR (dB) |', '|---|---:|---:|---:|---:|---:|',
  ...mk.rows.map((r) => `| ${r.tensor} | ${r.values} | ${(100 * r.outlierRate).toFixed(2)} % | ${db(r.mokeySqnrDb)} | ${db(r.int4SqnrDb)} | ${db(r.mxfp4SqnrDb)} |`), '',
].join('\n'));
}

// ---- INT16 dynamic fixed point (issue: training accelerators) ----
if (want('dfp')) {
const { runDfpAccuracy, runDfpCost } = await import('./dfp.mjs');
const d = { accuracy: runDfpAccuracy(), cost: await runDfpCost() };
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/dfp.json', JSON.stringify({ ...meta, ...d }, null, 2) + '\n');
const a = d.accuracy, db = (x) => x.toFixed(2);
const perMac = (t, key) => { const r = d.cost.find((x) => x.key === key && x.target === t); return r.lut / r.macs; };
writeFileSync('bench/results/dfp.md', [
  '# INT16 dynamic fixed point (dfp.quantize, dfp.fma) against float32 and bf16, one run', '',
  `Command: \`${COMMAND}\` · ${meta.date} · Node ${meta.node} · ${meta.cpu} · data: ${a.data}`, '',
  '## The paper beside bitforge', '',
  '| | Das et al., ICLR 2018 | bitforge |', '|---|---|---|',
  `| accuracy against FP32 | ResNet-50 on ImageNet-1K trained in DFP16: 75.77 % top-1, FP32 75.70 % (same iterations, no hyper-parameter change) | W·x on ${a.pairs} tiny-LLaMA pairs (${a.dots} dots): SQNR ${db(a.sqnrDb.tensor)} dB with per-tensor exponents, ${db(a.sqnrDb.row)} dB per row; a float32 MAC reaches ${db(a.sqnrDb.fp32)} dB, bf16 operands with float32 accumulation ${db(a.sqnrDb.bf16)} dB |`,
  `| speed / cost | 1.8× end-to-end training throughput over FP32 on Knights Mill (INT16 VNNI does twice the FP32 FMA's operations per cycle) | LUT per multiply-accumulate on xc7 without DSPs: dfp.fma ${perMac('xc7-nodsp', 'fma').toFixed(0)}, float32 MAC ${perMac('xc7-nodsp', 'fp32').toFixed(0)} (${(perMac('xc7-nodsp', 'fp32') / perMac('xc7-nodsp', 'fma')).toFixed(2)}×), int.mac 16×16 ${perMac('xc7-nodsp', 'int16').toFixed(0)}; on ice40 ${perMac('ice40', 'fma').toFixed(0)} against ${perMac('ice40', 'fp32').toFixed(0)} (${(perMac('ice40', 'fp32') / perMac('ice40', 'fma')).toFixed(2)}×) |`,
  `| INT32 overflow | partial sums moved out of the accumulator, combined in FP32 | early partials in ${a.overflowDots.tensor} of ${a.dots} dots with per-tensor exponents (${a.partialsPerDot.tensor.toFixed(4)} partials per dot), ${a.overflowDots.row} with per-row exponents (${a.partialsPerDot.row.toFixed(4)}); the largest partial 2^${a.maxAbsPartialLog2.toFixed(1)} |`, '',
  'Accuracy: y = W·x for every weight row and every 16th activation row against float64 of the float32 tensors. DFP16: both operands converted by the dfp.quantize rule (E_s = E_max − 14, RNE, ±32767), the dot through dfp.fma\'s golden model (the RTL is bit-identical: dfp.long.test.ts runs these dots through it), INT32 partials added in float32. float32 MAC: each product and each add rounded to float32. bf16: operands rounded to bf16 (RNE), then the float32 MAC.', '',
  '| | DFP16, per-tensor exponent | DFP16, per-row exponent | float32 MAC | bf16 × bf16 + float32 |', '|---|---:|---:|---:|---:|',
  `| SQNR (dB) | ${db(a.sqnrDb.tensor)} | ${db(a.sqnrDb.row)} | ${db(a.sqnrDb.fp32)} | ${db(a.sqnrDb.bf16)} |`,
  `| relative RMS error | ${a.relRmse.tensor.toExponential(2)} | ${a.relRmse.row.toExponential(2)} | ${a.relRmse.fp32.toExponential(2)} | ${a.relRmse.bf16.toExponential(2)} |`, '',
  '## Cost', '',
  'Yosys synth_xilinx (xc7-nodsp: `-nodsp`, LUTs only) / synth_ice40 (LUTs only); Fmax: the estimate on xc7, nextpnr-ice40 on the HX8K after routing. dfp.fma does two multiply-accumulates per cycle. The float MACs (minifloat.mac, fused: one rounding per step) do not fit the HX8K; their LUT counts are Yosys\'s.', '',
  '| unit | target | LUT | FF | carry | DSP | Fmax (MHz) | LUT per MAC |', '|---|---|---:|---:|---:|---:|---:|---:|',
  ...d.cost.map((r) => `| ${r.unit} | ${r.target} | ${r.lut} | ${r.ff} | ${r.carry} | ${r.dsp} | ${r.fmaxMHz ?? r.unplaced ?? 'n/a'} | ${r.macs ? (r.lut / r.macs).toFixed(0) : ''} |`), '',
].join('\n'));
}

// ---- Gecko / Schrödinger's FP (issue: training accelerators) ----
if (want('gecko')) {
const { runGeckoFootprint, runGeckoCost } = await import('./gecko.mjs');
const g = { footprint: runGeckoFootprint(), cost: await runGeckoCost() };
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/gecko.json', JSON.stringify({ ...meta, ...g }, null, 2) + '\n');
const pct = (x) => `${(100 * x).toFixed(1)} %`, red = (x) => `${(100 * (x - 1)).toFixed(1)} %`;
const at = (kind, group, mantissa) => g.footprint.rows.find((r) => r.kind === kind && r.group === group && r.mantissa === mantissa);
writeFileSync('bench/results/gecko.md', [
  '# Gecko / Schrödinger\'s FP: exponent and total footprint on real float32 tensors, one run', '',
  `Command: \`${COMMAND}\` · ${meta.date} · Node ${meta.node} · ${meta.cpu} · data: ${g.footprint.data}`, '',
  '## The paper beside bitforge', '',
  '| | Schrödinger\'s FP (Gecko) | bitforge (groups of 16) |', '|---|---|---|',
  `| exponent footprint | −58 % (training tensors) | weights: ${[23, 10, 7, 4].map((m) => `m = ${m}: ${red(at('weights', 16, m).exponentRatio)}`).join(', ')}; activations: ${[23, 10, 7, 4].map((m) => `m = ${m}: ${red(at('activations', 16, m).exponentRatio)}`).join(', ')} |`, '',
  'Exponents: headers (13 bits, + log2 G for a stream\'s last group) and w-bit deltas, against 8 bits per value. Total: the whole stream (headers, then 1 + w + m bits per value) against 32 bits per value; the codec of docs/training-accelerators.md, bit-identical to the RTL (gecko.long.test.ts runs these tensors through it). The mantissa length does not change the exponents (truncation never carries).', '',
  '| tensors | G | m | values | exponent bits / 8 | change | stream / float32 | bits per value |', '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...g.footprint.rows.map((r) => `| ${r.kind} (${r.tensors}) | ${r.group} | ${r.mantissa} | ${r.values} | ${pct(r.exponentRatio)} | ${red(r.exponentRatio)} | ${pct(r.totalRatio)} | ${r.bitsPerValue.toFixed(2)} |`), '',
  '## Cost', '',
  'Yosys synth_xilinx / synth_ice40; Fmax: the estimate on xc7, nextpnr-ice40 on the HX8K after routing. Both units take or give one value per cycle.', '',
  '| unit | target | LUT | FF | carry | Fmax (MHz) |', '|---|---|---:|---:|---:|---:|',
  ...g.cost.map((r) => `| ${r.unit} | ${r.target} | ${r.lut} | ${r.ff} | ${r.carry} | ${r.fmaxMHz ?? r.unplaced ?? 'n/a'} |`), '',
].join('\n'));
}

// ---- GOBO (issue: training accelerators) ----
if (want('gobo')) {
const { runGoboAccuracy, runGoboCost } = await import('./gobo.mjs');
const g = { accuracy: runGoboAccuracy(), cost: await runGoboCost() };
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/gobo.json', JSON.stringify({ ...meta, ...g }, null, 2) + '\n');
const a = g.accuracy;
writeFileSync('bench/results/gobo.md', [
  '# GOBO: 3-bit dictionary weights with fp32 outliers on the tiny-LLaMA, one run', '',
  `Command: \`${COMMAND}\` · ${meta.date} · Node ${meta.node} · ${meta.cpu} · data: ${a.data}`, '',
  '## The paper beside bitforge', '',
  '| | GOBO (MICRO 2020, BERT) | bitforge (stories260K) |', '|---|---|---|',
  `| outliers | about 0.1 % of the weights | ${(100 * a.outlierShare).toFixed(3)} % over ${a.layers} layers (${a.weights} weights) |`,
  `| compression against fp32 | about 10× (3-bit indexes, fp32 outliers) | ${a.compression.toFixed(2)}× (3 bits per weight, 8 fp32 centroids per layer, 64 bits per outlier) |`,
  `| accuracy | within 1 % of the fp32 model | W·x relative error ${a.dotRelErr.gobo.toFixed(4)} on ${a.pairs} transformer pairs; int3 ${a.dotRelErr.int3.toFixed(4)}, int4 ${a.dotRelErr.int4.toFixed(4)} (per-tensor symmetric) |`, '',
  'The quantizer is docs/training-accelerators.md\'s (outliers of log density below −4, GOBO\'s L1 centroid selection); W·x: every weight row against every 16th activation row, activations float32, against float64 of the float32 tensors. The tiny-LLaMA\'s layers are small (4,096 to 11,008 weights) and heavier-tailed than BERT\'s, so the −4 threshold marks more of them.', '',
  '| layer | weights | outliers | compression | SQNR (dB) | rounds |', '|---|---:|---:|---:|---:|---:|',
  ...a.rows.map((r) => `| ${r.layer} | ${r.weights} | ${(100 * r.outlierShare).toFixed(3)} % | ${r.compression.toFixed(2)}× | ${r.sqnrDb.toFixed(2)} | ${r.rounds} |`), '',
  '## Cost of the decoder and the PE', '',
  'Yosys synth_xilinx / synth_ice40; Fmax: the estimate on xc7, nextpnr-ice40 on the HX8K after routing. The decoder sends L values per cycle; the PE takes L lanes per cycle and 9 cycles per dot product after its last beat.', '',
  '| unit | target | LUT | FF | Fmax (MHz) |', '|---|---|---:|---:|---:|',
  ...g.cost.map((r) => `| ${r.unit} | ${r.target} | ${r.lut} | ${r.ff} | ${r.fmaxMHz ?? r.unplaced ?? 'n/a'} |`), '',
].join('\n'));
}

// ---- FPRaker (issue: training accelerators) ----
if (want('fpraker')) {
const { runFprakerCycles, runFprakerCost } = await import('./fpraker.mjs');
const f = { cycles: runFprakerCycles(8, 32), windows: [16, 24].map((w) => runFprakerCycles(8, w)), cost: await runFprakerCost() };
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model };
mkdirSync('bench/results', { recursive: true });
const c = f.cycles, lut = (t, k) => f.cost.find((r) => r.target === t && r.key === k).lut;
const iso = Object.fromEntries(['xc7-nodsp', 'ice40'].map((t) => [t, (lut(t, 'parallel') / lut(t, 'fpraker')) / c.cyclesPerGroup]));
const fmax = (t, k) => f.cost.find((r) => r.target === t && r.key === k).fmaxMHz;
const isoTime = iso['xc7-nodsp'] * fmax('xc7-nodsp', 'fpraker') / fmax('xc7-nodsp', 'parallel');
writeFileSync('bench/results/fpraker.json', JSON.stringify({ ...meta, ...f, isoAreaSpeedup: iso }, null, 2) + '\n');
writeFileSync('bench/results/fpraker.md', [
  '# FPRaker: term-serial bf16 PE against a bit-parallel one, one run', '',
  `Command: \`${COMMAND}\` · ${meta.date} · Node ${meta.node} · ${meta.cpu} · data: ${c.data}`, '',
  '## The paper beside bitforge', '',
  '| | FPRaker (MICRO 2021) | bitforge |', '|---|---|---|',
  `| speedup over a bit-parallel bf16 baseline | 1.5× on average over training workloads, at iso-area (more term-serial PEs fit where one bit-parallel PE does) | one PE takes ${c.cyclesPerGroup.toFixed(2)} cycles per group of ${c.lanes} pairs where a bit-parallel PE takes 1; with the LUTs of each, iso-area speedup per cycle ${iso['xc7-nodsp'].toFixed(2)}× on xc7 (no DSPs), ${iso.ice40.toFixed(2)}× on ice40; at each unit\'s xc7 Fmax estimate (both unpipelined: ${fmax('xc7-nodsp', 'fpraker')} and ${fmax('xc7-nodsp', 'parallel')} MHz) ${isoTime.toFixed(2)}× (inference tensors of the tiny-LLaMA, not training) |`,
  `| where the cycles go | term sparsity of bf16 significands, out-of-bounds terms skipped | NAF terms per nonzero a: ${c.nafTermsPerA.toFixed(2)} (set bits: ${c.onesPerA.toFixed(2)}); zero pairs ${(100 * c.zeroShare).toFixed(2)} %; terms skipped ${(100 * c.skippedShare).toFixed(3)} % |`, '',
  'Cycles: fpraker.pe\'s golden model (cycle-exact: the RTL reports the same counts, fpraker.long.test.ts); a group takes max(1, the most unskipped terms in a lane). Error against the exact dot of the bf16 operands: FPRaker (W = 32 window, one float32 rounding) ' + c.sqnrDb.fpraker.toFixed(2) + ' dB SQNR, a bf16 MAC array with float32 accumulation ' + c.sqnrDb.mac.toFixed(2) + ' dB.', '',
  'A narrower window skips more terms (and loses more bits):', '',
  '| W | cycles per group | terms skipped | SQNR (dB) |', '|---:|---:|---:|---:|',
  ...[c, ...f.windows].map((x) => `| ${x.accBits} | ${x.cyclesPerGroup.toFixed(3)} | ${(100 * x.skippedShare).toFixed(3)} % | ${x.sqnrDb.fpraker.toFixed(2)} |`), '',
  '## Cost', '',
  'Yosys synth_xilinx -nodsp / synth_ice40; Fmax: the estimate on xc7, nextpnr-ice40 on the HX8K after routing.', '',
  '| unit | target | LUT | FF | carry | Fmax (MHz) |', '|---|---|---:|---:|---:|---:|',
  ...f.cost.map((r) => `| ${r.unit} | ${r.target} | ${r.lut} | ${r.ff} | ${r.carry} | ${r.fmaxMHz ?? r.unplaced ?? 'n/a'} |`), '',
].join('\n'));
}

// ---- TypeScript simulator vs Verilator (issue: netlist IR and TS simulator) ----
if (want('ts-sim')) {
const { runTsSimBench } = await import('./ts-sim.mjs');
const rows = await runTsSimBench();
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model };
writeFileSync('bench/results/ts-sim.json', JSON.stringify({ ...meta, rows }, null, 2) + '\n');
writeFileSync('bench/results/ts-sim.md', [
  '# TypeScript simulator vs in-process Verilator, end to end, one run', '',
  `Command: \`${COMMAND}\` · ${meta.date} · Node ${meta.node} · ${meta.cpu}`, '',
  '`simulate()` end to end: elaboration, stimulus, golden model, simulation and comparison of every output. Verilator cold: empty build cache, no ccache (the C++ build is in the time); cached: the same run again. A ratio below 1 means the TypeScript simulator finished sooner.', '',
  '| block | vectors | TS sim (s) | Verilator cold (s) | Verilator cached (s) | TS / cold | TS / cached |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.block} | ${r.vectors} | ${r.tsSeconds.toFixed(2)} | ${r.verilatorColdSeconds.toFixed(2)} | ${r.verilatorCachedSeconds.toFixed(2)} | ${(r.tsSeconds / r.verilatorColdSeconds).toFixed(2)} | ${(r.tsSeconds / r.verilatorCachedSeconds).toFixed(2)} |`),
  '',
].join('\n'));
}

// ---- IR passes (issue: netlist IR and passes) ----
if (want('passes')) {
const { runPassesBench } = await import('./passes.mjs');
const rows = await runPassesBench();
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model };
writeFileSync('bench/results/passes.json', JSON.stringify({ ...meta, rows }, null, 2) + '\n');
const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
writeFileSync('bench/results/passes.md', [
  '# IR passes: constant folding + dead-logic removal on the catalogue at its defaults, one run', '',
  `Command: \`${COMMAND}\` · ${meta.date} · Node ${meta.node} · ${meta.cpu}`, '',
  'Operator nodes of the IR, bytes of emitted Verilog, and Yosys 0.55 (WebAssembly) `synth_ecp5` LUT4s and flip-flops, before and after the passes.', '',
  '| block | nodes before | after | Verilog bytes before | after | LUTs before | after | FFs before | after |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.block} | ${r.nodesBefore} | ${r.nodesAfter} | ${r.bytesBefore} | ${r.bytesAfter} | ${r.lutBefore} | ${r.lutAfter} | ${r.ffBefore} | ${r.ffAfter} |`),
  `| **total** | ${sum('nodesBefore')} | ${sum('nodesAfter')} | ${sum('bytesBefore')} | ${sum('bytesAfter')} | ${sum('lutBefore')} | ${sum('lutAfter')} | ${sum('ffBefore')} | ${sum('ffAfter')} |`,
  '',
].join('\n'));
}

// ---- timing estimate vs nextpnr (issue: timing and --fmax) ----
if (want('timing')) {
const { runTimingBench } = await import('./timing.mjs');
const { rows, summary } = await runTimingBench();
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model };
writeFileSync('bench/results/timing.json', JSON.stringify({ ...meta, summary, rows }, null, 2) + '\n');
const f = (x) => x.toFixed(3);
writeFileSync('bench/results/timing.md', [
  '# Timing: the pre-route estimate against nextpnr-ice40 after routing, one run', '',
  `Command: \`${COMMAND}\` · ${meta.date} · Node ${meta.node} · ${meta.cpu}`, '',
  'Estimate: src/synth/sta.ts over Yosys\'s netlist (synth_ice40, the registered wrapper, as nextpnr sees it) with the iCE40 HX cell delays',
  `and routing of ${summary.shippedRoute.base} ns + ${summary.shippedRoute.perLog2Fanout} ns · log2(fanout) per net. nextpnr-ice40: HX8K ct256, seed 1.`,
  'Ratio = estimated Fmax / nextpnr Fmax (below 1: the estimate is pessimistic). The routing constants were fitted on the rows marked "fit";',
  `a fresh fit in this run gives ${summary.fittedRoute.base} + ${summary.fittedRoute.perLog2Fanout} · log2(fanout).`, '',
  `**${summary.designs} placed designs: median ratio ${f(summary.medianRatio)}, worst ${f(summary.worstRatio)}; held out only: median ${f(summary.medianHeldOut)}, worst ${f(summary.worstHeldOut)}; median |error| ${summary.medianAbsErrorPct.toFixed(1)} %.**`, '',
  '| block | params | set | nextpnr MHz | estimate MHz | ratio | logic levels | from | to | logic cells |',
  '|---|---|---|---:|---:|---:|---:|---|---|---:|',
  ...rows.map((r) => `| ${r.block} | ${JSON.stringify(r.params)} | ${r.set} | ${r.nextpnrMHz} | ${r.estimateMHz} | ${f(r.ratio)} | ${r.logicLevels} | ${r.from} | ${r.to} | ${r.logicCells} |`), '',
].join('\n'));
}

// ---- --fmax: latency and cost against frequency (issue: timing and --fmax) ----
/** The IR model's estimate of each placed --fmax design against nextpnr after routing: what the derating must cover. */
function modelError(rows, derate) {
  const ratios = rows.filter((r) => r.modelMHz && r.fmaxMHz).map((r) => r.modelMHz / r.fmaxMHz).sort((a, b) => a - b);
  if (!ratios.length) return '';
  const median = ratios[Math.floor(ratios.length / 2)];
  return `The IR model's estimate / nextpnr on those ${ratios.length} designs: median ${median.toFixed(3)}, from ${ratios[0].toFixed(3)} to ${ratios.at(-1).toFixed(3)} (above 1: the model is optimistic; its derating leaves 1 / (1 − ${derate}) = ${(1 / (1 - derate)).toFixed(2)}).`;
}
/** Missed the request, but the model's feedback-loop bound is below it: no pipelining passes that. */
const loopBound = (r) => r.met === false && r.loopMHz !== null && r.loopMHz < r.asked;
const metCell = (r) => (r.met === null ? '' : r.unplaced ? '**no** (does not fit)' : r.met ? 'yes' : loopBound(r) ? 'loop-bound' : '**no**');
if (want('fmax')) {
const { runFmaxBench, FMAX_DESIGNS } = await import('./timing.mjs');
const { TIMING_MODELS } = await import('../dist/synth/timing-model.js');
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model };
// FMAX_ONLY=a,b re-measures those blocks and keeps every other row of the last run (said in the header).
const only = process.env.FMAX_ONLY ? process.env.FMAX_ONLY.split(',') : null;
const { readFileSync: readJson } = await import('node:fs');
const earlier = only ? JSON.parse(readJson('bench/results/fmax.json', 'utf8')) : null;
if (earlier) meta.remeasured = `${only.join(', ')} re-measured on ${meta.date} (\`FMAX_ONLY=${only.join(',')} ${COMMAND}\`); the other rows are from ${earlier.remeasuredFrom ?? earlier.date}`;
if (earlier) { meta.remeasuredFrom = earlier.remeasuredFrom ?? earlier.date; meta.command = earlier.command; }
// Written after every row, so that a long run interrupted still leaves what it measured.
const write = (fresh, done) => {
  const mine = fresh.filter(Boolean);
  const order = (r) => FMAX_DESIGNS.findIndex(([n]) => n === r.block);
  const got = earlier ? [...earlier.rows.filter((r) => !only.includes(r.block)), ...mine].map((r, i) => [r, i]).sort(([a, i], [b, j]) => order(a) - order(b) || i - j).map(([r]) => r) : mine;
  writeFileSync('bench/results/fmax.json', JSON.stringify({ ...meta, complete: done, rows: got }, null, 2) + '\n');
  const ice = got.filter((r) => r.how.startsWith('--fmax') && r.target === 'ice40' && r.source === 'nextpnr');
  const xc7 = got.filter((r) => r.target === 'xc7');
  writeFileSync('bench/results/fmax.md', [
    '# --fmax: latency, LUTs and flip-flops against frequency, one run', '',
    `Command: \`${meta.command}\` · ${meta.remeasuredFrom ?? meta.date} · Node ${meta.node} · ${meta.cpu}${done ? '' : ` · **partial: ${got.length} rows so far**`}`, '',
    ...(meta.remeasured ? [`Rows of ${meta.remeasured}.`, ''] : []),
    'ice40: nextpnr-ice40 after routing (HX8K, seed 1, the registered wrapper). xc7: the pre-route estimate (no place and route). "none": the block\'s',
    'combinational form (its own stages off); "hand-set": its default --stages; --fmax F: pipelined by the IR pass for F MHz. Latency in cycles, in_valid → out_valid.',
    'Model MHz: the IR model\'s estimate of the pipelined design; below the frequency asked for, a feedback loop or a single operator bounds it.',
    'Loop MHz: the feedback-loop bound by the model (no pipelining passes it). Chose: the stages of its own --fmax chose, for blocks that have them.',
    'Closure: where the model\'s first design missed, the margins timing closure tried (src/synth/closure.ts) and what each reached; the row is the first that met, else the fastest.',
    'BRAM: block RAMs (ice40: SB_RAM40_4K); on ice40, --fmax carries long pipeline register chains in them (src/ir/passes/delay-ram.ts).',
    `ice40: ${ice.filter((r) => r.met).length} of ${ice.length} placed --fmax designs reach the frequency asked for, ${ice.filter(loopBound).length} more have a feedback loop below it by the model; xc7 --fmax 250: ${xc7.filter((r) => r.met).length} of ${xc7.length}, ${xc7.filter(loopBound).length} more loop-bound.`,
    modelError(ice, TIMING_MODELS.ice40.fabric.derate), '',
    '| block | params | pipelining | target | Fmax (MHz) | source | latency | LUT | FF | BRAM | model MHz | loop MHz | chose | closure | met |',
    '|---|---|---|---|---:|---|---:|---:|---:|---:|---:|---:|---|---|---|',
    ...got.map((r) => `| ${r.block} | ${JSON.stringify(r.params)} | ${r.how} | ${r.target} | ${r.fmaxMHz ?? ''} | ${r.unplaced ? 'does not fit' : r.source} | ${r.latency} | ${r.lut} | ${r.ff} | ${r.bram ?? ''} | ${r.modelMHz ?? ''} | ${r.loopMHz ?? ''} | ${r.chose ? JSON.stringify(r.chose) : ''} | ${r.closure ?? ''} | ${metCell(r)} |`), '',
  ].join('\n'));
};
write(await runFmaxBench((rows) => write(rows, false), only), true);
}

// ---- formal equivalence (issue: bitforge equiv) ----
if (want('equiv')) {
const { existsSync, readFileSync } = await import('node:fs');
const { runEquivBench, keptCount } = await import('./equiv.mjs');
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model };
// EQUIV_RESUME=1: keep the rows an interrupted run wrote, measure the rest.
const previous = process.env.EQUIV_RESUME && existsSync('bench/results/equiv.json') ? JSON.parse(readFileSync('bench/results/equiv.json', 'utf8')).rows : [];
const write = (all, done) => {
  const rows = all.filter(Boolean);
  writeFileSync('bench/results/equiv.json', JSON.stringify({ ...meta, complete: done, rows }, null, 2) + '\n');
  const count = (re) => rows.filter((r) => re.test(r.verdict)).length;
  writeFileSync('bench/results/equiv.md', [
    '# Formal equivalence: every catalogue block against a variant of itself, one run', '',
    `Command: \`${COMMAND}\`${previous.length ? ` (EQUIV_RESUME=1: ${keptCount(previous)} rows kept from the run before, the others measured in this one)` : ''} · ${meta.date} · Node ${meta.node} · ${meta.cpu} · 2 proofs at a time${done ? '' : ` · **partial: ${rows.length} rows so far**`}`, '',
    'The pinned WebAssembly Yosys 0.55. Variants that keep their registers (same ports and timing: --passes, a multiplier or search choice) are first proved structurally (src/equiv/structural.ts), in at most a third of the limit:',
    'signals of the same name paired (equiv_make; the emitter\'s numbered temporaries too, then left out on a second try), every pair equal in the first cycle (SAT), each pair proved from the cycle before (equiv_simple) or by induction over all pairs (equiv_induct).',
    'Otherwise, or where that does not close: a Verilog miter of both designs (src/equiv/miter.ts), flattened, then `sat`. Combinational pairs: one SAT problem over all inputs.',
    'Sequential pairs: temporal induction from the miter\'s reset (registers 0, the reset input high in the first cycle), the induction length growing to 16 cycles past the pipelines\' fill;',
    'a bounded result is tried again after ABC `scorr` (register correspondence) in the time left; where neither closes, the base case still covers every input sequence of 16 cycles',
    '("bounded": not a proof beyond that). Fixed-latency pairs are aligned by delaying the shorter one; data outputs are compared where out_valid is 1.',
    'Time limit per proof in the last column: past it, "unknown", never "proved". Passes: const-fold,dce on the IR of the variant. --fmax: the IR pipelining pass for that target.',
    `${count(/^proved/)} proved, ${count(/^bounded/)} bounded, ${count(/^unknown/)} unknown, ${count(/^DIFFERENT/)} different, of ${rows.length}.`, '',
    '| block | params | variant | alignment | verdict | time (s) | limit (s) |',
    '|---|---|---|---|---|---:|---:|',
    ...rows.map((r) => `| ${r.block} | ${JSON.stringify(r.params)} | ${r.variant} | ${r.alignment} | ${r.verdict} | ${r.seconds} | ${r.timeoutS ?? 600} |`), '',
  ].join('\n'));
};
const { rows } = await runEquivBench(previous, (rs) => write(rs, false));
write(rows, true);
}

// ---- sweeps across machines (issue: BullMQ sweeps) ----
if (want('distributed')) {
const { runDistributedBench, WORKERS } = await import('./distributed.mjs');
const rows = await runDistributedBench();
const meta = { command: COMMAND, date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, cores: cpus().length };
writeFileSync('bench/results/distributed.json', JSON.stringify({ ...meta, rows }, null, 2) + '\n');
writeFileSync('bench/results/distributed.md', [
  '# Sweeps through the queue (BullMQ on Redis) against the local pool, one run', '',
  `Command: \`${COMMAND}\` · ${meta.date} · Node ${meta.node} · ${meta.cpu} · ${meta.cores} cores · a private redis-server on localhost, every run cold (empty caches, empty Redis)`, '',
  'Local: `bitforge sweep SPEC --jobs 2`. Queue: `bitforge sweep SPEC --queue URL` with N `bitforge worker --queue URL --jobs 1` processes on this machine.',
  'Difference per job: (queue with 2 workers − local with 2 jobs) / configurations, at the same parallelism (negative: the queue was faster; each worker is a process of its own with its own tool processes, the local pool one process).',
  'The queue alone: a sweep whose every job a worker answers from its cache (2 workers, started beforehand), per configuration: enqueue, a worker taking the job, the report through Redis, the sweep\'s poll every 0.5 s, and the sweep\'s own start, elaboration and report; beside it the local sweep with every report in its cache.',
  'On 2 cores, 4 workers cannot be faster than 2: that row shows what over-subscribing costs; more machines add cores.', '',
  `| sweep | configurations | local, 2 jobs (s) | ${WORKERS.map((n) => `queue, ${n} worker${n > 1 ? 's' : ''} (s)`).join(' | ')} | queue 2 / local 2 | difference per job (ms) | all known: local (ms/job) | all known: queue (ms/job) |`,
  `|---|---:|---:|${WORKERS.map(() => '---:').join('|')}|---:|---:|---:|---:|`,
  ...rows.map((r) => `| ${r.spec} | ${r.configurations} | ${r.localSeconds.toFixed(1)} | ${WORKERS.map((n) => r.queue[n].toFixed(1)).join(' | ')} | ${(r.queue[2] / r.localSeconds).toFixed(2)} | ${r.overheadMsPerJob.toFixed(0)} | ${r.localWarmMsPerJob.toFixed(0)} | ${r.queueWarmMsPerJob.toFixed(0)} |`), '',
].join('\n'));
}
