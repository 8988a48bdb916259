// Browser test of the notification bell (issue 15), against a running Aftercare with demo data:
//   node e2e/notification-bell.mjs http://localhost:18080
// The supervisor signs in (zh-CN, 1440 wide) and lands on the SLA board (their start page). A fault is reported
// through the API as received 45 minutes ago: its response deadline has already passed, so the engine's job
// executor fires the escalation timer at once (no test hook, no clock tricks: see ADR 0038). The bell's count
// rises by itself (it polls), the drawer lists the escalation in Chinese with the case number, marking all
// read brings the count down; then the same at 390x844: the bell and drawer fit the phone.
// Uses the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium); never downloads a browser.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { apiClient, baseUrl, byTestId, check, findSiteAndDevice, step } from './harness.mjs';

const BASE = baseUrl('notification-bell.mjs');
const MINUTE = 60_000;
const RUN = Date.now().toString(36);
/** The escalation fires within seconds of the case; the bell asks every 30 s. */
const RISE_WAIT_MS = 120_000;
/** An enum code as the server names it: three capitals or more, an underscore, more capitals. */
const RAW_CODE = /\b[A-Z]{3,}_[A-Z_]+\b/g;
const SHOTS = fileURLToPath(new URL('../target/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

const api = apiClient(BASE);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
});
const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
await context.addInitScript(() => {
  try {
    localStorage.setItem('aftercare.lang', 'zh');
  } catch {
    // error pages have no storage
  }
});
const page = await context.newPage();
page.setDefaultTimeout(20_000);
page.on('pageerror', (e) => console.log(`[browser] page error: ${e.message}`));

const bellCount = async () => Number(await page.getAttribute(byTestId('notification-bell'), 'data-count'));

/** Waits until the bell's count compares to `than` as `how` says ('>', '<' or '='): the page's CSP allows no eval. */
async function waitForBellCount(how, than, timeout) {
  await page
    .waitForFunction(
      ({ selector, how, than }) => {
        const value = document.querySelector(selector)?.getAttribute('data-count');
        if (value == null) return false;
        const n = Number(value);
        return how === '>' ? n > than : how === '<' ? n < than : n === than;
      },
      { selector: byTestId('notification-bell'), how, than },
      { timeout, polling: 500 },
    )
    .catch(async () => {
      throw new Error(`the bell never showed ${how} ${than}; it shows ${await bellCount()}`);
    });
}

