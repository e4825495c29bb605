import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/harness.js';
import { loadIndicator, loadSettingsResolver } from './indicator-catalog.js';
import { refreshTicketRollups } from './refresh-ticket-rollups.js';

/**
 * The indicator library as data: targets and thresholds per org unit (nearest ancestor wins),
 * custom indicators defined through the API and computed, trended and traced like the built-ins.
 */
let h: Harness;
let admin: Session;
let qm: Session;
let bm: Session;
let agent: Session;
let cat: Record<string, string>;
const org: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  [admin, qm, bm, agent] = [
    await h.login('admin'),
    await h.login('qm.li'),
    await h.login('bm.dz'),
    await h.login('agent.dz1'),
  ];
  for (const c of ['JN', 'JN-DZ', 'JN-XZ', 'JN-DZ-S01', 'JN-DZ-S02', 'JN-DZ-T01', 'JN-XZ-S01'])
    org[c] = await h.orgId(c);
  cat = Object.fromEntries(
    ((await qm.req('GET', '/api/v1/categories')).json().items as { code: string; id: string }[]).map((c) => [
      c.code,
      c.id,
    ]),
  );
});
afterAll(() => h.close());
afterEach(() => vi.useRealTimers());

const put = (s: Session, key: string, unit: string, body: Record<string, unknown>) =>
  s.req('PUT', `/api/v1/indicators/${key}/settings/${org[unit]}`, body);
