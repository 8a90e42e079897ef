// Progress on long runs, on stderr so stdout stays parseable: a bar with ETA on a terminal, a line
// every 10% otherwise (CI logs). Nothing for runs that end within a second ($BITFORGE_PROGRESS_MS).

import cliProgress from 'cli-progress';

export interface ProgressReporter {
  update(done: number, total: number): void;
  stop(): void;
}

export function progressReporter(label: string, unit: string): ProgressReporter {
  const t0 = performance.now();
  const after = Number(process.env.BITFORGE_PROGRESS_MS ?? 1000);
  let bar: cliProgress.SingleBar | undefined;
  let lastTenth = 0;
  return {
    update(done, total) {
      if (performance.now() - t0 < after || total <= 0) return;
      if (process.stderr.isTTY) {
        if (!bar) {
          bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | ETA {eta_formatted}`, stream: process.stderr }, cliProgress.Presets.shades_classic);
          bar.start(total, done);
        }
        bar.update(done);
      } else {
        const tenth = Math.floor((10 * done) / total);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          process.stderr.write(`${label}: ${done}/${total} ${unit} (${tenth * 10}%)\n`);
        }
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
