#!/usr/bin/env node
/**
 * End-to-end journeys in Debian's Chromium via playwright-core (no browser is ever downloaded).
 *
 * Starts the real server on a free port with a fresh temporary DATA_DIR (so demo data is seeded
 * anew), runs each journey in its own browser context at 1280×800, saves screenshots to
 * e2e/screenshots/, prints `N passed, M failed`, and exits non-zero on any failure.
 *
 * A tiny runner instead of @playwright/test: the journeys are few and sequential, and this keeps
 * the dependency to playwright-core alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(root, 'e2e', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'Qloop#2026';
const VIEWPORT = { width: 1280, height: 800 };

// The labels the admin's menu must show in each language, in menu order.
const MENU_ZH = ['工作台', '工单', '受理', '组织机构', '部门', '用户管理', '用户规模', '审计日志', 'API 令牌'];
const MENU_EN = ['Dashboard', 'Work orders', 'New ticket', 'Org units', 'Departments', 'Users', 'Customer base', 'Audit log', 'API tokens'];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns something other than null/undefined/false. */
async function waitUntil(fn, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v !== null && v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/** The server serves apps/web/dist; build it when missing so a fresh clone can run e2e at once. */
function ensureWebBuild() {
  if (existsSync(path.join(root, 'apps/web/dist/index.html'))) return;
  console.log('building apps/web …');
  const r = spawnSync('npm', ['run', 'build', '-w', '@qloop/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('web build failed');
}

async function startServer(port, dataDir) {
  const child = spawn('node', [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so the whole tree is stopped at the end
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.status === 200) return { child, base };
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  child.kill('SIGKILL');
  throw new Error(`server not ready after 180 s:\n${output}`);
}

function stopServer(child) {
  if (!child || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

// ---------------------------------------------------------------------------------------------
// helpers used by the journeys

async function newPage(browser, base, issues) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', baseURL: base });
  const page = await context.newPage();
  page.on('console', (msg) => {
    const text = msg.text();
    if (text.startsWith('[contract]')) issues.contract.add(text);
    // a 401 from /auth/me before signing in is the expected answer, not a fault
    // nor is a 404 from the portal's look-up with a wrong code or phone (a journey tries one)
    else if (msg.type() === 'error' && text.includes('status of 404') && msg.location().url.includes('/api/v1/portal/tickets/')) return;
    else if (msg.type() === 'error' && !text.includes('status of 401')) issues.console.add(text);
  });
  page.on('pageerror', (err) => issues.console.add(`pageerror: ${err.message}`));
  return { context, page };
}

async function login(page, username, password = PASSWORD) {
  await page.goto('/login');
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('welcome').waitFor({ timeout: 15_000 });
}

async function menuLabels(page) {
  const links = page.locator('[data-testid="side-menu"] [data-testid^="nav-"]');
  return (await links.allInnerTexts()).map((s) => s.trim());
}

async function switchLanguage(page, locale) {
  await page.getByTestId('lang-switch').first().click();
  await page.getByTestId(`lang-${locale}`).click();
  await page.waitForFunction((l) => globalThis.document.documentElement.lang === l, locale);
}

async function shot(page, name) {
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}

/** Waits until the page's main table shows at least one data row. */
async function tableHasRows(page) {
  await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: 15_000 });
  return page.locator('.ant-table-tbody tr.ant-table-row').count();
}


/** Waits until the table has rows and no request is running for it (the previous rows stay up while one does). */
async function tableSettled(page) {
  await tableHasRows(page);
  await page.locator('.ant-table-wrapper .ant-spin-spinning').waitFor({ state: 'detached', timeout: 15_000 });
}

/** The ticket page's state tag (the one in the header), e.g. '处理中' or '挂起 · 等待客户'. */
async function ticketState(page) {
  return (await page.getByTestId('ticket-state').first().innerText()).trim();
}

async function waitForState(page, expected) {
  await waitUntil(async () => ((await ticketState(page)) === expected ? true : null), `ticket state ${expected}`, 15_000).catch(
    async () => {
      throw new Error(`expected state ${expected}, page shows ${await ticketState(page)}`);
    },
  );
}

/** Opens a lifecycle action's dialog from the ticket page, lets `fill` fill it, submits it and waits for `state`. */
async function ticketAction(page, action, state, fill) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('action-submit') });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByTestId('action-submit').click();
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
  await waitForState(page, state);
}

