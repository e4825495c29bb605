import {
  CHANNELS,
  IMPORT_FIELDS,
  PRIORITIES,
  REQUEST_TYPES,
  REQUIRED_IMPORT_FIELDS,
  TICKET_LIMITS,
  type Channel,
  type ImportField,
  type ImportMapping,
  type TicketImportRowError,
  type TicketImportErrorCode,
  type Priority,
  type RequestType,
} from '@qloop/contracts';
import type { SheetRow } from '../../lib/spreadsheet.js';

export type RowError = TicketImportRowError;

/** A row error with its code; `params` are the values the message quotes. */
export function rowError(row: number, code: TicketImportErrorCode, message: string, more: { field?: string; params?: Record<string, string | number> } = {}): RowError {
  return { row, ...(more.field ? { field: more.field } : {}), code, ...(more.params ? { params: more.params } : {}), message };
}

export type ParsedTicketRow = {
  row: number;
  type: RequestType;
  channel: Channel;
  priority: Priority;
  title: string;
  description: string;
  categoryId: string;
  categoryPath: string[];
  orgUnitId: string;
  /** the org unit's path, root first (assignment rules match on it) */
  orgPath: string[];
  phone: string | null;
  customerName: string | null;
  customerNo: string | null;
  createdAt: Date | null;
  escalated: boolean;
};

export type ImportLookups = {
  /** active categories by lower-case code */
  categories: Map<string, { id: string; path: string[] }>;
  /** org units in the importer's scope by lower-case code */
  orgUnits: Map<string, { id: string; path: string[] }>;
};

// People type Chinese labels as often as codes: accept both.
const ALIASES: Record<string, Record<string, string>> = {
  type: { 咨询: 'consultation', 业务办理: 'business', 故障报修: 'fault', 报修: 'fault', 投诉: 'complaint', 建议: 'suggestion', 表扬: 'praise' },
  channel: { 热线: 'hotline', 营业厅: 'store', 网站: 'web', 网上营业厅: 'e_channel', 电子渠道: 'e_channel', app: 'app_api', 接口: 'app_api', 社交媒体: 'social_media', 微博: 'social_media', 工信部: 'regulator', '12300': 'regulator', 监管转办: 'regulator' },
  priority: { 低: 'low', 普通: 'normal', 一般: 'normal', 高: 'high', 紧急: 'urgent' },
};

const HEADER_GUESSES: Record<ImportField, string[]> = {
  type: ['type', '类型', '诉求类型', '工单类型'],
  channel: ['channel', '渠道', '受理渠道'],
  priority: ['priority', '优先级'],
  title: ['title', '标题', '主题'],
  description: ['description', '描述', '内容', '详细描述', '问题描述'],
  categoryCode: ['categorycode', 'category', '分类', '分类编码'],
  orgUnitCode: ['orgunitcode', 'org', '组织', '组织编码', '归属组织'],
  phone: ['phone', '电话', '手机', '联系电话', '客户电话'],
  customerName: ['customername', 'name', '客户', '客户姓名', '姓名'],
  customerNo: ['customerno', '客户编号', '用户编号'],
  createdAt: ['createdat', '受理时间', '创建时间', '时间'],
  escalated: ['escalated', '升级', '升级投诉'],
};

/** A first mapping from the header row: each field to the column whose header names it. */
export function suggestMapping(headers: string[]): ImportMapping {
  const norm = headers.map((h) => h.trim().toLowerCase().replace(/\s+/g, ''));
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS) {
    const i = norm.findIndex((h) => HEADER_GUESSES[field].includes(h));
    if (i >= 0) mapping[field] = i;
  }
  return mapping;
}

function enumValue<T extends string>(raw: string, allowed: readonly T[], aliases: Record<string, string>): T | null {
  const v = raw.trim();
  const lower = v.toLowerCase();
  if ((allowed as readonly string[]).includes(lower)) return lower as T;
  const aliased = aliases[v] ?? aliases[lower];
  return aliased && (allowed as readonly string[]).includes(aliased) ? (aliased as T) : null;
}

/** 2026-11-03, 2026/11/03 09:30, 2026-11-03T09:30:00+08:00; a time without zone is Beijing time. */
export function parseImportDate(raw: string): Date | null {
  const s = raw.trim();
  if (!s) return null;
  if (/[zZ]|[+-]\d\d:?\d\d$/.test(s) && !Number.isNaN(Date.parse(s))) return new Date(s);
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', se = '0'] = m.slice(1);
  const date = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h - 8, +mi, +se));
  // reject 2026-02-30 and the like, which Date would roll over
  const back = new Date(date.getTime() + 8 * 3600_000);
  if (back.getUTCMonth() !== +mo! - 1 || back.getUTCDate() !== +d!) return null;
  return date;
}

/**
 * Problems of a mapping in itself: required fields left out, a column past the last header, two
 * fields read from one column. Each would otherwise surface as a confusing error on every row.
 */
