/**
 * A heatmap (热力图) of a two-dimension breakdown, e.g. complaints by category (rows) × branch
 * (columns): rows ordered by their total, largest first; columns by `columnOrder` when given (the
 * org tree's order), else by their total; cells as [column, row, value] for ECharts. Pure.
 */
export interface HeatmapGrid {
  rows: string[];
  columns: string[];
  cells: [number, number, number][];
  max: number;
}

export function heatmapGrid(cells: readonly { by: string; then?: string; value: number | null }[], columnOrder?: readonly string[]): HeatmapGrid {
  const present = cells.filter((c): c is { by: string; then: string; value: number } => c.then !== undefined && c.value !== null);
  const totals = (pick: (c: (typeof present)[number]) => string) => {
    const m = new Map<string, number>();
    for (const c of present) m.set(pick(c), (m.get(pick(c)) ?? 0) + c.value);
    return m;
  };
  const rowTotals = totals((c) => c.by);
  const colTotals = totals((c) => c.then);
  const byTotal = (m: Map<string, number>) => [...m.keys()].sort((a, b) => m.get(b)! - m.get(a)! || a.localeCompare(b));
  const rows = byTotal(rowTotals);
  const columns = columnOrder ? [...columnOrder.filter((k) => colTotals.has(k)), ...byTotal(colTotals).filter((k) => !columnOrder.includes(k))] : byTotal(colTotals);
  const rowIndex = new Map(rows.map((k, i) => [k, i]));
  const colIndex = new Map(columns.map((k, i) => [k, i]));
  return {
    rows,
    columns,
    cells: present.map((c) => [colIndex.get(c.then)!, rowIndex.get(c.by)!, c.value]),
    max: present.reduce((m, c) => Math.max(m, c.value), 0),
  };
}
