// Browser test of issue 12 "without signal": on a phone (390x844) an engineer writes the diagnosis report with
// a photo, then fills the diagnose-and-fix form, while the phone has no connection; the photo and each form are
// kept ("waiting to be sent"), and sent by themselves once the connection returns, without a reload. The API
// then shows the photo stored once, referenced by the report, and each task completed exactly once.
//   node e2e/phone-offline.mjs http://localhost:18080
// Screenshots: frontend/target/phone-offline/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  apiClient,
  baseUrl,
  byTestId,
  check,
  completeTasks,
  findSiteAndDevice,
  openBrowser,
  run,
  step,
} from './harness.mjs';

const BASE = baseUrl('phone-offline.mjs');
const RUN = Date.now().toString(36);
const SHOTS = fileURLToPath(new URL('../target/phone-offline/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

const api = apiClient(BASE);
const { browser, page } = await openBrowser({ viewport: { width: 390, height: 844 } });
const context = page.context();

const shot = (name) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

async function noHorizontalScroll(where) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  check(scroll <= width, `${where}: the page scrolls sideways at 390 px (${scroll} > ${width})`);
}

const completions = (ticket) => ticket.timeline.filter((e) => e.type === 'TASK_COMPLETED').length;

/** A small real JPEG drawn on a canvas in the page (the server inspects images and makes thumbnails). */
async function jpeg() {
  const url = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const g = canvas.getContext('2d');
    g.fillStyle = '#1d6fd1';
    g.fillRect(0, 0, 64, 48);
    return canvas.toDataURL('image/jpeg', 0.9);
  });
  return Buffer.from(url.split(',')[1], 'base64');
}

