import { takeTicket } from './journey-api.mjs';

/**
 * Journey: the quality manager tunes the complaint policy's response target — previewing which open
 * tickets' clocks it recomputes before saving — and checks the National Day holiday on the standard
 * calendar's month preview. Helpers come from run.mjs (the runner passes them in).
 */
export const slaAdminJourney = {
  name: '(l) the quality manager edits an SLA policy with an impact preview and checks the National Day calendar',
  async run({ page, login, shot, assert, waitUntil, tableHasRows }) {
    await login(page, 'qm.li');

    // an open complaint, so the preview has a clock to show (the demo tickets predate the policies)
    const { ticket } = await takeTicket(page, {
      type: 'complaint',
      channel: 'hotline',
      title: '宽带提速后网速反而变慢',
      description: '客户反映办理提速后晚间网速明显下降，要求核查。',
      categoryCode: 'S01-01',
      orgUnitCode: 'JN-DZ-T01',
      customer: { phone: '13800002026', name: '钱先生' },
    });

    // ---- 时限标准: the order is explained; edit the complaint policy's first-response target
    await page.getByTestId('nav-sla-policies').click();
    await page.getByTestId('page-title').filter({ hasText: /^时限标准$/ }).waitFor({ timeout: 15_000 });
    await tableHasRows(page);
    assert((await page.locator('.ant-alert').first().innerText()).includes('第一条命中的启用标准生效'), 'the first-match rule is explained');
    const names = await page.getByTestId('policy-name').allInnerTexts();
    assert(names.includes('投诉处理时限') && names.at(-1) === '默认时限', `policies in order: ${names.join(', ')}`);
    await page.mouse.move(640, 790);
    await shot(page, 'sla-policies-zh-CN');

    const row = page.locator('.ant-table-row').filter({ has: page.getByTestId('policy-name').getByText('投诉处理时限', { exact: true }) });
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    const drawer = page.locator('.ant-drawer-section').filter({ hasText: '编辑时限标准' });
    await drawer.waitFor();
    const hours = drawer.getByTestId('target-first_response-hours');
    assert((await hours.inputValue()) === '48', `first response is 48 h: ${await hours.inputValue()}`);
    assert(await drawer.getByTestId('target-next_response-none').isChecked(), 'no update target');
    await hours.fill('24');
    await shot(page, 'sla-policy-drawer-zh-CN');

    // preview: nothing saved yet, the new complaint's first-response clock is recomputed
    await drawer.getByTestId('policy-preview').click();
    await drawer.getByTestId('impact-preview').waitFor({ timeout: 15_000 });
    const summary = await drawer.getByTestId('impact-summary').innerText();
    assert(/保存后将重算 \d+ 张未结工单的 \d+ 个计时/.test(summary), `impact summary: ${summary}`);
    const change = drawer.getByTestId('impact-table').locator('.ant-table-row', { hasText: ticket.no });
    await change.waitFor();
    const cells = await change.innerText();
    assert(cells.includes('首次响应') && cells.includes('48 小时') && cells.includes('24 小时'), `the change listed: ${cells}`);
    assert((await change.locator(`a[href="/tickets/${ticket.id}"]`).count()) === 1, 'the ticket number links to the ticket');
    const policies = (await (await page.request.get('/api/v1/sla-policies')).json()).items;
    assert(policies.find((p) => p.name === '投诉处理时限').targets.first_response === 2880, 'the preview saved nothing');
    await shot(page, 'sla-policy-impact-zh-CN');

    await drawer.getByTestId('policy-save').click();
    await page.locator('.ant-message').getByText(/已保存，\d+ 个计时已重算/).waitFor({ timeout: 10_000 });
    await drawer.waitFor({ state: 'hidden', timeout: 10_000 });
    await waitUntil(async () => ((await row.innerText()).includes('首次响应 24 小时') ? true : null), 'the list to show 24 hours');
    const saved = (await (await page.request.get('/api/v1/sla-policies')).json()).items.find((p) => p.name === '投诉处理时限');
    assert(saved.targets.first_response === 1440 && saved.targets.resolution === 4320, `saved targets: ${JSON.stringify(saved.targets)}`);

    // ---- 工作日历: October 2026 on the standard calendar, month by month from wherever it opens
    await page.getByTestId('nav-calendars').click();
    await page.getByTestId('page-title').filter({ hasText: /^工作日历$/ }).waitFor({ timeout: 15_000 });
    await page.getByTestId('calendar-item-cn-standard').click();
    await page.getByTestId('calendar-title').filter({ hasText: '标准工作日' }).waitFor();
    const month = () => page.getByTestId('preview-month').locator('input').inputValue();
    for (let i = 0; i < 60 && (await month()) !== '2026-10'; i++) {
      const before = await month();
      await page.getByTestId(before > '2026-10' ? 'preview-prev' : 'preview-next').click();
      await waitUntil(async () => ((await month()) !== before ? true : null), 'the next month');
    }
    assert((await month()) === '2026-10', `month shown: ${await month()}`);
    const day = (date) => page.getByTestId(`preview-day-${date}`);
    await day('2026-10-01').waitFor({ timeout: 10_000 });
    for (const date of ['2026-10-01', '2026-10-04', '2026-10-07']) {
      assert((await day(date).getAttribute('data-kind')) === 'holiday', `${date} is a holiday`);
      assert((await day(date).innerText()).includes('国庆节'), `${date} is named 国庆节`);
    }
    assert((await day('2026-10-10').getAttribute('data-kind')) === 'makeup_workday', '10-10 is a make-up working day');
    assert((await day('2026-10-10').innerText()).includes('班'), '10-10 marked 班');
    assert((await day('2026-10-08').innerText()).includes('09:00–12:00'), '10-08 shows the opening hours');
    assert((await day('2026-10-11').getAttribute('data-kind')) === 'weekend', '10-11 is a weekend day');
    await page.mouse.move(640, 790);
    await page.getByTestId('preview-grid').scrollIntoViewIfNeeded();
    await shot(page, 'calendar-2026-10-zh-CN');

    // the deadline calculator counts across the holiday: 30 Sept 17:00 + 8 working hours → 8 Oct 17:00
    await page.getByTestId('tab-calculator').click();
    const start = page.getByTestId('calc-deadline').locator('input').first();
    await start.click();
    await start.fill('2026-09-30 17:00');
    await page.keyboard.press('Enter');
    await page.getByTestId('calc-deadline').getByRole('button', { name: /计\s*算/ }).click();
    await page.getByTestId('calc-deadline-result').filter({ hasText: '2026-10-08 17:00' }).waitFor({ timeout: 10_000 });
    await shot(page, 'calendar-calculator-zh-CN');
  },
};
