import ExcelJS from 'exceljs';
import { badRequest } from './errors.js';
import { decodeText, parseCsv } from './csv.js';
import { hasUnstorableText } from './unstorable-text.js';

/** A non-blank row of a sheet, with its number as the spreadsheet shows it (1-based). */
export type SheetRow = { row: number; cells: string[] };

export type ReadTableOptions = {
  /**
   * How an XLSX date cell reads. 'month' (the default, for the customer-base month column): `2026-11`,
   * as Excel turns a typed "2026-11" into a date. 'datetime': `2026-11-03 09:30:00`, the wall-clock
   * time typed in Excel — the cell carries no zone, and the reader decides which one it means.
   */
  dateCells?: 'month' | 'datetime';
};

/**
 * Reads the first sheet of an XLSX file, or a CSV file, into its non-blank rows of trimmed strings,
 * each with its spreadsheet row number: blank rows are skipped but keep their numbers, so a report
 * quoting these numbers matches the sheet the user opens.
 */
export async function readSheet(buf: Buffer, filename: string, opts: ReadTableOptions = {}): Promise<SheetRow[]> {
  const rows = (await readRows(buf, filename, opts.dateCells ?? 'month')).filter((r) => r.cells.some((c) => c !== ''));
  for (const { row, cells } of rows) {
    if (cells.some(hasUnstorableText)) throw badRequest(`row ${row} contains a NUL character or broken Unicode; is this really a spreadsheet?`);
  }
  return rows;
}

/** The cells of `readSheet`'s rows, for readers that do not quote row numbers. */
export async function readTable(buf: Buffer, filename: string, opts: ReadTableOptions = {}): Promise<string[][]> {
  return (await readSheet(buf, filename, opts)).map((r) => r.cells);
}

async function readRows(buf: Buffer, filename: string, dateCells: 'month' | 'datetime'): Promise<SheetRow[]> {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    return parseCsv(decodeText(buf), { keepBlankRows: true }).map((r, i) => ({ row: i + 1, cells: r.map((c) => c.trim()) }));
  }
  if (lower.endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
    } catch {
      throw badRequest('the file is not a readable .xlsx workbook');
    }
    const sheet = wb.worksheets[0];
    if (!sheet) throw badRequest('the workbook has no sheet');
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value, dateCells));
      rows.push({ row: rowNumber, cells });
    });
    return rows;
  }
  throw badRequest('upload a .csv or .xlsx file');
}

function cellText(v: ExcelJS.CellValue, dateCells: 'month' | 'datetime'): string {
  if (v == null) return '';
  if (v instanceof Date) return dateText(v, dateCells);
  if (typeof v === 'object') {
    if ('result' in v && v.result != null) return cellText(v.result as ExcelJS.CellValue, dateCells);
    if ('text' in v) return String(v.text).trim();
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    return '';
  }
  return String(v).trim();
}

/** exceljs gives a date cell as a Date whose UTC fields are the values typed in Excel. */
function dateText(d: Date, as: 'month' | 'datetime'): string {
  if (Number.isNaN(d.getTime())) return String(d);
  // Excel stores a day fraction: 09:30 may come back as 09:29:59.999
  const iso = new Date(Math.round(d.getTime() / 1000) * 1000).toISOString();
  // Excel turns "2026-11" into a date; read it back as the month it was.
  if (as === 'month') return iso.slice(0, 7);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
