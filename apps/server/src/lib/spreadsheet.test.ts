import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheet, readTable } from './spreadsheet.js';

async function xlsx(rows: Record<number, ExcelJS.CellValue[]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  for (const [n, values] of Object.entries(rows)) ws.getRow(Number(n)).values = values;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readSheet', () => {
  it('numbers CSV rows as a spreadsheet shows them: blank lines skipped but counted, a quoted newline inside its row', async () => {
    const csv = 'h1,h2\n\na,"x\ny"\n , \nb,2\n\n';
    expect(await readSheet(Buffer.from(csv), 'f.csv')).toEqual([
      { row: 1, cells: ['h1', 'h2'] },
      { row: 3, cells: ['a', 'x\ny'] },
      { row: 5, cells: ['b', '2'] },
    ]);
    expect(await readTable(Buffer.from(csv), 'f.csv')).toEqual([['h1', 'h2'], ['a', 'x\ny'], ['b', '2']]);
  });

  it('numbers XLSX rows by their sheet row, skipping empty ones', async () => {
    const buf = await xlsx({ 1: ['h1', 'h2'], 2: ['', '  '], 4: ['a', 1] });
    expect(await readSheet(buf, 'f.xlsx')).toEqual([
      { row: 1, cells: ['h1', 'h2'] },
      { row: 4, cells: ['a', '1'] },
    ]);
  });

  it('reads date cells as the month (customer base) or as the date and time typed (imports)', async () => {
    const buf = await xlsx({
      1: ['when'],
      2: [new Date(Date.UTC(2026, 10, 1, 9, 30))],
      // a day fraction that comes back a hair short of the minute
      3: [new Date(Date.UTC(2026, 10, 1, 9, 30) - 1)],
      4: [new Date(Date.UTC(2027, 3, 1))],
    });
    expect((await readTable(buf, 'f.xlsx')).slice(1).flat()).toEqual(['2026-11', '2026-11', '2027-04']);
    expect((await readTable(buf, 'f.xlsx', { dateCells: 'datetime' })).slice(1).flat()).toEqual(['2026-11-01 09:30:00', '2026-11-01 09:30:00', '2027-04-01 00:00:00']);
  });

  it('names the spreadsheet row that holds unstorable text', async () => {
    await expect(readSheet(Buffer.from('h\n\nok\nbad\u0000'), 'f.csv')).rejects.toThrow(/^row 4 contains a NUL/);
  });
});
