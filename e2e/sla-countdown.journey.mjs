import { takeTicket } from './journey-api.mjs';

/**
 * Journey: the branch manager opens the at-risk / overdue view — countdowns in business time,
 * soonest deadline first — then a ticket from it, whose header carries the same countdown and whose
 * "服务时限" card lists each clock. A complaint just taken shows time left, not overdue. The demo's
 * recent open tickets have SLA clocks (seed-demo-clocks.ts), so the view has rows on a fresh start.
 */
export const slaCountdownJourney = {
  name: '(m) the branch manager works the at-risk view: countdowns, soonest first, clocks on the ticket',
  async run({ page, login, shot, assert, waitUntil, tableHasRows, tableSettled }) {
    await login(page, 'bm.dz');
    const { ticket: fresh } = await takeTicket(page, {
      type: 'complaint', channel: 'hotline', title: '倒计时检查：宽带报障无人响应', categoryCode: 'N03-03', orgUnitCode: 'JN-DZ-T01',
      customer: { phone: '13800003030', name: '孙女士' },
    });

    // the fresh complaint: its first-response target on 24×7, all of it left, in the list's 时限 column
    await page.goto(`/tickets?q=${fresh.no}`);
    await tableHasRows(page);
    const freshBadge = page.locator('.ant-table-row', { hasText: fresh.no }).getByTestId('sla-countdown');
    const freshText = await freshBadge.innerText();
    // the complaint policy's target (48 h as seeded; another journey may have changed it): all of it left
    const sla = (await (await page.request.get(`/api/v1/tickets/${fresh.id}`)).json()).sla;
    const hours = Math.floor(sla.leftMinutes / 60);
    assert(sla.status === 'running' && sla.leftMinutes > sla.targetMinutes - 5, `a fresh complaint has its whole target left: ${JSON.stringify(sla)}`);
    assert(new RegExp(`^剩 (${hours}|${hours - 1})小时`).test(freshText), `the list shows the time left: ${freshText} (${sla.leftMinutes} min)`);

    // the at-risk view: a filter in the bar, sorted by deadline
    await page.goto('/tickets');
    await tableHasRows(page);
    await page.getByTestId('filter-at-risk').click();
    await waitUntil(async () => new URL(page.url()).searchParams.get('atRisk') === '1', 'the at-risk filter in the address');
    assert(new URL(page.url()).searchParams.get('sort') === 'deadline', `sorted by deadline: ${page.url()}`);
    // the previous rows stay up while the filtered list loads: wait for the fresh ticket to leave
    await waitUntil(async () => (await page.locator('.ant-table-row', { hasText: fresh.no }).count()) === 0, 'the list to show only tickets at risk');
    await tableSettled(page);
    const rows = await page.locator('.ant-table-tbody tr.ant-table-row').count();
    assert(rows > 0, 'the demo has tickets at risk');
    const api = await (await page.request.get('/api/v1/tickets?atRisk=true&sort=deadline&pageSize=50')).json();
    const deadlines = api.items.map((i) => i.sla?.deadline).filter(Boolean);
    assert(deadlines.every((d, i) => i === 0 || deadlines[i - 1] <= d), 'soonest deadline first');
    const badges = await page.getByTestId('sla-countdown').allInnerTexts();
    assert(badges.length === rows && badges.every((b) => /超时|剩|暂停/.test(b)), `every row has a countdown: ${badges.join(' | ')}`);
    await shot(page, 'sla-at-risk-zh-CN');

    // the first ticket: the countdown in the header and every clock in the 服务时限 card
    await page.locator('.ant-table-row').first().locator('a[href^="/tickets/"]').first().click();
    await page.getByTestId('ticket-clocks').waitFor({ timeout: 15_000 });
    const header = await page.getByTestId('sla-countdown').first().innerText();
    assert(/首次响应|处理时限|进展更新|回访/.test(header), `the header names the clock: ${header}`);
    const card = await page.getByTestId('ticket-clocks').innerText();
    assert(card.includes('服务时限') && /已用 .+ \/ 时限 /.test(card), `the clocks card: ${card}`);
    await shot(page, 'sla-ticket-clocks-zh-CN');
  },
};
