import { takeTicket } from './journey-api.mjs';

/** ECharts draws its series in over a second: let it finish before a screenshot. */
const chartsDrawn = (page) => page.waitForTimeout(1200);

const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Last calendar month in Shanghai: the demo's history fills it, where this month may have begun today. */
function lastMonth() {
  const [y, m] = shanghaiToday().split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(y, m - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/**
 * Journey: the quality manager opens the 数字看板, sees the province's indicators with numerator and
 * denominator, drills the escalated-complaint rate from the province to 东州分公司 and lists the
 * tickets behind its numerator — as many as the figure counts, the new escalated complaint among them.
 * Then the charts: the league table ranks the branches (a row drills into one), the Pareto draws,
 * a channel filter in the address narrows the tiles to that channel, and the wall screen hides the
 * app's frame and comes back with Esc — in Chinese and in English.
 */
export const dashboardJourney = {
  name: '(n) the quality manager drills an indicator from the province to a branch to its tickets',
  async run({ page, login, shot, assert, waitUntil, switchLanguage }) {
    await login(page, 'qm.li');
    const { ticket, units } = await takeTicket(page, {
      type: 'complaint', channel: 'hotline', title: '看板下钻：升级投诉', categoryCode: 'S01-01', orgUnitCode: 'JN-DZ-T01',
      customer: { phone: '13800004040' }, escalated: true, escalationSource: '10086 升级',
    });
    const dz = units.find((u) => u.code === 'JN-DZ');
    // the rollups catch up within a job run (every 20 s)
    const today = shanghaiToday();
    const month = `${today.slice(0, 8)}01`;
    const figure = await waitUntil(async () => {
      const res = await page.request.get(`/api/v1/indicators/escalation_rate/tickets?orgUnit=${dz.id}&from=${month}&to=${today}&pageSize=200`);
      const body = await res.json();
      return body.items?.some((t) => t.id === ticket.id) ? body : null;
    }, 'the rollups to count the new complaint', 60_000);

    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('tile-escalation_rate').waitFor({ timeout: 15_000 });
    await waitUntil(async () => /\d+ \/ \d+/.test(await page.getByTestId('tile-escalation_rate').getByTestId('tile-parts').innerText()), 'the province figure');
    // 环比 and 同比 under the figure
    await page.getByTestId('tile-escalation_rate').getByTestId('tile-comparisons').waitFor({ timeout: 15_000 });
    const comparisons = await page.getByTestId('tile-escalation_rate').getByTestId('tile-comparisons').innerText();
    assert(comparisons.includes('环比') && comparisons.includes('同比'), `the tile compares with the previous period and last year: ${comparisons}`);
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

    // the charts, over last month (the demo's history)
    await page.goto('/dashboard?period=lastMonth');
    const league = page.getByTestId('league-table').locator('.ant-table-row');
    await league.first().waitFor({ timeout: 15_000 });
    assert((await league.count()) >= 2, `the league table ranks the branches (${await league.count()} rows)`);
    assert((await page.getByTestId('league-owner').innerText()).includes('江南省公司'), 'the owner of the number is named above the table');
    await page.getByTestId('pareto-chart').locator('canvas').first().waitFor({ timeout: 15_000 });
    await page.getByTestId('heatmap-chart').locator('canvas').first().waitFor({ timeout: 15_000 });
    await page.getByTestId('channel-mix-chart').locator('canvas').first().waitFor({ timeout: 15_000 });
    const exportHref = await page.getByTestId('league-export').getAttribute('href');
    assert(/\/breakdown\?.*by=unit.*format=xlsx&lang=zh/.test(exportHref), `the export asks the same breakdown as a spreadsheet: ${exportHref}`);
    await chartsDrawn(page);
    await shot(page, 'dashboard-charts-zh-CN', { fullPage: true });

    // a row of the league table drills into that branch
    const first = (await league.first().locator('td').nth(1).innerText()).trim();
    await league.first().click();
    await waitUntil(async () => (await page.getByTestId('dashboard-trail').innerText()).includes(first), `the dashboard to show ${first}`);
    assert(/orgUnit=[0-9a-f-]{36}/.test(page.url()), `the unit is in the address: ${page.url()}`);

    // a channel filter in the address narrows the tiles to that channel
    const { from, to } = lastMonth();
    const count = async (q) => (await (await page.request.get(`/api/v1/indicators/complaints/value?from=${from}&to=${to}${q}`)).json()).numerator;
    const [all, hotline] = [await count(''), await count('&channel=hotline')];
    assert(hotline > 0 && hotline < all, `the demo has hotline complaints and others (${hotline} of ${all})`);
    await page.goto('/dashboard?period=lastMonth&channel=hotline');
    const complaints = page.getByTestId('tile-complaints').getByTestId('tile-parts');
    await waitUntil(async () => (await complaints.innerText()).trim() === hotline.toLocaleString('zh-CN'), `the complaints tile to count the hotline's ${hotline}`, 15_000);
    assert((await page.getByTestId('filter-channel').innerText()).includes('热线'), 'the filter bar shows the channel');
    await shot(page, 'dashboard-hotline-zh-CN');
    await page.getByTestId('filter-clear').click();
    await waitUntil(async () => (await complaints.innerText()).trim() === all.toLocaleString('zh-CN'), `the tile back to all ${all} complaints`, 15_000);
    assert(!page.url().includes('channel='), 'clearing the filters takes them out of the address');

    // the wall screen: no menu, dark and large, refreshed every minute; Esc leaves it
    await page.getByTestId('wall-enter').click();
    await page.getByTestId('dashboard-wall').waitFor({ timeout: 15_000 });
    assert((await page.getByTestId('side-menu').count()) === 0, 'the wall screen hides the menu');
    await page.getByTestId('league-table').locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    await page.getByTestId('pareto-chart').locator('canvas').first().waitFor({ timeout: 15_000 });
    await waitUntil(async () => /\d{2}:\d{2}:\d{2}/.test(await page.getByTestId('wall-last-refresh').innerText()), 'the time of the last refresh');
    await chartsDrawn(page);
    await shot(page, 'dashboard-wall-zh-CN', { fullPage: true });
    await page.keyboard.press('Escape');
    await page.getByTestId('side-menu').waitFor({ timeout: 10_000 });
    assert(!page.url().includes('wall='), 'Esc leaves the wall screen');

    // the same in English
    await switchLanguage(page, 'en-US');
    await page.getByTestId('page-title').filter({ hasText: /^Quality dashboard$/ }).waitFor();
    await page.getByTestId('league-table').locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    assert((await page.getByTestId('tile-escalation_rate').getByTestId('tile-comparisons').innerText()).includes('vs last year'), 'the comparisons in English');
    await page.getByTestId('pareto-chart').locator('canvas').first().waitFor({ timeout: 15_000 });
    await chartsDrawn(page);
    await shot(page, 'dashboard-en-US', { fullPage: true });
    await page.getByTestId('wall-enter').click();
    await page.getByTestId('dashboard-wall').waitFor({ timeout: 15_000 });
    await page.getByTestId('pareto-chart').locator('canvas').first().waitFor({ timeout: 15_000 });
    await page.getByTestId('wall-leave').waitFor();
    await chartsDrawn(page);
    await shot(page, 'dashboard-wall-en-US', { fullPage: true });
    await page.getByTestId('wall-leave').click();
    await page.getByTestId('side-menu').waitFor({ timeout: 10_000 });
  },
};
