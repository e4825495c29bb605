import { describe, expect, it } from 'vitest';
import { parseImportDate, parseTicketRows, suggestMapping } from './parse-ticket-rows.js';

const lookups = {
  categories: new Map([['s01-01', { id: 'cat-1', path: ['S', 'S01', 'cat-1'] }]]),
  orgUnits: new Map([['jn-dz-s01', { id: 'org-1', path: ['org-0', 'org-1'] }]]),
};
const now = new Date('2026-11-23T00:00:00Z');
const headers = ['类型', '渠道', '标题', '分类编码', '组织编码', '电话', '受理时间'];
const mapping = suggestMapping(headers);

describe('ticket import rows', () => {
  it('suggests the mapping from Chinese headers', () => {
    expect(mapping).toEqual({ type: 0, channel: 1, title: 2, categoryCode: 3, orgUnitCode: 4, phone: 5, createdAt: 6 });
  });
  it('accepts codes and Chinese labels, and reports each bad row with its field', () => {
    const r = parseTicketRows(
      [
        ['投诉', '热线', '话费多扣', 'S01-01', 'JN-DZ-S01', '138-0000-1111', '2026-11-01 09:30'],
        ['complaint', 'hotline', '重复的行', 'S01-01', 'JN-DZ-S01', '13800001112', '2026-11-02'],
        ['投诉', '热线', '错误电话', 'S01-01', 'JN-DZ-S01', '12345', ''],
        ['投诉', '热线', '未知分类', 'X99', 'JN-DZ-S01', '13800001113', ''],
        ['投诉', '热线', '错误日期', 'S01-01', 'JN-DZ-S01', '13800001114', '2026-02-30'],
        ['complaint', 'hotline', '重复的行', 'S01-01', 'JN-DZ-S01', '13800001112', '2026-11-02'],
        ['抱怨', '邮件', '', 'S01-01', 'JN-XZ', '', ''],
      ],
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
  it('needs the required columns mapped', () => {
    expect(parseTicketRows([], { title: 0 }, lookups, now).mappingErrors.length).toBe(4);
  });
  it('reads dates as Beijing time unless a zone is given, and rejects impossible ones', () => {
    expect(parseImportDate('2026/11/03 08:00')).toEqual(new Date('2026-11-03T00:00:00Z'));
    expect(parseImportDate('2026-11-03T08:00:00Z')).toEqual(new Date('2026-11-03T08:00:00Z'));
    expect(parseImportDate('2026-13-01')).toBeNull();
    expect(parseImportDate('yesterday')).toBeNull();
  });
});
