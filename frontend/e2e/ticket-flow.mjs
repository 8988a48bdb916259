// Browser test of the whole happy path of a hotline fault ticket, against a running Aftercare:
//   node e2e/ticket-flow.mjs http://localhost:18080     (or: npm run e2e -- <baseUrl>)
// Uses the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium); never downloads a browser.
import {
  apiClient,
  baseUrl,
  byTestId,
  check,
  findSiteAndDevice,
  openBrowser,
  run,
  signIn as signInAs,
  step,
} from './harness.mjs';

const BASE = baseUrl('ticket-flow.mjs');
const SITE_NAME = '示范市公安局指挥中心';
const PROBE_WAIT_MS = 30_000;

const { browser, page } = await openBrowser({ viewport: { width: 1400, height: 1000 } });

const signIn = (username) => signInAs(page, BASE, username);

async function signOut() {
  step('log out');
  await page.click(byTestId('logout'));
  await page.waitForSelector(byTestId('login-card'));
}

/** Opens an antd Select, optionally types a search, and clicks the first visible option matching `option`. */
async function choose(selectScope, option, search) {
  await page.locator(`${selectScope} .ant-select-selector`).click();
  if (search) await page.keyboard.type(search);
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', option).first();
  await item.waitFor();
  const label = (await item.getAttribute('title')) || (await item.innerText());
  await item.click();
  return label;
}

/** Checks an antd radio through its label: antd hides the real <input> that carries the test id. */
async function pick(inputSelector) {
  await page.locator(inputSelector).locator('xpath=ancestor::label[1]').click();
  check(await page.locator(inputSelector).isChecked(), `${inputSelector} did not get checked`);
}

async function openTaskCard(key) {
  const card = page.locator(byTestId(`task-card-${key}`));
  await card.waitFor();
  const claim = card.locator(byTestId(`claim-${key}`));
  if (await claim.count()) {
    step(`  claim ${key}`);
    await claim.click();
    await page.waitForSelector(`${byTestId(`task-card-${key}`)} ${byTestId(`claim-${key}`)}`, { state: 'detached' });
  }
  return card;
}

/** Fills a task form via `fill`, completes it and waits until that task instance has left the page. */
async function completeTask(key, fill) {
  step(`complete task ${key}`);
  const card = await openTaskCard(key);
  const taskId = await card.getAttribute('data-task-id');
  await fill(`${byTestId(`task-card-${key}`)}`);
  await page.click(`${byTestId(`task-card-${key}`)} ${byTestId(`complete-${key}`)}`);
  await page
    .locator(`[data-task-id="${taskId}"]`)
    .waitFor({ state: 'detached' })
    .catch(async () => {
      const error = await page.locator(byTestId('task-error')).allInnerTexts();
      throw new Error(`task ${key} did not complete${error.length ? `: ${error.join(' ')}` : ''}`);
    });
}

async function ticketStatus() {
  return page.getAttribute(byTestId('ticket-status'), 'data-status');
}

async function openTicket(url) {
  await page.goto(url);
  await page.waitForSelector(byTestId('ticket-status'));
}

