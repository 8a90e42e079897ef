// Reading tool output: Yosys `stat -json` and the nextpnr-ice40 log.

import { categoryOf, type Category, type Target } from './targets.js';

interface StatJson {
  design?: { num_cells_by_type?: Record<string, number> };
  modules?: Record<string, { num_cells_by_type?: Record<string, number> }>;
}

/**
 * Cells by type and category totals: of the whole (flattened) design, or of one module of a
 * hierarchical one (its instances of `exclude` modules not counted as cells).
 */
export function parseStat(target: Target, json: string, module?: string, exclude: readonly string[] = []): { cells: Record<string, number>; totals: Record<Category, number> } {
  const stat = JSON.parse(json) as StatJson;
  const byType = module !== undefined
    ? (stat.modules?.[module] ?? stat.modules?.[`\\${module}`])?.num_cells_by_type
    : stat.design?.num_cells_by_type ?? Object.values(stat.modules ?? {})[0]?.num_cells_by_type;
  if (!byType) throw new Error(`stat -json has no cell counts${module ? ` for module ${module}` : ''}`);
  const skip = new Set(exclude.flatMap((m) => [m, `\\${m}`]));
  const cells = Object.fromEntries(Object.entries(byType).filter(([k]) => !skip.has(k)).sort(([a], [b]) => a.localeCompare(b)));
  const totals: Record<Category, number> = { lut: 0, ff: 0, carry: 0, bram: 0, dsp: 0 };
  for (const [type, n] of Object.entries(cells)) {
    const c = categoryOf(target, type);
    if (c) totals[c.category] += c.weight * n;
  }
  return { cells, totals };
}

/** Fmax of the clock after routing (the last report in the log), and the logic cells used. */
export function parseNextpnrLog(log: string): { fmaxMHz: number | null; clock: string | null; logicCells: number | null } {
  let fmaxMHz: number | null = null, clock: string | null = null;
  for (const m of log.matchAll(/Max frequency for clock\s+'([^']+)':\s+([\d.]+) MHz/g)) {
    clock = m[1]!;
    fmaxMHz = Number(m[2]);
  }
  const lc = [...log.matchAll(/ICESTORM_LC:\s+(\d+)\s*\/\s*\d+/g)].pop();
  return { fmaxMHz, clock, logicCells: lc ? Number(lc[1]) : null };
}
