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
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { slaAdminJourney } from './sla-admin.journey.mjs';
import { slaCountdownJourney } from './sla-countdown.journey.mjs';
import { dashboardJourney } from './dashboard.journey.mjs';
import { warningsJourney } from './warnings.journey.mjs';
import { surveysJourney } from './surveys.journey.mjs';
import { surveyAnswerJourney } from './survey-answer.journey.mjs';
import { surveyAnalysisJourney } from './survey-analysis.journey.mjs';
import { surveyRecoveryJourney } from './survey-recovery.journey.mjs';
import { scanToRateJourney } from './scan-to-rate.journey.mjs';
import { surveyCampaignsJourney } from './survey-campaigns.journey.mjs';
import { submitDialog } from './dialogs.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shotsDir = path.join(root, 'e2e', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'Qloop#2026';
const VIEWPORT = { width: 1280, height: 800 };

// The labels the admin's menu must show in each language, in menu order.
const MENU_ZH = ['工作台', '数字看板', '预警中心', '满意度分析', '服务补救', '问卷管理', '扫码评价', '满意度测评', '工单', '受理', '组织机构', '部门', '用户管理', '分类管理', '分派规则', '时限标准', '工作日历', '指标库', '预警规则', '用户规模', '审计日志', 'API 令牌'];
const MENU_EN = ['Dashboard', 'Quality dashboard', 'Warnings', 'Satisfaction analysis', 'Service recovery', 'Surveys', 'Scan to rate', 'Satisfaction campaigns', 'Work orders', 'New ticket', 'Org units', 'Departments', 'Users', 'Categories', 'Assignment rules', 'SLA policies', 'Business calendars', 'Indicator library', 'Warning rules', 'Customer base', 'Audit log', 'API tokens'];

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

/** The newest modification time of a file, or of any file under a directory (0 when missing). */
function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

/**
 * The server serves apps/web/dist; build it when missing (a fresh clone runs e2e at once) or older
 * than the web sources or the contracts it bundles (the journeys must test the code as it is).
 */
function ensureWebBuild() {
  const built = path.join(root, 'apps/web/dist/index.html');
  if (existsSync(built)) {
    const sources = ['apps/web/src', 'apps/web/index.html', 'packages/contracts/src'].map((d) => newestMtime(path.join(root, d)));
    if (Math.max(...sources) <= statSync(built).mtimeMs) return;
  }
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
  // Reduced motion: antd then opens and closes dialogs without animating, so a click cannot land
  // on a modal that is still zooming in (journeys (g) and (o) each lost one that way in CI).
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', baseURL: base, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('console', (msg) => {
    const text = msg.text();
    if (text.startsWith('[contract]')) issues.contract.add(text);
    // a 401 from /auth/me before signing in is the expected answer, not a fault
    // nor is a 404 from the portal's look-up with a wrong code or phone (a journey tries one)
    else if (msg.type() === 'error' && text.includes('status of 404') && msg.location().url.includes('/api/v1/portal/tickets/')) return;
    // nor the 409 of a survey saved from a stale page (journey (p) provokes one to see the page reload)
    else if (msg.type() === 'error' && text.includes('status of 409') && /\/api\/v1\/surveys\/[^/]+\/draft$/.test(msg.location().url)) return;
    // nor a survey link refused as used up or not valid (journey (q) opens both on purpose)
    // (and one whose progress cannot be saved while journey (q) cuts the network)
    else if (msg.type() === 'error' && /status of (404|409)|ERR_INTERNET_DISCONNECTED/.test(text) && msg.location().url.includes('/api/v1/public/surveys/')) return;
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

/**
 * Opens a header menu and picks an item, tried again until `done` resolves: on a loaded machine a
 * click can land while antd's menu is still opening and be lost (seen in CI for both the user
 * menu's sign-out and the language switch).
 */
async function pickFromMenu(page, { trigger, item, done, attempts = 3, lastTimeout = 10_000 }) {
  for (let attempt = 1; ; attempt++) {
    const entry = page.getByTestId(item);
    if (!(await entry.isVisible())) await page.getByTestId(trigger).first().click();
    await entry.click();
    try {
      return await done(attempt < attempts ? 5_000 : lastTimeout);
    } catch (e) {
      if (attempt >= attempts) throw e;
    }
  }
}

/** Signs out from the user menu and waits for the sign-in page. */
async function logout(page) {
  return pickFromMenu(page, { trigger: 'user-menu', item: 'logout', done: (timeout) => page.waitForURL('**/login', { timeout }) });
}

/** Picks a language from the header menu and waits until the page has switched. */
async function switchLanguage(page, locale) {
  return pickFromMenu(page, {
    trigger: 'lang-switch',
    item: `lang-${locale}`,
    done: (timeout) => page.waitForFunction((l) => globalThis.document.documentElement.lang === l, locale, { timeout }),
    attempts: 4,
    lastTimeout: 30_000,
  });
}

/** A screenshot of the viewport, or of the whole page with `{ fullPage: true }`. */
async function shot(page, name, options = {}) {
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), ...options });
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

