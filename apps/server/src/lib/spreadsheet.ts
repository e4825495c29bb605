import ExcelJS from 'exceljs';
import { badRequest } from './errors.js';
import { decodeText, parseCsv } from './csv.js';
import { hasUnstorableText } from './unstorable-text.js';

/** Reads the first sheet of an XLSX file, or a CSV file, into rows of trimmed strings. */
export async function readTable(buf: Buffer, filename: string): Promise<string[][]> {
  const rows = await readRows(buf, filename);
  rows.forEach((cells, i) => {
    if (cells.some(hasUnstorableText)) throw badRequest(`row ${i + 1} contains a NUL character or broken Unicode; is this really a spreadsheet?`);
  });
  return rows;
}

async function readRows(buf: Buffer, filename: string): Promise<string[][]> {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    return parseCsv(decodeText(buf)).map((r) => r.map((c) => c.trim()));
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
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) values.push(cellText(row.getCell(c).value));
      rows.push(values);
    });
    return rows;
  }
  throw badRequest('upload a .csv or .xlsx file');
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) {
    // Excel turns "2026-11" into a date; read it back as the month it was.
    return `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}`;
  }
  if (typeof v === 'object') {
    if ('result' in v && v.result != null) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    return '';
  }
  return String(v).trim();
}
