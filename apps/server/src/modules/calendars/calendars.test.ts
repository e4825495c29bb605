import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/harness.js';
import { engineCalendar, listCalendars } from './calendars.repo.js';
import { SEED_CALENDARS } from './seed-calendars.js';

let h: Harness;
let admin: Session;
let agent: Session;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.login('admin');
  agent = await h.login('agent.dz1');
});
afterAll(() => h.close());

const add = (s: Session, key: string, start: string, minutes: number) =>
  s.req('GET', `/api/v1/calendars/${key}/add-business-minutes?start=${encodeURIComponent(start)}&minutes=${minutes}`);
const between = (s: Session, key: string, from: string, to: string) =>
  s.req('GET', `/api/v1/calendars/${key}/business-minutes?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);

describe('calendars API', () => {
  it('the seeded calendars are exactly the engine’s seed definitions', async () => {
    const rows = await listCalendars(h.database.db);
    expect(rows.map((r) => engineCalendar(r.key, r.definition))).toEqual([...SEED_CALENDARS].sort((a, b) => a.key.localeCompare(b.key)));
  });

  it.each([
    ['Mon 11:00 + 60 min ends exactly at the lunch break: 12:00, not 13:00', 'cn-standard', '2026-11-23T11:00:00+08:00', 60, '2026-11-23T12:00:00+08:00'],
    ['a start given in UTC is read as the same instant (03:00Z = 11:00 Beijing)', 'cn-standard', '2026-11-23T03:00:00Z', 60, '2026-11-23T12:00:00+08:00'],
    ['Saturday 10:00 is closed: counting starts Monday 09:00', 'cn-standard', '2026-11-21T10:00:00+08:00', 30, '2026-11-23T09:30:00+08:00'],
    ['Wed 30 Sep 17:00 + 120: 60 that day, National Day 1–7 Oct closed, 60 more on Thu 8 Oct', 'cn-standard', '2026-09-30T17:00:00+08:00', 120, '2026-10-08T10:00:00+08:00'],
    ['Fri 9 Oct 17:00 + 120: Sat 10 Oct is a make-up working day (调休)', 'cn-standard', '2026-10-09T17:00:00+08:00', 120, '2026-10-10T10:00:00+08:00'],
    ['24x7 runs through midnight', '24x7', '2026-12-31T23:00:00+08:00', 90, '2027-01-01T00:30:00+08:00'],
  ])('%s', async (_why, key, start, minutes, deadline) => {
    const res = await add(agent, key, start, minutes);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ deadline });
  });

  it('measures business minutes between two instants', async () => {
    // Fri 17:00–18:00 (60) + Mon 09:00–10:00 (60)
    expect((await between(agent, 'cn-standard', '2026-11-20T17:00:00+08:00', '2026-11-23T10:00:00+08:00')).json()).toEqual({ minutes: 120 });
    expect((await between(agent, 'cn-standard', '2026-11-23T10:00:00+08:00', '2026-11-20T17:00:00+08:00')).json()).toEqual({ minutes: 0 });
    expect((await between(agent, '24x7', '2026-11-20T17:00:00+08:00', '2026-11-21T17:00:00+08:00')).json()).toEqual({ minutes: 1440 });
  });

  it('refuses bad input clearly and unknown calendars as not found', async () => {
    expect((await add(agent, 'cn-standard', '2026-11-23T11:00:00+08:00', -1)).statusCode).toBe(400);
    const noOffset = await add(agent, 'cn-standard', '2026-11-23T11:00:00', 60);
    expect(noOffset.statusCode).toBe(400);
    expect(noOffset.json().error.message).toMatch(/offset/);
    expect((await add(agent, 'nope', '2026-11-23T11:00:00+08:00', 60)).statusCode).toBe(404);
    expect((await between(agent, 'cn-standard', 'yesterday', '2026-11-23T11:00:00+08:00')).statusCode).toBe(400);
  });

  it('previews a month: holidays with names, make-up days with the weekday hours', async () => {
    const res = await agent.req('GET', '/api/v1/calendars/cn-standard/preview?month=2026-10');
    expect(res.statusCode).toBe(200);
    const days = res.json().days as { date: string; kind: string; holidayName: { zh: string } | null; minutes: number }[];
    expect(days).toHaveLength(31);
    expect(days[0]).toMatchObject({ date: '2026-10-01', kind: 'holiday', minutes: 0, holidayName: { zh: expect.stringContaining('国庆') } });
    expect(days[9]).toMatchObject({ date: '2026-10-10', kind: 'makeup_workday', minutes: 480 });
    expect(days[7]).toMatchObject({ date: '2026-10-08', kind: 'workday', minutes: 480 });
    expect((await agent.req('GET', '/api/v1/calendars/cn-standard/preview?month=2026-13')).statusCode).toBe(400);
  });

  it('admins create and edit calendars: validated per field, versioned, audited; agents may only read', async () => {
    const week = { 1: [{ start: '08:30', end: '17:30' }], 2: [{ start: '08:30', end: '17:30' }], 3: [{ start: '08:30', end: '17:30' }], 4: [{ start: '08:30', end: '17:30' }], 5: [{ start: '08:30', end: '17:30' }] };
    const body = { key: 'dz-branch', name: '东州分公司营业时间', mode: 'weekly', week, useStatutoryHolidays: true };
    expect((await agent.req('POST', '/api/v1/calendars', body)).statusCode).toBe(403);
    const created = await admin.req('POST', '/api/v1/calendars', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ key: 'dz-branch', version: 1, timeZone: 'Asia/Shanghai', extraHolidays: [] });
    expect((await admin.req('POST', '/api/v1/calendars', body)).statusCode).toBe(409);
    const overlapping = await admin.req('POST', '/api/v1/calendars', { ...body, key: 'bad-one', week: { 1: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '14:00' }] } });
    expect(overlapping.statusCode).toBe(400);
    expect(overlapping.json().error.details[0]).toMatchObject({ path: expect.stringContaining('week.1'), code: 'overlapping_ranges' });
    const badZone = await admin.req('POST', '/api/v1/calendars', { ...body, key: 'bad-two', timeZone: 'Mars/Olympus' });
    expect(badZone.json().error.details[0]).toMatchObject({ code: 'bad_time_zone' });

    // a local holiday on Tue 24 Nov 2026: Mon 17:00 + 60 = 30 min to 17:30, Tue closed, 30 min from Wed 08:30
    const { key: _k, ...definition } = body;
    const edited = await admin.req('PUT', '/api/v1/calendars/dz-branch', { ...definition, extraHolidays: ['2026-11-24'], version: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().version).toBe(2);
    expect((await add(agent, 'dz-branch', '2026-11-23T17:00:00+08:00', 60)).json()).toEqual({ deadline: '2026-11-25T09:00:00+08:00' });
    const stale = await admin.req('PUT', '/api/v1/calendars/dz-branch', { ...definition, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await agent.req('PUT', '/api/v1/calendars/dz-branch', { ...definition, version: 2 })).statusCode).toBe(403);
    const trail = (await admin.req('GET', '/api/v1/audit?entityType=calendar&entityId=dz-branch')).json().items;
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(trail[0].after).toMatchObject({ extraHolidays: ['2026-11-24'], recomputedClocks: 0 });
  });
});
