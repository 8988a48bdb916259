// Browser test of the supervisor's SLA board, against a running Aftercare with demo data:
//   node e2e/supervisor-board.mjs http://localhost:18080     (or: npm run e2e:supervisor -- <baseUrl>)
// Sets up its own cases through the API (a level-2 call taken 25 min ago = response AT_RISK, one taken
// 45 min ago = response OVERDUE), then checks the board in the UI: both rows with their risk, a live
// countdown, the OVERDUE filter and the Excel export.
// Uses the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium); never downloads a browser.
import { readFileSync } from 'node:fs';
import {
  apiClient,
  baseUrl,
  byTestId,
  check,
  completeTasks,
  findSiteAndDevice,
  openBrowser,
  run,
  signIn as signInAs,
  step,
} from './harness.mjs';

const BASE = baseUrl('supervisor-board.mjs');
const SITE_NAME = '示范市公安局指挥中心';
const MINUTE = 60_000;
/** How long the board may take to list a new case with the expected risk (API check before the UI). */
const BOARD_WAIT_MS = 30_000;
/** A live countdown ticks every second; allow some slack. */
const TICK_WAIT_MS = 2_500;
const RUN = Date.now().toString(36);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- API set-up ----

const api = apiClient(BASE);

/** A level-2 fault (impact MEDIUM × urgency MEDIUM: response within 30 min) taken `minutesAgo` minutes ago. */
async function createCase(site, device, minutesAgo, label) {
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
      ...(device ? { deviceId: device.id } : {}),
      category: 'DEFECT',
      impact: 'MEDIUM',
      urgency: 'MEDIUM',
      title: `E2E SLA ${label} ${RUN}`,
      description: `Call taken ${minutesAgo} minutes before it was typed in (browser test).`,
      receivedAt: new Date(Date.now() - minutesAgo * MINUTE).toISOString(),
    },
    { 'Idempotency-Key': `e2e-supervisor-${label}-${RUN}` },
  );
  check(ticket && ticket.id && ticket.number, `POST /api/tickets answered ${JSON.stringify(ticket)}`);
  return ticket;
}

/**
 * The desk dispatches the case to the engineer (first line, then assignment), so the only clock near its
 * deadline is the response: an undispatched case 25 min old is already overdue on the 10-minute dispatch clock.
 */
async function dispatch(ticket) {
  await completeTasks(api, 'desk', ticket, [
    ['firstLineResolution', { category: 'DEFECT', solvedAtDesk: false }],
    ['assignEngineer', { engineer: 'engineer' }],
  ]);
}

/** Waits until GET /api/sla/board lists both cases with the expected risks (clear message if it never does). */
async function waitForBoard(expected) {
  const deadline = Date.now() + BOARD_WAIT_MS;
  for (;;) {
    const board = await api('supervisor', 'GET', '/sla/board');
    const seen = Object.fromEntries(
      expected.map(({ number }) => [number, (board.rows ?? []).find((r) => r.number === number)?.risk ?? 'missing']),
    );
    if (expected.every(({ number, risk }) => seen[number] === risk)) return board;
    if (Date.now() > deadline) {
      throw new Error(
        `after ${BOARD_WAIT_MS / 1000} s the board API shows ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`,
      );
    }
    await sleep(1000);
  }
}

// ---- Browser ----

const { browser, page } = await openBrowser({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });

const rowOf = (number) => `${byTestId('board-row')}[data-ticket-number="${number}"]`;

const signIn = (username) => signInAs(page, BASE, username);

/** Waits until the board shows the answer for exactly these filters (data-filter is the query string). */
async function boardReady(filter = '') {
  await page.waitForSelector(`${byTestId('supervisor-board')}[data-state="ready"][data-filter="${filter}"]`);
}

