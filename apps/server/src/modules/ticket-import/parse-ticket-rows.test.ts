import { describe, expect, it } from 'vitest';
import { mappingProblems, parseImportDate, parseTicketRows, suggestMapping } from './parse-ticket-rows.js';

const lookups = {
  categories: new Map([['s01-01', { id: 'cat-1', path: ['S', 'S01', 'cat-1'] }]]),
  orgUnits: new Map([['jn-dz-s01', { id: 'org-1', path: ['org-0', 'org-1'] }]]),
};
const now = new Date('2026-11-23T00:00:00Z');
const headers = ['类型', '渠道', '标题', '分类编码', '组织编码', '电话', '受理时间'];
const mapping = suggestMapping(headers);
/** data rows numbered from 2 without gaps, as a sheet without blank rows reads */
const sheet = (rows: string[][]) => ({ headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });

describe('ticket import rows', () => {
  it('suggests the mapping from Chinese headers', () => {
    expect(mapping).toEqual({ type: 0, channel: 1, title: 2, categoryCode: 3, orgUnitCode: 4, phone: 5, createdAt: 6 });
  });
  it('accepts codes and Chinese labels, and reports each bad row with its field', () => {
    const r = parseTicketRows(
      sheet([
        ['投诉', '热线', '话费多扣', 'S01-01', 'JN-DZ-S01', '138-0000-1111', '2026-11-01 09:30'],
        ['complaint', 'hotline', '重复的行', 'S01-01', 'JN-DZ-S01', '13800001112', '2026-11-02'],
        ['投诉', '热线', '错误电话', 'S01-01', 'JN-DZ-S01', '12345', ''],
        ['投诉', '热线', '未知分类', 'X99', 'JN-DZ-S01', '13800001113', ''],
        ['投诉', '热线', '错误日期', 'S01-01', 'JN-DZ-S01', '13800001114', '2026-02-30'],
        ['complaint', 'hotline', '重复的行', 'S01-01', 'JN-DZ-S01', '13800001112', '2026-11-02'],
        ['抱怨', '邮件', '', 'S01-01', 'JN-XZ', '', ''],
      ]),
      mapping,
      lookups,
      now,
    );
    expect(r.valid.map((v) => v.row)).toEqual([2, 3]);
    expect(r.valid[0]).toMatchObject({ type: 'complaint', channel: 'hotline', phone: '13800001111', createdAt: new Date('2026-11-01T01:30:00Z') });
    expect(r.errors.map((e) => [e.row, e.field ?? null])).toEqual([
      [4, 'phone'],
      [5, 'categoryCode'],
      [6, 'createdAt'],
      [7, null],
      [8, 'type'],
      [8, 'channel'],
      [8, 'title'],
      [8, 'orgUnitCode'],
      [8, 'phone'],
    ]);
  });
  it('gives each error a stable code and the values its message quotes', () => {
    const r = parseTicketRows(
      sheet([
        ['投诉', '热线', '好的', 'S01-01', 'JN-DZ-S01', '13800001112', '2026-11-02'],
        ['投诉', '热线', '好的', 'S01-01', 'JN-DZ-S01', '13800001112', '2026-11-02'],
        ['抱怨', '热线', 'x'.repeat(201), 'X99', 'JN-DZ-S01', '12345', '明天'],
        ['投诉', '热线', '未来', 'S01-01', 'JN-XX', '', '2027-01-01'],
      ]),
      mapping,
      lookups,
      now,
    );
    expect(r.errors).toEqual([
      { row: 3, code: 'duplicate_row', params: { row: 2 }, message: 'duplicates row 2 (same customer, title and time)' },
      { row: 4, field: 'type', code: 'unknown_type', params: { value: '抱怨' }, message: 'unknown type “抱怨”' },
      { row: 4, field: 'title', code: 'title_too_long', params: { max: 200 }, message: 'title is longer than 200 characters' },
      { row: 4, field: 'categoryCode', code: 'unknown_category', params: { value: 'X99' }, message: 'no current category with code “X99”' },
      { row: 4, field: 'phone', code: 'bad_phone', params: { value: '12345' }, message: '“12345” is not a phone number' },
      { row: 4, field: 'createdAt', code: 'bad_date', params: { value: '明天' }, message: '“明天” is not a date like 2026-11-03 09:30' },
      { row: 5, field: 'orgUnitCode', code: 'unknown_org_unit', params: { value: 'JN-XX' }, message: 'no org unit with code “JN-XX” in your scope' },
      { row: 5, field: 'phone', code: 'no_customer', message: 'give the customer’s phone or customer number' },
      { row: 5, field: 'createdAt', code: 'future_date', message: 'the date is in the future' },
    ]);
  });
  it('keeps the spreadsheet row numbers of rows read around blank ones', () => {
    const ok = ['投诉', '热线', '话费', 'S01-01', 'JN-DZ-S01', '13800001111', ''];
    const r = parseTicketRows(
      { headers, rows: [{ row: 2, cells: ok }, { row: 5, cells: [...ok.slice(0, 5), '1'] }, { row: 9, cells: ok }] },
      mapping,
      lookups,
      now,
    );
    expect(r.valid.map((v) => v.row)).toEqual([2]);
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([
      [5, 'bad_phone'],
      [9, 'duplicate_row'],
    ]);
    expect(r.errors[1]!.params).toEqual({ row: 2 });
  });
  it('needs the required columns mapped', () => {
    expect(parseTicketRows({ headers, rows: [] }, { title: 0 }, lookups, now).mappingErrors.length).toBe(4);
  });
  it('refuses a mapping to a column past the last header, and two fields on one column, naming them', () => {
    expect(mappingProblems({ ...mapping, customerNo: 7, escalated: 12 }, headers)).toEqual([
      'customerNo is mapped to column 7, but the file has 7 columns (0–6)',
      'escalated is mapped to column 12, but the file has 7 columns (0–6)',
    ]);
    expect(mappingProblems({ ...mapping, description: 2, customerName: 2 }, headers)).toEqual([
      'title, description and customerName are all mapped to column 2 (“标题”); map each field to its own column',
    ]);
    expect(mappingProblems({ ...mapping, customerNo: 5 }, headers)).toEqual([
      'phone and customerNo are both mapped to column 5 (“电话”); map each field to its own column',
    ]);
    expect(parseTicketRows({ headers, rows: [] }, { ...mapping, customerNo: 5 }, lookups, now).mappingErrors).toHaveLength(1);
    expect(mappingProblems(mapping, headers)).toEqual([]);
  });
  it('reads dates as Beijing time unless a zone is given, and rejects impossible ones', () => {
    expect(parseImportDate('2026/11/03 08:00')).toEqual(new Date('2026-11-03T00:00:00Z'));
    expect(parseImportDate('2026-11-03T08:00:00Z')).toEqual(new Date('2026-11-03T08:00:00Z'));
    expect(parseImportDate('2026-13-01')).toBeNull();
    expect(parseImportDate('yesterday')).toBeNull();
  });
});
