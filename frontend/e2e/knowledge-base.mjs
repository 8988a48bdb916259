// Knowledge base in the browser (issue 15, IN-4/RP-4), Chinese UI: while the desk types a demo symptom on the
// new-case form, the demo's PoE article is suggested (at 1440 and at 390 px without sideways scrolling); the
// knowledge page lists the published articles with the first-line figures; a customer's user finds the
// articles about their own systems. Usage: node e2e/knowledge-base.mjs <baseUrl> [screenshotDir]
import { baseUrl, byTestId, check, openBrowser, run, signIn, step } from './harness.mjs';

const base = baseUrl('knowledge-base.mjs');
const shots = process.argv[3];
const { browser, page } = await openBrowser({ viewport: { width: 1440, height: 900 } });
await page.context().addInitScript(() => localStorage.setItem('aftercare.lang', 'zh'));

async function shot(name) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function noSidewaysScroll(what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 390, `${what}: the page is ${width} px wide at 390 px`);
}

await run(browser, page, 'knowledge-base-failure.png', async () => {
  await signIn(page, base, 'desk');
  step('the new-case form suggests the PoE article for a camera with a black screen');
  await page.goto(`${base}/#/tickets/new`);
  await page.fill(byTestId('ticket-title'), '路口摄像头黑屏');
  await page.fill(byTestId('ticket-description'), '早上开始没有图像');
  const suggestion = page.locator(`${byTestId('kb-suggestions')} [data-testid^="kb-suggestion-"]`).first();
  await suggestion.waitFor();
  check((await suggestion.innerText()).includes('PoE'), 'the best suggestion is not the PoE article');
  await suggestion.click();
  await page.waitForSelector(`${byTestId('kb-suggestions')} >> text=处理办法`);
  await shot('intake-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(500);
  await noSidewaysScroll('new case');
  await shot('intake-390');

  step('the knowledge page lists the published articles and the first-line figures');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${base}/#/knowledge`);
  await page.waitForSelector(byTestId('kb-first-line'));
  const first = page.locator('[data-testid^="kb-article-"]').first();
  await first.waitFor();
  await page.fill(byTestId('kb-search'), '硬盘');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid^="kb-article-"]')?.textContent?.includes('硬盘'),
  );
  await shot('knowledge-1440');
  await page.locator('[data-testid^="kb-article-"]').first().click();
  await page.waitForSelector(byTestId('kb-drawer'));
  await shot('knowledge-drawer-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.keyboard.press('Escape');
  await page.waitForTimeout(500);
  await noSidewaysScroll('knowledge');
  await shot('knowledge-390');

  step("a customer's user searches the articles about their own systems");
  const second = await openBrowser({ viewport: { width: 1440, height: 900 } });
  try {
    const cp = second.page;
    await cp.context().addInitScript(() => localStorage.setItem('aftercare.lang', 'zh'));
    await signIn(cp, base, 'customer');
    await cp.setViewportSize({ width: 390, height: 844 });
    await cp.goto(`${base}/#/knowledge`);
    await cp.locator('[data-testid^="kb-article-"]').first().waitFor();
    const text = await cp.locator(byTestId('kb-list')).innerText();
    check(!/CAMERA|NVR|PUBLISHED/.test(text), `codes reach the customer: ${text}`);
    const width = await cp.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 390, `customer knowledge: the page is ${width} px wide at 390 px`);
    if (shots) await cp.screenshot({ path: `${shots}/customer-knowledge-390.png`, fullPage: true });
  } finally {
    await second.browser.close();
  }
  return 'intake suggests the PoE article; the knowledge page and the customer portal fit a phone';
});
