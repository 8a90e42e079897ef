import { Command } from 'commander';
import { emitBlock } from '../../codegen/emit-block.js';
import { resolveBlock } from '../../userblock/resolve.js';
import { parseBlockArgs } from '../block-params.js';
import { writeFiles } from '../../util/write-files.js';
import { formatDiagnostic } from '../../dsl/index.js';
import { PASSES } from '../../ir/passes/index.js';
import { fmaxNote, fmaxRequest } from '../fmax-option.js';
import { paramsForTarget, type Target } from '../../synth/targets.js';
import { parsePasses } from '../passes-option.js';
import { checkOutDir, outFlag } from '../out-option.js';

export function emitCommand(): Command {
  return new Command('emit')
    .description('emit the Verilog and metadata JSON of one block')
    .argument('<block>', 'block name, e.g. examples.adder-tree, or a path to your block module (./src/my-block.ts[#export])')
    .argument('[params...]', `block parameters as --name value; --out DIR (default rtl-out); --name NAME (the top module's name); --passes LIST (IR passes before emission: ${Object.keys(PASSES).join(',')}); --fmax MHz --target T [--fmax-margin F] (pipeline to a frequency, keeping the share F of the period back (the target's own margin unless given); a sequential or streaming block takes the fewest of its own stages that meet it (loom sip/tile, mokey.pe, mx.dot-general), or keeps its registers and is timed)`)
    .allowUnknownOption()
    .helpOption('-h, --help', 'show help (after a block name: its parameters too)')
    .action(async (name: string, tokens: string[]) => {
      const block = await resolveBlock(name);
      const { params, options } = parseBlockArgs(block, tokens, ['out', 'passes', 'fmax', 'target', 'fmax-margin', 'name']);
      const fmax = fmaxRequest(block, params, tokens, options['fmax'], options['target'], options['fmax-margin']);
      // With --target, the block is built for that target's fabric, as synth builds it.
      Object.assign(params, paramsForTarget(params, options['target'] as Target | undefined));
      const out = options['out'] ?? 'rtl-out';
      await checkOutDir(outFlag(tokens), out);
      const passes = parsePasses(options['passes']);
      const { files, design, metadata } = emitBlock(block, params, passes, fmax, options['name']); // elaborates fully before anything is written
      const note = fmaxNote(block.name, metadata.fmax);
      if (note) process.stderr.write(`${note}\n`);
      for (const w of design.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
      const written = writeFiles(out, files);
      process.stdout.write(`${block.name}: ${design.top.name} (${design.modules.length} module(s)) → ${written.length} file(s) in ${out}\n`);
    });
}