await run(browser, page, 'phone-offline/failure.png', async () => {
  step('set-up through the API: a ticket dispatched to engineer, who accepted it');
  const { site, device } = await findSiteAndDevice(api);
  const ticket = await api(
    'desk',
    'POST',
    '/tickets',
    {
      channel: 'HOTLINE',
      requesterName: 'Han Meimei',
      requesterUnit: 'Traffic Police Brigade',
      requesterPhone: '010-5555-0102',
      siteId: site.id,
      deviceId: device.id,
      category: 'DEFECT',
      impact: 'MEDIUM',
      urgency: 'MEDIUM',
      title: `E2E no signal ${RUN}`,
      description: 'Camera in the basement car park, where phones have no signal (browser test).',
    },
    { 'Idempotency-Key': `e2e-offline-${RUN}` },
  );
  await completeTasks(api, 'desk', ticket, [
    ['firstLineResolution', { category: 'DEFECT', solvedAtDesk: false }],
    ['assignEngineer', { engineer: 'engineer' }],
  ]);
  // issue 12: the field steps before the diagnosis report (which is written on the phone below, with a photo)
  await completeTasks(api, 'engineer', ticket, [
    ['acceptAssignment', { accepted: true }],
    ['checkIn', { emergency: false }],
  ]);
  const attachmentsBefore = (await api('desk', 'GET', `/tickets/${ticket.id}/attachments`)).length;
  const beforeReport = completions(await api('desk', 'GET', `/tickets/${ticket.id}`));

  step('sign in as engineer (on a phone the header keeps the name but hides it)');
  await page.goto(`${BASE}/#/login`);
  await page.fill(byTestId('login-username'), 'engineer');
  await page.fill(byTestId('login-password'), 'demo');
  await page.click(byTestId('login-submit'));
  await page.waitForSelector(`${byTestId('current-user')}[data-username="engineer"]`, { state: 'attached' });
  step('open the ticket on the phone');
  await page.goto(`${BASE}/#/tickets/${ticket.id}`);
  const reportSelector = byTestId('task-card-diagnosisReport');
  const report = page.locator(reportSelector);
  await report.waitFor();
  const reportTaskId = await report.getAttribute('data-task-id');
  const photo = await jpeg();

  step('no signal: the engineer writes the diagnosis report and adds a photo from files');
  await context.setOffline(true);
  await page.fill(`${reportSelector} ${byTestId('input-symptom')}`, '画面全黑');
  await page.fill(`${reportSelector} ${byTestId('input-diagnosis')}`, '摄像机无供电');
  await page.setInputFiles(`${reportSelector} ${byTestId('input-photos-file-input')}`, [
    { name: 'basement.jpg', mimeType: 'image/jpeg', buffer: photo },
  ]);
  await page.locator(`${reportSelector} ${byTestId('input-photos-kept')}`).waitFor();
  const keptValue = await page.locator(`${reportSelector} ${byTestId('input-photos')}`).getAttribute('data-value');
  check(/^pending:/.test(keptValue ?? ''), `the photo is not kept on the phone (value ${keptValue})`);
  await page.click(`${reportSelector} ${byTestId('complete-diagnosisReport')}`);
  await page.locator(`${reportSelector} ${byTestId('task-kept')}`).waitFor();
  await noHorizontalScroll('report kept offline');
  await shot('0-report-and-photo-kept-offline');
  check(
    (await api('desk', 'GET', `/tickets/${ticket.id}/attachments`)).length === attachmentsBefore,
    'a photo reached the server although the phone had no signal',
  );

  step('the signal returns: the photo is uploaded, then the report is sent with its id');
  await context.setOffline(false);
  await page
    .locator(`[data-task-id="${reportTaskId}"]`)
    .waitFor({ state: 'detached', timeout: 45_000 })
    .catch(() => {
      throw new Error('the kept report was not sent after the connection returned');
    });
  await page.locator(byTestId('outbox-badge')).waitFor({ state: 'detached' });
  const photos = (await api('desk', 'GET', `/tickets/${ticket.id}/attachments`)).filter((a) => a.kind === 'PHOTO');
  check(
    photos.length === 1 && photos[0].fileName === 'basement.jpg',
    `expected the photo stored exactly once, found ${JSON.stringify(photos.map((p) => p.fileName))}`,
  );
  const reported = await api('desk', 'GET', `/tickets/${ticket.id}`);
  check(
    completions(reported) === beforeReport + 1,
    `expected the report completed once, got ${completions(reported) - beforeReport} completions`,
  );
  check(
    !reported.openTasks.some((t) => t.key === 'diagnosisReport'),
    'the diagnosis report is still open after the signal returned',
  );
  const before = completions(reported);

  const cardSelector = byTestId('task-card-diagnoseAndFix');
  const card = page.locator(cardSelector);
  await card.waitFor();
  const taskId = await card.getAttribute('data-task-id');
  await noHorizontalScroll('ticket page');

  step('the phone loses its signal; the engineer fills in and submits the form');
  await context.setOffline(true);
  await page.fill(`${cardSelector} ${byTestId('input-cause')}`, 'Water in the connector box');
  await page.locator(`${cardSelector} ${byTestId('input-fixOutcome')} .ant-select-selector`).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Needs a third party' })
    .first()
    .click();
  await page.click(`${cardSelector} ${byTestId('complete-diagnoseAndFix')}`);

  step('the form is kept: "waiting to be sent (no signal)" on the form and in the header badge');
  await page.locator(`${cardSelector} ${byTestId('task-kept')}`).waitFor();
  await page.locator(byTestId('outbox-badge')).waitFor();
  check(
    (await page.locator(byTestId('outbox-badge')).getAttribute('data-count')) === '1',
    'the badge does not count one waiting form',
  );
  await noHorizontalScroll('form kept offline');
  await shot('1-kept-offline');
  check(
    (await api('desk', 'GET', `/tickets/${ticket.id}`)).openTasks.some((t) => t.id === taskId),
    'the task was completed although the phone had no signal',
  );

  step('the signal returns: the kept form is sent by itself, without a reload');
  await context.setOffline(false);
  await page
    .locator(`[data-task-id="${taskId}"]`)
    .waitFor({ state: 'detached', timeout: 45_000 })
    .catch(() => {
      throw new Error('the kept form was not sent after the connection returned');
    });
  await page.locator(byTestId('outbox-badge')).waitFor({ state: 'detached' });
  await shot('2-sent-online');

  step('the API shows the task completed exactly once');
  const after = await api('desk', 'GET', `/tickets/${ticket.id}`);
  check(
    completions(after) === before + 1,
    `expected one more completion on the timeline, got ${completions(after) - before}`,
  );
  check(!after.openTasks.some((t) => t.key === 'diagnoseAndFix'), 'diagnose-and-fix is still open');
  check(after.openTasks.filter((t) => t.key === 'thirdPartyWork').length <= 1, 'the next step exists twice');
  check(after.cause === 'Water in the connector box', `the cause on the ticket is ${after.cause}`);
  check(
    (await api('desk', 'GET', `/tickets/${ticket.id}/attachments`)).filter((a) => a.kind === 'PHOTO').length === 1,
    'the photo kept without signal is on the ticket more than once',
  );
  return `a photo and two forms kept without signal on ${ticket.number}: the photo stored once, each form completed once`;
});
