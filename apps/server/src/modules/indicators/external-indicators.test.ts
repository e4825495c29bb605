import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/harness.js';

/**
 * External indicators: figures supplied per org unit and period by import (with a per-row report)
 * or API push (idempotent), rolled up over the org subtree.
 */
let h: Harness;
let admin: Session;
let qm: Session;
let bm: Session;
const org: Record<string, string> = {};
const levels = (yellow: number | null, orange: number | null, red: number | null) => ({
  yellow,
  orange,
  red,
});

const coverage = {
  key: 'network_coverage',
  nameZh: '网络覆盖率',
  nameEn: 'Network coverage',
  description: 'covered sample points ÷ sample points (drive test)',
  formula: { kind: 'external', grain: 'month', scale: 100 },
  unit: '%',
  unitEn: '%',
  direction: 'higher_better',
  target: 95,
  thresholds: levels(95, 90, 85),
};
const callDrop = {
  key: 'call_drop_rate',
  nameZh: '掉话率',
  nameEn: 'Call drop rate',
  description: 'dropped calls ÷ calls, from the network management system',
  formula: { kind: 'external', grain: 'day', scale: 100 },
  unit: '%',
  unitEn: '%',
  direction: 'lower_better',
  target: 0.5,
  thresholds: levels(0.5, 1, 2),
};

beforeAll(async () => {
  h = await createHarness();
  [admin, qm, bm] = [await h.login('admin'), await h.login('qm.li'), await h.login('bm.dz')];
  for (const c of ['JN', 'JN-DZ', 'JN-XZ', 'JN-NZ', 'JN-DZ-S01', 'JN-DZ-S02', 'JN-XZ-S01'])
    org[c] = await h.orgId(c);
  for (const ind of [coverage, callDrop])
    expect((await admin.req('POST', '/api/v1/indicators', ind)).statusCode).toBe(201);
});
afterAll(() => h.close());

