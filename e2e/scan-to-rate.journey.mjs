import { apiCaller } from './journey-api.mjs';
/**
 * Journey: scan-to-rate QR codes (扫码评价). The quality manager publishes a short store survey
 * through the API, then on the 扫码评价 page creates a counter point for 东州中山路营业厅 in the
 * dialog, opens its card (QR image loaded, PNG/SVG downloads named by the server, a print view
 * showing the card alone). A customer on a phone (375×667), signed in nowhere, opens /q/<code>:
 * the page says what is rated, mints a single-use link and replaces itself with the answer page,
 * which says it again; one answer is thanked. Back on the list the point counts one rating; it is
 * deactivated, and the same code then says rating is paused; an unknown code says so too — in
 * Chinese and English.
 */
export const scanToRateJourney = {
  name: '(t) scan-to-rate: a QR card is made and printed, a phone scan answers through a fresh single-use link, a deactivated card says rating is paused',
  async run({ page, login, shot, assert, waitUntil, tableSettled, switchLanguage }) {
    await login(page, 'qm.li');
    const call = await apiCaller(page, assert);
    const surveyCode = `E2E-SCAN-${Date.now().toString(36).toUpperCase()}`;
    const created = await call(
      'POST',
      '/api/v1/surveys',
      {
        code: surveyCode,
        content: {
          nameZh: '营业厅服务满意度',
          nameEn: 'Store service satisfaction',
          introZh: '感谢您光临，请花 30 秒为本次服务打分。',
          introEn: 'Thank you for visiting. Rate our service in 30 seconds.',
          questions: [
            {
              key: 'overall',
              type: 'csat',
              textZh: '您对本次服务满意吗？',
              textEn: 'How satisfied are you with the service?',
            },
            {
              key: 'recommend',
              type: 'nps',
              textZh: '您愿意向亲友推荐我们吗？',
              textEn: 'Would you recommend us to friends and family?',
            },
            {
              key: 'comment',
              type: 'text',
              required: false,
              textZh: '还有什么建议？',
              textEn: 'Anything else?',
            },
          ],
        },
      },
      201,
    );
    await call('POST', `/api/v1/surveys/${created.id}/publish`, { rowVersion: created.rowVersion }, 200);
    const label = `E2E ${Date.now().toString(36).slice(-4)}号窗口`;

    // ---- the manager makes the card
    await page.getByTestId('side-menu').getByText('扫码评价', { exact: true }).click();
    await page.waitForURL('**/survey-scan-points');
    await page.getByTestId('scan-point-create').click();
    const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('scan-point-survey') });
    await dialog.getByTestId('scan-point-survey').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: surveyCode })
      .click();
    await dialog.getByText('服务窗口', { exact: true }).click();
    await dialog.getByTestId('scan-point-unit').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-tree-title')
      .filter({ hasText: '东州中山路营业厅' })
      .click();
    await dialog.getByTestId('scan-point-label-zh').fill(label);
    await dialog.getByTestId('scan-point-label-en').fill('Counter E2E');
    await shot(page, 'scan-journey-form-zh-CN');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByTestId('scan-point-search').locator('input').fill(label);
    await page.getByTestId('scan-point-search').locator('input').press('Enter');
    await tableSettled(page);
    const code = (
      await page
        .locator('[data-testid^="scan-point-row-"]')
        .filter({ hasText: label })
        .getByTestId('scan-point-code')
        .innerText()
    ).trim();
    assert(/^[A-Z2-7]{10}$/.test(code), `a fresh public code: ${code}`);
    // the row by its code from here on: the label shown changes with the language
    const row = page.getByTestId(`scan-point-row-${code}`);

    // ---- its card: the QR loads, downloads are named by the server, printing shows the card alone
    await row.getByTestId('scan-point-qr').click();
    const panel = page.getByTestId('scan-print-panel');
    await panel.waitFor();
    await waitUntil(
      async () =>
        (await panel.getByTestId('scan-card-qr').evaluate((img) => img.complete && img.naturalWidth)) > 0,
      'the QR image loads',
    );
    const url = (await page.getByTestId('scan-print-url').innerText()).trim();
    assert(url.endsWith(`/q/${code}`), `the card encodes the public address: ${url}`);
    for (const format of ['png', 'svg']) {
      const href = await panel.getByTestId(`scan-download-${format}`).getAttribute('href');
      const res = await page.request.get(href);
      assert(res.status() === 200, `${format} download: ${res.status()}`);
      assert(
        String(res.headers()['content-disposition']).includes(`scan-to-rate-${code}.${format}`),
        `${format} is a named download`,
      );
    }
    await shot(page, 'scan-journey-card-zh-CN');
    await page.emulateMedia({ media: 'print' });
    assert(!(await page.getByTestId('side-menu').isVisible()), 'printing hides the page around the card');
    assert(
      await page.locator('.qsp-print-root [data-testid="scan-card"]').isVisible(),
      'printing shows the card',
    );
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('scan-print-close').click();

    // ---- a customer scans it with a phone, signed in nowhere
    const phone = await page
      .context()
      .browser()
      .newContext({
        baseURL: new URL(page.url()).origin,
        viewport: { width: 375, height: 667 },
        locale: 'zh-CN',
        isMobile: true,
        hasTouch: true,
      });
    const p = await phone.newPage();
    try {
      await p.goto(`/q/${code}`);
      await p.waitForURL('**/s/**', { timeout: 15_000 });
      const rating = await p.getByTestId('scan-rating').innerText();
      assert(
        rating.includes('东州中山路营业厅') && rating.includes(label),
        `the answer page says what is rated: ${rating}`,
      );
      const width = await p.evaluate(() => globalThis.document.documentElement.scrollWidth);
      assert(width <= 375, `no horizontal scrolling on the phone (scrollWidth ${width})`);
      await shot(p, 'scan-journey-phone-zh-CN');
      await p.getByTestId('sa-q-overall').locator('button, [role="radio"]').nth(4).click();
      await p.getByTestId('sa-q-recommend').locator('button, [role="radio"]').nth(9).click();
      await p.getByTestId('sa-submit').click();
      await p.getByTestId('sa-thanks').waitFor({ timeout: 10_000 });
      // Back does not mint another link: the scan page replaced itself
      await p.goBack().catch(() => {});
      assert(!p.url().includes('/q/'), `Back leaves the scan page behind: ${p.url()}`);

      // ---- the list counts it; the card is deactivated; the code then says rating is paused
      await page.getByRole('button', { name: /刷\s*新/ }).click();
      await waitUntil(
        async () => (await row.locator('td').nth(4).innerText()).trim() === '1',
        'the point counts one rating',
      );
      await row.getByTestId('scan-point-toggle').click();
      await page
        .locator('.ant-popconfirm:visible')
        .getByRole('button', { name: /停\s*用/ })
        .click();
      await waitUntil(async () => (await row.innerText()).includes('停用'), 'the point shows as deactivated');
      await p.goto(`/q/${code}`);
      await p.getByTestId('scan-refused-closed').waitFor({ timeout: 10_000 });
      await shot(p, 'scan-journey-closed-zh-CN');
      await p.getByTestId('sa-lang-en').click();
      assert(
        (await p.getByTestId('scan-refused-closed').innerText()).includes('Rating is paused'),
        'the refusal in English',
      );
      await p.goto('/q/AAAAAAAAAA');
      await p.getByTestId('scan-refused-invalid').waitFor({ timeout: 10_000 });
      assert(
        (await p.getByTestId('scan-refused-invalid').innerText()).includes('QR code not recognised'),
        'an unknown code, in English',
      );
      await shot(p, 'scan-journey-unknown-en-US');
    } finally {
      await phone.close();
    }

    // ---- the list in English
    await switchLanguage(page, 'en-US');
    await waitUntil(
      async () => (await row.innerText()).includes('Counter E2E'),
      'the English label in the English list',
    );
    await shot(page, 'scan-journey-list-en-US');
    await switchLanguage(page, 'zh-CN');
  },
};