await run(browser, page, 'e2e-supervisor-failure.png', async () => {
  step(`find "${SITE_NAME}" and a device through the API`);
  const { site, device } = await findSiteAndDevice(api, SITE_NAME);
  console.log(`[e2e]    site ${site.id}${device ? `, device ${device.id} ${device.name}` : ', no device'}`);

  step('create a level-2 case received 25 min ago and dispatch it (response due in 5 min: AT_RISK)');
  const atRisk = await createCase(site, device, 25, 'at-risk');
  await dispatch(atRisk);
  console.log(`[e2e]    ${atRisk.number} (id ${atRisk.id})`);

  step('create a level-2 case received 45 min ago (response 15 min late: OVERDUE)');
  const overdue = await createCase(site, device, 45, 'overdue');
  console.log(`[e2e]    ${overdue.number} (id ${overdue.id})`);

  step('the board API lists both with the expected risk');
  await waitForBoard([
    { number: atRisk.number, risk: 'AT_RISK' },
    { number: overdue.number, risk: 'OVERDUE' },
  ]);

  await signIn('supervisor');

  step('open the supervisor board from the menu');
  await page.click(byTestId('nav-supervisor'));
  await page.waitForURL(/#\/supervisor/);
  await boardReady('');

  step('both cases are on the board with their risk');
  const atRiskRow = page.locator(rowOf(atRisk.number));
  const overdueRow = page.locator(rowOf(overdue.number));
  await atRiskRow.waitFor();
  await overdueRow.waitFor();
  check(
    (await atRiskRow.getAttribute('data-risk')) === 'AT_RISK',
    `${atRisk.number} has data-risk ${await atRiskRow.getAttribute('data-risk')}`,
  );
  check(
    (await overdueRow.getAttribute('data-risk')) === 'OVERDUE',
    `${overdue.number} has data-risk ${await overdueRow.getAttribute('data-risk')}`,
  );
  const atRiskTag = (await atRiskRow.locator(byTestId('board-risk')).innerText()).trim();
  const overdueTag = (await overdueRow.locator(byTestId('board-risk')).innerText()).trim();
  console.log(`[e2e]    risk tags: "${atRiskTag}" / "${overdueTag}"`);
  check(/at risk/i.test(atRiskTag), `at-risk row shows risk "${atRiskTag}"`);
  check(/overdue/i.test(overdueTag), `overdue row shows risk "${overdueTag}"`);

  step(`the at-risk countdown is live (changes within ${TICK_WAIT_MS / 1000} s)`);
  const countdownSelector = `${rowOf(atRisk.number)} ${byTestId('board-countdown')}`;
  const before = (await page.innerText(countdownSelector)).trim();
  await page
    .waitForFunction(
      ([selector, text]) => {
        const el = document.querySelector(selector);
        return !!el && el.textContent.trim() !== text;
      },
      [countdownSelector, before],
      { timeout: TICK_WAIT_MS },
    )
    .catch(() => {
      throw new Error(`countdown stayed "${before}" for ${TICK_WAIT_MS} ms`);
    });
  const after = (await page.innerText(countdownSelector)).trim();
  console.log(`[e2e]    countdown "${before}" -> "${after}"`);
  check(!/overdue/i.test(before), `at-risk countdown already reads "${before}"`);
  const overdueCountdown = (await page.innerText(`${rowOf(overdue.number)} ${byTestId('board-countdown')}`)).trim();
  console.log(`[e2e]    overdue countdown "${overdueCountdown}"`);
  check(/^overdue /i.test(overdueCountdown), `overdue countdown reads "${overdueCountdown}"`);

  step('the OVERDUE filter shows the overdue case and not the at-risk one');
  await page.click(byTestId('board-risk-OVERDUE'));
  await page.waitForURL(/risk=OVERDUE/);
  await boardReady('risk=OVERDUE');
  await overdueRow.waitFor();
  await atRiskRow.waitFor({ state: 'detached' });
  check((await page.locator(rowOf(atRisk.number)).count()) === 0, `${atRisk.number} still listed under OVERDUE`);

  step('back to all cases');
  await page.click(byTestId('board-risk-ALL'));
  await boardReady('');
  await atRiskRow.waitFor();

  step('export to Excel downloads an .xlsx (a ZIP file: starts with "PK")');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.click(byTestId('board-export')),
  ]);
  const file = await download.path();
  check(file, `download failed: ${await download.failure()}`);
  const head = readFileSync(file).subarray(0, 2).toString('latin1');
  console.log(`[e2e]    downloaded ${download.suggestedFilename()}, starts with ${JSON.stringify(head)}`);
  check(head === 'PK', `export does not start with PK but ${JSON.stringify(head)}`);
  check(/\.xlsx$/i.test(download.suggestedFilename()), `export file name ${download.suggestedFilename()}`);

  step(`open ${atRisk.number} from the board: its response clock is counting`);
  await atRiskRow.locator(byTestId('board-ticket-link')).click();
  await page.waitForURL(new RegExp(`#/tickets/${atRisk.id}$`));
  const responseClock = page.locator(byTestId('clock-RESPONSE'));
  await responseClock.waitFor();
  const state = await responseClock.getAttribute('data-state');
  check(state === 'RUNNING' || state === 'BREACHED', `response clock of ${atRisk.number} is ${state}`);

  return `${atRisk.number} at risk and ${overdue.number} overdue on the supervisor board`;
});