export function mappingProblems(mapping: ImportMapping, headers: readonly string[]): string[] {
  const problems = REQUIRED_IMPORT_FIELDS.filter((f) => mapping[f] === undefined).map((f) => `map a column to ${f}`);
  const byColumn = new Map<number, ImportField[]>();
  for (const field of IMPORT_FIELDS) {
    const col = mapping[field];
    if (col === undefined) continue;
    if (col >= headers.length) {
      problems.push(`${field} is mapped to column ${col}, but the file has ${headers.length} columns (0–${headers.length - 1})`);
      continue;
    }
    byColumn.set(col, [...(byColumn.get(col) ?? []), field]);
  }
  for (const [col, fields] of byColumn) {
    if (fields.length < 2) continue;
    const names = `${fields.slice(0, -1).join(', ')} and ${fields.at(-1)} are ${fields.length === 2 ? 'both' : 'all'}`;
    problems.push(`${names} mapped to column ${col} (“${headers[col]}”); map each field to its own column`);
  }
  return problems;
}

/**
 * Checks every data row against the mapping and the look-ups; pure. Rows keep their spreadsheet
 * numbers (header = 1). Duplicates within the file (same phone, title and time) are errors.
 */
export function parseTicketRows(
  sheet: { headers: readonly string[]; rows: readonly SheetRow[] },
  mapping: ImportMapping,
  lookups: ImportLookups,
  now: Date,
): { valid: ParsedTicketRow[]; errors: RowError[]; mappingErrors: string[] } {
  const mappingErrors = mappingProblems(mapping, sheet.headers);
  if (mappingErrors.length) return { valid: [], errors: [], mappingErrors };
  const cell = (r: string[], f: ImportField) => (mapping[f] === undefined ? '' : (r[mapping[f]!] ?? '').trim());
  const valid: ParsedTicketRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells: r } of sheet.rows) {
    const problems: RowError[] = [];
    const bad = (field: ImportField, code: TicketImportErrorCode, message: string, params?: Record<string, string | number>) =>
      problems.push(rowError(row, code, message, { field, ...(params ? { params } : {}) }));
    const type = enumValue(cell(r, 'type'), REQUEST_TYPES, ALIASES.type!);
    if (!type) bad('type', 'unknown_type', `unknown type “${cell(r, 'type')}”`, { value: cell(r, 'type') });
    const channel = enumValue(cell(r, 'channel'), CHANNELS, ALIASES.channel!);
    if (!channel) bad('channel', 'unknown_channel', `unknown channel “${cell(r, 'channel')}”`, { value: cell(r, 'channel') });
    const rawPriority = cell(r, 'priority');
    const priority = rawPriority ? enumValue(rawPriority, PRIORITIES, ALIASES.priority!) : 'normal';
    if (!priority) bad('priority', 'unknown_priority', `unknown priority “${rawPriority}”`, { value: rawPriority });
    const title = cell(r, 'title');
    if (!title) bad('title', 'title_empty', 'title is empty');
    else if (title.length > TICKET_LIMITS.titleMax) bad('title', 'title_too_long', `title is longer than ${TICKET_LIMITS.titleMax} characters`, { max: TICKET_LIMITS.titleMax });
    const description = cell(r, 'description');
    if (description.length > TICKET_LIMITS.descriptionMax) bad('description', 'description_too_long', 'description is too long', { max: TICKET_LIMITS.descriptionMax });
    const category = lookups.categories.get(cell(r, 'categoryCode').toLowerCase());
    if (!category) bad('categoryCode', 'unknown_category', `no current category with code “${cell(r, 'categoryCode')}”`, { value: cell(r, 'categoryCode') });
    const org = lookups.orgUnits.get(cell(r, 'orgUnitCode').toLowerCase());
    if (!org) bad('orgUnitCode', 'unknown_org_unit', `no org unit with code “${cell(r, 'orgUnitCode')}” in your scope`, { value: cell(r, 'orgUnitCode') });
    const phone = cell(r, 'phone').replace(/[\s-]/g, '');
    if (phone && !/^1\d{10}$|^0\d{9,11}$/.test(phone)) bad('phone', 'bad_phone', `“${cell(r, 'phone')}” is not a phone number`, { value: cell(r, 'phone') });
    const customerNo = cell(r, 'customerNo');
    if (!phone && !customerNo) bad('phone', 'no_customer', 'give the customer’s phone or customer number');
    const rawDate = cell(r, 'createdAt');
    const createdAt = rawDate ? parseImportDate(rawDate) : null;
    if (rawDate && !createdAt) bad('createdAt', 'bad_date', `“${rawDate}” is not a date like 2026-11-03 09:30`, { value: rawDate });
    else if (createdAt && createdAt > now) bad('createdAt', 'future_date', 'the date is in the future');
    const esc = cell(r, 'escalated').toLowerCase();
    if (problems.length) {
      errors.push(...problems);
      continue;
    }
    const key = `${phone || customerNo}|${title}|${createdAt?.toISOString() ?? ''}`;
    const earlier = seen.get(key);
    if (earlier) {
      errors.push(rowError(row, 'duplicate_row', `duplicates row ${earlier} (same customer, title and time)`, { params: { row: earlier } }));
      continue;
    }
    seen.set(key, row);
    valid.push({
      row,
      type: type!,
      channel: channel!,
      priority: priority!,
      title,
      description,
      categoryId: category!.id,
      categoryPath: category!.path,
      orgUnitId: org!.id,
      orgPath: org!.path,
      phone: phone || null,
      customerName: cell(r, 'customerName') || null,
      customerNo: customerNo || null,
      createdAt,
      escalated: ['1', 'true', 'yes', '是', 'y'].includes(esc),
    });
  }
  return { valid, errors, mappingErrors };
}
