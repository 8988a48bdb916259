// Issue 15 in the browser, on a phone (390x844, Chinese UI): the desk types the last 4 digits of a caller's phone,
// picks the known caller (name, unit, site and device filled in), is warned that the device has an open case, records
// the call as its duplicate, and finds the link on both case pages. Screenshots go to frontend/target/.
// Usage: node e2e/intake-links.mjs http://localhost:18107
import { fileURLToPath } from 'node:url';
import { apiClient, baseUrl, byTestId, check, findSiteAndDevice, openBrowser, run, step } from './harness.mjs';

const BASE = baseUrl('intake-links.mjs');
const api = apiClient(BASE);
const WIDTH = 390;
const shot = (name) => fileURLToPath(new URL(`../target/${name}`, import.meta.url));

const { browser, page } = await openBrowser({ viewport: { width: 1440, height: 900 } });
await page.context().addInitScript(() => localStorage.setItem('aftercare.lang', 'zh'));

/** antd hides the radio input itself: click its label. */
async function pick(inputSelector) {
  await page.locator(inputSelector).locator('xpath=ancestor-or-self::label[1]').first().click();
  check(await page.locator(inputSelector).isChecked(), `${inputSelector} did not get checked`);
}

async function noSidewaysScroll(where) {
  const width = await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
  check(width <= WIDTH, `${where}: the page scrolls sideways (scrollWidth ${width} > ${WIDTH})`);
}

await run(browser, page, 'intake-links-failure.png', async () => {
  const phone = `139${String(Date.now()).slice(-8)}`;
  const last4 = phone.slice(-4);
  const { site, device } = await findSiteAndDevice(api);
  step(`an earlier case from ${phone} on ${device.name}`);
  const original = await api(
    'desk',
    'POST',
    '/tickets',
    {
      channel: 'HOTLINE',
      requesterName: '王警官',
      requesterUnit: '交警支队',
      requesterPhone: `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`,
      siteId: site.id,
      deviceId: device.id,
      category: 'DEFECT',
      impact: 'LOW',
      urgency: 'LOW',
      title: '路口摄像机黑屏',
      description: '上午八点起画面全黑',
    },
    { 'Idempotency-Key': `e2e-intake-${phone}` },
  );

  step('sign in as desk at 1440 wide, then turn into a phone');
  await page.goto(`${BASE}/#/login`);
  await page.fill(byTestId('login-username'), 'desk');
  await page.fill(byTestId('login-password'), 'demo');
  await page.click(byTestId('login-submit'));
  await page.waitForSelector(`${byTestId('current-user')}[data-username="desk"]`);
  await page.setViewportSize({ width: WIDTH, height: 844 });
  await page.goto(`${BASE}/#/tickets/new`);
  await page.waitForSelector(byTestId('ticket-submit'));

  step(`type the last 4 digits ${last4}: the known caller is listed`);
  await page.fill(byTestId('ticket-requesterPhone'), last4);
  await page.waitForSelector(byTestId('caller-matches'));
  const callers = await page.innerText(byTestId('caller-matches'));
  check(callers.includes('王警官') && callers.includes('交警支队'), `caller list: ${callers}`);
  await page.screenshot({ path: shot('intake-links-phone-caller.png'), fullPage: true });
  await noSidewaysScroll('caller list');

  step('pick the caller: name, unit, site, device filled in; the open case is shown');
  const rows = page.locator(`${byTestId('caller-matches')} .ant-list-item`);
  const mine = rows.filter({ hasText: '王警官' }).first();
  await mine.locator('button').click();
  await page.waitForSelector(byTestId('open-case-warning'));
  check((await page.inputValue(byTestId('ticket-requesterName'))) === '王警官', 'requester name not filled in');
  check((await page.inputValue(byTestId('ticket-requesterUnit'))) === '交警支队', 'requester unit not filled in');
  const warning = await page.innerText(byTestId('open-case-warning'));
  check(warning.includes(original.number) && warning.includes('路口摄像机黑屏'), `warning: ${warning}`);
  await page.locator(byTestId('open-case-warning')).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('intake-links-phone-warning.png'), fullPage: true });
  await noSidewaysScroll('open-case warning');

  step('record the call as a duplicate and submit');
  await pick(byTestId('open-case-choice-DUPLICATE_OF'));
  await pick(byTestId('ticket-impact-LOW'));
  await pick(byTestId('ticket-urgency-LOW'));
  await page.fill(byTestId('ticket-title'), '摄像机又黑屏了');
  await page.fill(byTestId('ticket-description'), '同一路口第二次来电');
  await page.click(byTestId('ticket-submit'));
  await page.waitForURL(/#\/tickets\/\d+$/);
  await page.waitForSelector(byTestId('ticket-number'));
  const dupNumber = (await page.innerText(byTestId('ticket-number'))).trim();
  await page.waitForSelector(`${byTestId('ticket-status')}[data-status="CLOSED"]`);
  const linked = page.locator(byTestId(`linked-case-${original.id}`)).first();
  await linked.waitFor();
  check((await linked.innerText()).includes(original.number), 'the duplicate does not show the original');
  await linked.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('intake-links-phone-duplicate.png'), fullPage: true });
  await noSidewaysScroll('duplicate case page');

  step(`the original ${original.number} shows ${dupNumber} as its duplicate`);
  await page.goto(`${BASE}/#/tickets/${original.id}`);
  const back = page.locator(byTestId('linked-cases')).first();
  await back.waitFor();
  await page.waitForSelector(`${byTestId('linked-cases')} >> text=${dupNumber}`);
  check((await back.innerText()).includes('其为本单的重复报修'), `original's links: ${await back.innerText()}`);
  await back.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('intake-links-phone-original.png'), fullPage: true });
  await noSidewaysScroll('original case page');

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${BASE}/#/tickets/new`);
  await page.fill(byTestId('ticket-requesterPhone'), last4);
  await page.waitForSelector(byTestId('caller-matches'));
  await page.screenshot({ path: shot('intake-links-desktop.png'), fullPage: true });
  return `caller found by ${last4}, ${dupNumber} recorded as a duplicate of ${original.number}, links on both cases`;
});
