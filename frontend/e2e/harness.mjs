// What every browser test script shares: the base URL argument, numbered steps, the system Chromium
// (CHROMIUM_PATH, default /usr/bin/chromium; never downloaded), an English UI, sign-in, and a
// screenshot under frontend/target/ when a step fails.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export function baseUrl(script) {
  const arg = process.argv[2];
  if (!arg) {
    console.error(`usage: node e2e/${script} <baseUrl>   e.g. http://localhost:18080`);
    process.exit(2);
  }
  return arg.replace(/\/+$/, '');
}

let stepNo = 0;
export function step(text) {
  stepNo += 1;
  console.log(`[e2e] ${String(stepNo).padStart(2, '0')} ${text}`);
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

export const byTestId = (id) => `[data-testid="${id}"]`;

/**
 * An API client for set-up and checks (HTTP Basic, like any API client): api(user, method, path, body, headers)
 * answers the parsed JSON or throws with the status and body.
 */
export function apiClient(base, password = 'demo') {
  return async function api(user, method, path, body, headers = {}) {
    const response = await fetch(`${base}/api${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /api${path} as ${user} -> ${response.status} ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : undefined;
  };
}

/**
 * The demo site by name and a camera of it that has no case yet (the first camera when every one has). Each script
 * takes its own camera: two faults on one device within a month make the product propose a replacement (RR-6), which
 * would change the path a script expects.
 */
export async function findSiteAndDevice(api, siteName = '示范市公安局指挥中心') {
  const sites = await api('desk', 'GET', '/sites');
  const site = sites.find((s) => s.name === siteName);
  check(site, `demo site "${siteName}" not found among ${sites.map((s) => s.name).join(', ')}`);
  const devices = await api('desk', 'GET', `/devices?siteId=${site.id}`);
  const cases = await api('desk', 'GET', `/tickets?siteId=${site.id}&size=200`);
  const used = new Set((cases.content ?? cases).map((c) => c.deviceId));
  const cameras = devices.filter((d) => d.type === 'CAMERA');
  const device = cameras.find((d) => !used.has(d.id)) ?? cameras[0] ?? devices[0];
  return { site, device };
}

/** Completes the ticket's tasks in order as `user`: steps = [[taskKey, formValues], ...]. */
export async function completeTasks(api, user, ticket, steps) {
  for (const [key, values] of steps) {
    const tasks = await api(user, 'GET', '/tasks');
    const task = tasks.find((t) => t.ticketId === ticket.id && t.key === key);
    check(task, `task ${key} of ${ticket.number} not in ${user}'s inbox`);
    await api(user, 'POST', `/tasks/${task.id}/complete`, values);
  }
}

/** Headless Chromium with the app in English and failed API calls logged. */
export async function openBrowser({ viewport = { width: 1400, height: 1000 }, acceptDownloads = false } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ locale: 'en-US', viewport, acceptDownloads });
  // English UI regardless of the machine's locale: the app reads this key before the browser language.
  await context.addInitScript(() => {
    try {
      localStorage.setItem('aftercare.lang', 'en');
    } catch {
      // Chromium's own error pages (server down) have no localStorage; the step itself reports that.
    }
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => console.log(`[browser] page error: ${e.message}`));
  page.on('response', async (r) => {
    if (r.url().includes('/api/') && r.status() >= 400 && r.status() !== 401) {
      const body = await r.text().catch(() => '');
      console.log(`[browser] ${r.request().method()} ${r.url()} -> ${r.status()} ${body.slice(0, 300)}`);
    }
  });
  return { browser, page };
}

export async function signIn(page, base, username, password = 'demo') {
  step(`sign in as ${username}`);
  await page.goto(`${base}/#/login`);
  await page.fill(byTestId('login-username'), username);
  await page.fill(byTestId('login-password'), password);
  await page.click(byTestId('login-submit'));
  await page.waitForSelector(`${byTestId('current-user')}[data-username="${username}"]`);
}

/** Runs the scenario (which returns its PASSED line) and exits 0, or screenshots the failure and exits 1. */
export async function run(browser, page, screenshotName, scenario) {
  try {
    const passed = await scenario();
    console.log(`[e2e] PASSED: ${passed}`);
    await browser.close();
    process.exit(0);
  } catch (error) {
    console.error(`[e2e] FAILED at step ${stepNo}: ${error instanceof Error ? error.message : error}`);
    const shot = fileURLToPath(new URL(`../target/${screenshotName}`, import.meta.url));
    try {
      mkdirSync(fileURLToPath(new URL('../target/', import.meta.url)), { recursive: true });
      await page.screenshot({ path: shot, fullPage: true });
      console.error(`[e2e] screenshot: ${shot}`);
    } catch (shotError) {
      console.error(`[e2e] no screenshot: ${shotError.message}`);
    }
    await browser.close();
    process.exit(1);
  }
}
