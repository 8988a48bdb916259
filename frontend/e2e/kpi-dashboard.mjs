// The KPI dashboard in the browser (issue 16, CB-4), Chinese UI: the supervisor sees the demo month's figures (the
// hand count in README "KPI dashboard": satisfaction 1/2, devices in good order 19/20), drills down from the
// satisfaction figure to the case behind its numerator, and the page fits 1440x900 and 390x844 without sideways
// scrolling; the customer's user sees their own unit without a unit picker.
// Usage: node e2e/kpi-dashboard.mjs <baseUrl> [screenshotDir]
import { baseUrl, byTestId, check, openBrowser, run, signIn, step } from './harness.mjs';

const base = baseUrl('kpi-dashboard.mjs');
const shots = process.argv[3];
const { browser, page } = await openBrowser({ viewport: { width: 1440, height: 900 } });
await page.context().addInitScript(() => localStorage.setItem('aftercare.lang', 'zh'));

async function shot(p, name) {
  if (shots) await p.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function noSidewaysScroll(p, what) {
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 390, `${what}: the page is ${width} px wide at 390 px`);
}

await run(browser, page, 'kpi-dashboard-failure.png', async () => {
  await signIn(page, base, 'supervisor');
  step('the dashboard shows the demo month: satisfaction 50.0 %, devices in good order 95.0 %');
  await page.goto(`${base}/#/kpi`);
  await page.waitForFunction(
    () => document.querySelector('[data-testid="kpi-rate-SATISFACTION"]')?.textContent === '50.0%',
    undefined,
    { timeout: 60_000 },
  );
  check((await page.locator(byTestId('kpi-rate-GOOD_ORDER')).innerText()) === '95.0%', 'good order is not 19/20');
  check((await page.locator(byTestId('kpi-rate-FIRST_LINE')).innerText()) === '100.0%', 'first line is not 2/2');
  const text = await page.locator('.kpi-dashboard').innerText();
  check(
    text.includes('用户满意率') && text.includes('系统可用率') && text.includes('近12个月趋势'),
    'Chinese titles missing',
  );
  check(
    !/SATISFACTION|DEVICE_MINUTES|CONSULTATION|kpiPage\./.test(text),
    `codes reach the user: ${text.slice(0, 300)}`,
  );
  await page.waitForSelector(`${byTestId('kpi-trend')} svg`);
  await shot(page, 'kpi-1440');

  step('the satisfaction numerator drills down to the case scored 5');
  await page.click(byTestId('kpi-drill-SATISFACTION-NUMERATOR'));
  await page.waitForSelector('.ant-drawer-body >> text=如何回放昨天的录像');
  const rows = await page.locator('.ant-drawer-body .ant-table-row').count();
  check(rows === 1, `the numerator lists ${rows} cases, not 1`);
  await shot(page, 'kpi-drill-1440');
  await page.keyboard.press('Escape');

  step('the page fits a phone');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(800);
  await noSidewaysScroll(page, 'KPI dashboard');
  await shot(page, 'kpi-390');

  step("the customer's user sees their own unit without a unit picker");
  const second = await openBrowser({ viewport: { width: 1440, height: 900 } });
  try {
    const cp = second.page;
    await cp.context().addInitScript(() => localStorage.setItem('aftercare.lang', 'zh'));
    await signIn(cp, base, 'customer');
    await cp.setViewportSize({ width: 390, height: 844 });
    await cp.goto(`${base}/#/kpi`);
    await cp.waitForSelector(byTestId('kpi-rate-SATISFACTION'), { timeout: 60_000 });
    check((await cp.locator(byTestId('kpi-customer')).count()) === 0, 'a customer is offered the unit picker');
    check((await cp.locator(byTestId('kpi-scope')).innerText()).includes('示范市公安局'), 'not the own unit');
    await noSidewaysScroll(cp, 'customer KPI dashboard');
    await shot(cp, 'customer-kpi-390');
  } finally {
    await second.browser.close();
  }
  return 'the demo month reads as hand-counted, drills down, and fits 1440 and 390 px';
});
