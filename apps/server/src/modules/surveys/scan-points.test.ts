import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, SCAN_CODE_PATTERN } from '@qloop/contracts';
import { rowsOf } from '../../db/client.js';
import { createHarness, type Harness, type Session } from '../../test/harness.js';
import { SYSTEM_CONTEXT } from '../audit/append-audit.js';
import type { Principal } from '../auth/principal.js';
import { qrSymbolSize } from './qr-code.js';
import { createScanPoint, updateScanPoint } from './save-scan-point.js';

/** Scan-to-rate points: managed in scope and audited, printed as QR codes, and a scan answers through a fresh single-use link. */
let h: Harness;
let qm: Session;
let agent: Session;
let bmDz: Session;
let bmXz: Session;
let survey: { id: string; rowVersion: number };
let draftSurveyId: string;
const UNITS = ['JN-DZ', 'JN-DZ-S01', 'JN-DZ-S02', 'JN-XZ', 'JN-XZ-S01'] as const;
let unit: Record<(typeof UNITS)[number], string>;

type Point = { id: string; code: string; path: string; url: string; rowVersion: number; active: boolean; kind: string; labelZh: string; orgUnitId: string; staffUserId: string | null; responses: number };

const content = {
  nameZh: '营业厅扫码评价',
  nameEn: 'Store scan-to-rate',
  questions: [
    { key: 'overall', type: 'csat', textZh: '您对本次服务满意吗？', textEn: 'How satisfied are you?' },
    { key: 'recommend', type: 'nps', textZh: '您愿意向亲友推荐吗？', textEn: 'Would you recommend us?' },
  ],
};
const pub = (method: 'GET' | 'POST', url: string, payload?: object) =>
  h.app.inject({ method, url, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  h = await createHarness();
  qm = await h.login('qm.li');
  agent = await h.login('agent.dz1');
  bmDz = await h.login('bm.dz');
  bmXz = await h.login('bm.xz');
  const created = (await qm.req('POST', '/api/v1/surveys', { code: 'SCAN', content })).json();
  survey = (await qm.req('POST', `/api/v1/surveys/${created.id}/publish`, { rowVersion: created.rowVersion })).json();
  draftSurveyId = (await qm.req('POST', '/api/v1/surveys', { code: 'SCAN-DRAFT', content })).json().id;
  unit = Object.fromEntries(await Promise.all(UNITS.map(async (c) => [c, await h.orgId(c)] as const))) as typeof unit;
});
afterAll(() => h.close());

