/**
 * A Pareto (帕累托图) of counts: the items by count, largest first, with the running share of the
 * whole, and the "vital few" — the items up to and including the one where the share reaches the
 * cut (80%). Items without a count are left out. Pure.
 */
export interface ParetoItem {
  key: string;
  value: number;
  /** running share of the total, %, after this item */
  cumulativePct: number;
}

export function paretoItems(rows: readonly { by: string; value: number | null }[]): ParetoItem[] {
  const items = rows.filter((r): r is { by: string; value: number } => r.value !== null && r.value > 0).sort((a, b) => b.value - a.value || a.by.localeCompare(b.by));
  const total = items.reduce((s, r) => s + r.value, 0);
  let running = 0;
  return items.map((r) => {
    running += r.value;
    return { key: r.by, value: r.value, cumulativePct: Math.round((running / total) * 1000) / 10 };
  });
}

/** How many items it takes to reach the cut (80%): the vital few. */
export function vitalFew(items: readonly ParetoItem[], cutPct = 80): number {
  const i = items.findIndex((x) => x.cumulativePct >= cutPct);
  return i === -1 ? items.length : i + 1;
}