function upload(s: Session, filename: string, content: Buffer, q: Record<string, string> = {}) {
  const boundary = '----qloopboundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return h.app.inject({
    method: 'POST',
    url: `/api/v1/indicators/values/import?${new URLSearchParams(q)}`,
    payload: body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
    },
  });
}
const value = async (key: string, unit: string, from: string, to: string, s = qm) => {
  const res = await s.req(
    'GET',
    `/api/v1/indicators/${key}/value?${new URLSearchParams({ orgUnit: org[unit]!, from, to })}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const stored = async (key: string, q: Record<string, string> = {}) =>
  (
    await qm.req('GET', `/api/v1/indicators/${key}/values?${new URLSearchParams({ pageSize: '200', ...q })}`)
  ).json();

describe('importing external figures', () => {
  const csv = [
    'indicatorKey,orgUnitCode,period,value,numerator,denominator',
    'network_coverage,JN-DZ-S01,2026-10,95,950,1000', // row 2 ok
    'no_such_indicator,JN-DZ-S01,2026-10,95,,', // row 3 unknown key
    'network_coverage,NOPE,2026-10,95,,', // row 4 unknown org code
    'network_coverage,JN-DZ-S02,2026-13,95,,', // row 5 bad period
    'network_coverage,JN-DZ-S02,2026-10,high,,', // row 6 not a number
    'network_coverage,JN-DZ-S02,2026-10-05,95,,', // row 7 a day for a monthly figure
    'on_time_rate,JN-DZ-S02,2026-10,95,,', // row 8 a ticket indicator
    'network_coverage,JN-DZ-S02,2026-10,88,880,', // row 9 numerator without denominator
    'network_coverage,JN-DZ-S02,2026-10,70,880,1000', // row 10 value disagrees with its parts
    'network_coverage,JN-DZ-S01,2026年10月,95,950,1000', // row 11 duplicates row 2
    '',
    'call_drop_rate,JN-XZ-S01,2026-10-05,"0.8%",,', // row 13 ok (row 12 blank)
  ].join('\n');

  it('reports every bad row by spreadsheet row and code; all or nothing stores nothing', async () => {
    const res = await upload(qm, 'values.csv', Buffer.from(csv));
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ dryRun: false, mode: 'all_or_nothing', rows: 11, imported: 0, failed: 9 });
    expect(r.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [3, 'unknown_indicator'],
      [4, 'unknown_org_unit'],
      [5, 'bad_period'],
      [6, 'bad_value'],
      [7, 'wrong_grain'],
      [8, 'not_external'],
      [9, 'parts_incomplete'],
      [10, 'inconsistent'],
      [11, 'duplicate_row'],
    ]);
    expect(r.errors.find((e: { row: number }) => e.row === 11).params).toEqual({ row: 2 });
    expect(r.errors.find((e: { row: number }) => e.row === 6)).toMatchObject({
      field: 'value',
      params: { value: 'high' },
    });
    expect((await stored('network_coverage')).total).toBe(0);
  });

  it('a dry run stores nothing; valid_rows stores the good rows and reports the rest', async () => {
    expect(
      (await upload(qm, 'values.csv', Buffer.from(csv), { dryRun: 'true', mode: 'valid_rows' })).json(),
    ).toMatchObject({ dryRun: true, imported: 0, failed: 9 });
    expect((await stored('network_coverage')).total).toBe(0);
    const r = (await upload(qm, 'values.csv', Buffer.from(csv), { mode: 'valid_rows' })).json();
    expect(r).toMatchObject({ imported: 2, failed: 9, errorCount: 9 });
    expect((await stored('network_coverage')).items).toEqual([
      expect.objectContaining({
        orgUnitCode: 'JN-DZ-S01',
        period: '2026-10',
        value: 95,
        numerator: 950,
        denominator: 1000,
        source: 'import',
      }),
    ]);
    expect((await stored('call_drop_rate')).items).toEqual([
      expect.objectContaining({
        orgUnitCode: 'JN-XZ-S01',
        period: '2026-10-05',
        value: 0.8,
        numerator: null,
      }),
    ]);
    const audit = (
      await admin.req('GET', '/api/v1/audit?entityType=indicator_values&entityId=network_coverage')
    ).json().items;
    expect(audit[0]).toMatchObject({
      action: 'import',
      after: { source: 'import', file: 'values.csv', created: 1, replaced: 0 },
    });
  });

  it('reads XLSX with Chinese headers, a month cell Excel made a date, and a value left to its parts', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('外部指标');
    ws.addRow(['指标编码', '组织编码', '期间', '数值', '分子', '分母']);
    ws.addRow(['network_coverage', 'JN-DZ-S02', new Date(Date.UTC(2026, 9, 1)), null, 880, 1000]);
    ws.addRow(['call_drop_rate', 'JN-XZ-S01', new Date(Date.UTC(2026, 9, 6)), 1.2, null, null]);
    const r = (await upload(qm, 'values.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).json();
    expect(r).toMatchObject({ imported: 2, errors: [] });
    expect((await stored('network_coverage', { orgUnit: org['JN-DZ-S02']! })).items[0]).toMatchObject({
      period: '2026-10',
      value: 88,
      numerator: 880,
      denominator: 1000,
    });
  });

  it('refuses a sheet without the required columns, and a branch manager altogether', async () => {
    const r = (await upload(qm, 'x.csv', Buffer.from('orgUnitCode,value\nJN,1\n'))).json();
    expect(r.errors.map((e: { field: string }) => e.field)).toEqual(['indicatorKey', 'period']);
    expect((await upload(bm, 'values.csv', Buffer.from(csv))).statusCode).toBe(403);
  });
});

describe('pushing external figures by API', () => {
  const push = (s: Session | null, key: string, items: unknown, token?: string) =>
    s
      ? s.req('POST', `/api/v1/indicators/${key}/values`, items)
      : h.app.inject({
          method: 'POST',
          url: `/api/v1/indicators/${key}/values`,
          payload: items as object,
          headers: { authorization: `Bearer ${token}` },
        });

  it('is idempotent per indicator, unit and period: a re-push replaces, the same push twice changes nothing', async () => {
    const items = [
      { orgUnitCode: 'JN-XZ', period: '2026-10', value: 97 },
      { orgUnitCode: 'jn-xz-s01', period: '2026-10', value: 90 },
      { orgUnitId: org['JN-NZ'], period: '2026-10', value: 80, numerator: 800, denominator: 1000 },
    ];
    const first = await push(qm, 'network_coverage', items);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      key: 'network_coverage',
      received: 3,
      created: 3,
      replaced: 0,
      unchanged: 0,
    });
    expect((await push(qm, 'network_coverage', items)).json()).toMatchObject({
      created: 0,
      replaced: 0,
      unchanged: 3,
    });
    const again = await push(qm, 'network_coverage', [{ ...items[2], value: 82, numerator: 820 }]);
    expect(again.json()).toMatchObject({ created: 0, replaced: 1, unchanged: 0 });
    const nz = (await stored('network_coverage', { orgUnit: org['JN-NZ']! })).items;
    expect(nz).toEqual([expect.objectContaining({ value: 82, numerator: 820, source: 'api' })]);
    const audit = (
      await admin.req('GET', '/api/v1/audit?entityType=indicator_values&entityId=network_coverage')
    ).json().items;
    expect(audit[0].after).toMatchObject({
      source: 'api',
      replaced: 1,
      replacedFigures: [
        { orgUnitCode: 'JN-NZ', period: '2026-10', before: { value: 80 }, after: { value: 82 } },
      ],
    });
  });

  it('stores nothing when any item is bad, and names each by its index', async () => {
    const res = await push(qm, 'network_coverage', [
      { orgUnitCode: 'JN-DZ', period: '2026-09', value: 99 },
      { orgUnitCode: 'JN-DZ', period: '2026-09-02', value: 99 },
      { orgUnitCode: 'NOPE', period: '2026-09', value: 99 },
      { orgUnitCode: 'JN-XZ', period: '2026-09', value: 50, numerator: 99, denominator: 100 },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
      ['body.1.period', 'wrong_grain'],
      ['body.2.orgUnitCode', 'unknown_org_unit'],
      ['body.3.value', 'inconsistent'],
    ]);
    expect((await stored('network_coverage', { from: '2026-09', to: '2026-09' })).total).toBe(0);
    expect(
      (await push(qm, 'on_time_rate', [{ orgUnitCode: 'JN', period: '2026-09', value: 1 }])).statusCode,
    ).toBe(400);
    expect((await push(qm, 'network_coverage', [{ period: '2026-09', value: 1 }])).statusCode).toBe(400);
  });

  it('another system pushes with an API token scoped indicators:manage; a read-only token is refused', async () => {
    const mk = async (scopes: string[]) =>
      (await admin.req('POST', '/api/v1/api-tokens', { name: `nms ${scopes.join(' ')}`, scopes })).json()
        .token as string;
    const writer = await mk(['indicators:manage']);
    const reader = await mk(['indicators:read']);
    const ok = await push(
      null,
      'call_drop_rate',
      [{ orgUnitCode: 'JN-XZ-S01', period: '2026-10-07', value: 0.4 }],
      writer,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ created: 1 });
    expect(
      (
        await push(
          null,
          'call_drop_rate',
          [{ orgUnitCode: 'JN-XZ-S01', period: '2026-10-07', value: 0.4 }],
          reader,
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (await push(bm, 'call_drop_rate', [{ orgUnitCode: 'JN-DZ', period: '2026-10-07', value: 0.4 }]))
        .statusCode,
    ).toBe(403);
  });
});

describe('rolling up over the org subtree', () => {
  // October 2026 coverage now stored: 东州 S01 95 (950/1000), S02 88 (880/1000); 西州 own 97 and its
  // store S01 90 (no parts); 南州 own 82 (820/1000)
  it('pools numerators and denominators where every value has them', async () => {
    expect(await value('network_coverage', 'JN-DZ', '2026-10-01', '2026-10-31')).toMatchObject({
      value: 91.5,
      numerator: 1830,
      denominator: 2000,
      target: 95,
      level: 'yellow',
    });
    expect(await value('network_coverage', 'JN-DZ-S01', '2026-10-01', '2026-10-31')).toMatchObject({
      value: 95,
      numerator: 950,
      denominator: 1000,
      level: 'green',
    });
  });

  it('a unit’s own figure beats its stores’; without parts everywhere the figure is the plain mean', async () => {
    expect(await value('network_coverage', 'JN-XZ', '2026-10-01', '2026-10-31')).toMatchObject({
      value: 97,
      numerator: null,
      denominator: null,
    });
    // the province takes 东州's two stores, 西州's own and 南州's own: mean of 95, 88, 97, 82
    expect(await value('network_coverage', 'JN', '2026-10-01', '2026-10-31')).toMatchObject({
      value: 90.5,
      numerator: null,
      denominator: null,
      level: 'yellow',
    });
    // a monthly figure counts for any period that touches its month
    expect(await value('network_coverage', 'JN-DZ', '2026-10-15', '2026-10-15')).toMatchObject({
      value: 91.5,
    });
    expect(await value('network_coverage', 'JN-DZ', '2026-11-01', '2026-11-30')).toMatchObject({
      value: null,
      level: null,
    });
  });

  it('pools over several months, trends by month, and is traced to its values, not tickets', async () => {
    await admin.req('POST', '/api/v1/indicators/network_coverage/values', [
      { orgUnitCode: 'JN-DZ-S01', period: '2026-11', value: 99, numerator: 990, denominator: 1000 },
      { orgUnitCode: 'JN-DZ-S02', period: '2026-11', value: 60, numerator: 1200, denominator: 2000 },
    ]);
    expect(await value('network_coverage', 'JN-DZ', '2026-10-01', '2026-11-30')).toMatchObject({
      numerator: 950 + 880 + 990 + 1200,
      denominator: 5000,
      value: 80.4,
      level: 'red',
    });
    const series = await qm.req(
      'GET',
      `/api/v1/indicators/network_coverage/series?${new URLSearchParams({ orgUnit: org['JN-DZ']!, from: '2026-10-01', to: '2026-11-30', grain: 'day' })}`,
    );
    expect(series.json()).toMatchObject({ grain: 'month', target: 95 });
    expect(
      series
        .json()
        .points.map((p: { from: string; value: number; level: string }) => [p.from, p.value, p.level]),
    ).toEqual([
      ['2026-10-01', 91.5, 'yellow'],
      ['2026-11-01', 73, 'red'],
    ]);
    expect(
      (await qm.req('GET', `/api/v1/indicators/network_coverage/tickets?from=2026-10-01&to=2026-10-31`))
        .statusCode,
    ).toBe(400);
    // the branch manager sees their own branch's values only
    const theirs = (await bm.req('GET', '/api/v1/indicators/network_coverage/values')).json().items as {
      orgUnitCode: string;
    }[];
    expect(theirs.length).toBe(4);
    expect(theirs.every((v) => v.orgUnitCode.startsWith('JN-DZ'))).toBe(true);
  });

  it('daily figures: the mean over the days and units taken, by day in a trend', async () => {
    // 西州 S01: 0.8 on 5 Oct, 1.2 on 6 Oct, 0.4 on 7 Oct
    expect(await value('call_drop_rate', 'JN-XZ', '2026-10-05', '2026-10-07')).toMatchObject({
      value: 0.8,
      level: 'yellow',
    });
    expect(await value('call_drop_rate', 'JN-XZ', '2026-10-06', '2026-10-06')).toMatchObject({
      value: 1.2,
      level: 'orange',
    });
    const series = await qm.req(
      'GET',
      `/api/v1/indicators/call_drop_rate/series?${new URLSearchParams({ orgUnit: org['JN']!, from: '2026-10-05', to: '2026-10-08', grain: 'day' })}`,
    );
    expect(series.json().points.map((p: { value: number | null }) => p.value)).toEqual([0.8, 1.2, 0.4, null]);
  });

  it('an external indicator with values can be retired but not deleted', async () => {
    const res = await admin.req('DELETE', '/api/v1/indicators/call_drop_rate');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/supplied value/);
  });
});
