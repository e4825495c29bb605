/**
 * Journey: a satisfaction campaign (满意度测评). The quality manager opens 满意度测评, creates a
 * campaign over 东州分公司's customers in the dialog — the survey and the unit picked by typing,
 * a sample of 12 with at least 3 per store — previews the sample (each store's population and
 * quota), saves it, starts a round, and watches the round in the drawer until every invitation is
 * out (the campaign job sends them in the background); then the same in English.
 */
export const surveyCampaignsJourney = {
  name: '(u) a satisfaction campaign is set up with a previewed stratified sample, and its first round is sent',
  async run({ page, login, shot, assert, waitUntil, tableSettled, switchLanguage }) {
    await login(page, 'qm.li');
    await page.goto('/survey-campaigns');
    await page.getByTestId('campaigns-table').waitFor();
    const name = `东州营业厅满意度测评 ${Date.now().toString(36)}`;

    await page.getByTestId('campaign-create').click();
    const form = page.getByTestId('campaign-form');
    await form.waitFor();
    await form.getByTestId('campaign-name').fill(name);
    await form.getByTestId('campaign-survey').click();
    await page.keyboard.type('SVC-FOLLOWUP');
    await page.locator('.ant-select-item-option').filter({ hasText: 'SVC-FOLLOWUP' }).first().click();
    await form.getByTestId('campaign-org-unit').click();
    await page.keyboard.type('东州分公司');
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '东州分公司' }).first().click();
    await form.getByTestId('campaign-sample-size').fill('12');
    await form.locator('#minPerStratum').fill('3');
    await page.getByTestId('campaign-preview').click();
    const preview = page.getByTestId('campaign-preview-result');
    await preview.waitFor({ timeout: 15_000 });
    const rows = await preview.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts();
    assert(rows.some((r) => r.includes('东州中山路营业厅')), `the stores are the strata: ${rows.join(' | ')}`);
    const quotas = await preview.locator('.ant-table-tbody tr.ant-table-row td:last-child').allInnerTexts();
    assert(quotas.map(Number).reduce((a, b) => a + b, 0) === 12, `the quotas add up to the sample: ${quotas.join(', ')}`);
    await shot(page, 'campaign-preview-zh-CN');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });

    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: name });
    await row.waitFor();
    await row.getByTestId('campaign-start').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    const drawer = page.getByTestId('campaign-drawer');
    await drawer.getByTestId('campaign-round-1').waitFor({ timeout: 15_000 });
    // the job sends the invitations within its 20-second period; the drawer refreshes itself
    await waitUntil(async () => /已邀请 (\d+) \/ 12/.exec((await drawer.getByTestId('round-invited').innerText()) ?? '')?.[1] === '12' || null, 'all 12 invited', 60_000);
    await shot(page, 'campaign-round-zh-CN');
    await page.keyboard.press('Escape');
    await tableSettled(page);
    assert((await row.innerText()).includes('已完成'), 'the list shows the round done');

    await switchLanguage(page, 'en-US');
    await page.getByTestId('page-title').filter({ hasText: /^Satisfaction campaigns$/ }).waitFor();
    await row.getByTestId('campaign-name').click();
    await drawer.getByText('12 of 12 invited').first().waitFor();
    await shot(page, 'campaign-round-en-US');
    await page.keyboard.press('Escape');
    await switchLanguage(page, 'zh-CN');
  },
};
