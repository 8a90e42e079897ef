// The `bitforge` command line (commander). Each command lives in commands/; this file wires them up
// and turns every user mistake into one line on stderr with exit code 2.

import { Command, CommanderError } from 'commander';
import { ElaborationError, formatDiagnostic } from '../dsl/index.js';
import { DslTypeError } from '../dsl/types.js';
import { formatLoc } from '../dsl/source-location.js';
import { PipelineError } from '../ir/passes/pipeline.js';
import { TopNameError } from '../codegen/emit-block.js';
import { ContractError } from '../codegen/contract.js';
import { apackCommand } from './commands/apack.js';
import { mokeyCommand } from './commands/mokey.js';
import { buildCommand } from './commands/build.js';
import { convertCommand, decodeCommand } from './commands/convert.js';
import { emitCommand } from './commands/emit.js';
import { equivCommand } from './commands/equiv.js';
import { fuzzCommand } from './commands/fuzz.js';
import { initCommand } from './commands/init.js';
import { listCommand } from './commands/list.js';
import { mxCommand } from './commands/mx.js';
import { simCommand, tbCommand } from './commands/sim.js';
import { sweepCommand } from './commands/sweep.js';
import { synthCommand } from './commands/synth.js';
import { workerCommand } from './commands/worker.js';
import { modelOptProblem } from '../cosim/compile-env.js';
import { ToolError } from '../util/tool-error.js';
import { UserError } from './user-error.js';
import { paramUsage } from './block-params.js';
import { repeatedOption } from './repeated-options.js';
import { findBlock } from '../blocks/catalogue.js';
import { BlockLoadError, isBlockPath, loadedBlock, resolveBlock } from '../userblock/resolve.js';
import type { BlockDef } from '../blocks/block.js';
import { version } from './version.js';

export function program(): Command {
  const p = new Command('bitforge')
    .description('number-format hardware generators: Verilog, cosimulation and synthesis reports')
    .version(version)
    .exitOverride()
    .configureOutput({ writeErr: () => {} }) // errors are printed once, by run()
    .showSuggestionAfterError(true);
  p.addCommand(listCommand());
  p.addCommand(emitCommand());
  p.addCommand(buildCommand());
  p.addCommand(simCommand());
  p.addCommand(tbCommand());
  p.addCommand(synthCommand());
  p.addCommand(equivCommand());
  p.addCommand(fuzzCommand());
  p.addCommand(sweepCommand());
  p.addCommand(workerCommand());
  p.addCommand(initCommand());
  p.addCommand(convertCommand());
  p.addCommand(decodeCommand());
  p.addCommand(mxCommand());
  p.addCommand(apackCommand());
  p.addCommand(mokeyCommand());
  // addCommand() does not pass these on: every command reports errors through run(), exit 2.
  const quiet = (c: Command): void => { c.exitOverride().configureOutput({ writeErr: () => {} }); c.commands.forEach(quiet); };
  p.commands.forEach(quiet);
  for (const c of p.commands) if (c.registeredArguments[0]?.name() === 'block') c.addHelpText('after', () => blockHelp(c));
  return p;
}

/** `bitforge emit minifloat.mul --help`: the command's help, then that block's parameters. */
function blockHelp(c: Command): string {
  const name = c.args[0];
  const block = name === undefined ? undefined : findBlock(name) ?? loadedBlock(name);
  if (!block) return '\nBlock parameters: bitforge list, or bitforge ' + c.name() + ' <block> --help';
  return `\nParameters of ${block.name} (${block.summary}):\n${paramUsage(block as unknown as BlockDef).map((l) => `  ${l}`).join('\n')}`;
}

export async function run(argv: string[]): Promise<number> {
  try {
    const badEnv = modelOptProblem();
    if (badEnv) throw new UserError(badEnv);
    const p = program();
    const repeated = repeatedOption(p, argv);
    if (repeated) throw new UserError(repeated);
    // `bitforge sim ./my-block.ts --help`: load the module first, so the help lists its parameters.
    const ref = argv[1];
    if (ref !== undefined && (argv.includes('--help') || argv.includes('-h')) && isBlockPath(ref)) await resolveBlock(ref);
    await p.parseAsync(argv, { from: 'user' });
    // A command that finished with failures to report (build, sweep) has set the exit code itself.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0; // --help, --version
      process.stderr.write(`bitforge: error: ${e.message.replace(/^error: /, '').split('\n')[0]}\n`);
      return 2;
    }
    if (e instanceof UserError || e instanceof BlockLoadError || e instanceof ContractError) {
      process.stderr.write(`bitforge: error: ${e.message}\n`);
      return 2;
    }
    if (e instanceof TopNameError) {
      process.stderr.write(`bitforge: error: --name: ${e.message}\n`);
      return 2;
    }
    if (e instanceof PipelineError) {
      process.stderr.write(`bitforge: error: --fmax: ${e.message}\n`);
      return 2;
    }
    if (e instanceof ToolError) {
      process.stderr.write(`bitforge: ${e.message}\n`);
      return 1;
    }
    if (e instanceof ElaborationError) {
      const errs = e.diagnostics.filter((d) => d.severity === 'error');
      for (const d of errs) process.stderr.write(`${formatDiagnostic(d)}\n`);
      process.stderr.write(`bitforge: ${errs.length} design error(s); nothing was written\n`);
      return 2;
    }
    if (e instanceof DslTypeError) {
      process.stderr.write(`${formatLoc(e.loc)}: error: ${e.message} (fix: ${e.fix})\n`);
      return 2;
    }
    process.stderr.write(`bitforge: internal error (please report): ${(e as Error).stack ?? e}\n`);
    return 70;
  }
}
