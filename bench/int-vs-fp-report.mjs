// bench/results/int-vs-fp.md from runIntVsFp(): the table of formats, then each paper's claim with the
// numbers that decide it and whether bitforge's measurements agree.

const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : String(x));
const f4 = (x) => (Number.isFinite(x) ? x.toFixed(4) : String(x));
const label = (r) => `${r.name}${r.rotate === 'hadamard' ? ' + Hadamard' : ''}`;
// Rows are found by name and rotation; a dot row is the unrotated one of the same name.

export function writeIntVsFp({ rows, variants, cost, measured = {} }, command) {
  if (!cost) return accuracyOnly(rows, variants, command);
  const find = (name, rotate = 'none') => rows.find((r) => r.name === name && r.rotate === rotate);
  const lut = (r, unit, t) => r?.cost[`${unit}:${t}`]?.lut;
  /** quantizer + dot LUTs (the dot of the unrotated row: a rotation changes only the quantizer); undefined when one was not synthesized. */
  const pairLut = (r, t) => { const q = lut(r, 'quantize', t), d = lut(find(r.name), 'dot', t); return q === undefined || d === undefined ? undefined : q + d; };
  const n = (x) => (x === undefined ? '—' : String(x));
  const summed = (r) => (r.cost['quantize:xc7']?.summed ? '≈' : '');
  const h16 = measured.hadamard16, whole = measured.nvint4Rotated;
  const yosys = rows.flatMap((r) => Object.values(r.cost)).find((c) => c.yosys)?.yosys ?? '?';
  const out = [
    '# INT vs FP block formats: accuracy on real tensors beside hardware cost', '',
    `Command: \`${command}\` · ${new Date().toISOString()} · Yosys ${yosys} · targets xc7 (LUT6, DSP48) and ice40 (LUT4)`, '',
    'Accuracy: every weight tensor of ../shared/data/weights quantized to the format (blocks along the last axis,',
    'its own tensor scale with ue scales) and back: SQNR over all weights; the same for the activations of the',
    'weight × activation pairs; ‖y_q − y‖ / ‖y‖ of y = W·x with both operands quantized, exact block dots summed',
    'exactly and rounded once (every 16th activation row). All through the golden models (numerics/blockfmt.ts).',
    'Hadamard: each block rotated by 2^−⌈log2 k/2⌉·H_k before quantizing and back after (formats.md §8).',
    'Cost: blockfmt.quantize and blockfmt.dot at their default registers, synthesized. The exact fp32 rotation (hadamard.transform',
    `--n 16 --in fp32, one pipeline stage) alone is ${h16 ? `${h16.lut} LUT, ${h16.carry} CARRY4, ${h16.ff} FF on xc7` : 'not measured'}: it fits no iCE40, and at k = 32 it`,
    'was not synthesized (about 2.5× larger; Yosys takes over 20 minutes at 16). A rotated row\'s quantizer on xc7 is the rotation',
    `plus its own quantizer (≈); NVINT4's rotated quantizer synthesized whole is ${whole ? `${whole.lut} LUT` : 'not measured'} against the sum ${h16 && find('NVINT4').cost['quantize:xc7'] ? h16.lut + find('NVINT4').cost['quantize:xc7'].lut : '—'}.`, '',
    '| format | W SQNR (dB) | x SQNR (dB) | W·x rel. err | bias | quantize LUT xc7 / ice40 | dot LUT xc7 / ice40 | dot DSP xc7 | quantize+dot LUT xc7 / ice40 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => {
      const d = find(r.name);
      return `| ${label(r)} | ${f2(r.sqnrDb)} | ${f2(r.actSqnrDb)} | ${f4(r.dotRelErr)} | ${r.bias.toExponential(1)} | ${summed(r)}${n(lut(r, 'quantize', 'xc7'))} / ${n(lut(r, 'quantize', 'ice40'))} | ${n(lut(d, 'dot', 'xc7'))} / ${n(lut(d, 'dot', 'ice40'))} | ${d.cost['dot:xc7']?.dsp ?? 0} | ${summed(r)}${n(pairLut(r, 'xc7'))} / ${n(pairLut(r, 'ice40'))} |`;
    }),
    '', 'Accuracy-only variants (the hardware is the row of the same format with another option):', '',
    '| variant | W SQNR (dB) | x SQNR (dB) | W·x rel. err | bias (mean error / RMS) |', '|---|---:|---:|---:|---:|',
    ...variants.map((v) => `| ${v.name} | ${f2(v.sqnrDb)} | ${f2(v.actSqnrDb)} | ${f4(v.dotRelErr)} | ${v.bias.toExponential(2)} |`),
    '',
  ];

  // ---- the claims ----
  const mxint8 = find('MXINT8'), e4m3 = find('MXFP8 (e4m3)'), e5m2 = find('MXFP8 (e5m2)');
  const mxfp4 = find('MXFP4'), mxint4 = find('MXINT4'), nvfp4 = find('NVFP4'), nvint4 = find('NVINT4');
  const nvint4H = find('NVINT4', 'hadamard'), nvfp4H = find('NVFP4', 'hadamard'), mxint4H = find('MXINT4', 'hadamard'), mxfp4H = find('MXFP4', 'hadamard');
  const e8 = find('e2m1, k 16, e8m0'), ue5 = find('e2m1, k 16, UE5M3'), i8 = find('int4, k 16, e8m0'), iue5 = find('int4, k 16, UE5M3');
  const ue5n = find('e2m1, k 16, UE5M3, no S_t'), ue4n = find('e2m1, k 16, ue4m3, no S_t'), iue5n = find('int4, k 16, UE5M3, no S_t');
  const sr = variants.find((v) => v.round === 'stochastic'), mxFull = variants.find((v) => v.name.startsWith('MXINT4, full')), nvFull = variants.find((v) => v.name.startsWith('NVINT4, full'));
  const yes = (c) => (c ? '**agrees**' : '**disagrees**');
  const claims = [];
  {
    const acc = mxint8.sqnrDb > e4m3.sqnrDb && mxint8.sqnrDb > e5m2.sqnrDb && mxint8.dotRelErr < Math.min(e4m3.dotRelErr, e5m2.dotRelErr);
    const hw = ['xc7', 'ice40'].every((t) => pairLut(mxint8, t) < Math.min(pairLut(e4m3, t), pairLut(e5m2, t)));
    claims.push(['INT v.s. FP (2025)', 'At 8 bits, block 32, MXINT8 beats MXFP8 in accuracy', `W SQNR ${f2(mxint8.sqnrDb)} vs ${f2(e4m3.sqnrDb)} (e4m3) / ${f2(e5m2.sqnrDb)} (e5m2) dB; W·x ${f4(mxint8.dotRelErr)} vs ${f4(e4m3.dotRelErr)} / ${f4(e5m2.dotRelErr)}`, yes(acc)]);
    claims.push(['INT v.s. FP (2025)', '… and in hardware efficiency', `quantize+dot LUT xc7 ${pairLut(mxint8, 'xc7')} vs ${pairLut(e4m3, 'xc7')} / ${pairLut(e5m2, 'xc7')}; ice40 ${pairLut(mxint8, 'ice40')} vs ${pairLut(e4m3, 'ice40')} / ${pairLut(e5m2, 'ice40')}`, yes(hw)]);
  }
  {
    const fpWins = [mxfp4.sqnrDb > mxint4.sqnrDb, nvfp4.sqnrDb > nvint4.sqnrDb, mxfp4.dotRelErr < mxint4.dotRelErr, nvfp4.dotRelErr < nvint4.dotRelErr];
    claims.push(['INT v.s. FP (2025)', 'At 4 bits FP (MXFP4, NVFP4) usually wins on accuracy', `W SQNR MXFP4 ${f2(mxfp4.sqnrDb)} vs MXINT4 ${f2(mxint4.sqnrDb)}, NVFP4 ${f2(nvfp4.sqnrDb)} vs NVINT4 ${f2(nvint4.sqnrDb)} dB; W·x ${f4(mxfp4.dotRelErr)} vs ${f4(mxint4.dotRelErr)}, ${f4(nvfp4.dotRelErr)} vs ${f4(nvint4.dotRelErr)} (FP better in ${fpWins.filter(Boolean).length} of 4)`, yes(fpWins.filter(Boolean).length >= 3)]);
  }
  {
    const wins = nvint4H.sqnrDb > nvfp4.sqnrDb && nvint4H.dotRelErr < nvfp4.dotRelErr;
    claims.push(['INT v.s. FP (2025)', 'NVINT4 can beat NVFP4 once a Hadamard rotation tames outliers', `NVINT4 + H: W ${f2(nvint4H.sqnrDb)} dB, W·x ${f4(nvint4H.dotRelErr)}; NVFP4: ${f2(nvfp4.sqnrDb)} dB, ${f4(nvfp4.dotRelErr)}; NVFP4 + H: ${f2(nvfp4H.sqnrDb)} dB, ${f4(nvfp4H.dotRelErr)}; MXINT4 + H ${f2(mxint4H.sqnrDb)} vs MXFP4 + H ${f2(mxfp4H.sqnrDb)} dB`, yes(wins)]);
  }
  {
    claims.push(['INT v.s. FP (2025)', 'Symmetric clipping fixes INT\'s bias', `mean error / RMS: MXINT4 symmetric ${mxint4.bias.toExponential(2)} vs full ${mxFull.bias.toExponential(2)}; NVINT4 ${nvint4.bias.toExponential(3)} vs ${nvFull.bias.toExponential(3)}`, `${yes(Math.abs(mxint4.bias) < Math.abs(mxFull.bias))} for MXINT4; NVINT4's ue scale maps the max to about 7, so −8 is almost never used`]);
  }
  {
    // UE5M3's point: e8m0's range with ue4m3's precision, so no tensor scale is needed.
    const beatsE8 = ue5n.sqnrDb > e8.sqnrDb && iue5n.sqnrDb > i8.sqnrDb;
    const matchesNv = Math.abs(ue5n.sqnrDb - nvfp4.sqnrDb) < 0.5;
    const cost = `quantize LUT xc7: e8m0 ${lut(e8, 'quantize', 'xc7')}, ue4m3 + S_t ${lut(nvfp4, 'quantize', 'xc7')}, ue5m3 without S_t ${lut(ue5n, 'quantize', 'xc7')}`;
    claims.push(['FP4 training (2025)', 'UE5M3 is a good compromise as a scale format', `e2m1 k 16 W SQNR: e8m0 ${f2(e8.sqnrDb)}; ue4m3 + S_t (NVFP4) ${f2(nvfp4.sqnrDb)}, without S_t ${f2(ue4n.sqnrDb)}; ue5m3 + S_t ${f2(ue5.sqnrDb)}, without ${f2(ue5n.sqnrDb)} dB. int4: e8m0 ${f2(i8.sqnrDb)}, ue4m3 + S_t ${f2(nvint4.sqnrDb)}, ue5m3 + S_t ${f2(iue5.sqnrDb)}, without ${f2(iue5n.sqnrDb)}; ${cost}`, `${yes(beatsE8 && matchesNv)} (without a tensor scale UE5M3 ${beatsE8 ? 'beats' : 'does not beat'} e8m0 and is ${matchesNv ? 'within 0.5 dB of' : 'more than 0.5 dB from'} ue4m3 with one)`]);
  }
  {
    const nvPair = pairLut(nvint4, 'xc7');
    claims.push(['FP4 training (2025)', 'Hadamard, tensor scaling and stochastic rounding: best accuracy per overhead', `Hadamard on NVINT4: ${f2(nvint4H.sqnrDb - nvint4.sqnrDb)} dB (W·x error ${f4(nvint4.dotRelErr)} → ${f4(nvint4H.dotRelErr)}) for +${h16?.lut} LUT on xc7 over its quantizer + dot's ${nvPair} (exact fp32 butterflies, one rounding per output); on MXFP4 ${f2(mxfp4H.sqnrDb - mxfp4.sqnrDb)} dB; tensor scaling: NVFP4 ${f2(nvfp4.sqnrDb)} vs ue4m3 without S_t ${f2(ue4n.sqnrDb)} dB; stochastic rounding: bias ${sr.bias.toExponential(2)} vs rne ${mxfp4.bias.toExponential(2)} at ${f2(sr.sqnrDb)} vs ${f2(mxfp4.sqnrDb)} dB (unbiased, noisier: the training claim is about gradients, which static weights cannot show)`, `**disagrees on overhead** for the exact rotation: it buys ${f2(nvint4H.sqnrDb - nvint4.sqnrDb)} dB at ${nvPair ? (h16.lut / nvPair).toFixed(0) : '?'}× the LUTs of the unit it serves (the paper's rotation is in a GPU's fp32 pipeline, not exact); SR is unbiased as claimed`],);
  }
  {
    // Pareto over (quantize+dot LUT on xc7, W·x error) among the unrotated formats.
    const pts = rows.filter((r) => r.rotate === 'none').map((r) => ({ r, c: pairLut(r, 'xc7'), e: r.dotRelErr }));
    const front = pts.filter((p) => !pts.some((q) => q !== p && q.c <= p.c && q.e <= p.e && (q.c < p.c || q.e < p.e)));
    const ints = front.filter((p) => p.r.elem.startsWith('int'));
    claims.push(['PTQ with minifloats and integers on FPGAs (2023)', 'Integers are often the Pareto-optimal choice once FPGA cost is counted', `Pareto front (xc7 LUT of quantize+dot, W·x error): ${front.sort((a, b) => a.c - b.c).map((p) => `${p.r.name} (${p.c}, ${f4(p.e)})`).join(', ')}`, `${yes(ints.length >= front.length / 2)} (${ints.length} of ${front.length} points are integer formats)`]);
  }
  out.push('## The claims', '', '| paper | claim | bitforge measured | verdict |', '|---|---|---|---|', ...claims.map((c) => `| ${c.join(' | ')} |`), '');
  return out.join('\n');
}

