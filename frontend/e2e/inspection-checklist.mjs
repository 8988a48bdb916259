// Issue 16 (PM-4) in the browser, on a phone (390x844, Chinese UI): the desk has recorded the time agreed for the
// demo customer's monthly maintenance; the engineer opens the inspection on the phone, runs the device probes, marks
// one item 异常 with a note and a photo and the others 正常, confirms the asset records when the inspection asks
// (January/July), finishes the checklist (the failed item opens a fault case shown on its line), and the customer
// signs by hand on the engineer's phone. Screenshots go to frontend/target/.
// Usage: node e2e/inspection-checklist.mjs http://localhost:18400
import { fileURLToPath } from 'node:url';
import { apiClient, baseUrl, byTestId, check, openBrowser, run, step } from './harness.mjs';

const BASE = baseUrl('inspection-checklist.mjs');
const api = apiClient(BASE);
const WIDTH = 390;
const shot = (name) => fileURLToPath(new URL(`../target/${name}`, import.meta.url));
// a 1x1 PNG: the phone's camera in this test
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const { browser, page } = await openBrowser({ viewport: { width: 1440, height: 900 } });
await page.context().addInitScript(() => localStorage.setItem('aftercare.lang', 'zh'));

async function noSidewaysScroll(where) {
  const width = await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
  check(width <= WIDTH, `${where}: the page scrolls sideways (scrollWidth ${width} > ${WIDTH})`);
}

async function waitForDetail(predicate, what) {
  for (let i = 0; i < 60; i += 1) {
    const d = await api('engineer', 'GET', `/inspections/${inspectionId}`);
    if (predicate(d)) return d;
    await page.waitForTimeout(250);
  }
  throw new Error(`inspection ${inspectionId}: ${what} did not happen`);
}

let inspectionId;

await run(browser, page, 'inspection-checklist-failure.png', async () => {
  step("the demo customer's monthly maintenance is open; the desk records the time agreed on the phone");
  const list = await api('desk', 'GET', '/inspections');
  const monthly = list.find((s) => s.kind === 'MONTHLY' && s.status === 'AWAITING_TIME');
  check(
    monthly,
    `no monthly inspection waiting for its time in ${JSON.stringify(list.map((s) => [s.kind, s.status]))}`,
  );
  inspectionId = monthly.id;
  const at = new Date(Date.now() + 3600_000).toISOString();
  await api('desk', 'POST', `/inspections/${inspectionId}/time`, { at, version: monthly.version });

  step('sign in as engineer at 1440 wide, then turn into a phone and open the inspection');
  await page.goto(`${BASE}/#/login`);
  await page.fill(byTestId('login-username'), 'engineer');
  await page.fill(byTestId('login-password'), 'demo');
  await page.click(byTestId('login-submit'));
  await page.waitForSelector(`${byTestId('current-user')}[data-username="engineer"]`);
  await page.setViewportSize({ width: WIDTH, height: 844 });
  await page.goto(`${BASE}/#/inspections/${inspectionId}`);
  await page.waitForSelector(byTestId('finish-checklist'));
  await page.screenshot({ path: shot('inspection-phone-checklist.png'), fullPage: true });
  await noSidewaysScroll('checklist');

  step('run the device probes: the automated items get their result');
  await page.click(byTestId('run-probes'));
  let detail = await waitForDetail((d) => d.checks.filter((c) => c.automated).every((c) => c.result), 'probes');
  const manual = detail.checks.filter((c) => !c.automated);
  check(manual.length > 1, `expected several manual items, got ${manual.length}`);

  step(`mark "${manual[0].item}" on ${manual[0].deviceName} 异常 with a note and a photo`);
  const first = page.locator(byTestId(`check-${manual[0].id}`));
  await first.getByText('异常', { exact: true }).click();
  await first.locator('textarea').fill('镜头有污渍，画面模糊');
  await first.locator('input[type="file"]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PHOTO });
  await first.locator('img').first().waitFor();
  await page.click(byTestId(`check-save-${manual[0].id}`));
  // the photo is kept apart and named by its URL (ADR 0082): the JSON carries no image
  await waitForDetail((d) => {
    const c = d.checks.find((x) => x.id === manual[0].id);
    return c.result === 'FAIL' && /^\/api\/inspections\/\d+\/photos\/\d+$/.test(c.photoUrl ?? '');
  }, 'the failed item with its photo URL');

  step(`mark the other ${manual.length - 1} items 正常`);
  for (const line of manual.slice(1)) {
    const card = page.locator(byTestId(`check-${line.id}`));
    await card.getByText('正常', { exact: true }).click();
    await page.click(byTestId(`check-save-${line.id}`));
    await waitForDetail((d) => d.checks.find((c) => c.id === line.id).result === 'PASS', `item ${line.id}`);
  }
  detail = await api('engineer', 'GET', `/inspections/${inspectionId}`);
  if (detail.verifyAssets) {
    step('January or July: confirm each device record');
    for (const a of detail.assets) {
      await page
        .locator(byTestId(`asset-${a.deviceId}`))
        .getByText('无误', { exact: true })
        .click();
      await waitForDetail(
        (d) => d.assets.find((x) => x.deviceId === a.deviceId).confirmed === true,
        `asset ${a.deviceId}`,
      );
    }
  }
  await noSidewaysScroll('checklist worked');

  step('finish the checklist: the failed item opens a fault case shown on its line');
  await page.click(byTestId('finish-checklist'));
  await page.waitForSelector(byTestId('sign-submit'));
  const failedCard = await page.innerText(byTestId(`check-${manual[0].id}`));
  check(/故障工单 INC-/.test(failedCard), `the failed line shows no fault case: ${failedCard}`);
  await page.screenshot({ path: shot('inspection-phone-sign.png'), fullPage: true });
  await noSidewaysScroll('sign-off');

  step("the customer signs by hand on the engineer's phone");
  await page.fill(byTestId('sign-name'), '赵磊');
  await page.fill(byTestId('sign-opinion'), '巡检认真，同意。');
  const pad = page.locator(byTestId('inspection-signature'));
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  await page.mouse.move(box.x + 30, box.y + 60);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + 100, { steps: 8 });
  await page.mouse.move(box.x + 220, box.y + 50, { steps: 8 });
  await page.mouse.up();
  await page.click(byTestId('sign-submit'));
  const done = await waitForDetail((d) => d.summary.status === 'DONE', 'the sign-off');
  check(done.signerName === '赵磊' && done.signature?.startsWith('data:image/png'), 'signature not kept');
  await page.waitForSelector('text=已完成');
  await page.screenshot({ path: shot('inspection-phone-done.png'), fullPage: true });
  await noSidewaysScroll('done');
  return `inspection ${inspectionId}: ${manual.length} manual items worked on a phone, one fault case, signed on the phone`;
});
