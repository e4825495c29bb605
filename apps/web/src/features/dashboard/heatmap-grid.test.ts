import { describe, expect, it } from 'vitest';
import { heatmapGrid } from './heatmap-grid';

describe('category × branch heatmap', () => {
  const cells = [
    { by: 'billing', then: 'dz', value: 2 },
    { by: 'network', then: 'dz', value: 5 },
    { by: 'network', then: 'xs', value: 7 },
    { by: 'service', then: 'xs', value: 1 },
    { by: 'service', then: 'bz', value: null },
    { by: 'orphan', value: 3 },
  ];
  it('rows and columns by their totals, cells as [column, row, value]', () => {
    const g = heatmapGrid(cells);
    expect(g.rows).toEqual(['network', 'billing', 'service']);
    expect(g.columns).toEqual(['xs', 'dz']);
    expect(g.cells).toEqual([
      [1, 1, 2],
      [1, 0, 5],
      [0, 0, 7],
      [0, 2, 1],
    ]);
    expect(g.max).toBe(7);
  });
  it('columns in the given order, units without data left out, unknown ones after', () => {
    expect(heatmapGrid(cells, ['bz', 'dz']).columns).toEqual(['dz', 'xs']);
  });
  it('empty', () => {
    expect(heatmapGrid([])).toEqual({ rows: [], columns: [], cells: [], max: 0 });
  });
});
