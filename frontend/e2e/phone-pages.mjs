// Phone sweep: as each demo role, every page of the app at 390×844 in Simplified Chinese. On each page the
// document must be no wider than the viewport (no sideways scrolling) and no raw enum code (AT_DESK,
// SERVICE_DESK, ...) may be visible. A screenshot of every page goes to frontend/target/phone-pages/.
// Run: node e2e/phone-pages.mjs http://localhost:18080  (PhoneEndToEndTest runs it against the real jar).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { apiClient, baseUrl, byTestId, check, completeTasks, findSiteAndDevice, step } from './harness.mjs';

const BASE = baseUrl('phone-pages.mjs');
const WIDTH = 390;
const HEIGHT = 844;
const RUN = Date.now().toString(36);
/** An enum code as the server names it: three capitals or more, an underscore, more capitals. */
const RAW_CODE = /\b[A-Z]{3,}_[A-Z_]+\b/g;
const SHOTS = fileURLToPath(new URL('../target/phone-pages/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

const api = apiClient(BASE);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Camunda process definition id ("dispatch:3:uuid") anywhere in a JSON answer. */
function findDefinitionId(value) {
  if (typeof value === 'string') return /^[A-Za-z][\w-]*:\d+:[\w-]+$/.test(value) ? value : null;
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = findDefinitionId(v);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) {
      const found = findDefinitionId(v);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Cases to look at: one with the engineer (accepted work waiting), one the customer reported; and a security incident
 * (RP-6) the desk reported at the customer's unit, which the desk, the supervisors and the customer may open.
 */
async function prepareCases() {
  step('prepare a dispatched case for the engineer, a case the customer reported and a security incident');
  const { site, device } = await findSiteAndDevice(api);
  const ticket = await api(
    'desk',
    'POST',
    '/tickets',
    {
      channel: 'HOTLINE',
      requesterName: '韩梅梅',
      requesterUnit: '交警大队',
      requesterPhone: '010-5555-0104',
      siteId: site.id,
      ...(device ? { deviceId: device.id } : {}),
      category: 'DEFECT',
      impact: 'MEDIUM',
      urgency: 'MEDIUM',
      title: `手机巡检 摄像机无图像 ${RUN}`,
      description: '一号路口摄像机无图像，录像中断（手机页面巡检）。',
    },
    { 'Idempotency-Key': `e2e-phone-${RUN}` },
  );
  await completeTasks(api, 'desk', ticket, [
    ['firstLineResolution', { category: 'DEFECT', solvedAtDesk: false }],
    ['assignEngineer', { engineer: 'engineer' }],
  ]);
  const customerSites = await api('customer', 'GET', '/sites');
  check(customerSites.length > 0, 'the demo customer has no site');
  const customerTicket = await api('customer', 'POST', '/tickets', {
    channel: 'WEB',
    requesterName: '王芳',
    requesterPhone: '138-0000-0001',
    siteId: customerSites[0].id,
    category: 'DEFECT',
    impact: 'LOW',
    urgency: 'LOW',
    title: `客户报修 监控平台登录缓慢 ${RUN}`,
    description: '平台登录需要一分钟以上。',
  });
  const incident = await api('desk', 'POST', '/security-incidents', {
    customerId: customerSites[0].customerId,
    kind: 'UNAUTHORIZED_CHANGE',
    impact: 'MINOR',
    title: `手机巡检 擅自修改平台账号权限 ${RUN}`,
    description: '驻场人员未经批准修改了监控平台的账号权限（手机页面巡检）。',
    occurredAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
    involved: '驻场工程师',
    ticketId: customerTicket.id,
  });
  const models = await api('owner', 'GET', '/models');
  return { ticket, customerTicket, incident, deviceId: device?.id, definitionId: findDefinitionId(models) };
}

/** The pages each role reaches from its navigation, plus a case file. */
function pagesOf(role, cases) {
  const ticket = `/tickets/${cases.ticket.id}`;
  const staff = ['/tasks', '/tickets', ticket];
  // RP-6: the list, the report form and the incident the desk reported (the desk reads what it reported)
  const security = ['/security-incidents', '/security-incidents/new', `/security-incidents/${cases.incident.id}`];
  switch (role) {
    case 'desk':
      // PM-3: the weather card with the feed's warnings sits on the inspections page
      return [
        ...staff,
        '/tickets/new',
        '/supervisor',
        '/loaners',
        '/reports',
        '/hotline',
        '/changes',
        '/inspections',
        ...security,
      ];
    case 'engineer':
    case 'engineer2':
      // RP-3: a device's record (设备档案), opened from the case's device
      return [
        ...staff,
        '/stock',
        '/config-items',
        '/changes/new',
        ...(cases.deviceId ? [`/devices/${cases.deviceId}`] : []),
      ];
    case 'supervisor':
      return [
        ...staff,
        '/supervisor',
        '/loaners',
        '/stock',
        '/reports',
        '/admin?tab=customers',
        '/admin?tab=accounts',
        '/admin?tab=engineers',
        // RP-5: the change calendar, an agenda by day on a phone
        '/changes?view=calendar',
        // FW-6: transfers with their receive and withdraw actions as cards
        '/stock?tab=transfers',
        ...security,
      ];
    case 'owner':
      return [
        ...staff,
        '/models',
        '/contracts',
        '/verification-policies',
        ...(cases.definitionId ? [`/models/edit/${encodeURIComponent(cases.definitionId)}`] : []),
      ];
    case 'admin':
      return [
        ...staff,
        '/tickets/new',
        '/supervisor',
        '/models',
        '/contracts',
        '/loaners',
        '/stock',
        '/reports',
        '/admin?tab=customers',
        '/admin?tab=accounts',
        '/admin?tab=engineers',
        '/admin?tab=probeAgents',
        '/admin?tab=alarmSources',
        '/admin?tab=mailIntake',
      ];
    case 'customer':
      return [
        '/tickets',
        '/tickets/new',
        `/tickets/${cases.customerTicket.id}`,
        '/config-items',
        // RP-4: the unit's relation graph (a customer's user gets their own unit)
        '/config-items?view=graph',
        ...(cases.deviceId ? [`/devices/${cases.deviceId}`] : []),
        '/changes',
        ...security,
      ];
    default:
      throw new Error(role);
  }
}

async function openPhone(browser) {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: WIDTH, height: HEIGHT },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'block',
  });
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
  return { context, page };
}

