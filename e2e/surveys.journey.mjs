/**
 * Journey: the quality manager builds a complaint follow-up survey in 问卷管理 — a CSAT, an NPS, a
 * single choice and a SERVQUAL item, tied to perception elements — is stopped by the contract's
 * check on a choice without options (marked on the question), adds the options, saves draft v1,
 * publishes it (the version is frozen), edits it into draft v2, meets a stale-version conflict
 * (someone saved meanwhile: the page says so and reloads), and reads v1 from the version history.
 * Then the same screens in English. Helpers come from run.mjs (the runner passes them in).
 */
export const surveysJourney = {
  name: '(p) the quality manager builds, publishes and revises a survey',
  async run({ page, login, shot, assert, waitUntil, switchLanguage }) {
    await login(page, 'qm.li');
    const visible = (selector) => page.locator(selector).filter({ visible: true });
    const pickTree = async (card, title) => {
      await card.getByTestId('question-element').click();
      await page.keyboard.type(title);
      await visible('.ant-select-tree-title').getByText(title, { exact: true }).click();
    };
    const pickOption = async (card, testId, label) => {
      await card.getByTestId(testId).click();
      await visible('.ant-select-item-option').getByText(label, { exact: true }).click();
    };
    /** The editor scrolls smoothly to the first problem: wait until the page stands still. */
    const scrollSettled = () =>
      waitUntil(async () => {
        const before = await page.evaluate(() => globalThis.scrollY);
        await page.waitForTimeout(250);
        return before === (await page.evaluate(() => globalThis.scrollY)) ? true : null;
      }, 'the scroll to the problem to end');
    /** Adds a question of `type` from the menu and returns its card (once it is there). */
    const addQuestion = async (type) => {
      const cards = page.getByTestId('question-card');
      const before = await cards.count();
      await page.getByTestId('add-question').click();
      await page.getByTestId(`add-question-${type}`).click();
      await cards.nth(before).waitFor();
      return cards.nth(before);
    };

    // ---- 问卷管理: the menu entry, an empty list, 新建问卷
    await page.getByTestId('nav-surveys').click();
    await page
      .getByTestId('page-title')
      .filter({ hasText: /^问卷管理$/ })
      .waitFor({ timeout: 15_000 });
    await page.getByTestId('survey-create').click();
    await page
      .getByTestId('page-title')
      .filter({ hasText: /^新建问卷$/ })
      .waitFor({ timeout: 15_000 });

    await page.getByTestId('survey-code').fill('COMPLAINT-FOLLOWUP');
    await page.getByTestId('survey-nameZh').fill('投诉处理满意度回访');
    await page.getByTestId('survey-nameEn').fill('Complaint follow-up');
    await page.getByTestId('survey-introZh').fill('您好！您反映的问题已处理完毕，请花一分钟评价我们的服务。');
    await page
      .getByTestId('survey-introEn')
      .fill('Your complaint has been handled. Please take a minute to rate our service.');

    // CSAT and NPS start with the standard wordings, in both languages
    const csat = await addQuestion('csat');
    assert(
      (await csat.getByTestId('question-textZh').inputValue()) === '您对本次服务的总体满意度如何？',
      'the CSAT wording',
    );
    assert((await csat.getByTestId('question-key').inputValue()) === 'q1', 'the first key is q1');
    await pickTree(csat, '客服热线');
    const nps = await addQuestion('nps');
    assert(
      (await nps.getByTestId('question-textEn').inputValue()).startsWith('How likely'),
      'the NPS wording',
    );
    // one CSAT per survey: the menu offers no second one
    await page.getByTestId('add-question').click();
    assert(
      (
        (await page
          .locator('.ant-dropdown-menu-item', { has: page.getByTestId('add-question-csat') })
          .getAttribute('class')) ?? ''
      ).includes('disabled'),
      'a second CSAT is not offered',
    );
    await page.keyboard.press('Escape');

    const choice = await addQuestion('single');
    await choice.getByTestId('question-key').fill('channel');
    await choice.getByTestId('question-textZh').fill('您通过什么方式联系我们？');
    await choice.getByTestId('question-textEn').fill('How did you reach us?');

    const servqual = await addQuestion('servqual');
    await servqual.getByTestId('question-textZh').fill('工作人员能及时响应您的诉求');
    await servqual.getByTestId('question-textEn').fill('Staff respond to your request promptly');
    await pickTree(servqual, '服务人员');
    await pickOption(servqual, 'question-dimension', '响应性');

    // the contract's check: a choice without options is marked on the question, nothing is sent
    await page.getByTestId('survey-save').click();
    await page.getByTestId('editor-issues').waitFor({ timeout: 5_000 });
    const choiceError = choice.locator('.ant-form-item-explain-error', {
      hasText: '单选/多选题至少需要两个选项',
    });
    await choiceError.waitFor({ timeout: 5_000 });
    assert((await page.getByTestId('editor-issues').innerText()).includes('1 处'), 'one problem counted');
    assert(page.url().endsWith('/surveys/new'), 'nothing saved');
    await scrollSettled();
    await shot(page, 'survey-new-invalid-zh-CN');

    for (const [zh, en] of [
      ['热线', 'Hotline'],
      ['营业厅', 'Store'],
    ]) {
      await choice.getByTestId('option-add').click();
      const row = choice.getByTestId('option-row').last();
      await row.getByTestId('option-labelZh').fill(zh);
      await row.getByTestId('option-labelEn').fill(en);
    }
    await choiceError.waitFor({ state: 'detached', timeout: 5_000 });
    assert((await page.getByTestId('editor-issues').count()) === 0, 'the problem is gone once fixed');

    // the live preview reads as a respondent sees it
    const preview = page.getByTestId('survey-preview');
    assert((await preview.getByTestId('preview-question').count()) === 4, 'four questions previewed');
    const previewText = await preview.innerText();
    for (const s of ['投诉处理满意度回访', '非常满意', '营业厅', '期望', '感知'])
      assert(previewText.includes(s), `the preview shows ${s}`);
    assert(
      (await preview.getByTestId('question-element-tag').allInnerTexts()).includes('客服热线'),
      'the element tag',
    );
    assert(
      (await preview.getByTestId('question-dimension-tag').innerText()).includes('响应性'),
      'the dimension tag',
    );
    await page.evaluate(() => globalThis.scrollTo(0, 0));
    await shot(page, 'survey-new-zh-CN', { fullPage: true });
    await page.getByTestId('preview-lang').getByText('English').click();
    await preview.getByText('Very satisfied').first().waitFor();
    await page.getByTestId('preview-lang').getByText('简体中文').click();

    // ---- save: draft v1
    await page.getByTestId('survey-save').click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    await page.getByTestId('draft-bar').filter({ hasText: '草稿 v1' }).waitFor({ timeout: 15_000 });
    assert((await page.getByTestId('survey-state').innerText()).trim() === '草稿', 'state 草稿');
    assert((await page.getByTestId('page-title').innerText()).trim() === '投诉处理满意度回访', 'the title');
    const id = page.url().split('/').pop();

    // ---- publish v1: asked first, the version is frozen
    await page.getByTestId('survey-publish').click();
    const confirm = page.locator('.ant-modal').filter({ hasText: '发布 v1？' });
    await confirm.waitFor();
    assert((await confirm.innerText()).includes('冻结'), 'the confirmation says the version will be frozen');
    await shot(page, 'survey-publish-confirm-zh-CN');
    await page.getByTestId('survey-publish-ok').click();
    await waitUntil(
      async () => ((await page.getByTestId('survey-state').innerText()).trim() === '已发布' ? true : null),
      'state 已发布',
      15_000,
    );
    await page.getByTestId('tab-current').filter({ hasText: 'v1' }).waitFor();
    await page.getByTestId('version-facts').waitFor({ timeout: 10_000 });
    assert(
      (await page.getByTestId('survey-preview').getByTestId('preview-question').count()) === 4,
      'the published version shows',
    );
    await page
      .locator('.ant-message-notice')
      .last()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => {});
    await shot(page, 'survey-published-zh-CN', { fullPage: true });

    // ---- edit: the published content becomes draft v2 once saved; v1 stays as it was
    await page.getByTestId('survey-edit').click();
    await page.getByTestId('draft-bar').filter({ hasText: '新草稿 v2' }).waitFor();
    await page.getByTestId('survey-nameZh').fill('投诉处理满意度回访（第二版）');
    const comment = await addQuestion('text');
    await comment.getByTestId('question-textZh').fill('您对我们还有什么建议？');
    await comment.getByTestId('question-textEn').fill('Anything else you would like to tell us?');
    assert(
      !(await comment.getByTestId('question-required').isChecked()),
      'a comment box is optional by default',
    );
    // move the comment above the SERVQUAL item and back: the order follows
    await comment.getByTestId('question-up').click();
    assert(
      (await page.getByTestId('question-card').nth(3).getByTestId('question-textZh').inputValue()) ===
        '您对我们还有什么建议？',
      'moved up',
    );
    await page.getByTestId('question-card').nth(3).getByTestId('question-down').click();
    await page.getByTestId('survey-save').click();
    await page
      .getByTestId('draft-bar')
      .filter({ hasText: /^草稿 v2$/ })
      .waitFor({ timeout: 15_000 });
    const tags = await page.getByTestId('survey-version-tag').allInnerTexts();
    assert(tags.includes('已发布 v1') && tags.includes('草稿 v2'), `header versions: ${tags.join(', ')}`);
    await page
      .locator('.ant-message-notice')
      .last()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => {});
    await page.evaluate(() => globalThis.scrollTo(0, 0));
    await shot(page, 'survey-draft-v2-zh-CN');

    // ---- a conflict: someone else saves the draft meanwhile; this page's save is refused and it reloads
    const csrf = { 'x-csrf-token': (await (await page.request.get('/api/v1/auth/me')).json()).csrfToken };
    const fresh = await (await page.request.get(`/api/v1/surveys/${id}`)).json();
    const other = await page.request.put(`/api/v1/surveys/${id}/draft`, {
      headers: csrf,
      data: {
        rowVersion: fresh.rowVersion,
        content: { ...fresh.draft.content, nameEn: 'Complaint follow-up (v2)' },
      },
    });
    assert(other.status() === 200, `the other save: ${other.status()}`);
    await page.getByTestId('survey-introZh').fill('您好！请评价我们的服务。');
    await page.getByTestId('survey-save').click();
    await page.locator('.ant-message').getByText('该问卷已被他人修改').waitFor({ timeout: 10_000 });
    await waitUntil(
      async () =>
        (await page.getByTestId('survey-nameEn').inputValue()) === 'Complaint follow-up (v2)' ? true : null,
      'the editor to show the version saved meanwhile',
      15_000,
    );
    assert((await page.getByTestId('draft-unsaved').count()) === 0, 'nothing unsaved after the reload');

    // ---- 版本历史: v1 with its answers; reading it shows v1's content
    await page.getByTestId('tab-history').click();
    const v1 = page.getByTestId('history-row-1');
    await v1.waitFor();
    assert((await v1.getByTestId('history-responses').innerText()).trim() === '0', 'no answers yet');
    await page.getByTestId('history-view-1').click();
    const drawer = page.getByTestId('version-drawer');
    await drawer.getByTestId('survey-preview').waitFor({ timeout: 10_000 });
    assert(
      (await drawer.getByTestId('preview-name').innerText()).trim() === '投诉处理满意度回访',
      'v1 keeps its name',
    );
    assert((await drawer.getByTestId('preview-question').count()) === 4, 'v1 has its four questions');
    await page
      .locator('.ant-message-notice')
      .last()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => {});
    await shot(page, 'survey-history-zh-CN');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // ---- the list: published v1, draft v2
    await page.getByTestId('nav-surveys').click();
    const row = page.getByTestId('survey-row-COMPLAINT-FOLLOWUP');
    await row.waitFor({ timeout: 15_000 });
    assert((await row.getByTestId('survey-state').innerText()).trim() === '已发布', 'the row state');
    assert((await row.getByTestId('survey-published-version').innerText()).trim() === 'v1', 'published v1');
    assert((await row.getByTestId('survey-draft-version').innerText()).trim() === 'v2', 'draft v2');

    // ---- two more surveys through the API: one never published, one published then retired on its page
    const make = async (code, nameZh, nameEn, publish) => {
      const created = await page.request.post('/api/v1/surveys', {
        headers: csrf,
        data: {
          code,
          content: {
            nameZh,
            nameEn,
            questions: [
              {
                key: 'nps',
                type: 'nps',
                textZh: '您有多大可能向亲友推荐我们？',
                textEn: 'Would you recommend us?',
              },
            ],
          },
        },
      });
      assert(created.status() === 201, `${code}: ${created.status()}`);
      const s = await created.json();
      if (publish)
        await page.request.post(`/api/v1/surveys/${s.id}/publish`, {
          headers: csrf,
          data: { rowVersion: s.rowVersion },
        });
    };
    await make('STORE-QR', '营业厅扫码评价', 'Store scan-to-rate', false);
    await make('HOTLINE-NPS', '热线净推荐值调查', 'Hotline NPS', true);
    await page.getByTestId('survey-search').locator('input').fill('热线');
    await page.getByTestId('survey-search').locator('input').press('Enter');
    await waitUntil(
      async () => ((await page.locator('.ant-table-tbody tr.ant-table-row').count()) === 1 ? true : null),
      'the search to find one survey',
    );
    await page.getByTestId('survey-row-HOTLINE-NPS').getByTestId('survey-code-link').click();
    await page
      .getByTestId('page-title')
      .filter({ hasText: /^热线净推荐值调查$/ })
      .waitFor({ timeout: 15_000 });
    await page.getByTestId('survey-retire').click();
    await page.getByTestId('survey-retire-ok').click();
    await waitUntil(
      async () => ((await page.getByTestId('survey-state').innerText()).trim() === '已停用' ? true : null),
      'state 已停用',
      15_000,
    );
    await page.getByTestId('survey-reinstate').waitFor();
    assert((await page.getByTestId('survey-edit').count()) === 1, 'a retired survey can still be edited');
    await page
      .locator('.ant-message-notice')
      .last()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => {});
    await shot(page, 'survey-retired-zh-CN');
    await page.getByTestId('survey-reinstate').click();
    await waitUntil(
      async () => ((await page.getByTestId('survey-state').innerText()).trim() === '已发布' ? true : null),
      'state 已发布 again',
      15_000,
    );
    await page.getByTestId('survey-retire').click();
    await page.getByTestId('survey-retire-ok').click();
    await waitUntil(
      async () => ((await page.getByTestId('survey-state').innerText()).trim() === '已停用' ? true : null),
      'retired again',
      15_000,
    );

    // ---- the list: filtered by state, sorted by code on the server
    await page.getByTestId('nav-surveys').click();
    await page
      .getByTestId('page-title')
      .filter({ hasText: /^问卷管理$/ })
      .waitFor({ timeout: 15_000 });
    // the demo seed's own survey (SVC-FOLLOWUP, with answers for 满意度分析) is listed too: not this journey's
    const codes = async () => (await page.getByTestId('survey-code-link').allInnerTexts()).filter((c) => c !== 'SVC-FOLLOWUP');
    await waitUntil(async () => ((await codes()).length === 3 ? true : null), 'three surveys listed', 15_000);
    await page.getByTestId('survey-filter-state').click();
    await visible('.ant-select-item-option').getByText('草稿', { exact: true }).click();
    await waitUntil(
      async () => (JSON.stringify(await codes()) === '["STORE-QR"]' ? true : null),
      'only the draft',
      15_000,
    );
    await page.getByRole('button', { name: /重\s*置/ }).click();
    await waitUntil(async () => ((await codes()).length === 3 ? true : null), 'three surveys again', 15_000);
    await page.locator('.ant-table-thead th', { hasText: '编码' }).click();
    await waitUntil(
      async () =>
        JSON.stringify(await codes()) === '["COMPLAINT-FOLLOWUP","HOTLINE-NPS","STORE-QR"]' ? true : null,
      'sorted by code',
      15_000,
    ).catch(async () => {
      throw new Error(`sorted by code: ${await codes()}`);
    });
    await page.mouse.move(640, 790);
    await page
      .locator('.ant-message-notice')
      .last()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => {});
    await shot(page, 'surveys-list-zh-CN');

    // ---- the same in English
    await switchLanguage(page, 'en-US');
    await page
      .getByTestId('page-title')
      .filter({ hasText: /^Surveys$/ })
      .waitFor({ timeout: 15_000 });
    assert(
      (await row.getByTestId('survey-state').innerText()).trim() === 'Published',
      'the row state in English',
    );
    await shot(page, 'surveys-list-en-US');
    await row.getByTestId('survey-code-link').click();
    await page.getByTestId('draft-bar').filter({ hasText: 'Draft v2' }).waitFor({ timeout: 15_000 });
    assert(
      (await page.getByTestId('page-title').innerText()).trim() === 'Complaint follow-up',
      'the English name',
    );
    await page.getByTestId('tab-current').click();
    await page.getByTestId('version-facts').waitFor();
    const current = page.getByTestId('survey-preview').filter({ visible: true });
    await current.getByText('Very satisfied').first().waitFor();
    assert((await current.innerText()).includes('Expectation'), 'the preview in English');
    assert(
      (await page.getByTestId('version-facts').innerText()).includes('Responsiveness'),
      'the dimension in English',
    );
    await shot(page, 'survey-current-en-US', { fullPage: true });
    await page.getByTestId('tab-draft').click();
    await page.getByTestId('draft-toolbar').waitFor();
    // the editor marks a problem in English too
    await page.getByTestId('question-card').nth(2).getByTestId('option-remove').first().click();
    await page.getByTestId('survey-save').click();
    await page
      .locator('.ant-form-item-explain-error', { hasText: 'A choice question needs at least two options' })
      .waitFor({ timeout: 5_000 });
    await scrollSettled();
    await shot(page, 'survey-draft-en-US');
    await switchLanguage(page, 'zh-CN');

    // ---- an inspector (surveys:read only) reads the survey, with no editor and no actions
    await page.request.post('/api/v1/auth/logout', {
      headers: { 'x-csrf-token': (await (await page.request.get('/api/v1/auth/me')).json()).csrfToken },
    });
    await login(page, 'inspector.dz');
    await page.getByTestId('nav-surveys').click();
    await page.getByTestId('survey-row-COMPLAINT-FOLLOWUP').getByTestId('survey-code-link').click();
    await page.getByTestId('version-facts').waitFor({ timeout: 15_000 });
    assert((await page.getByTestId('survey-create').count()) === 0, 'no 新建问卷 for a reader');
    for (const action of ['survey-edit', 'survey-retire', 'survey-save', 'survey-publish']) {
      assert((await page.getByTestId(action).count()) === 0, `no ${action} for a reader`);
    }
    assert((await page.getByText('编辑和发布需要').count()) === 1, 'the reader is told why');
    await page.getByTestId('tab-draft').click();
    await page.getByText('草稿尚未发布，受访者看不到。').waitFor();
    assert((await page.getByTestId('question-card').count()) === 0, 'no editor for a reader');
    await shot(page, 'survey-readonly-zh-CN');
  },
};