await run(browser, page, 'e2e-failure.png', async () => {
  await signIn('desk');

  step('open the new-ticket form');
  await page.click(byTestId('nav-tickets-new'));
  await page.waitForSelector(byTestId('ticket-submit'));

  step(`choose site "${SITE_NAME}"`);
  await choose(byTestId('ticket-site'), { hasText: SITE_NAME }, SITE_NAME.slice(0, 9));

  step('choose a camera of the site that has no case yet');
  const { device: camera } = await findSiteAndDevice(apiClient(BASE), SITE_NAME);
  await page.waitForSelector(`${byTestId('ticket-device')}:not(.ant-select-disabled)`);
  const device = await choose(byTestId('ticket-device'), { hasText: camera.name });
  console.log(`[e2e]    device: ${device}`);

  step('fill requester, impact LOW, urgency LOW, title, description');
  await page.fill(byTestId('ticket-requesterName'), 'Li Lei');
  await page.fill(byTestId('ticket-requesterUnit'), 'Traffic Police Brigade');
  await page.fill(byTestId('ticket-requesterPhone'), '010-5555-0101');
  await pick(byTestId('ticket-impact-LOW'));
  await pick(byTestId('ticket-urgency-LOW'));
  await page.fill(byTestId('ticket-title'), 'E2E: camera picture is black');
  await page.fill(byTestId('ticket-description'), 'Reported via hotline by the browser test.');
  // the caller lookup and the knowledge suggestions answer as the fields are typed and grow the form above the
  // button; a click while they re-render landed beside it once (CI of 1085a0c): let them answer first
  await page.waitForLoadState('networkidle');
  await page.click(byTestId('ticket-submit'));

  await page.waitForURL(/#\/tickets\/\d+$/);
  await page.waitForSelector(byTestId('ticket-number'));
  const ticketUrl = page.url();
  const ticketNumber = (await page.innerText(byTestId('ticket-number'))).trim();
  step(`ticket ${ticketNumber} created (${ticketUrl}), status ${await ticketStatus()}`);

  await completeTask('firstLineResolution', async (card) => {
    const category = page.locator(`${card} ${byTestId('input-category')} .ant-select-selection-item`);
    if (!(await category.count())) await choose(`${card} ${byTestId('input-category')}`, { hasText: 'Fault' });
    await pick(`${card} ${byTestId('input-solvedAtDesk-no')}`);
  });

  await completeTask('assignEngineer', async (card) => {
    await choose(`${card} ${byTestId('input-engineer')}`, { hasText: '(engineer)' });
  });
  step(`status after dispatch: ${await ticketStatus()}`);

  await signOut();
  await signIn('engineer');

  step(`open ${ticketNumber} from the task inbox`);
  const row = page.locator(`${byTestId('task-row')}[data-ticket-number="${ticketNumber}"]`).first();
  await row.waitFor();
  await row.locator(byTestId('task-open')).click();
  await page.waitForURL(/#\/tickets\/\d+$/);
  check(page.url() === ticketUrl, `inbox opened ${page.url()}, expected ${ticketUrl}`);

  await completeTask('acceptAssignment', async (card) => {
    await pick(`${card} ${byTestId('input-accepted-yes')}`);
  });

  // issue 12: the field steps before the work: check in (no emergency), then the diagnosis report
  await completeTask('checkIn', async () => {});
  await completeTask('diagnosisReport', async (card) => {
    await page.fill(`${card} ${byTestId('input-symptom')}`, 'No video stream');
    await page.fill(`${card} ${byTestId('input-diagnosis')}`, 'No power on the PoE port');
  });

  await completeTask('diagnoseAndFix', async (card) => {
    const symptom = page.locator(`${card} ${byTestId('input-symptom')}`);
    if (await symptom.count()) await symptom.fill('No video stream');
    await page.fill(`${card} ${byTestId('input-cause')}`, 'Loose PoE connector');
    await choose(`${card} ${byTestId('input-fixOutcome')}`, { hasText: 'Fixed' });
    const solution = page.locator(`${card} ${byTestId('input-solution')}`);
    if (await solution.count()) await solution.fill('Re-crimped the connector');
  });

  step(`wait up to ${PROBE_WAIT_MS / 1000} s for the device check and the tester's confirmation`);
  const confirmBy = Date.now() + PROBE_WAIT_MS;
  while ((await page.locator(byTestId('task-card-confirmCompletion')).count()) === 0) {
    if (Date.now() > confirmBy)
      throw new Error(`after ${PROBE_WAIT_MS / 1000} s: no confirmCompletion, status ${await ticketStatus()}`);
    await page.waitForTimeout(2000);
    await openTicket(ticketUrl);
  }
  // the customer's tester confirms on the engineer's phone (VC-2)
  await completeTask('confirmCompletion', async (card) => {
    await page.fill(`${card} ${byTestId('input-testerName')}`, 'Wang Wu');
    await pick(`${card} ${byTestId('input-confirmed-yes')}`);
  });

  // the desk audits the service form (FW-2)
  await signOut();
  await signIn('desk');
  await openTicket(ticketUrl);
  await completeTask('auditServiceForm', async (card) => {
    await pick(`${card} ${byTestId('input-auditAccepted-yes')}`);
  });
  await signOut();
  await signIn('engineer');
  await openTicket(ticketUrl);

  step(`wait up to ${PROBE_WAIT_MS / 1000} s for AWAITING_CALLBACK`);
  const deadline = Date.now() + PROBE_WAIT_MS;
  let status;
  let passed = 0;
  for (;;) {
    status = await ticketStatus();
    passed = await page.locator(`${byTestId('probe-result')}[data-passed="true"]`).count();
    if (status === 'AWAITING_CALLBACK' && passed > 0) break;
    if (Date.now() > deadline) {
      throw new Error(`after ${PROBE_WAIT_MS / 1000} s: status ${status}, passed probe results ${passed}`);
    }
    await page.waitForTimeout(2000);
    await openTicket(ticketUrl);
  }
  step(`status ${status}, ${passed} passed probe result(s)`);
  check(
    (await page.locator(byTestId('complete-callRequester')).count()) === 0,
    'engineer can complete callRequester on the ticket page',
  );

  // The call-back closes the ticket; only the service desk may do it, so it must not reach the engineer.
  step('the engineer has no call-back (closing) task in the inbox');
  await page.click(byTestId('nav-tasks'));
  await page.waitForSelector(`${byTestId('task-inbox')}[data-state="ready"]`);
  const keys = await page.locator(byTestId('task-row')).evaluateAll((rows) => rows.map((r) => r.dataset.taskKey));
  check(!keys.includes('callRequester'), `engineer inbox contains callRequester: ${keys.join(', ')}`);

  await signOut();
  await signIn('desk');
  step(`open ${ticketNumber}`);
  await openTicket(ticketUrl);

  await completeTask('callRequester', async (card) => {
    await choose(`${card} ${byTestId('input-callbackOutcome')}`, { hasText: 'confirms' });
    const satisfaction = page.locator(`${card} ${byTestId('input-satisfaction')}`);
    if (await satisfaction.count()) await choose(`${card} ${byTestId('input-satisfaction')}`, { hasText: /^5/ });
  });

  step('ticket is CLOSED');
  const closedBy = Date.now() + 10_000;
  while ((status = await ticketStatus()) !== 'CLOSED' && Date.now() < closedBy) {
    await page.waitForTimeout(1000);
    await openTicket(ticketUrl);
  }
  check(status === 'CLOSED', `final status is ${status}, expected CLOSED`);

  return `${ticketNumber} went from hotline intake to CLOSED`;
});
