import { Month } from '@qloop/contracts';

export type ImportRowError = { row: number; field?: string; message: string };
export type CustomerBaseRow = { row: number; orgUnitCode: string; month: string; customers: number };

const HEADER_ALIASES: Record<'orgUnitCode' | 'month' | 'customers', string[]> = {
  orgUnitCode: ['orgunitcode', 'org_unit_code', 'code', '组织编码', '机构编码', '单位编码'],
  month: ['month', '月份', '统计月份'],
  customers: ['customers', 'customer_base', '用户数', '客户数', '用户规模'],
};

/**
 * Validates the rows of a customer-base sheet (header row first). Pure: it knows nothing of the
 * database; the caller resolves org-unit codes. Rows are numbered as in the spreadsheet (header = 1).
 */
export function parseCustomerBaseRows(table: string[][]): { rows: CustomerBaseRow[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const [header, ...body] = table;
  if (!header) return { rows: [], errors: [{ row: 1, message: 'the file is empty' }] };
  const norm = header.map((h) => h.trim().toLowerCase());
  const index = {} as Record<keyof typeof HEADER_ALIASES, number>;
  for (const key of Object.keys(HEADER_ALIASES) as (keyof typeof HEADER_ALIASES)[]) {
    const i = norm.findIndex((h) => HEADER_ALIASES[key].includes(h));
    if (i < 0) errors.push({ row: 1, field: key, message: `missing column ${key} (${HEADER_ALIASES[key].join(' / ')})` });
    index[key] = i;
  }
  if (errors.length) return { rows: [], errors };
  if (body.length === 0) return { rows: [], errors: [{ row: 2, message: 'the file has a header but no data rows' }] };

  const rows: CustomerBaseRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const rowNo = i + 2;
    const code = (cells[index.orgUnitCode] ?? '').trim();
    const month = normaliseMonth((cells[index.month] ?? '').trim());
    const rawCustomers = (cells[index.customers] ?? '').replace(/[,\s]/g, '');
    let ok = true;
    if (!code) {
      errors.push({ row: rowNo, field: 'orgUnitCode', message: 'org unit code is empty' });
      ok = false;
    }
    if (!Month.safeParse(month).success) {
      errors.push({ row: rowNo, field: 'month', message: `"${cells[index.month] ?? ''}" is not a month like 2026-11` });
      ok = false;
    }
    const customers = Number(rawCustomers);
    if (!/^\d{1,10}$/.test(rawCustomers) || customers > 1_000_000_000) {
      errors.push({ row: rowNo, field: 'customers', message: `"${cells[index.customers] ?? ''}" is not a whole number of customers` });
      ok = false;
    }
    if (!ok) return;
    const key = `${code.toLowerCase()}|${month}`;
    const earlier = seen.get(key);
    if (earlier) {
      errors.push({ row: rowNo, message: `duplicates row ${earlier} (same org unit and month)` });
      return;
    }
    seen.set(key, rowNo);
    rows.push({ row: rowNo, orgUnitCode: code, month, customers });
  });
  return { rows, errors };
}

/** Accepts 2026-11, 2026/11, 2026.11, 202611 and 2026年11月. */
export function normaliseMonth(s: string): string {
  const m = /^(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*月?$/.exec(s);
  if (!m) return s;
  return `${m[1]}-${m[2]!.padStart(2, '0')}`;
}