// ---------------------------------------------------------------------------------------------
// journeys

const journeys = [
  {
    name: 'login page in zh-CN and en-US',
    async run({ page }) {
      await page.goto('/login');
      await page.getByTestId('login-submit').waitFor();
      assert((await page.locator('.qloop-login-title').innerText()).includes('服务质量管理平台'), 'zh product title');
      await shot(page, 'login-zh-CN');
      await switchLanguage(page, 'en-US');
      assert((await page.getByTestId('login-submit').innerText()).includes('Sign in'), 'English submit label');
      await shot(page, 'login-en-US');
      // wrong password shows the error, in English
      await page.locator('#login-username').fill('admin');
      await page.locator('#login-password').fill('not-the-password');
      await page.getByTestId('login-submit').click();
      const err = await page.getByTestId('login-error').innerText({ timeout: 10_000 });
      assert(/wrong username or password/i.test(err), `login error text: ${err}`);
      await switchLanguage(page, 'zh-CN');
    },
  },
  {
    name: '(a) admin signs in, sees home, switches to English and back',
    async run({ page }) {
      await login(page, 'admin');
      const zh = await menuLabels(page);
      assert(JSON.stringify(zh) === JSON.stringify(MENU_ZH), `zh menu: ${zh.join(', ')}`);
      await page.locator('canvas').first().waitFor({ timeout: 15_000 }); // the ECharts chart
      await shot(page, 'main-zh-CN');
      await switchLanguage(page, 'en-US');
      const en = await menuLabels(page);
      assert(JSON.stringify(en) === JSON.stringify(MENU_EN), `en menu: ${en.join(', ')}`);
      for (const label of en) assert(!MENU_ZH.includes(label), `label not translated: ${label}`);
      assert((await page.getByTestId('welcome').innerText()).startsWith('Hello'), 'welcome in English');
      await shot(page, 'main-en-US');
      await switchLanguage(page, 'zh-CN');
      const back = await menuLabels(page);
      assert(JSON.stringify(back) === JSON.stringify(MENU_ZH), `menu after switching back: ${back.join(', ')}`);
    },
  },
  {
    name: '(b) admin opens every admin screen and sees data',
    async run({ page }) {
      await login(page, 'admin');
      const screens = [
        ['org-units', '组织机构'],
        ['departments', '部门'],
        ['users', '用户管理'],
        ['customer-base', '用户规模'],
        ['audit', '审计日志'],
        ['api-tokens', 'API 令牌'],
      ];
      for (const [slug, title] of screens) {
        await page.getByTestId(`nav-${slug}`).click();
        await page.waitForURL(`**/${slug}`);
        // the previous page stays up while the next one's chunk loads, so wait for the new title
        await page.getByTestId('page-title').filter({ hasText: new RegExp(`^${title}$`) }).waitFor({ timeout: 15_000 });
        if (slug === 'api-tokens') {
          // a fresh data dir has no tokens: create one so the table has data, and see the secret once
          await page.getByRole('button', { name: /新建令牌/ }).click();
          const dialog = page.locator('.ant-modal').filter({ hasText: '新建令牌' });
          await dialog.locator('input').first().fill('e2e 对接令牌');
          await dialog.locator('.ant-select').click();
          await page.locator('.ant-select-item-option').first().click();
          await page.keyboard.press('Escape');
          await dialog.getByRole('button', { name: /^新\s*建$/ }).click();
          const secret = await page.getByTestId('token-secret').innerText({ timeout: 10_000 });
          assert(secret.trim().length > 16, 'token secret shown');
          await shot(page, 'screen-api-tokens-secret');
          await page.locator('.ant-modal').filter({ hasText: '令牌已创建' }).locator('.ant-modal-footer .ant-btn-primary').click();
        }
        const rows = await tableHasRows(page);
        assert(rows > 0, `${slug}: no rows`);
        if (slug === 'audit') {
          await page.locator('.ant-table-row-expand-icon').first().click();
          await page.locator('.ant-table-expanded-row').first().waitFor();
        }
        await shot(page, `screen-${slug}`);
      }
    },
  },
  {
    name: '(c) admin creates a user and finds it in the list',
    async run({ page }) {
      await login(page, 'admin');
      await page.getByTestId('nav-users').click();
      await tableHasRows(page);
      const username = `e2e.user${Date.now().toString(36)}`;
      await page.getByTestId('user-create').click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '新建用户' });
      await dialog.locator('#username').fill(username);
      await dialog.locator('#displayName').fill('端到端测试用户');
      await dialog.locator('#password').fill('Welcome#2026x');
      await dialog.locator('#phone').fill('13912345678');
      await shot(page, 'user-create-dialog');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await page.locator('.ant-message').getByText('用户已创建').waitFor({ timeout: 10_000 });
      await page.getByTestId('user-search').locator('input').fill(username);
      await page.getByTestId('user-search').locator('input').press('Enter');
      await page.locator('.ant-table-row', { hasText: username }).waitFor({ timeout: 10_000 });
      const rows = await waitUntil(async () => {
        const n = await page.locator('.ant-table-tbody tr.ant-table-row').count();
        return n === 1 ? n : null;
      }, 'the search to leave only the new user');
      assert(rows === 1, `expected exactly the new user, got ${rows} rows`);
      await shot(page, 'user-created');
    },
  },
  {
    name: '(d) an agent signs in and admin menu items are absent',
    async run({ page }) {
      await login(page, 'agent.dz1');
      const labels = await menuLabels(page);
      for (const forbidden of ['用户管理', '用户规模', '审计日志', 'API 令牌']) {
        assert(!labels.includes(forbidden), `agent sees ${forbidden}`);
      }
      assert(labels.includes('工作台'), 'agent sees home');
      await shot(page, 'agent-home');
      // a typed URL is refused too
      await page.goto('/users');
      await page.locator('.ant-result-403').waitFor({ timeout: 10_000 });
      await shot(page, 'agent-forbidden');
    },
  },
  {
    name: '(f) a user with a temporary password must change it before anything else',
    async run({ page }) {
      // the administrator resets agent.xz1's password through the API, as the users screen does
      const signIn = await page.request.post('/api/v1/auth/login', { data: { username: 'admin', password: PASSWORD } });
      const { csrfToken } = await signIn.json();
      const found = await (await page.request.get('/api/v1/users?q=agent.xz1')).json();
      const reset = await page.request.post(`/api/v1/users/${found.items[0].id}/reset-password`, {
        data: { newPassword: 'Temp#2026reset' },
        headers: { 'x-csrf-token': csrfToken },
      });
      assert(reset.status() === 204, `reset: ${reset.status()}`);
      await page.request.post('/api/v1/auth/logout', { headers: { 'x-csrf-token': csrfToken } });

      await page.goto('/login');
      await page.locator('#login-username').fill('agent.xz1');
      await page.locator('#login-password').fill('Temp#2026reset');
      await page.getByTestId('login-submit').click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '修改密码' });
      await dialog.waitFor({ timeout: 10_000 });
      assert((await dialog.locator('.ant-modal-close').count()) === 0, 'the forced dialog cannot be closed');
      await shot(page, 'forced-password-change');
      await dialog.locator('#currentPassword').fill('Temp#2026reset');
      await dialog.locator('#newPassword').fill('MyOwn#2026pass');
      await dialog.locator('#confirm').fill('MyOwn#2026pass');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
      // the pages that were held back now load
      await page.getByTestId('welcome').waitFor({ timeout: 10_000 });
      assert((await menuLabels(page)).includes('工作台'), 'home reachable after the change');
    },
  },
  {
    name: '(g) agent takes a hotline complaint through its whole lifecycle',
    async run({ page }) {
      await login(page, 'agent.dz1');
      await page.getByTestId('nav-tickets-new').click();
      await page.getByTestId('intake-form').waitFor({ timeout: 15_000 });
      // customer look-up as you type: an existing customer fills the customer fields
      await page.locator('#phone').fill('138');
      await page.getByTestId('customer-option').first().waitFor({ timeout: 10_000 });
      await page.getByTestId('customer-option').first().click();
      await page.getByTestId('picked-customer').waitFor();
      assert((await page.locator('#customerNo').inputValue()).startsWith('C'), 'customer number filled in');
      // hotline is the default channel; the type stays 投诉
      assert((await page.locator('.ant-form-item').filter({ hasText: '受理渠道' }).innerText()).includes('热线'), 'hotline by default');
      await page.getByTestId('intake-type').getByText('投诉', { exact: true }).click();
      await page.locator('#categoryId').click();
      await page.keyboard.type('误收费');
      await page.locator('.ant-select-tree-title', { hasText: /^误收费$/ }).click();
      await page.locator('#title').fill('套餐外流量被重复扣费');
      await page.locator('#title').press('Enter'); // Enter in the title moves on to the description
      await page.keyboard.type('客户反映本月账单中流量包被扣费两次，要求退还多收费用并说明原因。');
      await page.evaluate(() => globalThis.scrollTo(0, 0));
      await shot(page, 'intake-form-zh-CN');
      await page.keyboard.press('Control+Enter');

      await page.getByTestId('created-banner').waitFor({ timeout: 15_000 });
      const no = (await page.getByTestId('ticket-no').innerText()).trim();
      assert(/^GD\d{14}$/.test(no), `ticket number shown: ${no}`);
      assert((await page.getByTestId('created-banner').innerText()).includes(no), 'banner names the number');
      await waitForState(page, '已受理');

      await ticketAction(page, 'assign', '已分派'); // an agent's 分派 is 领取: to themselves
      assert((await page.getByTestId('action-assign').count()) === 0, 'nothing left to claim');
      await ticketAction(page, 'start', '处理中');

      // a customer-visible reply from the note box
      await page.getByTestId('note-kind-public_reply').click();
      await page.getByTestId('note-body').fill('您好，已收到您的反映，正在核查扣费记录，请保持电话畅通。');
      await page.getByTestId('note-submit').click();
      await page.getByTestId('timeline-item').filter({ hasText: '正在核查扣费记录' }).waitFor({ timeout: 10_000 });
      assert((await ticketState(page)) === '处理中', 'a note does not change the state');

      await ticketAction(page, 'pend', '挂起 · 等待客户', async (d) => {
        await d.getByText('等待客户', { exact: true }).click();
        await d.getByTestId('action-reply').fill('请您提供本月账单截图，收到后继续处理。');
      });
      await ticketAction(page, 'resume', '处理中');
      await ticketAction(page, 'answer', '已答复', async (d) => {
        await d.getByTestId('action-reply').fill('经核查系重复扣费，已为您退还多收费用 30 元，并按承诺双倍返还。');
      });
      await ticketAction(page, 'close', '已关闭', async (d) => {
        // a complaint closes with its outcome and the follow-up result (or the customer's confirmation)
        assert((await d.getByTestId('close-outcome').innerText()).includes('已解决'), 'outcome preselected');
        await d.getByTestId('close-followup').fill('回访客户，客户认可处理结果。');
        await d.getByTestId('record-confirmation').click(); // the customer's confirmation too
        await d.getByPlaceholder('录音编号').fill('REC-20261123-0815');
        await shot(page, 'ticket-close-dialog-zh-CN');
      });
      assert((await page.locator('.ant-descriptions').first().innerText()).includes('已解决'), 'outcome shown');
      const events = await page.getByTestId('timeline-item').count();
      assert(events >= 9, `timeline has every step (${events})`);
      assert((await page.getByTestId('note-box').count()) === 0, 'no note box on a closed ticket');
      await page.locator('.ant-message-notice').last().waitFor({ state: 'detached', timeout: 10_000 }); // toasts gone
      await page.getByTestId('ticket-timeline').scrollIntoViewIfNeeded();
      await shot(page, 'ticket-page-zh-CN');
      await page.evaluate(() => globalThis.scrollTo(0, 0)); // sticky header and menu stay put in a full-page shot
      await page.screenshot({ path: path.join(shotsDir, 'ticket-page-full-zh-CN.png'), fullPage: true });

      // the list finds it by its number
      await page.goto(`/tickets?scope=all&q=${no}`);
      await page.locator('.ant-table-row', { hasText: no }).waitFor({ timeout: 15_000 });
    },
  },
  {
    name: '(h) a search for 宽带 in the work list shows ranked results, in zh-CN and en-US',
    async run({ page }) {
      await login(page, 'admin');
      await page.getByTestId('nav-tickets').click();
      await page.getByTestId('scope-all').click();
      await page.waitForURL(/scope=all/);
      await page.locator('.ant-tabs-tab-active').filter({ has: page.getByTestId('scope-all') }).waitFor();
      await tableSettled(page);
      await page.getByTestId('ticket-search').locator('input').fill('宽带');
      await page.getByTestId('ticket-search').locator('input').press('Enter');
      await page.waitForURL(/q=%E5%AE%BD%E5%B8%A6/);
      // ranked: the best matches (宽带 in the title) come first
      const firstTitle = () => page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(2)').first().innerText();
      await waitUntil(async () => (await firstTitle()).includes('宽带'), 'the ranked search results').catch(async () => {
        throw new Error(`best match first: ${await firstTitle()}`);
      });
      await tableSettled(page);
      const titles = await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
      assert(titles.filter((x) => x.includes('宽带')).length >= 5, `several titles with 宽带: ${titles.join(' | ')}`);
      const total = await page.locator('.ant-pagination-total-text').innerText();
      await shot(page, 'tickets-list-zh-CN');
      // the view lives in the address: a reload (or a shared link) shows the same list
      await page.reload();
      await tableSettled(page);
      assert((await page.getByTestId('ticket-search').locator('input').inputValue()) === '宽带', 'search kept in the URL');
      assert((await page.locator('.ant-pagination-total-text').innerText()) === total, 'same total after reload');
      await switchLanguage(page, 'en-US');
      await page.locator('.ant-table-thead', { hasText: 'Ticket no.' }).waitFor();
      assert((await page.getByTestId('scope-all').innerText()).includes('All tickets'), 'tabs in English');
      await page.mouse.move(640, 780); // no menu left open under the pointer
      await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
      await shot(page, 'tickets-list-en-US');
      await switchLanguage(page, 'zh-CN');
    },
  },
  {
    name: 'login page on a phone (375×667)',
    async run({ page }) {
      await page.setViewportSize({ width: 375, height: 667 });
      await page.goto('/login');
      await page.getByTestId('login-submit').waitFor();
      const box = await page.getByTestId('login-submit').boundingBox();
      assert(box && box.x >= 0 && box.x + box.width <= 375, `submit button fits the screen: ${JSON.stringify(box)}`);
      const overflow = await page.evaluate(() => globalThis.document.documentElement.scrollWidth);
      assert(overflow <= 375, `no horizontal scrolling (scrollWidth ${overflow})`);
      await shot(page, 'login-phone');
    },
  },
  {
    name: 'a customer files from the portal on a phone and sees the status with the tracking code',
    async run({ page }) {
      await page.setViewportSize({ width: 375, height: 667 });
      // the login page leads there
      await page.goto('/login');
      await page.getByTestId('portal-link').click();
      await page.waitForURL('**/portal');
      await page.getByTestId('portal-form').waitFor({ timeout: 15_000 });
      const noHorizontalScroll = async (where) => {
        const width = await page.evaluate(() => globalThis.document.documentElement.scrollWidth);
        assert(width <= 375, `${where}: no horizontal scrolling (scrollWidth ${width})`);
      };
      await noHorizontalScroll('portal form');

      await page.getByTestId('portal-type-fault').click();
      /** Picks the first option of each column of a cascader, as deep as it goes. */
      const pickFirst = async (id) => {
        await page.locator(`#${id}`).click();
        const popup = page.locator(`.qloop-portal-popup-${id}`);
        await popup.locator('.ant-cascader-menu').first().waitFor({ timeout: 10_000 });
        await popup.locator('.ant-cascader-menu').nth(0).locator('.ant-cascader-menu-item').first().click();
        await page.waitForTimeout(300);
        if ((await popup.locator('.ant-cascader-menu').count()) > 1 && (await popup.isVisible())) {
          await popup.locator('.ant-cascader-menu').nth(1).locator('.ant-cascader-menu-item').first().click();
        }
        await page.keyboard.press('Escape');
        await waitUntil(async () => !(await popup.isVisible()), 'the cascader to close');
      };
      await pickFirst('unit');
      await pickFirst('category');
      await page.locator('#title').fill('家里宽带晚上经常断线');
      await page.locator('#description').fill('最近一周每天晚上八点以后宽带频繁掉线，重启光猫也不行，希望尽快派人检修。');
      await page.locator('#name').fill('王女士');
      await page.locator('#phone').fill('13900005678');
      await noHorizontalScroll('filled portal form');
      await page.evaluate(() => globalThis.scrollTo(0, 0));
      await shot(page, 'portal-file-phone');

      await page.getByTestId('portal-submit').click();
      await page.getByTestId('portal-tracking-code').waitFor({ timeout: 15_000 });
      const code = (await page.getByTestId('portal-tracking-code').innerText()).trim();
      assert(/^[0-9A-HJKMNP-TV-Z]{10}$/.test(code), `tracking code shown: ${code}`);
      const no = (await page.getByTestId('portal-ticket-no').innerText()).trim();
      assert(/^GD\d{14}$/.test(no), `ticket number shown: ${no}`);
      await noHorizontalScroll('portal receipt');
      await shot(page, 'portal-receipt-phone');

      await page.getByTestId('portal-tab-track').click();
      await page.locator('#code').fill(code);
      await page.locator('#phone4').fill('5678');
      await page.getByTestId('portal-track-submit').click();
      await page.getByTestId('portal-status-no').waitFor({ timeout: 15_000 });
      assert((await page.getByTestId('portal-status-no').innerText()).trim() === no, 'the status shows the ticket number');
      assert((await page.getByTestId('portal-status-state').innerText()).trim() === '已受理', 'a new request is accepted');
      await noHorizontalScroll('portal status');
      await page.getByTestId('portal-status').scrollIntoViewIfNeeded();
      await shot(page, 'portal-status-phone');

      // a wrong phone number finds nothing
      await page.locator('#phone4').fill('0000');
      await page.getByTestId('portal-track-submit').click();
      const err = await page.getByTestId('portal-track-error').innerText({ timeout: 10_000 });
      assert(err.includes('未找到该诉求'), `not-found message: ${err}`);
    },
  },
  {
    name: '(e) signing out lands on the login page',
    async run({ page }) {
      await login(page, 'admin');
      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await page.waitForURL('**/login', { timeout: 10_000 });
      await page.getByTestId('login-submit').waitFor();
      // and the session is really gone
      await page.goto('/users');
      await page.waitForURL('**/login', { timeout: 10_000 });
    },
  },
];

