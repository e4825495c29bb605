import { IMPORT_FIELDS, type ImportField } from '@qloop/contracts';

/**
 * The template's headers, in the order of IMPORT_FIELDS. Each is one the server recognises when it
 * suggests a mapping (HEADER_GUESSES in parse-ticket-rows.ts), so the template maps itself.
 */
export const TEMPLATE_HEADERS: Record<ImportField, string> = {
  type: '诉求类型',
  channel: '受理渠道',
  priority: '优先级',
  title: '标题',
  description: '问题描述',
  categoryCode: '分类编码',
  orgUnitCode: '组织编码',
  phone: '联系电话',
  customerName: '客户姓名',
  customerNo: '客户编号',
  createdAt: '受理时间',
  escalated: '升级投诉',
};

/** One CSV cell: quoted when needed; a leading = + - @ is defused so Excel does not run it as a formula. */
function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Offers rows as a CSV download, built in the browser. The BOM makes Excel read the Chinese as UTF-8. */
export function downloadCsv(filename: string, rows: readonly (readonly (string | number)[])[]) {
  const text = '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

export function downloadTemplate() {
  downloadCsv('ticket-import-template.csv', [IMPORT_FIELDS.map((f) => TEMPLATE_HEADERS[f])]);
}

/** "tickets.xlsx" → "tickets-errors.csv" */
export function errorReportName(filename: string): string {
  return `${filename.replace(/\.[^.]*$/, '') || 'import'}-errors.csv`;
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
