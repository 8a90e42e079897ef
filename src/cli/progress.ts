// Progress on long runs, on stderr so stdout stays parseable: a bar with ETA on a terminal; in logs
// (CI), a line every 10%, or with `eachItem` a line per finished item with its status and the ETA.
// Nothing for runs that end within a second ($BITFORGE_PROGRESS_MS).

import cliProgress from 'cli-progress';

export interface ProgressReporter {
  update(done: number, total: number, status?: string): void;
  stop(): void;
}

const clock = (s: number) => (Number.isFinite(s) ? `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}` : '?');

export function progressReporter(label: string, unit: string, o: { eachItem?: boolean } = {}): ProgressReporter {
  const t0 = performance.now();
  const after = Number(process.env.BITFORGE_PROGRESS_MS ?? 1000);
  let bar: cliProgress.SingleBar | undefined;
  let lastTenth = 0;
  return {
    update(done, total, status = '') {
      const elapsed = (performance.now() - t0) / 1000;
      if ((!o.eachItem && elapsed * 1000 < after) || total <= 0) return;
      if (process.stderr.isTTY) {
        if (!bar) {
          bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | ETA {eta_formatted} {status}`, stream: process.stderr }, cliProgress.Presets.shades_classic);
          bar.start(total, done, { status });
        }
        bar.update(done, { status });
      } else if (o.eachItem) {
        const eta = done > 0 ? (elapsed / done) * (total - done) : Infinity;
        process.stderr.write(`${label}: [${done}/${total}] ${status}${done < total ? ` (ETA ${clock(eta)})` : ''}\n`);
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