/** A run without synthesis (INT_VS_FP_COST=0): the accuracy table and the claims it decides alone. */
function accuracyOnly(rows, variants, command) {
  const find = (name, rotate = 'none') => rows.find((r) => r.name === name && r.rotate === rotate);
  const mxint8 = find('MXINT8'), e4m3 = find('MXFP8 (e4m3)'), e5m2 = find('MXFP8 (e5m2)');
  const mxfp4 = find('MXFP4'), mxint4 = find('MXINT4'), nvfp4 = find('NVFP4'), nvint4 = find('NVINT4'), nvint4H = find('NVINT4', 'hadamard'), nvfp4H = find('NVFP4', 'hadamard');
  const e8 = find('e2m1, k 16, e8m0'), ue5n = find('e2m1, k 16, UE5M3, no S_t'), ue4n = find('e2m1, k 16, ue4m3, no S_t');
  const sr = variants.find((v) => v.round === 'stochastic'), mxFull = variants.find((v) => v.name.startsWith('MXINT4, full')), nvFull = variants.find((v) => v.name.startsWith('NVINT4, full'));
  const yes = (c) => (c ? '**agrees**' : '**disagrees**');
  const fpWins = [mxfp4.sqnrDb > mxint4.sqnrDb, nvfp4.sqnrDb > nvint4.sqnrDb, mxfp4.dotRelErr < mxint4.dotRelErr, nvfp4.dotRelErr < nvint4.dotRelErr].filter(Boolean).length;
  const claims = [
    ['INT v.s. FP (2025)', 'At 8 bits, block 32, MXINT8 beats MXFP8 in accuracy', `W SQNR ${f2(mxint8.sqnrDb)} vs ${f2(e4m3.sqnrDb)} (e4m3) / ${f2(e5m2.sqnrDb)} (e5m2) dB; W·x ${f4(mxint8.dotRelErr)} vs ${f4(e4m3.dotRelErr)} / ${f4(e5m2.dotRelErr)}`, yes(mxint8.sqnrDb > Math.max(e4m3.sqnrDb, e5m2.sqnrDb) && mxint8.dotRelErr < Math.min(e4m3.dotRelErr, e5m2.dotRelErr))],
    ['INT v.s. FP (2025)', '… and in hardware efficiency', 'not measured in this run (INT_VS_FP_COST=0)', '—'],
    ['INT v.s. FP (2025)', 'At 4 bits FP (MXFP4, NVFP4) usually wins on accuracy', `W SQNR MXFP4 ${f2(mxfp4.sqnrDb)} vs MXINT4 ${f2(mxint4.sqnrDb)}, NVFP4 ${f2(nvfp4.sqnrDb)} vs NVINT4 ${f2(nvint4.sqnrDb)} dB; W·x ${f4(mxfp4.dotRelErr)} vs ${f4(mxint4.dotRelErr)}, ${f4(nvfp4.dotRelErr)} vs ${f4(nvint4.dotRelErr)} (FP better in ${fpWins} of 4)`, yes(fpWins >= 3)],
    ['INT v.s. FP (2025)', 'NVINT4 can beat NVFP4 once a Hadamard rotation tames outliers', `NVINT4 + H: W ${f2(nvint4H.sqnrDb)} dB, W·x ${f4(nvint4H.dotRelErr)}; NVFP4: ${f2(nvfp4.sqnrDb)} dB, ${f4(nvfp4.dotRelErr)}; NVFP4 + H: ${f2(nvfp4H.sqnrDb)} dB, ${f4(nvfp4H.dotRelErr)}`, yes(nvint4H.sqnrDb > nvfp4.sqnrDb && nvint4H.dotRelErr < nvfp4.dotRelErr)],
    ['INT v.s. FP (2025)', "Symmetric clipping fixes INT's bias", `mean error / RMS: MXINT4 symmetric ${mxint4.bias.toExponential(2)} vs full ${mxFull.bias.toExponential(2)}; NVINT4 ${nvint4.bias.toExponential(3)} vs ${nvFull.bias.toExponential(3)}`, `${yes(Math.abs(mxint4.bias) < Math.abs(mxFull.bias))} for MXINT4 (e8m0's floor rule sends the block max to ±2, where only −8/4 exists on the full range); NVINT4's ue scale maps the max to about 7, so −8 is almost never used and the two barely differ`],
    ['FP4 training (2025)', 'UE5M3 is a good compromise as a scale format (accuracy side)', `e2m1 k 16 W SQNR: e8m0 ${f2(e8.sqnrDb)}, ue5m3 without S_t ${f2(ue5n.sqnrDb)}, ue4m3 without S_t ${f2(ue4n.sqnrDb)}, ue4m3 + S_t (NVFP4) ${f2(nvfp4.sqnrDb)} dB`, `${yes(ue5n.sqnrDb > e8.sqnrDb && Math.abs(ue5n.sqnrDb - nvfp4.sqnrDb) < 0.5)}, but these tensors' narrow range makes ue4m3 without S_t as good: they cannot tell the two apart`],
    ['FP4 training (2025)', 'Stochastic rounding (on-chip LFSR) is unbiased', `MXFP4 on the weights: bias ${sr.bias.toExponential(2)} vs rne ${mxfp4.bias.toExponential(2)} (both near 0: these weights are symmetric), SQNR ${f2(sr.sqnrDb)} vs ${f2(mxfp4.sqnrDb)} dB; on 10^6 values where rne is biased (test/numerics/blockfmt.test.ts) SR's mean error is −2.0·10^−3 of the gap (8 random bits truncate by −2^−9) against rne's −0.150`, 'unbiased as claimed, at 2.3 dB of noise on static weights; the accuracy-per-overhead claim needs the cost run'],
    ['PTQ with minifloats and integers on FPGAs (2023)', 'Integers are often Pareto-optimal once FPGA cost is counted', 'not measured in this run (INT_VS_FP_COST=0)', '—'],
  ];
  return [
    '# INT vs FP block formats: accuracy on real tensors (cost not measured in this run)', '',
    `Command: \`INT_VS_FP_COST=0 ${command}\` · ${new Date().toISOString()}`, '',
    'Every weight tensor of ../shared/data/weights quantized to the format and back (blocks along the last axis, its own',
    'tensor scale with ue scales): SQNR; the same for the activations of the weight × activation pairs; ‖y_q − y‖ / ‖y‖',
    'of y = W·x with both quantized (exact block dots, one rounding). Through the golden models (numerics/blockfmt.ts).',
    'Hadamard: each block rotated by 2^−⌈log2 k/2⌉·H_k before quantizing and back after (formats.md §8).', '',
    '| format | W SQNR (dB) | x SQNR (dB) | W·x rel. err | bias (mean error / RMS) |', '|---|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${label(r)} | ${f2(r.sqnrDb)} | ${f2(r.actSqnrDb)} | ${f4(r.dotRelErr)} | ${r.bias.toExponential(1)} |`),
    ...variants.map((v) => `| ${v.name} | ${f2(v.sqnrDb)} | ${f2(v.actSqnrDb)} | ${f4(v.dotRelErr)} | ${v.bias.toExponential(2)} |`),
    '', '## The claims', '', '| paper | claim | bitforge measured | verdict |', '|---|---|---|---|', ...claims.map((c) => `| ${c.join(' | ')} |`), '',
  ].join('\n');
}