const create = async (body: Record<string, unknown>, who = qm) => {
  const res = await who.req('POST', '/api/v1/survey-scan-points', { surveyId: survey.id, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Point;
};
const list = async (q: Record<string, string>, who = qm) => {
  const res = await who.req('GET', `/api/v1/survey-scan-points?${new URLSearchParams(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Point[]; total: number; page: number; pageSize: number };
};

describe('managing scan points', () => {
  let counter: Point;
  let staff: Point;

  it('creates store, counter and staff points with fresh public codes; refuses what cannot be rated', async () => {
    counter = await create({ kind: 'counter', orgUnitId: unit['JN-DZ-S01'], labelZh: '3号窗口', labelEn: 'Counter 3' });
    expect(counter.code).toMatch(SCAN_CODE_PATTERN);
    expect(counter).toMatchObject({ path: `/q/${counter.code}`, active: true, rowVersion: 1, staffUserId: null, responses: 0 });
    expect(counter.url).toBe(`http://localhost:80/q/${counter.code}`);
    // a staff member of a store is a staff member of its branch too
    staff = await create({ kind: 'staff', orgUnitId: unit['JN-DZ'], staffUserId: await h.userId('agent.dz2'), labelZh: '营业员 周敏' });
    const store = await create({ kind: 'store', orgUnitId: unit['JN-XZ-S01'], labelZh: '西州解放路营业厅' });
    expect(new Set([counter.code, staff.code, store.code]).size).toBe(3);

    const refused = async (body: Record<string, unknown>, status: number, path?: string) => {
      const res = await qm.req('POST', '/api/v1/survey-scan-points', { surveyId: survey.id, kind: 'counter', orgUnitId: unit['JN-DZ-S01'], labelZh: '1号窗口', ...body });
      expect(res.statusCode, res.body).toBe(status);
      if (path) expect(JSON.stringify(res.json().error.details)).toContain(path);
      return res.json().error.message as string;
    };
    expect(await refused({ surveyId: draftSurveyId }, 400, 'body.surveyId')).toMatch(/published/);
    expect(await refused({ kind: 'staff' }, 400, 'staffUserId')).toMatch(/staff/i);
    expect(await refused({ staffUserId: await h.userId('agent.dz2') }, 400, 'staffUserId')).toBeTruthy();
    // someone from another branch cannot be rated at this store
    expect(await refused({ kind: 'staff', staffUserId: await h.userId('agent.xz1') }, 400, 'body.staffUserId')).toMatch(/东州中山路营业厅/);
    expect(await refused({ labelZh: '  ' }, 400, 'labelZh')).toBeTruthy();
    expect(await refused({ labelZh: '一\n二' }, 400, 'labelZh')).toBeTruthy();
    expect(await refused({ orgUnitId: '00000000-0000-4000-8000-000000000000' }, 404)).toMatch(/org unit/);
  });

  it('managers only; readers see the points of their own scope, never another branch’s', async () => {
    expect((await agent.req('POST', '/api/v1/survey-scan-points', { surveyId: survey.id, kind: 'counter', orgUnitId: unit['JN-DZ-S01'], labelZh: 'x' })).statusCode).toBe(403);
    expect((await agent.req('GET', '/api/v1/survey-scan-points')).statusCode).toBe(403);
    expect((await bmXz.req('POST', '/api/v1/survey-scan-points', { surveyId: survey.id, kind: 'counter', orgUnitId: unit['JN-XZ-S01'], labelZh: 'x' })).statusCode).toBe(403);
    expect((await bmXz.req('PUT', `/api/v1/survey-scan-points/${counter.id}`, { surveyId: survey.id, kind: 'counter', orgUnitId: unit['JN-DZ-S01'], labelZh: 'x', rowVersion: 1 })).statusCode).toBe(403);

    expect((await list({}, bmDz)).items.map((p) => p.labelZh).sort()).toEqual(['3号窗口', '营业员 周敏']);
    expect((await list({}, bmXz)).items.map((p) => p.labelZh)).toEqual(['西州解放路营业厅']);
    // another branch's point is not found, exactly like an id that does not exist, and its QR neither
    expect((await bmXz.req('GET', `/api/v1/survey-scan-points/${counter.id}`)).statusCode).toBe(404);
    expect((await bmXz.req('GET', `/api/v1/survey-scan-points/${counter.id}/qr.png`)).statusCode).toBe(404);
    expect((await bmDz.req('GET', `/api/v1/survey-scan-points/${counter.id}`)).json()).toMatchObject({ code: counter.code, orgUnitName: '东州中山路营业厅' });
    // filtering by a unit outside one's scope shows nothing rather than that unit's points
    expect((await list({ orgUnit: unit['JN-DZ'] }, bmXz)).total).toBe(0);
  });

  it('a manager scoped to one branch can neither place nor move a point into another branch', async () => {
    // no demo role manages surveys below the province, so the use case is called with such a manager
    const xzManager: Principal = {
      userId: await h.userId('bm.xz'), username: 'bm.xz', displayName: '刘经理(西州)', role: 'branch_manager', orgUnitId: unit['JN-XZ'], orgUnitName: '西州分公司',
      departmentIds: [], permissions: new Set(ROLE_PERMISSIONS.quality_manager), provinceWide: false, mustChangePassword: false, locale: 'zh-CN', via: 'session',
    };
    const ctx = { principal: xzManager, audit: SYSTEM_CONTEXT };
    const values = { surveyId: survey.id, kind: 'counter' as const, orgUnitId: unit['JN-DZ-S01'], staffUserId: null, labelZh: '5号窗口', labelEn: null };
    await expect(createScanPoint(h.database.db, ctx, values)).rejects.toMatchObject({ status: 404, message: 'org unit not found' });
    const own = await createScanPoint(h.database.db, ctx, { ...values, orgUnitId: unit['JN-XZ-S01'] });
    expect(own.orgUnitId).toBe(unit['JN-XZ-S01']);
    await expect(updateScanPoint(h.database.db, ctx, own.id, { ...values, rowVersion: own.rowVersion })).rejects.toMatchObject({ status: 404 });
    await expect(updateScanPoint(h.database.db, ctx, counter.id, { ...values, rowVersion: counter.rowVersion })).rejects.toMatchObject({ status: 404, message: 'scan point not found' });
    const [n] = rowsOf<{ n: number }>(await h.database.db.execute(sql`SELECT count(*)::int AS n FROM survey_scan_points WHERE org_unit_id = ${unit['JN-DZ-S01']} AND label_zh = '5号窗口'`));
    expect(n!.n).toBe(0);
  });

  it('changes keep the printed code; a stale editor gets 409; deactivate and reactivate; every change audited', async () => {
    const body = { surveyId: survey.id, kind: 'counter', orgUnitId: unit['JN-DZ-S02'], labelZh: '3号窗口（人民路）', labelEn: null };
    const changed = await qm.req('PUT', `/api/v1/survey-scan-points/${counter.id}`, { ...body, rowVersion: counter.rowVersion });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ code: counter.code, orgUnitId: unit['JN-DZ-S02'], labelZh: '3号窗口（人民路）', labelEn: null, rowVersion: 2 });
    const stale = await qm.req('PUT', `/api/v1/survey-scan-points/${counter.id}`, { ...body, labelZh: '旧的', rowVersion: counter.rowVersion });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ currentRowVersion: 2 });
    expect((await qm.req('POST', `/api/v1/survey-scan-points/${counter.id}/deactivate`, { rowVersion: 1 })).statusCode).toBe(409);

    const off = await qm.req('POST', `/api/v1/survey-scan-points/${counter.id}/deactivate`, { rowVersion: 2 });
    expect(off.json()).toMatchObject({ active: false, rowVersion: 3 });
    expect((await qm.req('POST', `/api/v1/survey-scan-points/${counter.id}/deactivate`, { rowVersion: 3 })).statusCode).toBe(400);
    const on = await qm.req('POST', `/api/v1/survey-scan-points/${counter.id}/reactivate`, { rowVersion: 3 });
    expect(on.json()).toMatchObject({ active: true, rowVersion: 4 });
    // back as it was, for the tests below
    counter = (await qm.req('PUT', `/api/v1/survey-scan-points/${counter.id}`, { ...body, orgUnitId: unit['JN-DZ-S01'], labelZh: '3号窗口', rowVersion: 4 })).json();

    const audit = rowsOf<{ action: string; org_unit_id: string; before: { labelZh?: string; active?: boolean } | null; after: { labelZh?: string; active?: boolean } }>(
      await h.database.db.execute(sql`SELECT action, org_unit_id, before, after FROM audit_log WHERE entity_type = 'survey_scan_point' AND entity_id = ${counter.id} ORDER BY at, seq`),
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update', 'update', 'update']);
    expect(audit[1]).toMatchObject({ org_unit_id: unit['JN-DZ-S02'], before: { labelZh: '3号窗口' }, after: { labelZh: '3号窗口（人民路）' } });
    expect(audit[2]).toMatchObject({ before: { active: true }, after: { active: false } });
  });

  it('lists filter by survey, unit subtree, kind, state and text; sort and page', async () => {
    const off = await create({ kind: 'counter', orgUnitId: unit['JN-DZ-S02'], labelZh: '1号窗口' });
    await qm.req('POST', `/api/v1/survey-scan-points/${off.id}/deactivate`, { rowVersion: off.rowVersion });
    const labels = async (q: Record<string, string>) => (await list(q)).items.map((p) => p.labelZh);
    expect(await labels({ orgUnit: unit['JN-DZ'], sort: 'label' })).toEqual(['1号窗口', '3号窗口', '营业员 周敏']);
    expect(await labels({ orgUnit: unit['JN-DZ-S01'] })).toEqual(['3号窗口']);
    expect(await labels({ kind: 'staff' })).toEqual(['营业员 周敏']);
    expect(await labels({ active: 'false' })).toEqual(['1号窗口']);
    expect(await labels({ q: '周敏' })).toEqual(['营业员 周敏']);
    expect(await labels({ q: staff.code.toLowerCase() })).toEqual(['营业员 周敏']);
    expect(await labels({ q: '%' })).toEqual([]);
    expect(await labels({ survey: draftSurveyId })).toEqual([]);
    expect((await list({ survey: survey.id })).total).toBe(5);
    const paged = await list({ orgUnit: unit['JN-DZ'], sort: '-label', pageSize: '1', page: '2' });
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 1, items: [{ labelZh: '3号窗口' }] });
    expect((await qm.req('GET', '/api/v1/survey-scan-points?sort=code')).statusCode).toBe(400);
  });
});

