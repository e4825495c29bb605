import { takeTicket, apiCaller } from './journey-api.mjs';

/** ECharts draws its series in over a second: let it finish before a screenshot. */
const chartsDrawn = (page) => page.waitForTimeout(1200);

/**
 * Journey: the quality manager reads a survey's satisfaction analysis (满意度分析). Set up through
 * the API: a survey with a CSAT question measuring a perception element (咨询投诉服务), an NPS
 * question and two SERVQUAL items of different dimensions, published; a ticket taken in 东州; three
 * invitations about it answered as in the server's worked example, a fourth left unanswered. Then
 * the page: the survey chosen, the headline figures (3 answers of 4 invited, CSAT 66.67%, NPS 0,
 * index 58.33) with the small-sample warning, the SERVQUAL gap charts and table, the IPA chart with
 * its quadrants, the perception element; the trend by day, the breakdown by channel, the comments
 * with their keyword cloud (a keyword clicked filters and marks them, a band narrows them); a child
 * unit drills down — in Chinese and English.
 */
export const surveyAnalysisJourney = {
  name: '(r) the quality manager reads a survey’s satisfaction analysis: headline figures, sample warning, SERVQUAL gaps, IPA',
  async run({ page, login, shot, assert, waitUntil, switchLanguage }) {
    await login(page, 'qm.li');
    const call = await apiCaller(page, assert);
    const categories = (await (await page.request.get('/api/v1/categories')).json()).items;
    const element = categories.find((c) => c.code === 'S10');
    assert(element?.level === 2, 'S10 (咨询投诉服务) is a perception element (level 2)');

    const tag = Date.now().toString(36).toUpperCase();
    const nameZh = `投诉处理满意度回访 ${tag}`;
    const created = await call(
      'POST',
      '/api/v1/surveys',
      {
        code: `E2E-ANALYSIS-${tag}`,
        content: {
          nameZh,
          nameEn: `Complaint follow-up ${tag}`,
          questions: [
            {
              key: 'overall',
              type: 'csat',
              textZh: '您对本次投诉处理的总体满意度如何？',
              textEn: 'How satisfied are you with how your complaint was handled?',
              elementId: element.id,
            },
            {
              key: 'recommend',
              type: 'nps',
              textZh: '您有多大可能向亲友推荐我们？',
              textEn: 'How likely are you to recommend us?',
            },
            {
              key: 'speed',
              type: 'servqual',
              dimension: 'responsiveness',
              textZh: '处理速度',
              textEn: 'Speed of handling',
            },
            {
              key: 'staff',
              type: 'servqual',
              dimension: 'assurance',
              textZh: '人员专业水平',
              textEn: 'Staff expertise',
            },
            {
              key: 'comment',
              type: 'text',
              required: false,
              textZh: '您还有什么意见或建议？',
              textEn: 'Anything else?',
            },
          ],
        },
      },
      201,
    );
    const survey = await call(
      'POST',
      `/api/v1/surveys/${created.id}/publish`,
      { rowVersion: created.rowVersion },
      200,
    );
    const { ticket, units } = await takeTicket(page, {
      type: 'complaint',
      channel: 'hotline',
      title: '满意度分析：投诉处理回访',
      categoryCode: 'S10-01',
      orgUnitCode: 'JN-DZ-T01',
      customer: { phone: '13800006060', name: '吴女士' },
    });
    // the server test's worked example: CSAT 5, 4, 1; NPS 10, 7, 3; speed gaps 0, −2, −5; staff −2, 0, 0
    const answers = [
      {
        overall: 5,
        recommend: 10,
        speed: { expectation: 6, perception: 6 },
        staff: { expectation: 7, perception: 5 },
        comment: '客服态度很好，宽带当天就修好了',
      },
      {
        overall: 4,
        recommend: 7,
        speed: { expectation: 6, perception: 4 },
        staff: { expectation: 5, perception: 5 },
        comment: '处理还算及时，宽带恢复正常',
      },
      {
        overall: 1,
        recommend: 3,
        speed: { expectation: 7, perception: 2 },
        staff: { expectation: 6, perception: 6 },
        comment: '宽带断网三天，客服电话一直打不通',
      },
    ];
    for (const a of answers) {
      const { token } = await call(
        'POST',
        `/api/v1/surveys/${survey.id}/invitations`,
        { ticketId: ticket.id },
        201,
      );
      await call('POST', `/api/v1/public/surveys/${token}/answers`, { answers: a }, 201);
    }
    await call('POST', `/api/v1/surveys/${survey.id}/invitations`, { ticketId: ticket.id }, 201); // sent, never answered

    // ---- 满意度分析: the menu entry, then the survey chosen in the picker
    await page.getByTestId('nav-survey-analysis').click();
    await page
      .getByTestId('page-title')
      .filter({ hasText: /^满意度分析$/ })
      .waitFor({ timeout: 15_000 });
    await page.getByTestId('analysis-survey').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ visible: true })
      .filter({ hasText: nameZh })
      .click();
    // the newest survey is the default: choosing it again leaves the address as it is
    await waitUntil(
      async () => (await page.getByTestId('analysis-survey').innerText()).includes(nameZh),
      'the survey chosen',
    );

    const text = async (testId) => (await page.getByTestId(testId).innerText()).trim();
    await waitUntil(
      async () =>
        (await page.getByTestId('headline-responses-value').count()) &&
        (await text('headline-responses-value')) === '3',
      'three answers',
      15_000,
    );
    const responses = await text('headline-responses-parts');
    assert(
      responses.includes('邀请 4 份') && responses.includes('75%'),
      `invited and response rate: ${responses}`,
    );
    assert((await text('headline-csat-value')) === '66.67%', `CSAT: ${await text('headline-csat-value')}`);
    assert(
      (await text('headline-csat-parts')) === '满意 2 / 答卷 3',
      `CSAT parts: ${await text('headline-csat-parts')}`,
    );
    assert((await text('headline-nps-value')) === '0', `NPS: ${await text('headline-nps-value')}`);
    assert(
      (await text('headline-nps-parts')) === '推荐 1 · 中立 1 · 贬损 1',
      `NPS parts: ${await text('headline-nps-parts')}`,
    );
    assert((await text('headline-index-value')) === '58.33', `index: ${await text('headline-index-value')}`);
    // the small sample said plainly, in Chinese
    const warning = await text('analysis-alert-small_sample');
    assert(warning.startsWith('仅 3 份答卷：数字仅供参考'), `the small-sample warning: ${warning}`);
    assert(!/answers/.test(warning), 'not the server’s English message');

    // SERVQUAL: both gap charts draw, the table gives the gaps by question text
    await page.getByTestId('gap-chart-items').locator('canvas').first().waitFor({ timeout: 15_000 });
    await page.getByTestId('gap-chart-dimensions').locator('canvas').first().waitFor({ timeout: 15_000 });
    const rows = page.getByTestId('servqual-table').locator('.ant-table-row');
    assert((await rows.count()) === 2, `two SERVQUAL questions (${await rows.count()})`);
    const speed = await rows.filter({ hasText: '处理速度' }).innerText();
    assert(
      speed.includes('响应性') && speed.includes('6.33') && speed.includes('−2.33'),
      `speed row: ${speed}`,
    );
    const staff = await rows.filter({ hasText: '人员专业水平' }).innerText();
    assert(staff.includes('保证性') && staff.includes('−0.67'), `staff row: ${staff}`);
    assert(
      (await text('servqual-overall')).includes('−1.5'),
      `overall gap: ${await text('servqual-overall')}`,
    );
    // IPA: the chart draws; speed matters and lags, staff is over-served
    await page.getByTestId('ipa-chart').locator('canvas').first().waitFor({ timeout: 15_000 });
    const quadrants = await text('ipa-quadrants');
    assert(
      /重点改进区\s*处理速度/.test(quadrants) && /过度投入区\s*人员专业水平/.test(quadrants),
      `quadrants: ${quadrants}`,
    );
    // the perception element and the child units
    // (the element's name comes with the category tree, which may arrive after the figures)
    const elementRow = () => page.getByTestId('elements-table').locator('.ant-table-row').first().innerText();
    await waitUntil(async () => (await elementRow()).includes('咨询投诉服务'), 'the element named', 15_000).catch(
      async () => {
        throw new Error(`element row: ${await elementRow()}`);
      },
    );
    assert((await elementRow()).includes('58.33'), `element row: ${await elementRow()}`);
    const dz = units.find((u) => u.code === 'JN-DZ');
    const branch = page.getByTestId('units-table').locator('.ant-table-row', { hasText: '东州分公司' });
    assert(
      /\b3\b/.test(await branch.innerText()) && (await branch.innerText()).includes('66.67%'),
      `the branch: ${await branch.innerText()}`,
    );

    // the trend: this month by day, the three answers on today's point (a small sample)
    const trend = page.getByTestId('trend-chart');
    await trend.locator('canvas').first().waitFor({ timeout: 15_000 });
    assert((await trend.getAttribute('data-granularity')) === 'day', 'this month reads by day');
    assert(Number(await trend.getAttribute('data-points')) >= 1, 'a point per day of the month so far');
    assert((await text('trend-hint')).includes('空心点'), `the small-sample hint: ${await text('trend-hint')}`);
    // the breakdown by channel: the hotline's three answers, tagged as a small sample
    const channelRow = page.getByTestId('breakdown-table').locator('.ant-table-row', { hasText: '热线' });
    await channelRow.waitFor({ timeout: 15_000 });
    assert(
      /\b3\b/.test(await channelRow.innerText()) && (await channelRow.innerText()).includes('样本少'),
      `the hotline row: ${await channelRow.innerText()}`,
    );

    // the customers' words: 宽带 is in all three comments; clicking it filters the list and marks it
    const comments = page.getByTestId('analysis-comments');
    await comments.getByTestId('comment-item').first().waitFor({ timeout: 15_000 });
    assert((await text('comments-total')) === '共 3 条原话', `three comments: ${await text('comments-total')}`);
    await comments.getByTestId('cloud-keyword').filter({ hasText: /^宽带$/ }).click();
    await page.getByTestId('comments-keyword').filter({ hasText: '宽带' }).waitFor({ timeout: 15_000 });
    await waitUntil(
      async () => (await comments.getByTestId('comment-hit').count()) === 3,
      '宽带 marked in each of the three comments',
      15_000,
    );
    // detractors only: the one who waited three days
    await page.getByTestId('comments-band').getByText('贬损者').click();
    await waitUntil(
      async () => (await text('comments-total')) === '共 1 条原话',
      'one comment from a detractor',
      15_000,
    );
    assert(
      (await comments.getByTestId('comment-text').innerText()).includes('客服电话一直打不通'),
      `the detractor's words: ${await comments.getByTestId('comment-text').innerText()}`,
    );
    await comments.scrollIntoViewIfNeeded();
    await shot(page, 'analysis-keyword-zh-CN');
    // letting go of the keyword and the band shows all three again
    await page.getByTestId('comments-band').getByText('全部').click();
    await page.getByTestId('comments-keyword').locator('.ant-tag-close-icon').click();
    await waitUntil(async () => (await text('comments-total')) === '共 3 条原话', 'all three comments again', 15_000);

    await chartsDrawn(page);
    // a full-page shot from the top, so the fixed header and menu stay where they belong
    await page.evaluate(() => globalThis.scrollTo(0, 0));
    await shot(page, 'survey-analysis-zh-CN', { fullPage: true });

    // a child unit drills down: same answers, the trail leads back up
    await branch.click();
    await waitUntil(async () => page.url().includes(`orgUnit=${dz.id}`), 'the branch in the address');
    await page.getByTestId('analysis-trail').filter({ hasText: '东州分公司' }).waitFor({ timeout: 15_000 });
    await waitUntil(
      async () => !(await page.getByTestId('units-table').innerText()).includes('东州分公司'),
      'the branch’s own children',
    );
    assert((await text('headline-responses-value')) === '3', 'the branch has the three answers');

    // an empty period: no answers said so, no charts
    await page.getByTestId('analysis-period').getByText('上月').click();
    await page.getByTestId('analysis-empty').waitFor({ timeout: 15_000 });
    assert(
      (await text('analysis-empty')).includes('所选单位和期间还没有答卷'),
      `no answers last month: ${await text('analysis-empty')}`,
    );
    assert((await page.getByTestId('ipa-chart').count()) === 0, 'no IPA chart without answers');
    await shot(page, 'survey-analysis-empty-zh-CN');
    // the period replaced the address, the drill-down pushed one: back is the province
    await page.goBack();
    await waitUntil(async () => !page.url().includes('orgUnit='), 'back at the province');
    // the province's figures are up again (nothing re-renders under the language menu)
    await page.getByTestId('ipa-chart').locator('canvas').first().waitFor({ timeout: 15_000 });
    await waitUntil(async () => (await text('headline-responses-value')) === '3', 'the province’s answers');
    await page.evaluate(() => globalThis.scrollTo(0, 0));
    await page.waitForTimeout(300);

    // ---- the same in English
    await switchLanguage(page, 'en-US');
    await page
      .getByTestId('page-title')
      .filter({ hasText: /^Satisfaction analysis$/ })
      .waitFor();
    await waitUntil(
      async () => (await page.getByTestId('analysis-alert-small_sample').count()) === 1,
      'the warning in English',
      15_000,
    );
    const en = await text('analysis-alert-small_sample');
    assert(en.startsWith('Only 3 answers: read the figures as indications'), `the English warning: ${en}`);
    assert(
      (await text('headline-nps-parts')) === 'Promoters 1 · passives 1 · detractors 1',
      `NPS parts: ${await text('headline-nps-parts')}`,
    );
    const enRow = await page
      .getByTestId('servqual-table')
      .locator('.ant-table-row')
      .filter({ hasText: 'Speed of handling' })
      .innerText();
    assert(enRow.includes('Responsiveness'), `the English SERVQUAL row: ${enRow}`);
    assert((await text('ipa-quadrants')).includes('Concentrate here'), 'the quadrants in English');
    await page.getByTestId('analysis-trend').filter({ hasText: 'Satisfaction over time' }).waitFor();
    await page.getByTestId('trend-chart').locator('canvas').first().waitFor({ timeout: 15_000 });
    assert((await text('comments-total')) === '3 comments', `comments in English: ${await text('comments-total')}`);
    await page.getByTestId('ipa-chart').locator('canvas').first().waitFor({ timeout: 15_000 });
    await chartsDrawn(page);
    await page.evaluate(() => globalThis.scrollTo(0, 0));
    await shot(page, 'survey-analysis-en-US', { fullPage: true });
  },
};
