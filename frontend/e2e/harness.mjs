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