/** Opens the list's 常用筛选 menu and waits until it has finished sliding open (a click during that can be lost). */
async function openSavedFilters(page) {
  await page.getByTestId('saved-filters').click();
  const menu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)');
  await menu.waitFor();
  await waitUntil(async () => !/-(appear|enter)/.test((await menu.getAttribute('class')) ?? ''), 'the menu to open');
  return menu;
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
  await submitDialog(dialog, 'action-submit');
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
      // the dialog must be gone before typing in the page behind it (slow to close on a busy machine)
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
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
      await page.goto(`/tickets?q=${no}`);
      await page.locator('.ant-table-row', { hasText: no }).waitFor({ timeout: 15_000 });
    },
  },
  {
    name: '(h) a search for 宽带 in the work list shows ranked results, in zh-CN and en-US',
    async run({ page }) {
      await login(page, 'admin');
      await page.getByTestId('nav-tickets').click();
      // 全部工单 is the default tab (no `view` in the address, as in the API)
      await page.locator('.ant-tabs-tab-active').filter({ has: page.getByTestId('view-all') }).waitFor({ timeout: 15_000 });
      await tableSettled(page);
      await page.getByTestId('ticket-search').locator('input').fill('宽带');
      // the newest demo tickets are about 宽带 too: wait for the search's own answer, not just any rows
      const searched = page.waitForResponse((r) => r.url().includes('/api/v1/tickets?') && r.url().includes('q=%E5%AE%BD%E5%B8%A6'));
      await page.getByTestId('ticket-search').locator('input').press('Enter');
      await page.waitForURL(/q=%E5%AE%BD%E5%B8%A6/);
      const found = await (await searched).json();
      const totalText = () => page.locator('.ant-pagination-total-text').innerText();
      await waitUntil(async () => (await totalText()).includes(found.total.toLocaleString('en')), 'the search total shown');
      // ranked: the best matches (宽带 in the title) come first
      const firstTitle = () => page.locator('.ant-table-tbody tr.ant-table-row .qloop-ticket-title').first().innerText();
      await waitUntil(async () => (await firstTitle()).includes('宽带'), 'the ranked search results').catch(async () => {
        throw new Error(`best match first: ${await firstTitle()}`);
      });
      await tableSettled(page);
      const titles = await page.locator('.ant-table-tbody tr.ant-table-row .qloop-ticket-title').allInnerTexts();
      assert(titles.filter((x) => x.includes('宽带')).length >= 5, `several titles with 宽带: ${titles.join(' | ')}`);
      const total = await totalText();
      await shot(page, 'tickets-list-zh-CN');
      // the view lives in the address: a reload (or a shared link) shows the same list
      await page.reload();
      await tableSettled(page);
      assert((await page.getByTestId('ticket-search').locator('input').inputValue()) === '宽带', 'search kept in the URL');
      const reloaded = await totalText();
      assert(reloaded === total, `same total after reload: ${total} → ${reloaded}`);
      await switchLanguage(page, 'en-US');
      await page.locator('.ant-table-thead', { hasText: 'Ticket no.' }).waitFor();
      assert((await page.getByTestId('view-all').innerText()).includes('All tickets'), 'tabs in English');
      await page.mouse.move(640, 780); // no menu left open under the pointer
      await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
      await shot(page, 'tickets-list-en-US');
      await switchLanguage(page, 'zh-CN');
    },
  },
  {
    name: '(k) an agent works the list: my queue, a saved filter, a bulk transfer',
    async run({ page }) {
      // the administrator sets up a queue with agent.dz2 (a store clerk) in it, as the groups screen does
      const signIn = await page.request.post('/api/v1/auth/login', { data: { username: 'admin', password: PASSWORD } });
      const admin = { 'x-csrf-token': (await signIn.json()).csrfToken };
      const agent = (await (await page.request.get('/api/v1/users?q=agent.dz2')).json()).items[0];
      const units = (await (await page.request.get('/api/v1/org-units')).json()).items;
      const unitId = (code) => units.find((u) => u.code === code).id;
      const tag = Date.now().toString(36).slice(-5).toUpperCase();
      const groupName = `中山路支撑组${tag}`;
      const created = await page.request.post('/api/v1/groups', {
        data: { code: `DZ-Q${tag}`, name: groupName, orgUnitId: unitId('JN-DZ'), members: [{ userId: agent.id, skills: [] }] },
        headers: admin,
      });
      assert(created.status() === 201, `group created: ${created.status()} ${await created.text()}`);

      // all 3,000+ demo tickets: the count stops at 1,000, yet paging goes on past it
      await page.goto('/tickets?page=50');
      await tableSettled(page);
      const pager = async () => ({
        total: await page.locator('.ant-pagination-total-text').innerText(),
        next: !(await page.locator('.ant-pagination-next').getAttribute('class')).includes('disabled'),
      });
      let p = await pager();
      assert(p.total === '共 1,000+ 条' && p.next, `a capped total on page 50: ${JSON.stringify(p)}`);
      await page.locator('.ant-pagination-next').click();
      await page.waitForURL(/page=51/);
      await tableSettled(page);
      p = await pager();
      assert(p.total === '共 1,000+ 条' && p.next && (await page.locator('.ant-table-row').count()) === 20, `page 51 full, next usable: ${JSON.stringify(p)}`);
      await page.request.post('/api/v1/auth/logout', { headers: admin });

      // the branch manager narrows the list to the hotline team's tickets in progress …
      await login(page, 'bm.dz');
      await page.goto(`/tickets?orgUnitId=${unitId('JN-DZ-T01')}`);
      await page.locator('.ant-tabs-tab-active').filter({ has: page.getByTestId('view-all') }).waitFor({ timeout: 15_000 });
      await tableSettled(page);
      await page.getByTestId('filter-state').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: /^处理中$/ }).click();
      await page.waitForURL(/state=in_progress/);
      await tableSettled(page);

      // … and keeps that as a shared saved filter
      await (await openSavedFilters(page)).getByTestId('saved-filter-save').click();
      const save = page.locator('.ant-modal').filter({ has: page.getByTestId('saved-filter-name') });
      await save.waitFor();
      // the address changes at once, the page when the router's transition commits (with the new
      // rows): a dialog opened before then shows the previous filters, and follows when it commits
      const conditions = () => save.getByTestId('saved-filter-conditions').innerText();
      const bothShown = (c) => c.includes('状态：处理中') && c.includes('东州热线班组');
      await waitUntil(async () => bothShown(await conditions()) || null, 'the conditions shown').catch(async () =>
        assert(false, `conditions shown: ${await conditions()}`),
      );
      await save.getByTestId('saved-filter-name').fill('热线班组处理中');
      await save.getByTestId('saved-filter-shared').click();
      await shot(page, 'work-list-save-filter-zh-CN');
      await save.getByTestId('saved-filter-submit').click();
      await page.locator('.ant-message').getByText('筛选已保存').waitFor({ timeout: 10_000 });
      await waitUntil(async () => (await page.getByTestId('saved-filters').innerText()).includes('热线班组处理中'), 'the button to name the filter');

      // three tickets selected; one of them changes meanwhile (someone pends it), so its version is stale
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      assert((await rows.count()) >= 3, `at least three tickets in progress (${await rows.count()})`);
      const picked = [];
      for (let i = 0; i < 3; i++) {
        const link = rows.nth(i).locator('a[href^="/tickets/"]').first();
        picked.push({ id: (await link.getAttribute('href')).split('/').pop(), no: (await link.innerText()).trim() });
        await rows.nth(i).locator('.ant-checkbox-input').click();
      }
      await page.getByTestId('bulk-bar').waitFor();
      assert((await page.getByTestId('bulk-count').innerText()).includes('已选 3 张工单'), 'three selected');
      await page.mouse.move(640, 790);
      await page.locator('.ant-message-notice').last().waitFor({ state: 'detached', timeout: 10_000 }); // toasts gone
      await page.evaluate(() => globalThis.scrollTo(0, 0));
      await shot(page, 'work-list-bulk-bar-zh-CN');
      const me = { 'x-csrf-token': (await (await page.request.get('/api/v1/auth/me')).json()).csrfToken };
      const stale = picked[2];
      const detail = await (await page.request.get(`/api/v1/tickets/${stale.id}`)).json();
      const pend = await page.request.post(`/api/v1/tickets/${stale.id}/transitions`, {
        data: { action: 'pend', version: detail.version, pendingReason: 'customer' },
        headers: me,
      });
      assert(pend.status() === 200, `pend meanwhile: ${pend.status()} ${await pend.text()}`);

      // 转派 to the group alone: the tickets wait in its queue; the changed one is refused on its own
      await page.getByTestId('bulk-transfer').click();
      const bulk = page.locator('.ant-modal').filter({ has: page.getByTestId('bulk-submit') });
      await bulk.waitFor();
      await bulk.getByTestId('bulk-group').click();
      await page.keyboard.type(tag);
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: groupName }).waitFor();
      await page.keyboard.press('Enter');
      await bulk.getByTestId('bulk-group').filter({ hasText: groupName }).waitFor({ timeout: 5_000 });
      await bulk.getByTestId('bulk-reason').fill('门店可上门处理，转中山路支撑组跟进');
      await shot(page, 'work-list-bulk-transfer-zh-CN');
      await bulk.getByTestId('bulk-submit').click();
      const result = page.locator('.ant-modal').filter({ has: page.getByTestId('bulk-result-summary') });
      await result.waitFor({ timeout: 15_000 });
      const summary = await result.getByTestId('bulk-result-summary').innerText();
      assert(summary.includes('转派成功 2 张') && summary.includes('未成功 1 张'), `result summary: ${summary}`);
      const failed = await result.getByTestId('bulk-failed').locator('.ant-table-row').allInnerTexts();
      assert(failed.length === 1 && failed[0].includes(stale.no), `the refused ticket is listed: ${failed.join(' | ')}`);
      assert(/已被他人更新|当前状态不能执行该操作/.test(failed[0]), `the reason is in words: ${failed[0]}`);
      await shot(page, 'work-list-bulk-result-zh-CN');
      await result.getByTestId('bulk-result-close').click();
      await result.waitFor({ state: 'hidden' });
      // the moved tickets left the list (no longer in progress); the refused one is still selected
      await waitUntil(async () => ((await page.getByTestId('bulk-count').innerText()).includes('已选 1 张工单') ? true : null), 'one left selected');
      await tableSettled(page);
      const listed = await page.getByTestId('ticket-table').innerText();
      assert(!listed.includes(picked[0].no) && !listed.includes(picked[1].no), 'transferred tickets left the in-progress list');
      await page.getByTestId('bulk-clear').click();

      // one more, from its own page: 转派 to the group and one of its members (only members are offered)
      const single = { no: (await rows.first().locator('a[href^="/tickets/"]').first().innerText()).trim() };
      await rows.first().locator('a[href^="/tickets/"]').first().click();
      await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
      await ticketAction(page, 'transfer', '已分派', async (d) => {
        await d.getByTestId('transfer-group').click();
        await page.keyboard.type(tag);
        await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: groupName }).waitFor();
        await page.keyboard.press('Enter');
        await d.getByTestId('transfer-group').filter({ hasText: groupName }).waitFor({ timeout: 5_000 });
        const openLists = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
        await waitUntil(async () => (await openLists.count()) === 0, 'the group list to close');
        await d.getByTestId('assignee-select').click();
        const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
        await options.first().waitFor();
        assert(JSON.stringify(await options.allInnerTexts()) === JSON.stringify(['周敏']), `members only: ${await options.allInnerTexts()}`);
        await options.first().click();
        await d.locator('#reason').fill('需门店上门核实');
        await shot(page, 'ticket-transfer-group-zh-CN');
      });
      assert((await page.locator('.ant-descriptions').first().innerText()).includes('周敏'), 'assigned to the member');

      // the saved filter survives a reload and applies from the menu
      await page.goto('/tickets');
      await page.reload();
      await tableSettled(page);
      const menuItem = (await openSavedFilters(page)).getByTestId('saved-filter-item').filter({ hasText: '热线班组处理中' });
      await menuItem.waitFor();
      await shot(page, 'work-list-saved-filters-menu-zh-CN');
      await menuItem.click();
      await page.waitForURL(/state=in_progress/);
      assert(page.url().includes(`orgUnitId=${unitId('JN-DZ-T01')}`), `unit applied: ${page.url()}`);
      await tableSettled(page);
      await logout(page);

      // the store clerk finds the hotline team's tickets in 我的队列, though they are outside the store's scope
      await login(page, 'agent.dz2');
      await page.getByTestId('nav-tickets').click();
      await page.getByTestId('view-my_groups').click();
      await page.waitForURL(/view=my_groups/);
      await tableSettled(page);
      const queue = page.getByTestId('ticket-table');
      for (const t of picked.slice(0, 2)) await queue.locator('.ant-table-row', { hasText: t.no }).waitFor({ timeout: 10_000 });
      assert((await queue.locator('.ant-table-row', { hasText: stale.no }).count()) === 0, 'the refused ticket is not in the queue');
      const queued = queue.locator('.ant-table-row', { hasText: picked[0].no });
      assert((await queued.innerText()).includes('未分派'), 'waiting unassigned in the queue');
      // the shared filter is offered to others, with its owner's name
      const sharedItem = (await openSavedFilters(page)).getByTestId('saved-filter-item').filter({ hasText: '热线班组处理中' });
      assert((await sharedItem.innerText()).includes('陈经理'), `shared with the owner's name: ${await sharedItem.innerText()}`);
      await page.keyboard.press('Escape');
      await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});

      // and takes one: an agent's bulk 分派 is 领取
      await queued.locator('.ant-checkbox-input').click();
      await page.getByTestId('bulk-assign').click();
      const claim = page.locator('.ant-modal').filter({ has: page.getByTestId('bulk-submit') });
      await claim.waitFor();
      await claim.getByTestId('bulk-submit').click();
      const claimed = page.locator('.ant-modal').filter({ has: page.getByTestId('bulk-result-summary') });
      await claimed.waitFor({ timeout: 15_000 });
      assert((await claimed.getByTestId('bulk-result-summary').innerText()).includes('已领取 1 张工单'), 'claimed');
      await claimed.getByTestId('bulk-result-close').click();
      await claimed.waitFor({ state: 'hidden' });
      await page.getByTestId('view-mine').click();
      await page.waitForURL(/view=mine/);
      // 我的工单 now holds the claimed ticket and the one transferred to her by name (found by number: her list is long)
      for (const no of [picked[0].no, single.no]) {
        await page.goto(`/tickets?view=mine&q=${no}`);
        await page.getByTestId('ticket-table').locator('.ant-table-row', { hasText: no }).waitFor({ timeout: 10_000 });
      }

      // the queue in English, with a ticket selected
      await page.goto('/tickets?view=my_groups');
      await tableSettled(page);
      await switchLanguage(page, 'en-US');
      await page.locator('.ant-table-thead', { hasText: 'Ticket no.' }).waitFor();
      await queue.locator('.ant-table-row', { hasText: picked[1].no }).locator('.ant-checkbox-input').click();
      await page.getByTestId('bulk-bar').waitFor();
      assert((await page.getByTestId('bulk-count').innerText()).includes('Selected: 1'), 'count in English');
      await page.mouse.move(640, 790);
      await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
      await shot(page, 'work-list-my-queue-en-US');
      await switchLanguage(page, 'zh-CN');
    },
  },
  {
    name: '(i) an import with bad rows shows its per-row report',
    async run({ page }) {
      await login(page, 'admin');
      await page.getByTestId('nav-tickets').click();
      await page.getByTestId('ticket-import').click();
      await page.waitForURL('**/tickets/import');
      await page.getByTestId('page-title').filter({ hasText: /^导入工单$/ }).waitFor({ timeout: 15_000 });
      // the codes the file uses are the seed's (apps/server/src/seed): make sure they still exist
      const categories = (await (await page.request.get('/api/v1/categories')).json()).items.map((c) => c.code);
      const units = (await (await page.request.get('/api/v1/org-units')).json()).items.map((u) => u.code);
      for (const code of ['S01-01', 'B01-01', 'N01-01']) assert(categories.includes(code), `seed category ${code}`);
      for (const code of ['JN-DZ-S01', 'JN-DZ-S02', 'JN-DZ-T01']) assert(units.includes(code), `seed org unit ${code}`);
      assert(!categories.includes('ZZ-99'), 'ZZ-99 is unknown');

      // yesterday, Beijing time: a time the server accepts (not in the future)
      const day = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
      const tag = Date.now().toString(36);
      const csv = [
        '诉求类型,受理渠道,标题,问题描述,分类编码,组织编码,联系电话,客户姓名,受理时间',
        `投诉,热线,导入${tag}：话费多扣,上月多扣30元,S01-01,JN-DZ-S01,13811112222,张先生,${day} 09:30`, // row 2 ok
        `咨询,营业厅,导入${tag}：套餐咨询,,B01-01,JN-DZ-S02,13811113333,,${day} 10:00`, // row 3 ok
        `故障报修,热线,导入${tag}：信号差,,N01-01,JN-DZ-T01,13811117777,李女士,${day} 11:15`, // row 4 ok
        `投诉,热线,导入${tag}：错误电话,,S01-01,JN-DZ-S01,12345,,${day} 10:00`, // row 5 wrong phone
        `投诉,热线,导入${tag}：未知分类,,ZZ-99,JN-DZ-S01,13811114444,,${day} 10:00`, // row 6 unknown category
        `投诉,热线,导入${tag}：错误日期,,S01-01,JN-DZ-S01,13811115555,,2026-02-30`, // row 7 no such date
        `咨询,营业厅,导入${tag}：套餐咨询,,B01-01,JN-DZ-S02,13811113333,,${day} 10:00`, // row 8 duplicates row 3
      ].join('\n');
      await shot(page, 'import-upload-zh-CN');
      await page
        .getByTestId('import-dragger')
        .locator('input[type=file]')
        .setInputFiles({ name: 'e2e-tickets.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

      // the suggested mapping is kept: each header maps to its field, with a sample value beside it
      await page.getByTestId('import-mapping').waitFor({ timeout: 15_000 });
      assert((await page.getByTestId('import-total').innerText()).includes('7 行数据'), 'seven data rows read');
      for (const [field, column] of [['type', 'A · 诉求类型'], ['title', 'C · 标题'], ['categoryCode', 'E · 分类编码'], ['phone', 'G · 联系电话'], ['createdAt', 'I · 受理时间']]) {
        const shown = await page.getByTestId(`map-${field}`).innerText();
        assert(shown.includes(column), `${field} mapped to ${column}: ${shown}`);
      }
      const titleRow = page.getByTestId('import-mapping').locator('.ant-table-row').filter({ has: page.getByTestId('map-title') });
      assert((await titleRow.innerText()).includes(`导入${tag}：话费多扣`), 'sample value beside the title');
      assert((await page.getByTestId('map-priority').innerText()).includes('不导入'), 'priority has no column');
      await page.getByTestId('import-mode-valid_rows').click();
      await shot(page, 'import-mapping-zh-CN');

      // validation first: nothing is created, the same rows are reported
      await page.getByTestId('import-validate').click();
      await page.getByTestId('import-dry-run').waitFor({ timeout: 15_000 });
      const dry = await page.getByTestId('import-dry-run').innerText();
      assert(dry.includes('3 行有效') && dry.includes('4 行有错误'), `dry-run summary: ${dry}`);
      assert((await page.getByTestId('import-errors').locator('.ant-table-row').count()) === 4, 'dry run lists the bad rows');
      await page.getByTestId('import-dry-run').getByRole('button').click(); // 查看明细 scrolls to them
      await page.waitForTimeout(500);
      await shot(page, 'import-dry-run-zh-CN');

      await page.getByTestId('import-run').click();
      await page.getByTestId('import-report').waitFor({ timeout: 30_000 });
      const count = async (id) => Number((await page.getByTestId(id).locator('.ant-statistic-content').innerText()).replace(/\D/g, ''));
      assert((await count('import-count-imported')) === 3, `imported: ${await count('import-count-imported')}`);
      assert((await count('import-count-failed')) === 4, `failed: ${await count('import-count-failed')}`);
      assert((await page.getByTestId('import-summary').innerText()).includes('已导入 3 张工单'), 'summary names the imported count');
      const errorRows = await page.getByTestId('import-errors').locator('.ant-table-row').allInnerTexts();
      const expected = [
        [5, '联系电话', '“12345”不是有效的电话号码'],
        [6, '分类编码', '没有编码为“ZZ-99”的现行分类'],
        [7, '受理时间', '“2026-02-30”不是有效的时间'],
        [8, '—', '与第 3 行重复'],
      ];
      assert(errorRows.length === expected.length, `error rows: ${errorRows.join(' | ')}`);
      expected.forEach(([row, field, message], i) => {
        const cells = errorRows[i].split('\t').map((c) => c.trim());
        assert(Number(cells[0]) === row && cells[1] === field && cells[2].includes(message), `error row ${i + 1}: ${errorRows[i]}`);
      });
      await shot(page, 'import-report-zh-CN');
      // the error report downloads as CSV, built in the browser from the same rows
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download-errors').click()]);
      assert(download.suggestedFilename() === 'e2e-tickets-errors.csv', `report file name: ${download.suggestedFilename()}`);
      const report = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      assert(report[0] === '行号,字段,错误' && report.length === 5, `error report: ${report.join(' | ')}`);
      assert(report[1].startsWith('5,联系电话,') && report[4].startsWith('8,—,与第 3 行重复'), `error report rows: ${report.join(' | ')}`);

      await switchLanguage(page, 'en-US');
      await page.getByTestId('page-title').filter({ hasText: /^Import tickets$/ }).waitFor();
      const en = await page.getByTestId('import-errors').locator('.ant-table-row').first().innerText();
      assert(en.includes('“12345” is not a phone number') && en.includes('Phone'), `report in English: ${en}`);
      await page.mouse.move(640, 780); // no language menu left open under the pointer
      await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
      await page.evaluate(() => globalThis.scrollTo(0, 0));
      await shot(page, 'import-report-en-US');
      await switchLanguage(page, 'zh-CN');

      // the imported tickets are in the work list, under 我受理的 (the importer is their 首问负责人)
      await page.getByTestId('import-view-tickets').click();
      await page.waitForURL(/\/tickets\?view=accepted/);
      await page.locator('.ant-table-row', { hasText: `导入${tag}：信号差` }).waitFor({ timeout: 15_000 });
      const listed = await page.getByTestId('ticket-table').locator('.ant-table-row', { hasText: `导入${tag}` }).count();
      assert(listed === 3, `the three imported tickets are listed (${listed})`);
    },
  },
  {
    name: '(j) admin edits the category tree and an assignment rule',
    async run({ page }) {
      await login(page, 'admin');
      // ---- categories: add a level-4 topic under a seeded level-3 one, then retire it
      await page.getByTestId('nav-categories').click();
      await page.getByTestId('page-title').filter({ hasText: /^分类管理$/ }).waitFor({ timeout: 15_000 });
      await tableHasRows(page);
      await page.getByTestId('category-search').locator('input').fill('误收费');
      await page.locator('.ant-table-row', { hasText: 'S01-01' }).first().waitFor();
      assert((await page.locator('mark', { hasText: '误收费' }).count()) >= 1, 'the match is highlighted');
      await shot(page, 'categories-search-zh-CN');

      await page.getByTestId('category-add-S01-01').click();
      const add = page.locator('.ant-modal').filter({ hasText: '下新建分类' });
      await add.waitFor();
      await add.locator('#code').fill('S01-01-E2E');
      await add.locator('#name').fill('国际漫游误收费');
      await add.locator('#nameEn').fill('Wrong roaming charge');
      await shot(page, 'category-add-dialog-zh-CN');
      await add.getByRole('button', { name: /保\s*存/ }).click();
      await page.locator('.ant-message').getByText('分类已创建').waitFor({ timeout: 10_000 });
      const row = page.locator('.ant-table-row', { hasText: 'S01-01-E2E' });
      await row.waitFor({ timeout: 10_000 });
      assert((await row.innerText()).includes('4 级'), `level 4 shown: ${await row.innerText()}`);

      // the confirmation says how many categories below go with it (计费: three topics and the new one)
      await page.getByTestId('category-retire-S01').click();
      const subtree = page.locator('.ant-popover:not(.ant-popover-hidden)').filter({ hasText: '停用“计费”' });
      await subtree.waitFor();
      assert((await subtree.innerText()).includes('其下 4 个启用中的下级分类将一并停用'), `subtree count: ${await subtree.innerText()}`);
      await shot(page, 'category-retire-confirm-zh-CN');
      await subtree.getByRole('button', { name: /取\s*消/ }).click();

      await page.getByTestId('category-retire-S01-01-E2E').click();
      const confirm = page.locator('.ant-popover:not(.ant-popover-hidden)').filter({ hasText: '停用“国际漫游误收费”' });
      await confirm.waitFor();
      await confirm.locator('.ant-btn-dangerous').click();
      await page.locator('.ant-message').getByText('已停用 1 个分类').waitFor({ timeout: 10_000 });
      await row.locator('.ant-tag', { hasText: '已停用' }).waitFor({ timeout: 10_000 });
      assert((await page.getByTestId('category-reactivate-S01-01-E2E').count()) === 1, 're-activate offered');
      await page.mouse.move(640, 790);
      await shot(page, 'categories-retired-zh-CN');

      await page.locator('.ant-message-notice').last().waitFor({ state: 'detached', timeout: 10_000 }); // toasts gone
      await switchLanguage(page, 'en-US');
      await page.getByTestId('page-title').filter({ hasText: /^Categories$/ }).waitFor();
      await page.getByTestId('category-search').locator('input').fill('');
      await page.locator('.ant-table-thead', { hasText: 'Level' }).waitFor();
      await page.mouse.move(640, 790);
      await shot(page, 'categories-en-US');
      await switchLanguage(page, 'zh-CN');

      // ---- assignment: a group with a member, two rules, the second moved up
      await page.getByTestId('nav-assignment').click();
      await page.getByTestId('page-title').filter({ hasText: /^分派规则$/ }).waitFor({ timeout: 15_000 });
      await page.getByTestId('group-create').click();
      const groupDialog = page.locator('.ant-modal').filter({ hasText: '新建处理组' });
      await groupDialog.waitFor();
      await groupDialog.locator('#code').fill('DZ-BILL');
      await groupDialog.locator('#name').fill('东州计费投诉组');
      await groupDialog.getByTestId('group-add-member').click();
      const member = groupDialog.getByTestId('group-member-row').first();
      await member.locator('.ant-select').first().click();
      await page.keyboard.type('张晓');
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '张晓' }).first().click();
      await member.locator('.ant-select').nth(1).click();
      await page.keyboard.type('计费');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await shot(page, 'assignment-group-dialog-zh-CN');
      await groupDialog.getByRole('button', { name: /保\s*存/ }).click();
      await page.locator('.ant-message').getByText('处理组已创建').waitFor({ timeout: 10_000 });
      await page.locator('.ant-table-row', { hasText: 'DZ-BILL' }).waitFor();
      await shot(page, 'assignment-groups-zh-CN');

      await page.getByTestId('tab-rules').click();
      const addRule = async (name, fill) => {
        await page.getByTestId('rule-create').click();
        const dialog = page.locator('.ant-modal').filter({ hasText: '新建规则' });
        await dialog.waitFor();
        await dialog.locator('#name').fill(name);
        if (fill) await fill(dialog);
        await dialog.getByTestId('rule-group').click();
        await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: 'DZ-BILL' }).click();
        return dialog;
      };
      let dialog = await addRule('兜底：全部工单');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await page.locator('.ant-message').getByText('规则已创建').first().waitFor({ timeout: 10_000 });
      await dialog.waitFor({ state: 'hidden' });
      dialog = await addRule('东州计费投诉', async (d) => {
        await d.locator('#types').click();
        await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: /^投诉$/ }).click();
        await page.keyboard.press('Escape');
        await d.locator('#categoryIds').click();
        await page.keyboard.type('计费');
        await page.locator('.ant-select-tree-title', { hasText: /^计费$/ }).click();
        await page.keyboard.press('Escape');
        await d.getByTestId('rule-strategy-least_open').click();
      });
      await shot(page, 'assignment-rule-dialog-zh-CN');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
      const names = () => page.getByTestId('rule-name').allInnerTexts();
      await waitUntil(async () => ((await names()).length === 2 ? true : null), 'two rules listed');
      assert(JSON.stringify(await names()) === JSON.stringify(['兜底：全部工单', '东州计费投诉']), `order after adding: ${await names()}`);
      await page.locator('.ant-table-row').filter({ has: page.getByTestId('rule-name').getByText('东州计费投诉', { exact: true }) }).getByTestId('rule-up').click();
      await waitUntil(async () => ((await names())[0] === '东州计费投诉' ? true : null), 'the rule to move up').catch(async () => {
        throw new Error(`order after moving up: ${await names()}`);
      });
      await page.locator('.ant-message').getByText('顺序已更新').waitFor({ timeout: 10_000 });
      await page.mouse.move(640, 790);
      await shot(page, 'assignment-rules-zh-CN');
      // the order is the server's: a reload shows the same
      await page.reload();
      await page.getByTestId('rule-name').first().waitFor({ timeout: 15_000 });
      assert((await names())[0] === '东州计费投诉', 'order kept after reload');
      await switchLanguage(page, 'en-US');
      await page.getByTestId('page-title').filter({ hasText: /^Assignment rules$/ }).waitFor();
      await page.mouse.move(640, 790);
      await shot(page, 'assignment-rules-en-US');
      await switchLanguage(page, 'zh-CN');
    },
  },
  slaAdminJourney,
  slaCountdownJourney,
  dashboardJourney,
  warningsJourney,
  surveysJourney,
  surveyAnswerJourney,
  surveyAnalysisJourney,
  surveyRecoveryJourney,
  scanToRateJourney,
  surveyCampaignsJourney,
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
        // an item with children opens the next column (after an animation): wait for it rather than
        // for a fixed time, which a loaded machine can outlast; a leaf selects and closes
        for (let level = 0; level < 5; level++) {
          const item = popup.locator('.ant-cascader-menu').nth(level).locator('.ant-cascader-menu-item').first();
          const expands = ((await item.getAttribute('class')) ?? '').includes('ant-cascader-menu-item-expand');
          await item.click();
          if (!expands) break;
          await popup.locator('.ant-cascader-menu').nth(level + 1).waitFor({ timeout: 10_000 });
        }
        if (await popup.isVisible()) await page.keyboard.press('Escape');
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
      // accepted, or routed at once to someone by an assignment rule (journey (j) creates one)
      const state = (await page.getByTestId('portal-status-state').innerText()).trim();
      assert(['已受理', '已分派'].includes(state), `a new request is accepted: ${state}`);
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
      await logout(page);
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
        // journeys kept in their own files get the helpers with the page
        await j.run({ page, login, shot, assert, waitUntil, tableHasRows, tableSettled, switchLanguage, ticketAction, waitForState });
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
