import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DURATION_BUCKET_EDGES, durationBucket, HISTOGRAM_COLUMNS, TICKET_MEASURES } from '@qloop/contracts';
import { rowsOf } from '../../db/client.js';
import { createHarness, type Harness, type Session } from '../../test/harness.js';
import { refreshTicketRollups } from './refresh-ticket-rollups.js';
import { histogramPercentile } from './indicator-value.js';

/**
 * The dashboard's figures: month rollups read for whole months (and equal to the day rows), the
 * type / channel / category filters, 环比 / 同比, breakdowns by unit, category, channel and two
 * dimensions, their spreadsheet, and 13+N owners. Tickets taken through the API at pinned instants.
 */
let h: Harness;
let qm: Session;
let dz: Session;
let xz: Session;
let cat: Record<string, string>;
const org: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  qm = await h.login('qm.li');
  dz = await h.login('agent.dz1');
  xz = await h.login('agent.xz1');
  for (const c of ['JN', 'JN-DZ', 'JN-XZ', 'JN-DZ-T01', 'JN-XZ-S01']) org[c] = await h.orgId(c);
  cat = await h.categoryIds();
  let phone = 13500000000;
  const take = async (s: Session, at: string, over: Record<string, unknown> = {}) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(at));
    const res = await s.req('POST', '/api/v1/tickets', {
      type: 'complaint', channel: 'hotline', title: '话费争议', categoryId: cat['S01-01'], orgUnitId: s === dz ? org['JN-DZ-T01'] : org['JN-XZ-S01'],
      customer: { phone: String(phone++) }, ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  // 东州: Nov 2025 1; Oct 2026 2 (one on the 31st); Nov 2026 3 (hotline 2, store 1 about slow data); Dec 2026 1
  // 西州: Nov 2026 2 (one escalated), Dec 2026 1 consultation
  await take(dz, '2025-11-10T10:00:00+08:00');
  await take(dz, '2026-10-15T10:00:00+08:00');
  await take(dz, '2026-10-31T23:30:00+08:00', { escalated: true, escalationSource: '10086 升级' });
  await take(dz, '2026-11-03T09:00:00+08:00');
  await take(dz, '2026-11-20T09:00:00+08:00');
  await take(dz, '2026-11-21T09:00:00+08:00', { channel: 'store', categoryId: cat['N03-01'] });
  await take(dz, '2026-12-01T09:00:00+08:00');
  await take(xz, '2026-11-05T09:00:00+08:00', { escalated: true, escalationSource: '10086 升级' });
  await take(xz, '2026-11-06T09:00:00+08:00', { categoryId: cat['N03-01'] });
  await take(xz, '2026-12-01T10:00:00+08:00', { type: 'consultation' });
  vi.useRealTimers();
  await refreshTicketRollups(h.database.db);
});
afterAll(() => h.close());
afterEach(() => vi.useRealTimers());

