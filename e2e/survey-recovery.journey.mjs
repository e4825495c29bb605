import { takeTicket, apiCaller } from './journey-api.mjs';

/**
 * Journey: a low score opens a service-recovery ticket that an agent closes (服务补救). The quality
 * manager sets it up through the API: a follow-up survey, published, whose recovery limits are
 * CSAT ≤ 2 or NPS ≤ 6; a complaint taken for 东州热线班组 (agent.dz1's team); an invitation about
 * it. The customer answers on a phone with the real page — one star of five. Then agent.dz1 finds
 * the recovery ticket in 服务补救 (the menu entry agents have), sees the card with the answer on
 * the ticket page, is told the outcome comes after closing, works the ticket to 已关闭, records
 * 已挽回 with a note, sees who recorded it (in English too), and finds it under the 已挽回 tab.
 */
export const surveyRecoveryJourney = {
  name: '(s) a low score opens a service-recovery ticket that an agent works to closed and records as won back',
  async run({
    page,
    login,
    shot,
    assert,
    waitUntil,
    tableSettled,
    switchLanguage,
    ticketAction,
    waitForState,
  }) {
    // ---- set-up, as the quality manager, through the API
    await login(page, 'qm.li');
    const call = await apiCaller(page, assert);
    const code = `E2E-RECOVERY-${Date.now().toString(36).toUpperCase()}`;
    const created = await call(
      'POST',
      '/api/v1/surveys',
      {
        code,
        content: {
          nameZh: '投诉处理满意度回访',
          nameEn: 'Complaint handling follow-up',
          introZh: '感谢您反馈问题，请对本次投诉处理进行评价。',
          introEn: 'Thank you for telling us. Please rate how your complaint was handled.',
          questions: [
            {
              key: 'overall',
              type: 'csat',
              textZh: '您对本次投诉处理的满意度如何？',
              textEn: 'How satisfied are you with how your complaint was handled?',
            },
            {
              key: 'recommend',
              type: 'nps',
              textZh: '您有多大可能向亲友推荐我们？',
              textEn: 'How likely are you to recommend us to friends and family?',
            },
            {
              key: 'channel',
              type: 'single',
              textZh: '您是通过什么方式反映问题的？',
              textEn: 'How did you contact us?',
              options: [
                { value: 'hotline', labelZh: '10000 热线', labelEn: '10000 hotline' },
                { value: 'store', labelZh: '营业厅', labelEn: 'Store' },
              ],
            },
            {
              key: 'comment',
              type: 'text',
              required: false,
              textZh: '还有什么想对我们说的？',
              textEn: 'Anything else you would like to tell us?',
            },
          ],
        },
      },
      201,
    );
    const published = await call(
      'POST',
      `/api/v1/surveys/${created.id}/publish`,
      { rowVersion: created.rowVersion },
      200,
    );
    const limits = await call(
      'PUT',
      `/api/v1/surveys/${created.id}/recovery`,
      { csatAtMost: 2, npsAtMost: 6, rowVersion: published.rowVersion },
      200,
    );
    assert(
      limits.recovery.csatAtMost === 2 && limits.recovery.npsAtMost === 6,
      `recovery limits set: ${JSON.stringify(limits.recovery)}`,
    );
    const { ticket: origin } = await takeTicket(page, {
      type: 'complaint',
      channel: 'hotline',
      title: '宽带报修三天无人上门',
      categoryCode: 'N03-03',
      orgUnitCode: 'JN-DZ-T01',
      customer: { phone: '13800007070', name: '郑女士' },
    });
    const invitation = await call(
      'POST',
      `/api/v1/surveys/${created.id}/invitations`,
      { ticketId: origin.id },
      201,
    );
    assert(
      /^\/s\/.+/.test(invitation.path ?? ''),
      `the invitation gives the page's path: ${invitation.path}`,
    );

    // ---- the customer, on a phone, signed in nowhere: one star of five
    await page.context().clearCookies();
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto(invitation.path);
    await page.getByTestId('sa-name').waitFor({ timeout: 15_000 });
    await page.getByTestId('sa-csat-1').click();
    await page.getByTestId('sa-nps-3').click();
    await page.getByTestId('sa-q-channel').getByText('10000 热线').click();
    await page.getByTestId('sa-text-comment').fill('报修三天都没人上门，打了好几次电话。');
    await page.evaluate(() => globalThis.scrollTo(0, 0));
    await shot(page, 'recovery-answer-phone-zh-CN', { fullPage: true });
    const [submitted] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && /\/api\/v1\/public\/surveys\/[^/]+\/answers$/.test(r.url()),
        { timeout: 15_000 },
      ),
      page.getByTestId('sa-submit').click(),
    ]);
    assert(
      submitted.status() === 201,
      `the answer is taken: ${submitted.status()} ${await submitted.text()}`,
    );
    const { responseId } = await submitted.json();
    await page.getByTestId('sa-thanks').waitFor({ timeout: 15_000 });

    // ---- the agent of the team: 服务补救 is in the menu (survey building and analysis are not)
    await page.setViewportSize({ width: 1280, height: 800 });
    await login(page, 'agent.dz1');
    const labels = (
      await page.locator('[data-testid="side-menu"] [data-testid^="nav-"]').allInnerTexts()
    ).map((s) => s.trim());
    assert(labels.includes('服务补救'), `the agent sees 服务补救: ${labels.join(', ')}`);
    assert(
      !labels.includes('问卷管理') && !labels.includes('满意度分析'),
      `no survey screens for an agent: ${labels.join(', ')}`,
    );
    const mine = (
      await (await page.request.get('/api/v1/survey-recoveries?status=open&pageSize=200')).json()
    ).items.find((r) => r.responseId === responseId);
    assert(mine, 'the low answer opened a recovery the agent can see');
    assert(mine.reason === 'CSAT 1 ≤ 2; NPS 3 ≤ 6', `why: ${mine.reason}`);

    await page.getByTestId('nav-survey-recoveries').click();
    await page.waitForURL('**/survey-recoveries');
    await page
      .getByTestId('page-title')
      .filter({ hasText: /^服务补救$/ })
      .waitFor({ timeout: 15_000 });
    await page
      .locator('.ant-tabs-tab-active')
      .filter({ has: page.getByTestId('recovery-tab-open') })
      .waitFor();
    await tableSettled(page);
    const row = page.getByTestId(`recovery-row-${mine.ticketNo}`);
    await row.waitFor({ timeout: 10_000 });
    const rowText = await row.innerText();
    assert(
      rowText.includes('待闭环') && rowText.includes('CSAT 1/5') && rowText.includes(origin.no),
      `the open row: ${rowText}`,
    );
    // the row unfolds the customer's answers
    await row.locator('.ant-table-row-expand-icon').click();
    await page.locator('.ant-table-expanded-row').getByTestId('recovery-answers').waitFor();
    await page.mouse.move(640, 790);
    await shot(page, 'recovery-list-open-zh-CN');

    // ---- the recovery ticket: the card with the answer, the outcome only after closing
    await row.getByTestId('recovery-ticket-link').click();
    await page.waitForURL(`**/tickets/${mine.ticketId}`);
    const card = page.getByTestId('recovery-card');
    await card.waitFor({ timeout: 15_000 });
    assert(
      (await page.getByTestId('ticket-no').innerText()).trim() === mine.ticketNo,
      'the recovery ticket opened',
    );
    assert(
      (await card.getByTestId('recovery-reason').innerText()).includes('CSAT 1 ≤ 2'),
      'the reason is shown',
    );
    assert(
      (await card.getByTestId('recovery-scores').innerText()).includes('CSAT 1/5'),
      'the low score is shown',
    );
    const answers = await card.getByTestId('recovery-answers').innerText();
    assert(
      answers.includes('您对本次投诉处理的满意度如何？') &&
        answers.includes('10000 热线') &&
        answers.includes('报修三天都没人上门'),
      `the answers: ${answers}`,
    );
    assert(
      (await card.getByTestId('recovery-origin').innerText()).trim() === origin.no,
      'the original ticket is linked',
    );
    assert((await card.getByTestId('recovery-status').innerText()).trim() === '待闭环', 'the loop is open');
    await card.getByTestId('recovery-close-first').waitFor();
    assert(
      (await card.getByTestId('recovery-outcome-form').count()) === 0,
      'no outcome before the ticket is closed',
    );
    await shot(page, 'recovery-ticket-card-zh-CN');

    // ---- worked to closed: claimed (unless a routing rule already gave it to her), started, answered, closed
    const me = (await (await page.request.get('/api/v1/auth/me')).json()).user;
    const before = await (await page.request.get(`/api/v1/tickets/${mine.ticketId}`)).json();
    // an agent's 分派 is 领取 (to herself)
    if (before.assigneeId !== me.id) await ticketAction(page, 'assign', '已分派');
    await ticketAction(page, 'start', '处理中');
    await ticketAction(page, 'answer', '已答复', async (d) => {
      await d
        .getByTestId('action-reply')
        .fill('已致电郑女士致歉，今天下午安排师傅上门修复，修复后回访确认。');
    });
    await ticketAction(page, 'close', '已关闭', async (d) => {
      await d.getByTestId('close-followup').fill('回访客户，宽带已修复，客户接受道歉。');
    });
    await waitForState(page, '已关闭');

    // ---- closing the loop: 挽回, with a note
    const form = card.getByTestId('recovery-outcome-form');
    await form.waitFor({ timeout: 10_000 });
    assert(
      (await page.getByTestId('recovery-close-first').count()) === 0,
      'the explanation gave way to the form',
    );
    assert(await card.getByTestId('recovery-record').isDisabled(), 'nothing to record before choosing');
    await form.getByTestId('recovery-outcome-recovered').click();
    await form.locator('textarea').fill('上门修复后再次致电，客户表示满意，愿意继续使用。');
    await page
      .locator('.ant-message-notice')
      .last()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => {}); // toasts gone
    await shot(page, 'recovery-ticket-outcome-form-zh-CN');
    const [recorded] = await Promise.all([
      page.waitForResponse(
        (r) =>
          r.request().method() === 'POST' && r.url().endsWith(`/survey-recoveries/${responseId}/outcome`),
        { timeout: 15_000 },
      ),
      card.getByTestId('recovery-record').click(),
    ]);
    assert(
      recorded.status() === 200,
      `the outcome is recorded: ${recorded.status()} ${await recorded.text()}`,
    );
    const result = card.getByTestId('recovery-outcome-result');
    await result.waitFor({ timeout: 10_000 });
    const resultText = await result.innerText();
    assert(
      resultText.includes('客户已挽回') && resultText.includes('客户表示满意') && resultText.includes('张晓'),
      `the result: ${resultText}`,
    );
    await waitUntil(
      async () => ((await card.getByTestId('recovery-status').innerText()).trim() === '已挽回' ? true : null),
      'the card to say 已挽回',
    );
    assert(
      (await card.getByTestId('recovery-outcome-form').count()) === 0,
      'recorded once: the form is gone',
    );
    await page
      .locator('.ant-message-notice')
      .last()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => {});
    await shot(page, 'recovery-ticket-recorded-zh-CN');

    // ---- the card in English: the answers in the survey's English
    await switchLanguage(page, 'en-US');
    await card.locator('.ant-card-head-title', { hasText: 'Service recovery' }).waitFor();
    const answersEn = await card.getByTestId('recovery-answers').innerText();
    assert(
      answersEn.includes('How satisfied are you with how your complaint was handled?') &&
        answersEn.includes('10000 hotline'),
      `answers in English: ${answersEn}`,
    );
    assert((await result.innerText()).includes('Customer won back'), 'the result in English');
    await shot(page, 'recovery-ticket-card-en-US');
    await switchLanguage(page, 'zh-CN');

    // ---- the list: gone from 待闭环, listed under 已挽回
    await page.getByTestId('nav-survey-recoveries').click();
    await page
      .getByTestId('page-title')
      .filter({ hasText: /^服务补救$/ })
      .waitFor({ timeout: 15_000 });
    await page.getByTestId('recovery-tab-recovered').click();
    await page.waitForURL(/tab=recovered/);
    await tableSettled(page);
    const done = page.getByTestId(`recovery-row-${mine.ticketNo}`);
    await done.waitFor({ timeout: 10_000 });
    const doneText = await done.innerText();
    assert(doneText.includes('已挽回') && doneText.includes('已关闭'), `the recovered row: ${doneText}`);
    await page.mouse.move(640, 790);
    await shot(page, 'recovery-list-recovered-zh-CN');
    await page.getByTestId('recovery-tab-open').click();
    await page.waitForURL((u) => !u.search.includes('tab='));
    // the recovered rows stay up while the open ones load: wait for this one to go
    await page
      .getByTestId(`recovery-row-${mine.ticketNo}`)
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => {
        throw new Error('the recovered one is still listed under 待闭环');
      });
  },
};
