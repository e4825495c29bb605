import ExcelJS from 'exceljs';
import { IMPORT_LIMITS } from '@qloop/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from '../../test/harness.js';

let h: Harness;
let bm: Session;
beforeAll(async () => {
  h = await createHarness();
  bm = await h.login('bm.dz');
});
afterAll(() => h.close());

async function upload(s: Session, filename: string, content: Buffer) {
  const boundary = '----qloopimport';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return h.app.inject({ method: 'POST', url: '/api/v1/tickets/imports', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: s.cookie, 'x-csrf-token': s.csrf } });
}

async function waitDone(s: Session, id: string) {
  for (let i = 0; i < 100; i++) {
    const job = (await s.req('GET', `/api/v1/tickets/imports/${id}`)).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

const CSV = [
  '类型,渠道,标题,描述,分类编码,组织编码,电话,客户姓名,受理时间',
  '投诉,热线,导入：话费多扣,上月多扣30元,S01-01,JN-DZ-S01,13811112222,张先生,2026-11-01 09:30',
  '咨询,营业厅,导入：套餐咨询,,B01-01,JN-DZ-S02,13811113333,,2026-11-02 10:00',
  '投诉,热线,导入：错误电话,,S01-01,JN-DZ-S01,12345,,2026-11-02 10:00',
  '投诉,热线,导入：未知分类,,ZZ-99,JN-DZ-S01,13811114444,,2026-11-02 10:00',
  '投诉,热线,导入：错误日期,,S01-01,JN-DZ-S01,13811115555,,2026-02-30',
  '咨询,营业厅,导入：套餐咨询,,B01-01,JN-DZ-S02,13811113333,,2026-11-02 10:00',
  '投诉,热线,导入：别的分公司,,S01-01,JN-XZ-S01,13811116666,,2026-11-02 10:00',
].join('\n');

/** the uploaded cells as stored (personal data) */
const storedRows = async (id: string) =>
  (await h.database.sql.query<{ rows: unknown }>(`SELECT rows FROM ticket_imports WHERE id = $1`, [id]))[0]!.rows;
const run = (id: string, body: Record<string, unknown>) => bm.req('POST', `/api/v1/tickets/imports/${id}/run`, body);

const count = async () => (await bm.req('GET', `/api/v1/tickets?q=${encodeURIComponent('导入')}&pageSize=200`)).json().total;

describe('ticket import', () => {
  it('all or nothing: a file with bad rows imports nothing and reports every bad row', async () => {
    const up = (await upload(bm, 'tickets.csv', Buffer.from(CSV))).json();
    expect(up).toMatchObject({ status: 'uploaded', totalRows: 7, headers: expect.arrayContaining(['标题']) });
    expect(up.suggestedMapping).toMatchObject({ type: 0, title: 2, categoryCode: 4, orgUnitCode: 5, phone: 6 });
    // the status read (polled during a run) carries the same sample without reading the whole file
    const polled = (await bm.req('GET', `/api/v1/tickets/imports/${up.id}`)).json();
    expect(polled.sample).toEqual(up.sample);
    expect(polled.sample).toHaveLength(5);
    expect(up).toMatchObject({ mode: null, mapping: null, validatedAt: null, errorCount: 0 });
    const dry = (await bm.req('POST', `/api/v1/tickets/imports/${up.id}/run`, { mapping: up.suggestedMapping, mode: 'all_or_nothing', dryRun: true })).json();
    expect(dry.status).toBe('uploaded');
    expect(dry.errors.map((e: { row: number }) => e.row)).toEqual([4, 5, 6, 7, 8]);
    expect(dry.errors.map((e: { code: string }) => e.code)).toEqual(['bad_phone', 'unknown_category', 'bad_date', 'duplicate_row', 'unknown_org_unit']);
    // after a reload the page can tell a dry run's report, and what it was made with
    const reloaded = (await bm.req('GET', `/api/v1/tickets/imports/${up.id}`)).json();
    expect(reloaded).toMatchObject({ status: 'uploaded', mode: 'all_or_nothing', mapping: up.suggestedMapping, validatedAt: expect.any(String), errorCount: 5, failedRows: 5 });
    expect(reloaded.sample).toHaveLength(5); // the rows wait for the run
    const run = await bm.req('POST', `/api/v1/tickets/imports/${up.id}/run`, { mapping: up.suggestedMapping, mode: 'all_or_nothing' });
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ status: 'done', importedRows: 0, failedRows: 5, sample: [] });
    expect(await storedRows(up.id)).toBeNull();
    expect(await count()).toBe(0);
  });

  it('valid rows: imports the good rows, reports the bad, shows progress and audits each ticket', async () => {
    const up = (await upload(bm, 'tickets.csv', Buffer.from(CSV))).json();
    const run = await bm.req('POST', `/api/v1/tickets/imports/${up.id}/run`, { mapping: up.suggestedMapping, mode: 'valid_rows' });
    expect(run.statusCode).toBe(202);
    const job = await waitDone(bm, up.id);
    expect(job).toMatchObject({ status: 'done', importedRows: 2, failedRows: 5, processedRows: 7, mode: 'valid_rows', mapping: up.suggestedMapping });
    expect(await storedRows(up.id)).toBeNull();
    expect(await count()).toBe(2);
    const t = (await bm.req('GET', `/api/v1/tickets?q=${encodeURIComponent('话费多扣')}`)).json().items[0];
    expect(t).toMatchObject({ type: 'complaint', channel: 'hotline', firstOwnerId: await h.userId('bm.dz'), createdAt: '2026-11-01T01:30:00.000Z' });
    const admin = await h.login('admin');
    expect((await admin.req('GET', `/api/v1/audit?entityType=ticket&entityId=${t.id}`)).json().items[0]).toMatchObject({ action: 'create' });
    // a finished import cannot run twice
    expect((await bm.req('POST', `/api/v1/tickets/imports/${up.id}/run`, { mapping: up.suggestedMapping, mode: 'valid_rows' })).statusCode).toBe(409);
  });

  it('reads XLSX, needs the required columns mapped, and keeps imports private to their owner', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow(['type', 'channel', 'title', 'categoryCode', 'orgUnitCode', 'phone']);
    ws.addRow(['fault', 'app_api', '导入：APP无法登录', 'S08-01', 'JN-DZ-T01', '13822223333']);
    const up = (await upload(bm, 'x.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).json();
    expect((await bm.req('POST', `/api/v1/tickets/imports/${up.id}/run`, { mapping: { title: 2 }, mode: 'valid_rows' })).statusCode).toBe(400);
    const other = await h.login('bm.xz');
    expect((await other.req('GET', `/api/v1/tickets/imports/${up.id}`)).statusCode).toBe(404);
    await bm.req('POST', `/api/v1/tickets/imports/${up.id}/run`, { mapping: up.suggestedMapping, mode: 'all_or_nothing' });
    expect((await waitDone(bm, up.id)).importedRows).toBe(1);
  });

  it('routes imported tickets by the assignment rules, round robin continuing across the batch, one notification per person', async () => {
    const admin = await h.login('admin');
    const cats = (await admin.req('GET', '/api/v1/categories')).json().items as { code: string; id: string }[];
    const members = [await h.userId('agent.dz1'), await h.userId('agent.dz2')];
    const g = (await admin.req('POST', '/api/v1/groups', { code: 'IMP-RR', name: '导入分派组', orgUnitId: await h.orgId('JN-DZ'), members: members.map((userId) => ({ userId, skills: [] })) })).json();
    const rule = await admin.req('POST', '/api/v1/assignment-rules', {
      name: '导入的故障', groupId: g.id, strategy: 'round_robin', conditions: { types: ['fault'], categoryIds: [cats.find((c) => c.code === 'S08')!.id] },
    });
    expect(rule.statusCode).toBe(201);
    const csv = ['类型,渠道,标题,分类编码,组织编码,电话', ...[1, 2, 3, 4].map((i) => `故障报修,热线,路由导入${i},S08-01,JN-DZ-T01,1390000000${i}`), '咨询,热线,路由导入不匹配,S08-01,JN-DZ-T01,13900000009'].join('\n');
    const up = (await upload(bm, 'route.csv', Buffer.from(csv))).json();
    await bm.req('POST', `/api/v1/tickets/imports/${up.id}/run`, { mapping: up.suggestedMapping, mode: 'valid_rows' });
    expect(await waitDone(bm, up.id)).toMatchObject({ importedRows: 5 });
    const items = (await admin.req('GET', `/api/v1/tickets?q=${encodeURIComponent('路由导入')}&pageSize=50&sort=no`)).json().items as { title: string; state: string; groupId: string | null; assigneeId: string | null }[];
    const routed = items.filter((t) => t.title !== '路由导入不匹配');
    expect(routed).toHaveLength(4);
    for (const t of routed) expect(t).toMatchObject({ state: 'assigned', groupId: g.id });
    const counts = members.map((m) => routed.filter((t) => t.assigneeId === m).length);
    expect(counts).toEqual([2, 2]);
    expect(items.find((t) => t.title === '路由导入不匹配')).toMatchObject({ state: 'accepted', groupId: null, assigneeId: null });
    const dz1 = await h.login('agent.dz1');
    const bell = (await dz1.req('GET', '/api/v1/notifications')).json().items as { title: string }[];
    expect(bell.filter((n) => n.title.includes('批量导入的 2 张工单'))).toHaveLength(1);
  });

  it('imports in lanes without splitting a customer: rows sharing a phone or a number make one customer and one repeat chain', async () => {
    const lines = ['类型,渠道,标题,分类编码,组织编码,电话,客户编号,受理时间'];
    // the same customer three ways (phone and number, number only, phone only), among 300 others
    lines.push('投诉,热线,车道：第一次,S01-01,JN-DZ-S01,13877770001,CN-LANE-1,2026-11-01 09:00');
    for (let i = 0; i < 300; i++) lines.push(`咨询,热线,车道：其他${i},B01-01,JN-DZ-S01,1387000${String(i).padStart(4, '0')},,2026-11-01 10:00`);
    lines.push('投诉,热线,车道：第二次,S01-01,JN-DZ-S01,,CN-LANE-1,2026-11-03 09:00');
    lines.push('投诉,热线,车道：第三次,S01-01,JN-DZ-S01,13877770001,,2026-11-05 09:00');
    const up = (await upload(bm, 'lanes.csv', Buffer.from(lines.join('\n')))).json();
    await run(up.id, { mapping: up.suggestedMapping, mode: 'valid_rows' });
    expect(await waitDone(bm, up.id)).toMatchObject({ status: 'done', importedRows: 303, processedRows: 303 });
    const [c] = await h.database.sql.query<{ n: number; ids: string[] }>(
      `SELECT count(DISTINCT customer_id)::int AS n, array_agg(id ORDER BY created_at) AS ids FROM tickets WHERE title LIKE '车道：第%'`,
    );
    expect(c!.n).toBe(1);
    const chain = await h.database.sql.query<{ id: string; repeat_of: string | null }>(`SELECT id, repeat_of FROM tickets WHERE title LIKE '车道：第%' ORDER BY created_at`);
    expect(chain.map((t) => t.repeat_of)).toEqual([null, chain[0]!.id, chain[1]!.id]);
    const [customers] = await h.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM customers WHERE phone = '13877770001' OR customer_no = 'CN-LANE-1'`);
    expect(customers!.n).toBe(1);
  });

  it('reports the spreadsheet’s own row numbers around blank lines (CSV) and empty rows (XLSX)', async () => {
    const csv = [
      '类型,渠道,标题,描述,分类编码,组织编码,电话,受理时间',
      '投诉,热线,行号：多行描述,"第一行',
      '第二行",S01-01,JN-DZ-S01,13833330001,2026-11-01 09:30', // still row 2: one record on two lines
      '',
      ',,,,,,,',
      '投诉,热线,行号：错误电话,,S01-01,JN-DZ-S01,12345,2026-11-01 09:30', // row 5
      '   ',
      '投诉,热线,行号：未知分类,,ZZ-99,JN-DZ-S01,13833330002,2026-11-01 09:30', // row 7
    ].join('\r\n');
    const up = (await upload(bm, 'gaps.csv', Buffer.from(csv))).json();
    expect(up.totalRows).toBe(3);
    const dry = (await run(up.id, { mapping: up.suggestedMapping, mode: 'valid_rows', dryRun: true })).json();
    expect(dry.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([[5, 'bad_phone'], [7, 'unknown_category']]);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.getRow(1).values = ['type', 'channel', 'title', 'categoryCode', 'orgUnitCode', 'phone'];
    ws.getRow(3).values = ['fault', 'app_api', '行号：XLSX错误电话', 'S08-01', 'JN-DZ-T01', '123'];
    ws.getRow(4).values = ['', '', '', '', '', ''];
    ws.getRow(6).values = ['fault', 'app_api', '行号：XLSX未知组织', 'S08-01', 'JN-ZZ', '13833330003'];
    const upx = (await upload(bm, 'gaps.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).json();
    expect(upx.totalRows).toBe(2);
    const dryx = (await run(upx.id, { mapping: upx.suggestedMapping, mode: 'valid_rows', dryRun: true })).json();
    expect(dryx.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([[3, 'bad_phone'], [6, 'unknown_org_unit']]);
  });

  it('reads Excel date cells in the time column as the date and time typed (Beijing time)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow(['类型', '渠道', '标题', '分类编码', '组织编码', '电话', '受理时间']);
    // what exceljs gives for a cell typed "2026-11-01 09:30" in Excel: the wall clock in UTC fields
    ws.addRow(['投诉', '热线', '日期单元格：上午', 'S01-01', 'JN-DZ-S01', '13844440001', new Date(Date.UTC(2026, 10, 1, 9, 30))]);
    ws.addRow(['投诉', '热线', '日期单元格：只有日期', 'S01-01', 'JN-DZ-S01', '13844440002', new Date(Date.UTC(2026, 10, 2))]);
    const up = (await upload(bm, 'dates.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).json();
    expect(up.sample.map((r: string[]) => r[6])).toEqual(['2026-11-01 09:30:00', '2026-11-02 00:00:00']);
    await run(up.id, { mapping: up.suggestedMapping, mode: 'all_or_nothing' });
    expect(await waitDone(bm, up.id)).toMatchObject({ importedRows: 2, errors: [] });
    const created = async (q: string) => (await bm.req('GET', `/api/v1/tickets?q=${encodeURIComponent(q)}`)).json().items[0].createdAt;
    expect(await created('日期单元格：上午')).toBe('2026-11-01T01:30:00.000Z');
    expect(await created('日期单元格：只有日期')).toBe('2026-11-01T16:00:00.000Z');
  });

  it('refuses a mapping to a column the file does not have, or two fields on one column, naming them', async () => {
    const up = (await upload(bm, 'tickets.csv', Buffer.from(CSV))).json();
    const past = await run(up.id, { mapping: { ...up.suggestedMapping, customerNo: 9 }, mode: 'valid_rows', dryRun: true });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toBe('customerNo is mapped to column 9, but the file has 9 columns (0–8)');
    const shared = await run(up.id, { mapping: { ...up.suggestedMapping, description: 2 }, mode: 'valid_rows' });
    expect(shared.statusCode).toBe(400);
    expect(shared.json().error.message).toBe('title and description are both mapped to column 2 (“标题”); map each field to its own column');
    expect((await bm.req('GET', `/api/v1/tickets/imports/${up.id}`)).json()).toMatchObject({ status: 'uploaded', validatedAt: null });
  });

  it('reports rows a previous import already created, with their ticket numbers, in the dry run and the run', async () => {
    const csv = [
      '类型,渠道,标题,分类编码,组织编码,电话,客户编号,受理时间',
      '投诉,热线,重导：按电话,S01-01,JN-DZ-S01,13855550001,,2026-11-03 08:00',
      '投诉,热线,重导：按客户编号,S01-01,JN-DZ-S01,,KH-RE-0001,2026-11-03 08:05',
      '投诉,热线,重导：新的一行,S01-01,JN-DZ-S01,13855550002,,2026-11-03 08:10',
    ];
    const first = (await upload(bm, 're.csv', Buffer.from(csv.slice(0, 3).join('\n')))).json();
    await run(first.id, { mapping: first.suggestedMapping, mode: 'valid_rows' });
    expect(await waitDone(bm, first.id)).toMatchObject({ importedRows: 2 });
    const noOf = async (title: string) => (await bm.req('GET', `/api/v1/tickets?q=${encodeURIComponent(title)}`)).json().items[0].no as string;
    const [byPhone, byNo] = [await noOf('重导：按电话'), await noOf('重导：按客户编号')];

    const again = (await upload(bm, 're.csv', Buffer.from(csv.join('\n')))).json();
    const expected = [
      { row: 2, code: 'already_imported', params: { ticketNo: byPhone }, message: `already imported as ${byPhone}` },
      { row: 3, code: 'already_imported', params: { ticketNo: byNo }, message: `already imported as ${byNo}` },
    ];
    const dry = (await run(again.id, { mapping: again.suggestedMapping, mode: 'all_or_nothing', dryRun: true })).json();
    expect(dry).toMatchObject({ failedRows: 2, errors: expected });
    await run(again.id, { mapping: again.suggestedMapping, mode: 'valid_rows' });
    expect(await waitDone(bm, again.id)).toMatchObject({ importedRows: 1, failedRows: 2, errors: expected });
    expect((await bm.req('GET', `/api/v1/tickets?q=${encodeURIComponent('重导')}`)).json().total).toBe(3);
  });

  it(`keeps the first ${IMPORT_LIMITS.keptErrors} errors and says how many there were`, async () => {
    const bad = Array.from({ length: 1100 }, (_, i) => `投诉,热线,上限${i},ZZ-99,JN-DZ-S01,12345,`);
    const up = (await upload(bm, 'many.csv', Buffer.from(['类型,渠道,标题,分类编码,组织编码,电话,受理时间', ...bad].join('\n')))).json();
    const dry = (await run(up.id, { mapping: up.suggestedMapping, mode: 'valid_rows', dryRun: true })).json();
    expect(dry).toMatchObject({ failedRows: 1100, errorCount: 2200 });
    expect(dry.errors).toHaveLength(IMPORT_LIMITS.keptErrors);
    expect(dry.errors.at(-1)).toMatchObject({ row: 501, field: 'phone' });
  });

  it('is a manager’s job: an agent may take tickets but not bulk-import them', async () => {
    const agent = await h.login('agent.dz1');
    const res = await upload(agent, 'tickets.csv', Buffer.from(CSV));
    expect(res.statusCode).toBe(403);
  });
});
