import type { SheetRow } from '../../lib/spreadsheet.js';

export type ExternalValueColumn =
  'indicatorKey' | 'orgUnitCode' | 'period' | 'value' | 'numerator' | 'denominator';
export type RawExternalRow = { row: number } & Record<ExternalValueColumn, string>;

/** Header names understood, lower case; the first four columns are required. */
export const EXTERNAL_VALUE_HEADERS: Record<ExternalValueColumn, string[]> = {
  indicatorKey: ['indicatorkey', 'indicator_key', 'indicator', 'key', '指标编码', '指标代码', '指标'],
  orgUnitCode: ['orgunitcode', 'org_unit_code', 'orgunit', 'code', '组织编码', '机构编码', '单位编码'],
  period: ['period', 'month', 'day', 'date', '期间', '统计期间', '月份', '统计月份', '日期'],
  value: ['value', '数值', '指标值', '值'],
  numerator: ['numerator', '分子'],
  denominator: ['denominator', '分母'],
};
const REQUIRED: ExternalValueColumn[] = ['indicatorKey', 'orgUnitCode', 'period', 'value'];

/**
 * The cells of an external-values sheet by column (header row first, found by name in English or
 * Chinese, in any order). Pure; the rows keep their spreadsheet numbers for the report.
 */
export function readExternalValueRows(sheet: readonly SheetRow[]): {
  rows: RawExternalRow[];
  missing: ExternalValueColumn[];
} {
  const [header, ...body] = sheet;
  if (!header) return { rows: [], missing: REQUIRED };
  const norm = header.cells.map((h) => h.trim().toLowerCase().replace(/\s+/g, ''));
  const index = {} as Record<ExternalValueColumn, number>;
  for (const col of Object.keys(EXTERNAL_VALUE_HEADERS) as ExternalValueColumn[])
    index[col] = norm.findIndex((h) => EXTERNAL_VALUE_HEADERS[col].includes(h));
  const missing = REQUIRED.filter((c) => index[c] < 0);
  if (missing.length) return { rows: [], missing };
  const cell = (cells: string[], col: ExternalValueColumn) =>
    index[col] < 0 ? '' : (cells[index[col]] ?? '').trim();
  return {
    missing: [],
    rows: body.map(({ row, cells }) => ({
      row,
      indicatorKey: cell(cells, 'indicatorKey'),
      orgUnitCode: cell(cells, 'orgUnitCode'),
      period: cell(cells, 'period'),
      value: cell(cells, 'value'),
      numerator: cell(cells, 'numerator'),
      denominator: cell(cells, 'denominator'),
    })),
  };
}
