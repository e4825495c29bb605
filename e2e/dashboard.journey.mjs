import { takeTicket } from './journey-api.mjs';

/**
 * Journey: the quality manager opens the 数字看板, sees the province's indicators with numerator and
 * denominator, drills the escalated-complaint rate from the province to 东州分公司 and lists the
 * tickets behind its numerator — as many as the figure counts, the new escalated complaint among them.
 */
export const dashboardJourney = {
  name: '(n) the quality manager drills an indicator from the province to a branch to its tickets',
  async run({ page, login, shot, assert, waitUntil }) {
    await login(page, 'qm.li');
    const { ticket, units } = await takeTicket(page, {
      type: 'complaint', channel: 'hotline', title: '看板下钻：升级投诉', categoryCode: 'S01-01', orgUnitCode: 'JN-DZ-T01',
      customer: { phone: '13800004040' }, escalated: true, escalationSource: '10086 升级',
    });
    const dz = units.find((u) => u.code === 'JN-DZ');
    // the rollups catch up within a job run (every 20 s)
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const month = `${today.slice(0, 8)}01`;
    const figure = await waitUntil(async () => {
      const res = await page.request.get(`/api/v1/indicators/escalation_rate/tickets?orgUnit=${dz.id}&from=${month}&to=${today}&pageSize=200`);
      const body = await res.json();
      return body.items?.some((t) => t.id === ticket.id) ? body : null;
    }, 'the rollups to count the new complaint', 60_000);

    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('tile-escalation_rate').waitFor({ timeout: 15_000 });
    await waitUntil(async () => /\d+ \/ \d+/.test(await page.getByTestId('tile-escalation_rate').getByTestId('tile-parts').innerText()), 'the province figure');
    await shot(page, 'dashboard-zh-CN');

    await page.getByTestId('tile-escalation_rate').click();
    const drawer = page.getByTestId('figure-drawer');
    const branch = drawer.getByTestId('figure-units').locator('.ant-table-row', { hasText: '东州分公司' });
    await branch.waitFor({ timeout: 15_000 });
    await waitUntil(async () => /\d+ \/ \d+/.test(await branch.innerText()), 'the branch figure');
    const parts = (await branch.innerText()).match(/(\d+) \/ (\d+)/);
    assert(Number(parts[1]) === figure.total, `the branch numerator (${parts[1]}) counts the listed tickets (${figure.total})`);
    await shot(page, 'dashboard-drill-units');
    await branch.click();
    await waitUntil(async () => (await page.getByTestId('dashboard-trail').innerText()).includes('东州分公司'), 'the trail to show the branch');
    await drawer.getByRole('tab', { name: '工单明细' }).click();
    const rows = drawer.getByTestId('figure-tickets').locator('.ant-table-row');
    // the province's rows stay up while the branch's load (placeholder data): wait for the branch's
    await waitUntil(async () => (await rows.count()) === Math.min(20, figure.total), `one row per ticket counted (${figure.total})`, 15_000);
    assert((await drawer.getByTestId('figure-tickets').innerText()).includes(ticket.no), 'the new escalated complaint is listed');
    await shot(page, 'dashboard-drill-tickets');
    await drawer.getByTestId('figure-tickets').getByText(ticket.no).click();
    await page.getByTestId('ticket-no').waitFor();
    assert((await page.getByTestId('ticket-no').innerText()).includes(ticket.no), 'the ticket opens from the list');
  },
};
