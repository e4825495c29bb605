import { submitDialog } from './dialogs.mjs';
import { takeTicket } from './journey-api.mjs';

/**
 * Journey: a group complaint (群体性投诉) is taken; the quality manager runs the rules now (立即评估),
 * finds the red warning it raised in 预警中心, opens it — evidence, the ticket behind it — acknowledges
 * it and submits a rectification plan through the form; the state reads 已提交方案 and the timeline
 * lists both steps. Then the same pages in English.
 */
export const warningsJourney = {
  name: '(o) the quality manager acknowledges a warning and submits a rectification plan',
  async run({ page, login, shot, assert, waitUntil, switchLanguage }) {
    await login(page, 'qm.li');
    const { ticket } = await takeTicket(page, {
      type: 'complaint',
      channel: 'store',
      title: '东风小区三十余户联名投诉宽带频繁断网',
      categoryCode: 'S01-01',
      orgUnitCode: 'JN-DZ-T01',
      customer: { phone: '13800005050' },
      groupComplaint: true,
    });
    assert(ticket.groupComplaint === true, 'the ticket is flagged as a group complaint');

    // ---- 预警中心: run every rule now and find the red warning of this ticket
    await page.getByTestId('nav-warnings').click();
    await page
      .getByTestId('page-title')
      .filter({ hasText: /^预警中心$/ })
      .waitFor({ timeout: 15_000 });
    // the scheduler evaluates too (every 5 minutes): a run in progress answers 409, so try again
    const evaluation = await waitUntil(
      async () => {
        await page.getByTestId('warnings-evaluate').click();
        await page
          .getByTestId('warnings-evaluate')
          .locator('.ant-btn-loading-icon')
          .waitFor({ state: 'detached', timeout: 30_000 })
          .catch(() => {});
        await page.waitForTimeout(300);
        const alert = page.getByTestId('warning-evaluation');
        return (await alert.count()) ? alert.innerText() : null;
      },
      'an evaluation to run',
      60_000,
    );
    assert(/评估完成/.test(evaluation), `evaluation result shown: ${evaluation}`);
    const warning = await waitUntil(
      async () => {
        const res = await page.request.get('/api/v1/warnings?kind=group_complaint&open=true&pageSize=200');
        const body = await res.json();
        return (
          body.items?.find(
            (w) => w.evidence.kind === 'group_complaint' && w.evidence.ticketId === ticket.id,
          ) ?? null
        );
      },
      'the group complaint to raise a warning',
      30_000,
    );
    assert(warning.level === 'red', `a group complaint raises a red warning, got ${warning.level}`);
    const row = page.getByTestId(`warning-row-${warning.warningNo}`);
    await row.waitFor({ timeout: 15_000 });
    assert(
      (await row.getByTestId('warning-level').innerText()).trim() === '红色预警',
      'the row shows 红色预警',
    );
    assert((await row.getByTestId('warning-state').innerText()).trim() === '待确认', 'the row shows 待确认');
    assert(
      Number(
        await page
          .getByTestId('warning-count-red')
          .innerText()
          .then((s) => s.match(/\d+/)?.[0]),
      ) >= 1,
      'the counts strip has a red warning',
    );
    await page.mouse.move(640, 790);
    await shot(page, 'warnings-list-zh-CN');

    // ---- the warning: evidence, the ticket behind it; acknowledge, then the plan
    await row.getByRole('link', { name: warning.warningNo }).click();
    await page.getByTestId('warning-no').filter({ hasText: warning.warningNo }).waitFor({ timeout: 15_000 });
    const state = () =>
      page
        .getByTestId('warning-state')
        .first()
        .innerText()
        .then((s) => s.trim());
    assert(
      (await page.getByTestId('warning-level').first().innerText()).trim() === '红色预警',
      'detail shows 红色预警',
    );
    assert(
      (await page.getByTestId('warning-evidence').innerText()).includes(ticket.no),
      'the evidence names the ticket',
    );
    const tickets = page.getByTestId('warning-tickets');
    await tickets.getByText(ticket.no).waitFor({ timeout: 15_000 });
    assert(
      (await tickets.getByTestId('flag-group-complaint').count()) >= 1,
      'the ticket carries the 群体性投诉 flag',
    );

    await page.getByTestId('warning-action-acknowledge').click();
    let dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('warning-action-submit') });
    await dialog.waitFor();
    await submitDialog(dialog, 'warning-action-submit');
    await waitUntil(async () => ((await state()) === '已确认' ? true : null), 'state 已确认', 15_000);

    await page.getByTestId('warning-action-submit_plan').click();
    dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('warning-plan-form') });
    await dialog.waitFor();
    // too short a plan is refused in the form, with the contract's rule
    await dialog.locator('#measures').fill('修');
    await dialog.getByTestId('warning-action-submit').click();
    await dialog.getByText('请至少用 5 个字说明原因和措施').waitFor({ timeout: 5_000 });
    await dialog
      .locator('#measures')
      .fill(
        '原因：东风小区光交箱进水导致分光器故障。措施：已更换分光器并做防水处理，三日内对周边光交箱逐一排查，建立雨季巡检制度。',
      );
    await dialog.locator('#responsible').fill('东州分公司网络维护中心 陈工');
    const due = new Date(Date.now() + (8 + 7 * 24) * 3_600_000).toISOString().slice(0, 10);
    await dialog.locator('#dueDate').click();
    await dialog.locator('#dueDate').fill(due);
    await page.keyboard.press('Enter');
    await shot(page, 'warning-plan-form-zh-CN');
    await submitDialog(dialog, 'warning-action-submit');
    await waitUntil(
      async () => ((await state()) === '已提交方案' ? true : null),
      'state 已提交方案',
      15_000,
    ).catch(async () => {
      throw new Error(`expected 已提交方案, page shows ${await state()}`);
    });
    const timeline = page.getByTestId('warning-timeline');
    for (const kind of ['raised', 'acknowledged', 'plan_submitted']) {
      assert(
        (await timeline.getByTestId(`warning-event-${kind}`).count()) === 1,
        `the timeline lists ${kind}`,
      );
    }
    assert(
      (await page.getByTestId('warning-plan-measures').innerText()).includes('光交箱'),
      'the plan is shown',
    );
    assert(
      (await page.getByTestId('warning-action-submit_plan').count()) === 0,
      'no second plan can be submitted',
    );
    await page
      .locator('.ant-message-notice')
      .last()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => {});
    await shot(page, 'warning-detail-zh-CN');

    // ---- the same in English
    await switchLanguage(page, 'en-US');
    await waitUntil(async () => ((await state()) === 'Plan submitted' ? true : null), 'the state in English');
    assert(
      (await page.getByTestId('warning-level').first().innerText()).trim() === 'Red',
      'the level in English',
    );
    assert(
      (await page.getByTestId('page-title').innerText()).trim() === warning.titleEn,
      `the English title: ${await page.getByTestId('page-title').innerText()}`,
    );
    const tlEn = await timeline.innerText();
    assert(
      tlEn.includes('Acknowledged') && tlEn.includes('Plan submitted'),
      `the timeline in English: ${tlEn}`,
    );
    assert(
      (await page.getByTestId('warning-evidence').innerText()).includes('group complaint'),
      'the evidence in English',
    );
    await shot(page, 'warning-detail-en-US');
    await page.getByTestId('nav-warnings').click();
    await page
      .getByTestId('page-title')
      .filter({ hasText: /^Warnings$/ })
      .waitFor({ timeout: 15_000 });
    const rowEn = page.getByTestId(`warning-row-${warning.warningNo}`);
    await rowEn.waitFor({ timeout: 15_000 });
    assert(
      (await rowEn.getByTestId('warning-level').innerText()).trim() === 'Red',
      'the row level in English',
    );
    // the list kept from before the plan shows until its refetch answers
    await waitUntil(
      async () =>
        (await rowEn.getByTestId('warning-state').innerText()).trim() === 'Plan submitted' ? true : null,
      'the row state in English',
      15_000,
    ).catch(async () => {
      throw new Error(`the row state in English: ${await rowEn.getByTestId('warning-state').innerText()}`);
    });
    await page.mouse.move(640, 790);
    await shot(page, 'warnings-list-en-US');
    await switchLanguage(page, 'zh-CN');
  },
};
