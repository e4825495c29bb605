import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { serverPagination } from './table-helpers';

const t = ((key: string, o?: { total?: unknown }) => `${key}:${String(o?.total ?? '')}`) as unknown as TFunction;
const totalText = (p: ReturnType<typeof serverPagination>) => (p.showTotal as (n: number, r: [number, number]) => string)(Number(p.total), [0, 0]);

describe('server pagination', () => {
  it('an exact total pages to its end', () => {
    const p = serverPagination(t, 2, 50, 120, { lowerBound: false, rows: 50 });
    expect(p.total).toBe(120);
    expect(totalText(p)).toBe('common.total:120');
  });

  it('a capped count offers one page past a full one and reads "at least"', () => {
    const p = serverPagination(t, 20, 50, 1000, { lowerBound: true, rows: 50 });
    expect(p.total).toBe(1001);
    expect(totalText(p)).toBe('common.totalAtLeast:1,000');
  });

  it('a ranked search window ends the pages with the window and still reads "at least"', () => {
    const p = serverPagination(t, 20, 50, 1000, { lowerBound: true, rows: 50, pageable: 1000 });
    expect(p.total).toBe(1000);
    expect(totalText(p)).toBe('common.totalAtLeast:1,000');
  });
});
