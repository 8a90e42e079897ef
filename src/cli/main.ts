#!/usr/bin/env node
// Entry point. Source maps are enabled before anything else loads so that DSL errors and the
// `// file.ts:line` comments in the Verilog name TypeScript sources, not the compiled JavaScript.
process.setSourceMapsEnabled(true);
// `bitforge … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { run } = await import('./program.js');
process.exitCode = await run(process.argv.slice(2));