/** Lets the page load its data and settle (pages poll, so "network idle" may never come). */
async function settle(page) {
  await page.waitForLoadState('networkidle', { timeout: 8_000 }).catch(() => undefined);
  await page
    .waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), null, {
      timeout: 30_000,
    })
    .catch(() => undefined);
  await sleep(400);
}

/** What is wrong with the page as it is shown now: wider than the phone, or a raw code in the text. */
async function findings(page) {
  const { scrollWidth, text, wide } = await page.evaluate((width) => {
    const el = document.scrollingElement ?? document.documentElement;
    // name the widest culprits, to make a finding easy to fix
    const culprits = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ').slice(0, 2).join('.')}`);
    return { scrollWidth: el.scrollWidth, text: document.body.innerText, wide: culprits };
  }, WIDTH);
  const problems = [];
  if (scrollWidth > WIDTH) problems.push(`scrollWidth ${scrollWidth} > ${WIDTH} (${wide.join(', ')})`);
  const codes = [...new Set(text.match(RAW_CODE) ?? [])];
  if (codes.length > 0) problems.push(`raw codes visible: ${codes.join(', ')}`);
  return problems;
}

async function signIn(page, username) {
  await page.goto(`${BASE}/#/login`);
  await settle(page);
  await page.fill(byTestId('login-username'), username);
  await page.fill(byTestId('login-password'), 'demo');
  await page.click(byTestId('login-submit'));
  await page.waitForSelector(byTestId('bottom-nav'));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
});
const failures = [];
let checked = 0;
try {
  const cases = await prepareCases();
  for (const role of ['desk', 'engineer', 'engineer2', 'supervisor', 'owner', 'admin', 'customer']) {
    const { context, page } = await openPhone(browser);
    step(`${role}: sign in at ${WIDTH}×${HEIGHT}, zh-CN`);
    if (role === 'desk') {
      await page.goto(`${BASE}/#/login`);
      await settle(page);
      const problems = await findings(page);
      await page.screenshot({ path: `${SHOTS}login.png`, fullPage: true });
      if (problems.length) failures.push(`login: ${problems.join('; ')}`);
    }
    await signIn(page, role);
    for (const path of pagesOf(role, cases)) {
      step(`${role}: ${path}`);
      await page.goto(`${BASE}/#${path}`);
      await settle(page);
      const problems = await findings(page);
      const name = `${role}${path.replace(/[^\w]+/g, '-')}`.replace(/-+$/, '');
      await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
      checked += 1;
      if (problems.length) failures.push(`${role} ${path}: ${problems.join('; ')}`);
    }
    // the drawer with the rest of the navigation, the language and sign-out
    step(`${role}: the "more" drawer`);
    await page.click(byTestId('nav-more'));
    await page.waitForSelector(`${byTestId('logout')}`, { state: 'visible' });
    await sleep(400);
    const drawerProblems = await findings(page);
    await page.screenshot({ path: `${SHOTS}${role}-drawer.png` });
    if (drawerProblems.length) failures.push(`${role} drawer: ${drawerProblems.join('; ')}`);
    await context.close();
  }
  // the engineer's job card shows what the server sent for the case
  check(checked > 0, 'no page was checked');
} catch (error) {
  failures.push(`sweep stopped: ${error instanceof Error ? error.message : error}`);
}
await browser.close();
if (failures.length) {
  console.error(`[e2e] FAILED: ${failures.length} page(s) at ${WIDTH} px:\n  ${failures.join('\n  ')}`);
  console.error(`[e2e] screenshots: ${SHOTS}`);
  process.exit(1);
}
console.log(
  `[e2e] PASSED: ${checked} pages of 7 roles at ${WIDTH}×${HEIGHT} zh-CN fit the screen and show no raw codes`,
);
process.exit(0);
