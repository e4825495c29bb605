import { describe, expect, it } from 'vitest';
import { normaliseMonth, parseCustomerBaseRows } from './parse-customer-base-rows.js';

describe('parseCustomerBaseRows', () => {
  it('reads English headers', () => {
    const r = parseCustomerBaseRows([['orgUnitCode', 'month', 'customers'], ['JN-DZ-S01', '2026-10', '412,000']]);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([{ row: 2, orgUnitCode: 'JN-DZ-S01', month: '2026-10', customers: 412000 }]);
  });
  it('reads Chinese headers in any order', () => {
    const r = parseCustomerBaseRows([['用户数', '组织编码', '月份'], ['100', 'A', '2026年3月']]);
    expect(r.rows).toEqual([{ row: 2, orgUnitCode: 'A', month: '2026-03', customers: 100 }]);
  });
  it('reports a missing column', () => {
    const r = parseCustomerBaseRows([['orgUnitCode', 'month']]);
    expect(r.errors[0]).toMatchObject({ row: 1, field: 'customers' });
  });
  it('reports every bad row with its spreadsheet row number', () => {
    const r = parseCustomerBaseRows([
      ['orgUnitCode', 'month', 'customers'],
      ['A', '2026-13', '5'],
      ['', '2026-01', '-1'],
      ['B', '2026-01', '1.5'],
      ['C', '2026-01', '7'],
      ['c', '2026-01', '8'],
    ]);
    expect(r.errors.map((e) => [e.row, e.field ?? null])).toEqual([
      [2, 'month'],
      [3, 'orgUnitCode'],
      [3, 'customers'],
      [4, 'customers'],
      [6, null],
    ]);
    expect(r.rows.map((x) => x.orgUnitCode)).toEqual(['C']);
  });
  it('rejects a header-only file', () => {
    expect(parseCustomerBaseRows([['orgUnitCode', 'month', 'customers']]).errors).toHaveLength(1);
  });
  it('normalises month spellings', () => {
    expect(['2026/1', '2026.01', '202601', '2026年1月', '2026-01'].map(normaliseMonth)).toEqual(
      Array(5).fill('2026-01'),
    );
  });
});