const settings = async (s: Session, key: string, unit?: string) => {
  const res = await s.req('GET', `/api/v1/indicators/${key}/settings${unit ? `?orgUnit=${org[unit]}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const levels = (yellow: number | null, orange: number | null, red: number | null) => ({
  yellow,
  orange,
  red,
});

describe('targets and thresholds per org unit', () => {
  it('a unit’s own setting beats its ancestor’s, which beats the indicator’s defaults', async () => {
    expect((await settings(qm, 'on_time_rate', 'JN-DZ-S01')).effective).toEqual({
      orgUnitId: org['JN-DZ-S01'],
      target: 95,
      thresholds: levels(95, 90, 85),
      source: 'default',
      fromOrgUnitId: null,
    });
    expect(
      (await put(qm, 'on_time_rate', 'JN', { target: 96, thresholds: levels(96, 92, 88) })).statusCode,
    ).toBe(200);
    expect((await settings(qm, 'on_time_rate', 'JN-DZ-S01')).effective).toMatchObject({
      target: 96,
      source: 'inherited',
      fromOrgUnitId: org['JN'],
    });
    const dz = await put(qm, 'on_time_rate', 'JN-DZ', { target: 90, thresholds: levels(90, 85, 80) });
    expect(dz.json()).toMatchObject({
      orgUnitId: org['JN-DZ'],
      orgUnitCode: 'JN-DZ',
      target: 90,
      version: 1,
    });
    expect((await settings(qm, 'on_time_rate', 'JN-DZ-S01')).effective).toMatchObject({
      target: 90,
      thresholds: levels(90, 85, 80),
      source: 'inherited',
      fromOrgUnitId: org['JN-DZ'],
    });
    expect((await settings(qm, 'on_time_rate', 'JN-XZ-S01')).effective).toMatchObject({
      target: 96,
      fromOrgUnitId: org['JN'],
    });
    expect(
      (await put(qm, 'on_time_rate', 'JN-DZ-S01', { target: 85, thresholds: levels(85, null, 70) }))
        .statusCode,
    ).toBe(200);
    const own = await settings(qm, 'on_time_rate', 'JN-DZ-S01');
    expect(own.effective).toMatchObject({
      target: 85,
      thresholds: levels(85, null, 70),
      source: 'own',
      fromOrgUnitId: org['JN-DZ-S01'],
    });
    expect(own.items.map((i: { orgUnitCode: string }) => i.orgUnitCode)).toEqual([
      'JN',
      'JN-DZ',
      'JN-DZ-S01',
    ]);
    expect(own.defaults).toEqual({ target: 95, thresholds: levels(95, 90, 85) });

    // the figure tells the dashboard the unit's own target and thresholds
    const v = await qm.req(
      'GET',
      `/api/v1/indicators/on_time_rate/value?${new URLSearchParams({ orgUnit: org['JN-DZ-S02']!, from: '2027-01-01', to: '2027-01-31' })}`,
    );
    expect(v.json()).toMatchObject({ target: 90, thresholds: levels(90, 85, 80), value: null, level: null });

    // removing a unit's own setting falls back to the ancestor's
    expect(
      (await qm.req('DELETE', `/api/v1/indicators/on_time_rate/settings/${org['JN-DZ-S01']}`)).statusCode,
    ).toBe(204);
    expect((await settings(qm, 'on_time_rate', 'JN-DZ-S01')).effective).toMatchObject({
      target: 90,
      source: 'inherited',
      fromOrgUnitId: org['JN-DZ'],
    });
    expect(
      (await qm.req('DELETE', `/api/v1/indicators/on_time_rate/settings/${org['JN-DZ-S01']}`)).statusCode,
    ).toBe(404);
  });

  it('the resolver the warning evaluator uses reads every unit’s setting in one query, then walks paths in memory', async () => {
    const ind = (await loadIndicator(h.database.db, 'on_time_rate'))!;
    const resolve = await loadSettingsResolver(h.database.db, ind);
    // gone from the table after loading: the resolver still answers from what it read once
    await h.database.db.execute(
      sql`CREATE TEMP TABLE kept AS SELECT * FROM indicator_settings WHERE indicator_key = 'on_time_rate'`,
    );
    await h.database.db.execute(sql`DELETE FROM indicator_settings WHERE indicator_key = 'on_time_rate'`);
    try {
      expect(resolve([org['JN']!, org['JN-DZ']!, org['JN-DZ-S02']!])).toEqual({
        target: 90,
        thresholds: levels(90, 85, 80),
      });
      expect(resolve([org['JN']!, org['JN-XZ']!, org['JN-XZ-S01']!])).toEqual({
        target: 96,
        thresholds: levels(96, 92, 88),
      });
      expect(resolve(['00000000-0000-4000-8000-000000000001'])).toEqual({
        target: 95,
        thresholds: levels(95, 90, 85),
      });
    } finally {
      await h.database.db.execute(sql`INSERT INTO indicator_settings SELECT * FROM kept`);
      await h.database.db.execute(sql`DROP TABLE kept`);
    }
  });

  it('refuses thresholds out of order for the direction, naming the field', async () => {
    const lower = await put(qm, 'escalation_rate', 'JN-XZ', { target: 5, thresholds: levels(10, 8, 12) });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().error.details).toEqual([expect.objectContaining({ path: 'body.thresholds.orange' })]);
    expect(lower.json().error.message).toMatch(/orange \(8\) must be at least yellow \(10\)/);
    const higher = await put(qm, 'on_time_rate', 'JN-XZ', { target: 95, thresholds: levels(85, 90, 95) });
    expect(higher.statusCode).toBe(400);
    expect(higher.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.thresholds.orange',
      'body.thresholds.red',
    ]);
    expect((await settings(qm, 'on_time_rate', 'JN-XZ')).effective.source).toBe('inherited');
  });

  it('optimistic versions: a second save must send the version it edited', async () => {
    expect((await put(qm, 'fcr', 'JN-XZ', { target: 80, thresholds: levels(80, 75, 70) })).statusCode).toBe(
      200,
    );
    expect((await put(qm, 'fcr', 'JN-XZ', { target: 81, thresholds: levels(81, 75, 70) })).statusCode).toBe(
      409,
    );
    expect(
      (await put(qm, 'fcr', 'JN-XZ', { target: 81, thresholds: levels(81, 75, 70), version: 7 })).statusCode,
    ).toBe(409);
    const ok = await put(qm, 'fcr', 'JN-XZ', { target: 81, thresholds: levels(81, 75, 70), version: 1 });
    expect(ok.json()).toMatchObject({ target: 81, version: 2 });
    expect(
      (await qm.req('DELETE', `/api/v1/indicators/fcr/settings/${org['JN-XZ']}?version=1`)).statusCode,
    ).toBe(409);
  });

  it('a branch manager reads the settings that apply to them but may not set their own; an agent reads too', async () => {
    const refused = await put(bm, 'on_time_rate', 'JN-DZ', {
      target: 50,
      thresholds: levels(50, 40, 30),
      version: 1,
    });
    expect(refused.statusCode).toBe(403);
    expect(
      (await bm.req('DELETE', `/api/v1/indicators/on_time_rate/settings/${org['JN-DZ']}`)).statusCode,
    ).toBe(403);
    const seen = await settings(bm, 'on_time_rate');
    // the province's applies to the branch (an ancestor), the branch's own; not another branch's
    expect(seen.items.map((i: { orgUnitCode: string }) => i.orgUnitCode)).toEqual(['JN', 'JN-DZ']);
    expect(seen.effective).toMatchObject({ orgUnitId: org['JN-DZ'], source: 'own', target: 90 });
    expect(
      (await bm.req('GET', `/api/v1/indicators/on_time_rate/settings?orgUnit=${org['JN-XZ']}`)).statusCode,
    ).toBe(404);
    expect(
      (await agent.req('GET', '/api/v1/indicators/on_time_rate/settings')).json().effective,
    ).toMatchObject({ source: 'inherited', fromOrgUnitId: org['JN-DZ'] });
  });

  it('every change is in the audit trail with before and after', async () => {
    const res = await admin.req(
      'GET',
      `/api/v1/audit?entityType=indicator_setting&entityId=${encodeURIComponent(`on_time_rate:${org['JN-DZ-S01']}`)}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const entries = res.json().items as {
      action: string;
      before: unknown;
      after: unknown;
      orgUnitId: string;
    }[];
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'delete']);
    expect(entries.find((e) => e.action === 'create')).toMatchObject({
      before: null,
      after: { target: 85, thresholds: levels(85, null, 70) },
      orgUnitId: org['JN-DZ-S01'],
    });
    expect(entries.find((e) => e.action === 'delete')).toMatchObject({ before: { target: 85 }, after: null });
    const upd = await admin.req(
      'GET',
      `/api/v1/audit?entityType=indicator_setting&entityId=${encodeURIComponent(`fcr:${org['JN-XZ']}`)}&action=update`,
    );
    expect(upd.json().items[0]).toMatchObject({
      action: 'update',
      before: { target: 80 },
      after: { target: 81 },
    });
  });
});

let phone = 13500000000;
function at(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}
async function take(s: Session, when: string, over: Record<string, unknown>) {
  at(when);
  const res = await s.req('POST', '/api/v1/tickets', {
    type: 'complaint',
    channel: 'hotline',
    title: '话费争议',
    categoryId: cat['S01-01'],
    orgUnitId: org['JN-DZ-T01'],
    customer: { phone: String(phone++) },
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe('custom indicators', () => {
  const billingHotline = {
    key: 'billing_hotline_escalation',
    nameZh: '计费类热线投诉升级率',
    nameEn: 'Billing hotline complaints escalated',
    description: 'escalated billing complaints by hotline ÷ billing complaints by hotline',
    formula: {
      kind: 'ratio',
      numerator: {
        measure: 'escalated',
        types: ['complaint'],
        channels: ['hotline'],
        categoryIds: [] as string[],
      },
      denominator: {
        measure: 'accepted',
        types: ['complaint'],
        channels: ['hotline'],
        categoryIds: [] as string[],
      },
      scale: 100,
    },
    unit: '%',
    unitEn: '%',
    direction: 'lower_better',
    target: 10,
    thresholds: levels(10, 20, 30),
  };

  beforeAll(async () => {
    billingHotline.formula.numerator.categoryIds = [cat['S01']!];
    billingHotline.formula.denominator.categoryIds = [cat['S01']!];
    const dz = await h.login('agent.dz1');
    // Mon 9 Nov 2026, 东州 hotline team: billing complaints by hotline 4 (2 escalated, one in a
    // level-3 category under S01), one by store (not counted), one hotline complaint outside billing
    // (not counted), one billing consultation (not a complaint); Tue 10 Nov: 1 more, not escalated
    await take(dz, '2026-11-09T09:00:00+08:00', { escalated: true, escalationSource: '10086 升级' });
    await take(dz, '2026-11-09T10:00:00+08:00', {
      escalated: true,
      escalationSource: '10086 升级',
      categoryId: cat['S01-03'],
    });
    await take(dz, '2026-11-09T11:00:00+08:00', {});
    await take(dz, '2026-11-09T12:00:00+08:00', { categoryId: cat['S01-02'] });
    await take(dz, '2026-11-09T13:00:00+08:00', {
      channel: 'store',
      escalated: true,
      escalationSource: '营业厅',
    });
    await take(dz, '2026-11-09T14:00:00+08:00', {
      categoryId: cat['S06-01'],
      escalated: true,
      escalationSource: '10086 升级',
    });
    await take(dz, '2026-11-09T15:00:00+08:00', { type: 'consultation' });
    await take(dz, '2026-11-10T09:00:00+08:00', {});
    vi.useRealTimers();
    await refreshTicketRollups(h.database.db);
  });

  it('validates the definition: key, built-in keys, categories, threshold order, formula kinds', async () => {
    const bad = async (over: Record<string, unknown>, status = 400) => {
      const res = await admin.req('POST', '/api/v1/indicators', { ...billingHotline, ...over });
      expect(res.statusCode, res.body).toBe(status);
      return res.json().error;
    };
    expect((await bad({ key: 'Bad-Key' })).details[0].path).toBe('body.key');
    expect((await bad({ key: 'on_time_rate' }, 409)).message).toMatch(/built-in/);
    const unknownCat = await bad({
      key: 'x_unknown_cat',
      formula: {
        ...billingHotline.formula,
        numerator: { measure: 'escalated', categoryIds: ['00000000-0000-4000-8000-000000000009'] },
      },
    });
    expect(unknownCat.details[0].path).toBe('body.formula.numerator.categoryIds');
    expect(
      (await bad({ key: 'x_order', thresholds: levels(30, 20, 10) })).details.map(
        (d: { path: string }) => d.path,
      ),
    ).toEqual(['body.thresholds.orange', 'body.thresholds.red']);
    expect(
      (await bad({ key: 'x_live', formula: { kind: 'live', what: 'backlog' } })).details[0].path,
    ).toMatch(/^body\.formula/);
    expect(
      (await bad({ key: 'x_measure', formula: { kind: 'count', numerator: { measure: 'drop table' } } }))
        .details[0].path,
    ).toMatch(/^body\.formula/);
  });

  it('is defined by an administrator or quality manager, never a branch manager, and listed with the built-ins', async () => {
    expect((await bm.req('POST', '/api/v1/indicators', billingHotline)).statusCode).toBe(403);
    const res = await qm.req('POST', '/api/v1/indicators', billingHotline);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ key: billingHotline.key, builtIn: false, active: true, version: 1 });
    expect((await qm.req('POST', '/api/v1/indicators', billingHotline)).statusCode).toBe(409);
    const list = (await agent.req('GET', '/api/v1/indicators')).json().items as {
      key: string;
      builtIn: boolean;
    }[];
    expect(list.find((i) => i.key === billingHotline.key)).toMatchObject({ builtIn: false });
    expect(list.filter((i) => i.builtIn).length).toBeGreaterThanOrEqual(15);
  });

  it('computes, trends and traces exactly like a built-in: 2 of 4 on the 9th (hand count), 2 of 5 over both days', async () => {
    const q = (from: string, to: string, unit = 'JN') =>
      new URLSearchParams({ orgUnit: org[unit]!, from, to });
    const day = await qm.req(
      'GET',
      `/api/v1/indicators/${billingHotline.key}/value?${q('2026-11-09', '2026-11-09', 'JN-DZ')}`,
    );
    expect(day.json()).toMatchObject({ value: 50, numerator: 2, denominator: 4, target: 10, level: 'red' });
    // an agent sees the same figure for their own team, where the tickets were taken
    expect(
      (
        await agent.req(
          'GET',
          `/api/v1/indicators/${billingHotline.key}/value?${q('2026-11-09', '2026-11-09', 'JN-DZ-T01')}`,
        )
      ).json(),
    ).toMatchObject({ numerator: 2, denominator: 4 });
    expect(
      (
        await qm.req('GET', `/api/v1/indicators/${billingHotline.key}/value?${q('2026-11-09', '2026-11-10')}`)
      ).json(),
    ).toMatchObject({ value: 40, numerator: 2, denominator: 5, level: 'red' });
    expect(
      (
        await qm.req(
          'GET',
          `/api/v1/indicators/${billingHotline.key}/value?${q('2026-11-09', '2026-11-10', 'JN-XZ')}`,
        )
      ).json(),
    ).toMatchObject({ value: null, numerator: 0, denominator: 0, level: null });
    const series = await qm.req(
      'GET',
      `/api/v1/indicators/${billingHotline.key}/series?${q('2026-11-09', '2026-11-10')}`,
    );
    expect(
      series
        .json()
        .points.map((p: { numerator: number; denominator: number; level: string }) => [
          p.numerator,
          p.denominator,
          p.level,
        ]),
    ).toEqual([
      [2, 4, 'red'],
      [0, 1, 'green'],
    ]);
    const traced = await qm.req(
      'GET',
      `/api/v1/indicators/${billingHotline.key}/tickets?${q('2026-11-09', '2026-11-10')}&part=denominator`,
    );
    expect(traced.json().total).toBe(5);
    expect(
      traced
        .json()
        .items.every(
          (t: { channel: string; type: string }) => t.channel === 'hotline' && t.type === 'complaint',
        ),
    ).toBe(true);
    // the unit's own thresholds colour it: 40% is only yellow where red starts at 50
    expect(
      (await put(qm, billingHotline.key, 'JN-DZ', { target: 30, thresholds: levels(30, 45, 50) })).statusCode,
    ).toBe(200);
    expect(
      (
        await qm.req(
          'GET',
          `/api/v1/indicators/${billingHotline.key}/value?${q('2026-11-09', '2026-11-10', 'JN-DZ')}`,
        )
      ).json(),
    ).toMatchObject({ value: 40, target: 30, level: 'yellow' });
  });

  it('changes with a version; deactivating hides it from the dashboard list but keeps it', async () => {
    const { version, key, ...body } = { ...billingHotline, version: 1 };
    expect((await qm.req('PUT', `/api/v1/indicators/${key}`, { ...body, version: 9 })).statusCode).toBe(409);
    expect(
      (
        await qm.req('PUT', `/api/v1/indicators/${key}`, {
          ...body,
          formula: { kind: 'external', grain: 'month', scale: 100 },
          version,
        })
      ).statusCode,
    ).toBe(400);
    expect((await bm.req('PUT', `/api/v1/indicators/${key}`, { ...body, version })).statusCode).toBe(403);
    expect((await qm.req('PUT', '/api/v1/indicators/on_time_rate', { ...body, version })).statusCode).toBe(
      400,
    );
    const off = await qm.req('PUT', `/api/v1/indicators/${key}`, {
      ...body,
      nameEn: 'Billing hotline escalations',
      active: false,
      version,
    });
    expect(off.json()).toMatchObject({ active: false, version: 2, nameEn: 'Billing hotline escalations' });
    const active = (await qm.req('GET', '/api/v1/indicators?active=true')).json().items as { key: string }[];
    expect(active.some((i) => i.key === key)).toBe(false);
    expect(
      (await qm.req('GET', `/api/v1/indicators/${key}/value?from=2026-11-09&to=2026-11-09`)).statusCode,
    ).toBe(200);
    const audit = (await admin.req('GET', `/api/v1/audit?entityType=indicator&entityId=${key}`)).json()
      .items as { action: string; before: unknown; after: unknown }[];
    expect(audit.find((e) => e.action === 'update')).toMatchObject({
      before: { active: true, nameEn: billingHotline.nameEn },
      after: { active: false, nameEn: 'Billing hotline escalations' },
    });
    expect(audit.some((e) => e.action === 'create')).toBe(true);
  });

  it('one that warning rules refer to cannot be deleted (deactivate it); an unreferenced one can', async () => {
    await h.database.db.execute(sql`
      INSERT INTO warning_rules (name, kind, params, plan_days)
      VALUES ('计费热线升级率', 'threshold', ${JSON.stringify({ kind: 'threshold', indicatorKey: billingHotline.key, windowDays: 7, minDenominator: 5, orgKinds: ['branch'] })}::jsonb, '{"yellow":3,"orange":2,"red":1}'::jsonb)`);
    const refused = await qm.req('DELETE', `/api/v1/indicators/${billingHotline.key}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/deactivate/);
    const spare = await qm.req('POST', '/api/v1/indicators', {
      ...billingHotline,
      key: 'spare_count',
      formula: { kind: 'count', numerator: { measure: 'accepted' } },
      target: null,
      thresholds: levels(null, null, null),
    });
    expect(spare.statusCode, spare.body).toBe(201);
    expect((await qm.req('DELETE', '/api/v1/indicators/spare_count')).statusCode).toBe(204);
    expect(
      (await qm.req('GET', '/api/v1/indicators/spare_count/value?from=2026-11-09&to=2026-11-09')).statusCode,
    ).toBe(404);
    expect((await qm.req('DELETE', '/api/v1/indicators/on_time_rate')).statusCode).toBe(400);
    const audit = (
      await admin.req('GET', '/api/v1/audit?entityType=indicator&entityId=spare_count&action=delete')
    ).json().items;
    expect(audit).toHaveLength(1);
  });
});