// ---------------------------------------------------------------------------------------------

async function main() {
  mkdirSync(shotsDir, { recursive: true });
  ensureWebBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'qloop-e2e-'));
  const port = await freePort();
  let server;
  let browser;
  let passed = 0;
  let failed = 0;
  const issues = { contract: new Set(), console: new Set() };
  try {
    server = await startServer(port, dataDir);
    console.log(`server ready at ${server.base}`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    });
    // E2E_ONLY=text runs only the journeys whose name contains it (while working on one screen)
    const only = process.env.E2E_ONLY;
    for (const j of journeys.filter((x) => !only || x.name.includes(only))) {
      const { context, page } = await newPage(browser, server.base, issues);
      const started = Date.now();
      try {
        await j.run({ page });
        passed++;
        console.log(`  ✓ ${j.name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        console.log(`  ✗ ${j.name}\n    ${String(e?.stack ?? e).split('\n').slice(0, 4).join('\n    ')}`);
        const safe = j.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
        await page.screenshot({ path: path.join(shotsDir, `FAILED-${safe}.png`) }).catch(() => {});
      } finally {
        await context.close();
      }
    }
  } catch (e) {
    failed++;
    console.error(String(e?.stack ?? e));
  } finally {
    await browser?.close().catch(() => {});
    stopServer(server?.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (issues.contract.size) {
    console.log('\nresponses that do not match packages/contracts:');
    for (const c of issues.contract) console.log(`  ${c}`);
  }
  if (issues.console.size) {
    console.log('\nbrowser console errors:');
    for (const c of issues.console) console.log(`  ${c}`);
  }
  console.log(`\nscreenshots: ${path.relative(root, shotsDir)}/`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
