import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useSeededHarness, type Session } from '../../test/harness.js';

const t = useSeededHarness();

function multipart(filename: string, content: Buffer, contentType: string) {
  const boundary = '----qloopboundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(s: Session, filename: string, content: Buffer, dryRun: boolean) {
  const { body, headers } = multipart(filename, content, filename.endsWith('.csv') ? 'text/csv' : 'application/octet-stream');
  return t.h.app.inject({
    method: 'POST', url: `/api/v1/customer-base/import?dryRun=${dryRun}`, payload: body,
    headers: { ...headers, cookie: s.cookie, 'x-csrf-token': s.csrf },
  });
}

const count = async (month: string) => (await t.admin.req('GET', `/api/v1/customer-base?fromMonth=${month}&toMonth=${month}`)).json().total;

describe('customer base', () => {
  it('upserts one figure and audits old and new values', async () => {
    const org = await t.h.orgId('JN-DZ-S02');
    const first = await t.admin.req('PUT', '/api/v1/customer-base', { orgUnitId: org, month: '2027-01', customers: 100 });
    expect(first.statusCode).toBe(200);
    const second = await t.admin.req('PUT', '/api/v1/customer-base', { orgUnitId: org, month: '2027-01', customers: 120 });
    expect(second.json()).toMatchObject({ id: first.json().id, customers: 120 });
    const audit = await t.admin.req('GET', `/api/v1/audit?entityType=customer_base&entityId=${first.json().id}`);
    expect(audit.json().items[0]).toMatchObject({ action: 'update', before: { customers: 100 }, after: { customers: 120 } });
  });

  it('imports a CSV after a dry run; the dry run writes nothing', async () => {
    const csv = Buffer.from('orgUnitCode,month,customers\nJN-DZ-S01,2027-02,413000\nJN-XZ-S01,2027-02,"299,500"\n');
    const dry = await upload(t.admin, 'base.csv', csv, true);
    expect(dry.json()).toEqual({ dryRun: true, rows: 2, imported: 0, errors: [] });
    expect(await count('2027-02')).toBe(0);
    const real = await upload(t.admin, 'base.csv', csv, false);
    expect(real.json()).toMatchObject({ dryRun: false, imported: 2 });
    expect(await count('2027-02')).toBe(2);
  });

  it('imports nothing when any row is bad, and reports each bad row', async () => {
    const csv = Buffer.from('组织编码,月份,用户数\nJN-DZ-S01,2027-03,1\nNOPE,2027-03,2\nJN-XZ-S01,2027-3x,3\n');
    const res = await upload(t.admin, 'bad.csv', csv, false);
    expect(res.json().imported).toBe(0);
    expect(res.json().errors.map((e: { row: number }) => e.row)).toEqual([3, 4]);
    expect(await count('2027-03')).toBe(0);
  });

  it('imports an XLSX workbook, including month cells Excel turned into dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('用户规模');
    ws.addRow(['orgUnitCode', 'month', 'customers']);
    ws.addRow(['JN-NZ-S01', new Date(Date.UTC(2027, 3, 1)), 188000]);
    ws.addRow(['JN-NZ-S02', '2027-04', 144000]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(t.admin, 'base.xlsx', buf, false);
    expect(res.json()).toMatchObject({ imported: 2, errors: [] });
    expect(await count('2027-04')).toBe(2);
  });

  it('refuses a file that is neither CSV nor XLSX, and a corrupt workbook', async () => {
    expect((await upload(t.admin, 'x.pdf', Buffer.from('%PDF'), true)).statusCode).toBe(400);
    expect((await upload(t.admin, 'x.xlsx', Buffer.from('not a zip'), true)).statusCode).toBe(400);
  });

  it('a branch manager cannot import figures for another branch', async () => {
    const dz = await t.h.login('bm.dz');
    const csv = Buffer.from('orgUnitCode,month,customers\nJN-XZ-S01,2027-05,1\n');
    const res = await upload(dz, 'x.csv', csv, false);
    expect(res.json().errors[0]).toMatchObject({ row: 2, field: 'orgUnitCode' });
    expect(await count('2027-05')).toBe(0);
  });
});

describe('concurrent writers of one new figure', () => {
  it('create it once and audit every later value with its predecessor', async () => {
    const org = await t.h.orgId('JN-BZ-S01');
    const puts = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => t.admin.req('PUT', '/api/v1/customer-base', { orgUnitId: org, month: '2028-01', customers: n })),
    );
    expect(puts.every((r) => r.statusCode === 200)).toBe(true);
    const id = puts[0]!.json().id;
    const audit = (await t.admin.req('GET', `/api/v1/audit?entityType=customer_base&entityId=${id}&sort=at&pageSize=50`)).json().items;
    expect(audit.filter((e: { action: string }) => e.action === 'create')).toHaveLength(1);
    for (const e of audit.filter((x: { action: string }) => x.action === 'update')) expect(e.before).not.toBeNull();
  });
});
