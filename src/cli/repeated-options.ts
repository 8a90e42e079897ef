// A command option given twice (`sweep --jobs 1 --jobs 2`) or a switch both on and off (`build
// --synth --no-synth`): an error before anything runs, not "the last one wins". Commands that take a
// block parse their own arguments and check this there (block-params.ts).

import type { Command } from 'commander';

export function repeatedOption(root: Command, argv: readonly string[]): string | undefined {
  let cmd = root, i = 0;
  for (;;) { // descend into (sub)commands: `mx quantize …`
    const sub = cmd.commands.find((c) => c.name() === argv[i] || c.aliases().includes(argv[i] ?? ''));
    if (!sub) break;
    cmd = sub;
    i++;
  }
  if (cmd === root || cmd.registeredArguments[0]?.name() === 'block') return undefined;
  const seen = new Map<string, string>();
  for (; i < argv.length; i++) {
    const t = argv[i]!;
    if (t === '--') break;
    if (!t.startsWith('--')) continue;
    const [flag, inline] = t.split(/=(.*)/s) as [string, string | undefined];
    const opt = cmd.options.find((o) => o.long === flag);
    if (!opt) continue; // unknown: commander says so
    const takesValue = opt.required || opt.optional;
    const now = takesValue ? `${flag} ${inline ?? argv[i + 1] ?? ''}`.trim() : flag;
    if (takesValue && inline === undefined) i++;
    const before = seen.get(opt.attributeName());
    if (before !== undefined) {
      const how = before.split(' ')[0] === flag ? 'is given twice' : 'contradicts itself';
      return `${flag} ${how} (${before}, then ${now}): give it once`;
    }
    seen.set(opt.attributeName(), now);
  }
  return undefined;
}