try {
  step('sign in as supervisor: the start page is the SLA board');
  await page.goto(`${BASE}/#/login`);
  await page.fill(byTestId('login-username'), 'supervisor');
  await page.fill(byTestId('login-password'), 'demo');
  await page.click(byTestId('login-submit'));
  await page.waitForSelector(byTestId('supervisor-board'));
  check(page.url().endsWith('#/supervisor'), `the supervisor landed on ${page.url()}`);
  await page.waitForSelector(`${byTestId('notification-bell')}[data-count]`);

  step('start from nothing unread, through the drawer');
  if ((await bellCount()) > 0) {
    await page.click(byTestId('notification-bell'));
    await page.waitForSelector(`${byTestId('notification-drawer')}[data-state="ready"]`);
    await page.click(byTestId('notifications-read-all'));
    await waitForBellCount('=', 0, 15_000);
    await page.click('.notification-drawer .ant-drawer-close');
    await page.waitForSelector(byTestId('notification-drawer'), { state: 'detached' });
  }
  const before = await bellCount();
  console.log(`[e2e]    unread before: ${before}`);

  step('report a fault received 45 minutes ago (the 30-minute response deadline has passed)');
  const { site, device } = await findSiteAndDevice(api);
  const ticket = await api(
    'desk',
    'POST',
    '/tickets',
    {
      channel: 'HOTLINE',
      requesterName: 'Han Meimei',
      requesterUnit: 'Traffic Police Brigade',
      requesterPhone: '010-5555-0103',
      siteId: site.id,
      ...(device ? { deviceId: device.id } : {}),
      category: 'DEFECT',
      impact: 'MEDIUM',
      urgency: 'MEDIUM',
      title: `E2E bell ${RUN}`,
      description: 'Call taken 45 minutes before it was typed in (browser test of the bell).',
      receivedAt: new Date(Date.now() - 45 * MINUTE).toISOString(),
    },
    { 'Idempotency-Key': `e2e-bell-${RUN}` },
  );
  check(ticket && ticket.number, `POST /api/tickets answered ${JSON.stringify(ticket)}`);
  console.log(`[e2e]    ${ticket.number} (id ${ticket.id})`);

  step('the bell count rises by itself when the escalation fires');
  await waitForBellCount('>', before, RISE_WAIT_MS);
  const risen = await bellCount();
  console.log(`[e2e]    unread after the escalation: ${risen}`);

  step('the drawer lists the escalation of the case, in Chinese, unread');
  await page.click(byTestId('notification-bell'));
  await page.waitForSelector(`${byTestId('notification-drawer')}[data-state="ready"]`);
  const item = page.locator(`${byTestId('notification-item')}[data-read="false"]`, { hasText: ticket.number }).first();
  await item.waitFor();
  const text = await item.innerText();
  console.log(`[e2e]    item: ${text.replace(/\s+/g, ' ')}`);
  check(/查看工单/.test(text), `the item offers to open the case: "${text}"`);
  const drawerText = await page.innerText(byTestId('notification-drawer'));
  const codes = [...new Set(drawerText.match(RAW_CODE) ?? [])];
  check(codes.length === 0, `raw codes in the drawer: ${codes.join(', ')}`);
  await page.screenshot({ path: `${SHOTS}e2e-notification-bell-1440.png` });

  step('marking it read makes the count fall');
  await item.locator(byTestId('notification-read')).click();
  await waitForBellCount('<', risen, 15_000);
  console.log(`[e2e]    unread after marking one read: ${await bellCount()}`);

  step('mark all read: the count falls to 0');
  await page.click(byTestId('notifications-read-all'));
  await waitForBellCount('=', 0, 15_000);

  step('go to the case from the drawer');
  await page
    .locator(byTestId('notification-item'), { hasText: ticket.number })
    .first()
    .locator(byTestId('notification-go'))
    .click();
  await page.waitForURL(`**/#/tickets/${ticket.id}`);

  step('at 390x844 the bell and its drawer fit the phone');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForSelector(byTestId('bottom-nav'));
  await page.click(byTestId('notification-bell'));
  await page.waitForSelector(`${byTestId('notification-drawer')}[data-state="ready"]`);
  await page.locator(byTestId('notification-item')).first().waitFor();
  const widths = await page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    const drawer = document.querySelector('.notification-drawer .ant-drawer-content-wrapper');
    return { scroll: el.scrollWidth, drawer: drawer ? drawer.getBoundingClientRect().width : -1 };
  });
  await page.screenshot({ path: `${SHOTS}e2e-notification-bell-390.png` });
  check(widths.scroll <= 390, `the page scrolls sideways at 390: ${widths.scroll}`);
  // sub-pixel layout: the drawer once measured 390.00003 px on a 390 px screen (nothing scrolls at that width)
  check(widths.drawer > 0 && widths.drawer <= 390.5, `the drawer is ${widths.drawer} px wide`);

  console.log(`[e2e] PASSED: the bell rose to ${risen} when ${ticket.number} escalated and fell to 0 when read`);
  await browser.close();
  process.exit(0);
} catch (error) {
  console.error(`[e2e] FAILED: ${error instanceof Error ? error.message : error}`);
  try {
    await page.screenshot({ path: `${SHOTS}e2e-notification-bell-failure.png`, fullPage: true });
  } catch {
    // no screenshot
  }
  await browser.close();
  process.exit(1);
}
