import { takeTicket, apiCaller } from './journey-api.mjs';

/**
 * Journey: a customer answers a satisfaction survey on a phone (375×667) from the SMS link. The
 * quality manager sets it up through the API (a survey with CSAT, NPS, SERVQUAL, a choice and a
 * comment, published; a ticket taken; an invitation about it gives the link's path). The customer,
 * signed in nowhere, answers part of it, sees it saved, reloads and finds it restored, submits with
 * a required answer missing and sees it flagged, completes it, submits, and is thanked; the link
 * then says it was answered, and a tampered link says it is not valid — in Chinese and English.
 */
export const surveyAnswerJourney = {
  name: '(q) a customer answers a survey from the SMS link on a phone: saved as they go, restored, checked, thanked, single use',
  async run({ page, login, shot, assert, waitUntil }) {
    await login(page, 'qm.li');
    const call = await apiCaller(page, assert);
    const code = `E2E-ANSWER-${Date.now().toString(36).toUpperCase()}`;
    const created = await call(
      'POST',
      '/api/v1/surveys',
      {
        code,
        content: {
          nameZh: '宽带装维服务满意度回访',
          nameEn: 'Broadband installation follow-up',
          introZh: '感谢您近期使用我们的宽带装维服务，占用您一分钟，请对本次服务进行评价。',
          introEn: 'Thank you for using our broadband installation service. Please take a minute to rate it.',
          questions: [
            {
              key: 'overall',
              type: 'csat',
              textZh: '您对本次装维服务的总体满意度如何？',
              textEn: 'How satisfied are you with the installation service overall?',
            },
            {
              key: 'recommend',
              type: 'nps',
              textZh: '您有多大可能向亲友推荐我们的宽带服务？',
              textEn: 'How likely are you to recommend our broadband to friends and family?',
            },
            {
              key: 'speed',
              type: 'servqual',
              dimension: 'responsiveness',
              textZh: '装维人员上门的及时性',
              textEn: 'How promptly the technician came',
            },
            {
              key: 'channel',
              type: 'single',
              textZh: '您是通过什么方式预约的？',
              textEn: 'How did you book the visit?',
              options: [
                { value: 'hotline', labelZh: '10000 热线', labelEn: '10000 hotline' },
                { value: 'app', labelZh: '手机营业厅', labelEn: 'Mobile app' },
                { value: 'store', labelZh: '营业厅', labelEn: 'Store' },
              ],
            },
            {
              key: 'quality',
              type: 'stars',
              required: false,
              textZh: '请为装维人员的专业水平打分',
              textEn: 'Rate the technician’s skill',
            },
            {
              key: 'liked',
              type: 'multiple',
              required: false,
              textZh: '您对哪些方面比较满意？',
              textEn: 'What did you like?',
              options: [
                { value: 'punctual', labelZh: '准时上门', labelEn: 'On time' },
                { value: 'tidy', labelZh: '施工整洁', labelEn: 'Tidy work' },
                { value: 'explained', labelZh: '讲解清楚', labelEn: 'Clear explanations' },
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
    await call('POST', `/api/v1/surveys/${created.id}/publish`, { rowVersion: created.rowVersion }, 200);
    const { ticket } = await takeTicket(page, {
      type: 'fault',
      channel: 'hotline',
      title: '回访检查：宽带新装后无法上网',
      categoryCode: 'N03-03',
      orgUnitCode: 'JN-DZ-T01',
      customer: { phone: '13800004040', name: '周先生' },
    });
    const invite = async () => {
      const inv = await call(
        'POST',
        `/api/v1/surveys/${created.id}/invitations`,
        { ticketId: ticket.id },
        201,
      );
      assert(/^\/s\/.+/.test(inv.path ?? ''), `the invitation gives the page's path: ${inv.path}`);
      return inv;
    };
    // A token is base64url(payload).base64url(signature): when the signature has no '-' or '_'
    // (about one link in four) the path ends like a file name ('.AbC123…'), which the server's
    // page fallback answers with a 404 instead of the page. The main run takes a link that does not,
    // and the last step checks such a link on its own.
    const looksLikeFile = (p) => /\.[A-Za-z0-9]+$/.test(p);
    const inviteWhere = async (want) => {
      for (let i = 0; i < 24; i++) {
        const inv = await invite();
        if (want(inv.path)) return inv;
      }
      return null;
    };
    const invitation = await inviteWhere((p) => !looksLikeFile(p));
    assert(invitation, 'an invitation whose path does not look like a file name');
    const fileLike = await inviteWhere(looksLikeFile);
    const token = invitation.path.slice(3);
    const publicSurvey = async () => (await page.request.get(`/api/v1/public/surveys/${token}`)).json();

    // the customer: on a phone, signed in nowhere
    await page.context().clearCookies();
    await page.setViewportSize({ width: 375, height: 667 });
    const noHorizontalScroll = async (where) => {
      const width = await page.evaluate(() => globalThis.document.documentElement.scrollWidth);
      assert(width <= 375, `${where}: no horizontal scrolling (scrollWidth ${width})`);
    };
    const progressText = async () =>
      (await page.getByTestId('sa-progress').innerText()).split('\n')[0].trim();
    const checked = (testId) => page.getByTestId(testId).getAttribute('aria-checked');

    await page.goto(invitation.path);
    await page.getByTestId('sa-name').waitFor({ timeout: 15_000 });
    assert(
      (await page.getByTestId('sa-name').innerText()).trim() === '宽带装维服务满意度回访',
      'the survey opens in Chinese',
    );
    assert((await progressText()) === '已答 0/7', `nothing answered yet: ${await progressText()}`);
    // the faces carry their labels, the NPS ends theirs
    const overall = await page.getByTestId('sa-q-overall').innerText();
    assert(
      ['非常不满意', '不满意', '一般', '满意', '非常满意'].every((l) => overall.includes(l)),
      `CSAT labels: ${overall}`,
    );
    const recommend = await page.getByTestId('sa-q-recommend').innerText();
    assert(recommend.includes('不可能') && recommend.includes('极可能'), `NPS ends: ${recommend}`);
    const speed = await page.getByTestId('sa-q-speed').innerText();
    assert(speed.includes('您的期望') && speed.includes('实际感受'), `SERVQUAL scales: ${speed}`);
    await noHorizontalScroll('the survey');
    await shot(page, 'survey-answer-phone-zh-CN');
    // the page is a chunk of its own: no chart library comes down for it
    const scripts = await page.evaluate(() =>
      globalThis.performance
        .getEntriesByType('resource')
        .map((r) => r.name)
        .filter((n) => n.endsWith('.js')),
    );
    assert(!scripts.some((s) => /echarts/.test(s)), `no ECharts on the answer page: ${scripts.join(', ')}`);

    // part of it: a face, a score, one half of the SERVQUAL pair, a choice
    await page.getByTestId('sa-csat-4').click();
    await page.getByTestId('sa-nps-8').click();
    await page.getByTestId('sa-expectation-6').click();
    await page.getByTestId('sa-saved').waitFor({ timeout: 10_000 });
    assert((await page.getByTestId('sa-saved').innerText()).includes('已自动保存'), 'saved discreetly');
    // the network drops: the answer stays on the page, the bar says so and offers to retry
    await page.route('**/api/v1/public/surveys/*/progress', (route) => route.abort('internetdisconnected'));
    await page.getByTestId('sa-q-channel').getByText('手机营业厅').click();
    assert(
      (await progressText()) === '已答 3/7',
      `three answered (half a pair is not an answer): ${await progressText()}`,
    );
    await page.getByTestId('sa-save-failed').waitFor({ timeout: 10_000 });
    assert(
      (await page.getByTestId('sa-save-failed').innerText()).includes('重试'),
      'a failed save offers to retry',
    );
    await shot(page, 'survey-answer-offline-zh-CN');
    await page.unroute('**/api/v1/public/surveys/*/progress');
    await page.getByTestId('sa-save-retry').click();
    await page.getByTestId('sa-saved').waitFor({ timeout: 10_000 });
    const saved = await publicSurvey();
    const p = saved.progress ?? {};
    assert(
      Object.keys(p).length === 3 && p.overall === 4 && p.recommend === 8 && p.channel === 'app',
      `the progress is on the server: ${JSON.stringify(p)}`,
    );
    await page.evaluate(() => globalThis.scrollTo(0, 0));
    await shot(page, 'survey-answer-partial-zh-CN');

    // a reload on another phone (nothing kept in this browser): the server's progress comes back
    await page.evaluate(() => {
      for (const k of Object.keys(globalThis.localStorage))
        if (k.startsWith('qloop.survey.')) globalThis.localStorage.removeItem(k);
    });
    await page.reload();
    await page.getByTestId('sa-name').waitFor({ timeout: 15_000 });
    await page.getByTestId('sa-restored').waitFor();
    assert(
      (await checked('sa-csat-4')) === 'true' && (await checked('sa-nps-8')) === 'true',
      'the scores are restored',
    );
    assert(
      await page.getByTestId('sa-q-channel').getByRole('radio', { name: '手机营业厅' }).isChecked(),
      'the choice is restored',
    );
    assert((await progressText()) === '已答 3/7', `progress restored: ${await progressText()}`);

    // submitting with a required answer missing: flagged, scrolled to, nothing sent
    await page.getByTestId('sa-submit').click();
    await page.getByTestId('sa-problem-speed').waitFor();
    assert(
      (await page.getByTestId('sa-problem-speed').innerText()).includes('请回答此题'),
      'the missing SERVQUAL item is flagged',
    );
    assert(
      (await page.getByTestId('sa-missing').innerText()).includes('1 道题'),
      'the count of questions to complete',
    );
    await waitUntil(
      async () =>
        page.getByTestId('sa-q-speed').evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= globalThis.innerHeight;
        }),
      'the page to scroll to the missing question',
    );
    assert((await publicSurvey()).surveyId === created.id, 'nothing was submitted');
    await shot(page, 'survey-answer-missing-zh-CN');

    // half a pair is not enough either
    await page.getByTestId('sa-expectation-6').click();
    await page.getByTestId('sa-submit').click();
    await waitUntil(
      async () => (await page.getByTestId('sa-problem-speed').innerText()).includes('都打分'),
      'the half-done pair flagged',
    );

    // in English: the questions, the labels and the messages
    await page.getByTestId('sa-lang-en').click();
    await page.waitForFunction(() => globalThis.document.documentElement.lang === 'en-US');
    assert(
      (await page.getByTestId('sa-name').innerText()).trim() === 'Broadband installation follow-up',
      'the survey in English',
    );
    assert(
      (await page.getByTestId('sa-q-overall').innerText()).includes('Very satisfied'),
      'CSAT labels in English',
    );
    assert((await progressText()) === '3 of 7 answered', `progress in English: ${await progressText()}`);
    await page.getByTestId('sa-q-speed').scrollIntoViewIfNeeded();
    await noHorizontalScroll('the survey in English');
    await shot(page, 'survey-answer-phone-en-US');
    await page.getByTestId('sa-lang-zh').click();
    await page.waitForFunction(() => globalThis.document.documentElement.lang === 'zh-CN');

    // complete it: the pair, a comment (optional) with its counter
    await page.getByTestId('sa-perception-3').click();
    await waitUntil(
      async () => (await page.getByTestId('sa-problem-speed').count()) === 0,
      'the flag to clear once answered',
    );
    await page.getByTestId('sa-text-comment').fill('师傅很耐心，但比约定时间晚到了一个小时。');
    assert(
      (await page.getByTestId('sa-q-comment').innerText()).includes('/ 2000'),
      'the comment shows its counter',
    );
    await page.getByTestId('sa-q-quality').locator('.ant-rate-star').nth(4).click();
    assert((await page.getByTestId('sa-q-quality').innerText()).includes('很好'), 'five stars say 很好');
    await page.getByTestId('sa-q-liked').getByText('准时上门').click();
    await page.getByTestId('sa-q-liked').getByText('讲解清楚').click();
    assert((await progressText()) === '已答 7/7', `all answered: ${await progressText()}`);
    await page.evaluate(() => globalThis.scrollTo(0, 0));
    await shot(page, 'survey-answer-complete-zh-CN', { fullPage: true });
    await page.getByTestId('sa-submit').click();
    await page.getByTestId('sa-thanks').waitFor({ timeout: 15_000 });
    assert((await page.getByTestId('sa-thanks').innerText()).includes('感谢您的评价'), 'thanked');
    await noHorizontalScroll('the thank-you page');
    await shot(page, 'survey-answer-thanks-zh-CN');
    const after = await page.request.get(`/api/v1/public/surveys/${token}`);
    assert(
      after.status() === 409 && (await after.json()).error.details.reason === 'answered',
      'the link is used up',
    );

    // the same link again: already answered
    await page.goto(invitation.path);
    await page.getByTestId('sa-refused-answered').waitFor({ timeout: 15_000 });
    assert(
      (await page.getByTestId('sa-refused-answered').innerText()).includes('您已提交过评价，感谢'),
      'already answered',
    );
    await shot(page, 'survey-answer-answered-zh-CN');

    // a tampered link: not valid, said plainly in both languages
    const [head, sig] = token.split('.');
    // the signature's last character changed (to '-' or '_', so the path does not end like a file name)
    const tampered = `${head}.${sig.slice(0, -1)}${sig.endsWith('-') ? '_' : '-'}`;
    await page.goto(`/s/${tampered}`);
    await page.getByTestId('sa-refused-invalid').waitFor({ timeout: 15_000 });
    assert(
      (await page.getByTestId('sa-refused-invalid').innerText()).includes('链接无效'),
      'a tampered link is not valid',
    );
    await shot(page, 'survey-answer-invalid-zh-CN');
    await page.getByTestId('sa-lang-en').click();
    await page.waitForFunction(() => globalThis.document.documentElement.lang === 'en-US');
    const invalidEn = await page.getByTestId('sa-refused-invalid').innerText();
    assert(
      invalidEn.includes('This link is not valid') && !/404|token|signature/i.test(invalidEn),
      `plain English, no jargon: ${invalidEn}`,
    );
    await shot(page, 'survey-answer-invalid-en-US');
    await page.getByTestId('sa-lang-zh').click();
    await page.waitForFunction(() => globalThis.document.documentElement.lang === 'zh-CN');

    // any link the SMS carries opens the page, whatever characters its signature ends with
    if (fileLike) {
      const res = await page.goto(fileLike.path);
      assert(
        res?.status() === 200,
        `a link ending like a file name (${fileLike.path.slice(-12)}) opens the page, not a ${res?.status()} from the server`,
      );
      await page.getByTestId('sa-name').waitFor({ timeout: 15_000 });
    }
  },
};