describe('QR images', () => {
  let point: Point;
  beforeAll(async () => {
    point = (await list({ q: '3号窗口' })).items[0]!;
  });

  it('SVG: a download named for the place, encoding <request origin>/q/<code>', async () => {
    const res = await qm.req('GET', `/api/v1/survey-scan-points/${point.id}/qr.svg`, undefined, { host: 'qloop.test:8443' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toContain(`filename="scan-to-rate-${point.code}.svg"`);
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe(`扫码评价-东州中山路营业厅-3号窗口-${point.code}.svg`);
    // no decoder here: the symbol's size must be the one that exact address needs (29 modules + the 4-module quiet zone on each side)
    const { modules } = qrSymbolSize(`http://qloop.test:8443/q/${point.code}`);
    expect(modules).toBe(29);
    expect(res.body).toMatch(new RegExp(`^<svg [^>]*viewBox="0 0 ${modules + 8} ${modules + 8}"`));
    expect(res.body).toMatch(/<path stroke="#000000" d="M4 4\.5h7/); // the top-left finder pattern starts inside the quiet zone
  });

  it('the configured public origin wins over the request’s', async () => {
    const cfg = h.app.config;
    const before = cfg.publicBaseUrl;
    cfg.publicBaseUrl = 'https://rate.jiangnan-telecom.example.com';
    try {
      const p = (await qm.req('GET', `/api/v1/survey-scan-points/${point.id}`)).json();
      expect(p.url).toBe(`https://rate.jiangnan-telecom.example.com/q/${point.code}`);
      const svg = (await qm.req('GET', `/api/v1/survey-scan-points/${point.id}/qr.svg`)).body;
      const { modules } = qrSymbolSize(p.url);
      expect(modules).toBe(33); // a longer address needs version 4
      expect(svg).toContain(`viewBox="0 0 ${modules + 8} ${modules + 8}"`);
    } finally {
      cfg.publicBaseUrl = before;
    }
  });

  it('PNG: the asked size within bounds', async () => {
    const res = await bmDz.req('GET', `/api/v1/survey-scan-points/${point.id}/qr.png?size=300`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toContain(`.png`);
    const png = res.rawPayload;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(300);
    expect((await qm.req('GET', `/api/v1/survey-scan-points/${point.id}/qr.png`)).rawPayload.readUInt32BE(16)).toBe(512);
    for (const size of ['50', '5000', 'big']) expect((await qm.req('GET', `/api/v1/survey-scan-points/${point.id}/qr.png?size=${size}`)).statusCode).toBe(400);
    expect((await agent.req('GET', `/api/v1/survey-scan-points/${point.id}/qr.png`)).statusCode).toBe(403);
  });
});

describe('scanning a code', () => {
  const answer = (token: string, answers: Record<string, unknown>) => pub('POST', `/api/v1/public/surveys/${encodeURIComponent(token)}/answers`, { answers });
  let counter: Point;
  let staff: Point;
  beforeAll(async () => {
    counter = (await list({ q: '3号窗口' })).items[0]!;
    staff = (await list({ kind: 'staff' })).items[0]!;
  });

  it('shows what is rated, mints a single-use link, and the answer lands with channel qr, the point’s unit and staff member', async () => {
    const shown = await pub('GET', `/api/v1/public/scan/${counter.code}`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual({ kind: 'counter', labelZh: '3号窗口', labelEn: null, orgUnitName: '东州中山路营业厅', orgUnitNameEn: 'Dongzhou Zhongshan Rd Store', surveyNameZh: '营业厅扫码评价', surveyNameEn: 'Store scan-to-rate' });

    const minted = await pub('POST', `/api/v1/public/scan/${staff.code}`);
    expect(minted.statusCode, minted.body).toBe(201);
    const { token, path, expiresAt } = minted.json();
    expect(path).toBe(`/s/${token}`);
    expect(Math.abs(new Date(expiresAt).getTime() - (Date.now() + 2 * 3_600_000))).toBeLessThan(60_000);
    const opened = await pub('GET', `/api/v1/public/surveys/${encodeURIComponent(token)}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ surveyId: survey.id, version: 1, content: { nameZh: '营业厅扫码评价' } });

    const done = await answer(token, { overall: 5, recommend: 9 });
    expect(done.statusCode, done.body).toBe(201);
    const [r] = rowsOf<{ channel: string; org_unit_id: string; staff_user_id: string | null; customer_id: string | null; scan_point_id: string; csat: number }>(
      await h.database.db.execute(sql`SELECT r.channel, r.org_unit_id, r.staff_user_id, r.customer_id, i.scan_point_id, r.csat
        FROM survey_responses r JOIN survey_invitations i ON i.id = r.invitation_id WHERE r.id = ${done.json().responseId}`),
    );
    expect(r).toEqual({ channel: 'qr', org_unit_id: unit['JN-DZ'], staff_user_id: await h.userId('agent.dz2'), customer_id: null, scan_point_id: staff.id, csat: 5 });

    // single use: the same link again is refused; a new scan mints a new link
    const again = await answer(token, { overall: 1, recommend: 0 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('answered');
    const second = (await pub('POST', `/api/v1/public/scan/${counter.code.toLowerCase()}`)).json();
    expect(second.token).not.toBe(token);
    // a tampered minted link is refused like any other
    const [head, sig] = (second.token as string).split('.') as [string, string];
    expect((await answer(`${head}.${sig.slice(0, -2)}xx`, { overall: 4, recommend: 8 })).json().error.details.reason).toBe('invalid');
    expect((await answer(second.token, { overall: 4, recommend: 8 })).statusCode).toBe(201);
    const [c] = rowsOf<{ org_unit_id: string; staff_user_id: string | null; channel: string }>(
      await h.database.db.execute(sql`SELECT r.org_unit_id, r.staff_user_id, r.channel FROM survey_responses r JOIN survey_invitations i ON i.id = r.invitation_id WHERE i.scan_point_id = ${counter.id}`),
    );
    expect(c).toEqual({ org_unit_id: unit['JN-DZ-S01'], staff_user_id: null, channel: 'qr' });
    expect((await list({ kind: 'staff' })).items[0]!.responses).toBe(1);
  });

  it('refuses unknown codes (404) and closed points or surveys (409), with the answer page’s reasons', async () => {
    for (const code of ['AAAAAAAAAA', 'not-a-code', '0000000000']) {
      for (const method of ['GET', 'POST'] as const) {
        const res = await pub(method, `/api/v1/public/scan/${code}`);
        expect(res.statusCode, `${method} ${code}`).toBe(404);
        expect(res.json().error.details.reason).toBe('invalid');
        expect(res.json().error.message).toMatch(/QR code is not known/);
      }
    }
    const closedNow = async (code: string) => {
      for (const method of ['GET', 'POST'] as const) {
        const res = await pub(method, `/api/v1/public/scan/${code}`);
        expect(res.statusCode).toBe(409);
        expect(res.json().error.details.reason).toBe('closed');
      }
    };
    const point = (await qm.req('GET', `/api/v1/survey-scan-points/${counter.id}`)).json();
    const off = (await qm.req('POST', `/api/v1/survey-scan-points/${counter.id}/deactivate`, { rowVersion: point.rowVersion })).json();
    await closedNow(counter.code);
    await qm.req('POST', `/api/v1/survey-scan-points/${counter.id}/reactivate`, { rowVersion: off.rowVersion });
    expect((await pub('POST', `/api/v1/public/scan/${counter.code}`)).statusCode).toBe(201);

    // a link minted before the survey was retired is refused too (the answer page's own check)
    const minted = (await pub('POST', `/api/v1/public/scan/${counter.code}`)).json();
    const s = (await qm.req('GET', `/api/v1/surveys/${survey.id}`)).json();
    const retired = (await qm.req('POST', `/api/v1/surveys/${survey.id}/retire`, { rowVersion: s.rowVersion })).json();
    await closedNow(counter.code);
    expect((await answer(minted.token, { overall: 4, recommend: 8 })).json().error.details.reason).toBe('closed');
    // and a point of a retired survey cannot be put back in use
    const p2 = (await qm.req('GET', `/api/v1/survey-scan-points/${counter.id}`)).json();
    const off2 = (await qm.req('POST', `/api/v1/survey-scan-points/${counter.id}/deactivate`, { rowVersion: p2.rowVersion })).json();
    const back = await qm.req('POST', `/api/v1/survey-scan-points/${counter.id}/reactivate`, { rowVersion: off2.rowVersion });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.message).toMatch(/published/);
    await qm.req('POST', `/api/v1/surveys/${survey.id}/reinstate`, { rowVersion: retired.rowVersion });
    await qm.req('POST', `/api/v1/survey-scan-points/${counter.id}/reactivate`, { rowVersion: off2.rowVersion });
    expect((await pub('POST', `/api/v1/public/scan/${counter.code}`)).statusCode).toBe(201);
  });

  it('an expired minted link is refused as expired', async () => {
    const minted = (await pub('POST', `/api/v1/public/scan/${counter.code}`)).json();
    const realNow = Date.now;
    Date.now = () => realNow() + 3 * 3_600_000;
    try {
      const res = await answer(minted.token, { overall: 4, recommend: 8 });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details.reason).toBe('expired');
    } finally {
      Date.now = realNow;
    }
  });
});

describe('a flood of scans from one address', () => {
  it('is refused past the limit with 429', async () => {
    const small = await createHarness({ env: { SURVEY_RATE_LIMIT: '2' } });
    try {
      const res = [];
      for (let i = 0; i < 3; i++) res.push((await small.app.inject({ method: 'POST', url: '/api/v1/public/scan/AAAAAAAAAA' })).statusCode);
      expect(res).toEqual([404, 404, 429]);
    } finally {
      await small.close();
    }
  });
});

describe('one phone rating one point again and again', () => {
  it('is refused past the per-point limit with 429, while another point can still be rated', async () => {
    const small = await createHarness({ env: { SCAN_REPEAT_LIMIT: '2' } });
    try {
      const qm2 = await small.login('qm.li');
      const content = { nameZh: '窗口评价', nameEn: 'Counter rating', questions: [{ key: 'overall', type: 'csat', textZh: '满意吗？', textEn: 'Satisfied?' }] };
      const created = (await qm2.req('POST', '/api/v1/surveys', { code: 'COUNTER', content })).json();
      await qm2.req('POST', `/api/v1/surveys/${created.id}/publish`, { rowVersion: created.rowVersion });
      const store = await small.orgId('JN-DZ-S01');
      const point = async (labelZh: string) => {
        const res = await qm2.req('POST', '/api/v1/survey-scan-points', { surveyId: created.id, kind: 'counter', labelZh, labelEn: labelZh, orgUnitId: store });
        expect(res.statusCode, res.body).toBe(201);
        return res.json().code as string;
      };
      const [one, two] = [await point('1号窗口'), await point('2号窗口')];
      const scan = async (code: string) => (await small.app.inject({ method: 'POST', url: `/api/v1/public/scan/${code}` })).statusCode;
      expect([await scan(one), await scan(one), await scan(one)]).toEqual([201, 201, 429]);
      expect(await scan(two)).toBe(201);
    } finally {
      await small.close();
    }
  });
});