async function get(s: Session, path: string, q: Record<string, string>) {
  const res = await s.req('GET', `${path}?${new URLSearchParams(q)}`);
  return res;
}
async function value(key: string, q: Record<string, string>) {
  const res = await get(qm, `/api/v1/indicators/${key}/value`, q);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function breakdown(s: Session, key: string, q: Record<string, string>) {
  const res = await get(s, `/api/v1/indicators/${key}/breakdown`, q);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The month tables equal their day tables summed per month (measures and duration histograms); returns the measure rows compared. */
async function expectMonthsEqualDays(): Promise<number> {
  let compared = 0;
  for (const [columns, day, month] of [[TICKET_MEASURES, 'ticket_rollups', 'ticket_rollups_month'], [HISTOGRAM_COLUMNS, 'ticket_duration_rollups', 'ticket_duration_rollups_month']] as const) {
    const sums = columns.map((m) => `sum(${m})::bigint AS ${m}`).join(', ');
    const byMonth = async (table: string) =>
      rowsOf<Record<string, string>>(await h.database.db.execute(sql.raw(`SELECT to_char(date_trunc('month', day), 'YYYY-MM') AS m, org_unit_id, type, channel, category_id, ${sums}
        FROM ${table} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`))).map((r) => JSON.stringify(r));
    const days = await byMonth(day);
    expect(await byMonth(month), month).toEqual(days);
    if (day === 'ticket_rollups') compared = days.length;
  }
  return compared;
}

describe('month rollups', () => {
  it('hold exactly the day rows summed per month', async () => {
    expect(await expectMonthsEqualDays()).toBeGreaterThan(5);
  });

  it('a rolling period reads whole months and the partial ones at its ends, counting every ticket once', async () => {
    // 15 Oct – 1 Dec: Oct 15–31 from day rows (2), November whole from the month row (5), 1 Dec from day rows (1 complaint, 1 consultation)
    expect(await value('complaints', { orgUnit: org['JN']!, from: '2026-10-15', to: '2026-12-01' })).toMatchObject({ value: 8, numerator: 8 });
    // 16 Oct – 30 Nov: 31 Oct (1) and November (5)
    expect(await value('complaints', { orgUnit: org['JN']!, from: '2026-10-16', to: '2026-11-30' })).toMatchObject({ value: 6 });
    expect(await value('complaints', { orgUnit: org['JN-DZ']!, from: '2026-11-01', to: '2026-11-30' })).toMatchObject({ value: 3 });
    // the 31 Oct complaint at 23:30 Beijing counts in October, not November
    expect(await value('escalation_rate', { orgUnit: org['JN-DZ']!, from: '2026-10-01', to: '2026-10-31' })).toMatchObject({ numerator: 1, denominator: 2 });
  });
});

describe('dashboard filters', () => {
  it('narrow a figure by channel, type and category (with its subtree), and say so', async () => {
    const nov = { orgUnit: org['JN']!, from: '2026-11-01', to: '2026-11-30' };
    expect(await value('complaints', nov)).toMatchObject({ value: 5, sliced: false });
    expect(await value('complaints', { ...nov, channel: 'store' })).toMatchObject({ value: 1, sliced: true });
    expect(await value('complaints', { ...nov, category: cat['N']! })).toMatchObject({ value: 2 });
    expect(await value('complaints', { ...nov, category: cat['N03']!, channel: 'hotline' })).toMatchObject({ value: 1 });
    // the complaint count filtered to consultations is empty: the filters add to the indicator's own
    expect(await value('complaints', { ...nov, type: 'consultation' })).toMatchObject({ value: 0 });
    // a ratio is cut on both sides: escalated hotline complaints over hotline complaints
    expect(await value('escalation_rate', { ...nov, channel: 'hotline' })).toMatchObject({ numerator: 1, denominator: 4 });
    // the tickets behind a filtered figure are cut the same way
    const traced = await get(qm, '/api/v1/indicators/complaints/tickets', { ...nov, channel: 'store' });
    expect(traced.json().total).toBe(1);
    expect((await get(qm, '/api/v1/indicators/complaints/value', { ...nov, channel: 'fax' })).statusCode).toBe(400);
  });
});

describe('环比 and 同比', () => {
  it('compare November with October and with November a year earlier', async () => {
    const v = await value('complaints', { orgUnit: org['JN-DZ']!, from: '2026-11-01', to: '2026-11-30', compare: 'true' });
    expect(v).toMatchObject({ value: 3 });
    expect(v.comparisons).toEqual({
      previous: { from: '2026-10-01', to: '2026-10-31', value: 2, numerator: 2, denominator: null },
      lastYear: { from: '2025-11-01', to: '2025-11-30', value: 1, numerator: 1, denominator: null },
    });
    expect((await value('complaints', { orgUnit: org['JN-DZ']!, from: '2026-11-01', to: '2026-11-30' })).comparisons).toBeUndefined();
  });
});

describe('breakdowns', () => {
  const nov = { orgUnit: '', from: '2026-11-01', to: '2026-11-30' };
  beforeAll(() => { nov.orgUnit = org['JN']!; });

  it('a league table of the branches: every branch, ranked in the direction of better, adding up to the whole', async () => {
    const b = await breakdown(qm, 'complaints', { ...nov, by: 'unit' });
    // fewer complaints is better: branches without one are listed too, with 0 and the best rank, then 西州 (2), then 东州 (3)
    const quiet = b.rows.filter((r: { value: number }) => r.value === 0);
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.every((r: { rank: number }) => r.rank === 1)).toBe(true);
    expect(b.rows.slice(quiet.length).map((r: { by: string; value: number; rank: number }) => [r.by, r.value, r.rank])).toEqual([
      [org['JN-XZ'], 2, quiet.length + 1], [org['JN-DZ'], 3, quiet.length + 2],
    ]);
    expect(b.rows.reduce((n: number, r: { value: number }) => n + r.value, 0)).toBe(b.total.value);
    // the whole is the unit's own figure, as a tile shows it
    const tile = await value('complaints', nov);
    expect(b.total).toEqual({ value: tile.value, numerator: tile.numerator, denominator: tile.denominator });
    expect(b.labels[org['JN-DZ']!]).toEqual({ zh: '东州分公司', en: 'Dongzhou Branch' });
    expect(b.owner).toMatchObject({ kind: 'org_unit', id: org['JN'] });
    // a ratio ranks higher-is-worse figures low: 西州 50% escalated, 东州 0%
    const esc = await breakdown(qm, 'escalation_rate', { ...nov, by: 'unit' });
    const dzRow = esc.rows.find((r: { by: string }) => r.by === org['JN-DZ']);
    const xzRow = esc.rows.find((r: { by: string }) => r.by === org['JN-XZ']);
    expect([dzRow.value, dzRow.numerator, dzRow.denominator, xzRow.value, xzRow.numerator, xzRow.denominator]).toEqual([0, 0, 3, 50, 1, 2]);
    expect(dzRow.rank).toBeLessThan(xzRow.rank);
    const escTile = await value('escalation_rate', nov);
    expect(esc.total).toEqual({ value: escTile.value, numerator: escTile.numerator, denominator: escTile.denominator });
    expect(xzRow.level).toBe('red');
  });

  it('by category at level 1 and 2, by channel, and category × branch', async () => {
    const l2 = await breakdown(qm, 'complaints', { ...nov, by: 'category', categoryLevel: '2' });
    expect(Object.fromEntries(l2.rows.map((r: { by: string; value: number }) => [r.by, r.value]))).toEqual({ [cat['S01']!]: 3, [cat['N03']!]: 2 });
    expect(l2.labels[cat['N03']!].zh).toBe('上网质量');
    const l1 = await breakdown(qm, 'complaints', { ...nov, by: 'category', categoryLevel: '1' });
    expect(Object.fromEntries(l1.rows.map((r: { by: string; value: number }) => [r.by, r.value]))).toEqual({ [cat['S']!]: 3, [cat['N']!]: 2 });
    const ch = await breakdown(qm, 'complaints', { ...nov, by: 'channel' });
    expect(Object.fromEntries(ch.rows.map((r: { by: string; value: number }) => [r.by, r.value]))).toEqual({ hotline: 4, store: 1 });
    expect(ch.labels.store).toEqual({ zh: '营业厅', en: 'Store' });
    const heat = await breakdown(qm, 'complaints', { ...nov, by: 'category', then: 'unit', categoryLevel: '2' });
    const cells = heat.rows.map((r: { by: string; then: string; value: number }) => `${r.by === cat['S01'] ? 'S01' : 'N03'}/${r.then === org['JN-DZ'] ? 'DZ' : 'XZ'}=${r.value}`).sort();
    expect(cells).toEqual(['N03/DZ=1', 'N03/XZ=1', 'S01/DZ=2', 'S01/XZ=1']);
    // filters apply to breakdowns too
    const store = await breakdown(qm, 'complaints', { ...nov, by: 'category', channel: 'store' });
    expect(store.rows.map((r: { value: number }) => r.value)).toEqual([1]);
    expect(store.sliced).toBe(true);
  });

  it('refuses what cannot be broken down, and the same dimension twice', async () => {
    expect((await get(qm, '/api/v1/indicators/csat/breakdown', { ...nov, by: 'category' })).statusCode).toBe(400);
    expect((await get(qm, '/api/v1/indicators/complaints/breakdown', { ...nov, by: 'unit', then: 'unit' })).statusCode).toBe(400);
    // open tickets by unit are counted per branch: 东州's six complaints taken by 30 Nov, none closed
    const backlog = await breakdown(qm, 'backlog', { ...nov, by: 'unit' });
    expect(backlog.rows.find((r: { by: string }) => r.by === org['JN-DZ']).value).toBe(6);
    // and by category, in one grouped count: the cells add up to the whole
    const byCategory = await breakdown(qm, 'backlog', { ...nov, by: 'category', categoryLevel: '1' });
    expect(byCategory.rows.reduce((n: number, r: { value: number }) => n + r.value, 0)).toBe(byCategory.total.value);
    expect(byCategory.total.value).toBe((await value('backlog', nov)).value);
    expect(byCategory.rows.length).toBe(2);
  });

  it('keeps to the caller\'s scope: another branch is not found, and a branch sees only its own stores', async () => {
    expect((await get(xz, '/api/v1/indicators/complaints/breakdown', { ...nov, orgUnit: org['JN-DZ']!, by: 'unit' })).statusCode).toBe(404);
    const bm = await h.login('bm.dz');
    const own = await breakdown(bm, 'complaints', { from: nov.from, to: nov.to, by: 'unit' });
    expect(own.orgUnitId).toBe(org['JN-DZ']);
    expect(own.rows.some((r: { by: string }) => r.by === org['JN-XZ'])).toBe(false);
  });

  it('exports the table as a spreadsheet', async () => {
    const res = await get(qm, '/api/v1/indicators/complaints/breakdown', { ...nov, by: 'channel', format: 'xlsx', lang: 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('complaints-channel-2026-11-01-2026-11-30.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(['Channel', 'Value', 'Numerator', 'Denominator', 'Level', 'Rank']);
    // fewer complaints is better: the store channel ranks first
    expect(rows).toContainEqual(['Store', 1, 1, undefined, undefined, 1]);
    expect(rows).toContainEqual(['Hotline', 4, 4, undefined, undefined, 2]);
    expect(rows[rows.length - 1]!.slice(0, 2)).toEqual(['Total', 5]);
  });
});

describe('13+N owners', () => {
  it('a quality manager sets the owning department: it owns the province number, each branch its own; audited', async () => {
    const depts = (await qm.req('GET', '/api/v1/departments')).json().items as { id: string; code: string }[];
    const net = depts.find((d) => d.code === 'NET')!;
    expect((await dz.req('PUT', '/api/v1/indicators/complaints/owner', { departmentId: net.id })).statusCode).toBe(403);
    expect((await qm.req('PUT', '/api/v1/indicators/complaints/owner', { departmentId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);
    expect((await qm.req('PUT', '/api/v1/indicators/no_such/owner', { departmentId: net.id })).statusCode).toBe(404);
    const set = await qm.req('PUT', '/api/v1/indicators/complaints/owner', { departmentId: net.id });
    expect(set.statusCode, set.body).toBe(200);
    const q = { from: '2026-11-01', to: '2026-11-30', by: 'unit' };
    expect((await breakdown(qm, 'complaints', { ...q, orgUnit: org['JN']! })).owner).toMatchObject({ kind: 'department', id: net.id, name: '网络运维部' });
    expect((await breakdown(qm, 'complaints', { ...q, orgUnit: org['JN-DZ']! })).owner).toMatchObject({ kind: 'org_unit', id: org['JN-DZ'] });
    const lib = (await qm.req('GET', '/api/v1/indicators')).json().items as { key: string; ownerDepartmentId: string | null }[];
    expect(lib.find((i) => i.key === 'complaints')!.ownerDepartmentId).toBe(net.id);
    const [audit] = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'indicator_owner' AND entity_id = 'complaints'`));
    expect(audit!.n).toBe(1);
    expect((await qm.req('PUT', '/api/v1/indicators/complaints/owner', { departmentId: null })).statusCode).toBe(200);
    expect((await breakdown(qm, 'complaints', { ...q, orgUnit: org['JN']! })).owner.kind).toBe('org_unit');
  });
});

describe('duration percentiles (frt_p90, handle_p90)', () => {
  it('come from the rollups\' histogram: the same as the histogram of the clocks themselves, over the tickets traced behind them', async () => {
    const me = await h.userId('agent.dz1');
    const ids = rowsOf<{ id: string }>(await h.database.db.execute(sql`SELECT id FROM tickets WHERE org_unit_id = ${org['JN-DZ-T01']} ORDER BY created_at DESC LIMIT 4`)).map((r) => r.id);
    // answered after different waits, then closed: first response and handling durations measured
    for (const [i, id] of ids.entries()) {
      for (const [k, body] of ([{ action: 'assign', assigneeId: me }, { action: 'start' }, { action: 'answer', reply: '已处理' }, { action: 'close', outcome: 'resolved', followUpResult: '客户认可' }] as Record<string, unknown>[]).entries()) {
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(new Date(Date.parse('2026-12-02T02:00:00Z') + (i * 37 + k * 11) * 60_000));
        const version = (await dz.req('GET', `/api/v1/tickets/${id}`)).json().version;
        const res = await dz.req('POST', `/api/v1/tickets/${id}/transitions`, { version, ...body });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    vi.useRealTimers();
    await refreshTicketRollups(h.database.db);
    await expectMonthsEqualDays();
    const [hist] = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM ticket_duration_rollups_month`));
    expect(hist!.n).toBeGreaterThan(0);
    const q = { orgUnit: org['JN']!, from: '2025-11-01', to: '2026-12-31' };
    for (const [key, kind] of [['frt_p90', 'first_response'], ['handle_p90', 'resolution']] as const) {
      const minutes = rowsOf<{ m: number }>(
        await h.database.db.execute(sql`SELECT DISTINCT ON (ticket_id) elapsed_minutes AS m FROM ticket_clocks WHERE kind = ${kind} AND status IN ('met', 'breached') ORDER BY ticket_id, cycle`),
      ).map((r) => Number(r.m));
      expect(minutes.length).toBe(4);
      const counts = DURATION_BUCKET_EDGES.map(() => 0);
      for (const m of minutes) counts[durationBucket(m)]!++;
      const v = await value(key, q);
      expect(v, key).toMatchObject({ value: histogramPercentile(counts, DURATION_BUCKET_EDGES, 0.9), numerator: null, denominator: 4 });
      expect(v.value).toBeGreaterThan(0);
      // the tickets behind it: the four measured
      expect((await get(qm, `/api/v1/indicators/${key}/tickets`, q)).json().total).toBe(4);
      // broken down by branch: all four in 东州, none measured in 西州 (no data, not 0 minutes)
      const b = await breakdown(qm, key, { ...q, by: 'unit' });
      expect(b.rows.find((r: { by: string }) => r.by === org['JN-DZ'])).toMatchObject({ value: v.value, denominator: 4 });
      expect(b.rows.find((r: { by: string }) => r.by === org['JN-XZ'])).toMatchObject({ value: null, denominator: 0 });
      expect(b.total).toEqual({ value: v.value, numerator: null, denominator: 4 });
      // and as a monthly trend: first responses count in the month a ticket was taken, handling in the month it closed (December)
      const series = (await get(qm, `/api/v1/indicators/${key}/series`, { ...q, grain: 'month' })).json();
      const measured = series.points.filter((p: { denominator: number }) => p.denominator > 0).map((p: { from: string; denominator: number }) => [p.from, p.denominator]);
      expect(measured).toEqual(key === 'handle_p90' ? [['2026-12-01', 4]] : [['2026-11-01', 3], ['2026-12-01', 1]]);
    }
  });
});
