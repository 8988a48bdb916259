// Browser test of a supervisor acting on several cases at once (issue 15), against a running Aftercare with demo data:
//   node e2e/supervisor-bulk.mjs http://localhost:18080
// Sets up two overdue level-2 cases through the API (one never dispatched, one dispatched to "engineer" and not
// accepted), then on the board: selects both rows, reassigns them to "engineer2" in one action, sees each row's
// outcome and the new engineer on the board and on the case; then, at phone size (390x844), selects a case on its
// card with no sideways scroll.
// Uses the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium); never downloads a browser.
import {
  apiClient,
  baseUrl,
  byTestId,
  check,
  completeTasks,
  findSiteAndDevice,
  openBrowser,
  run,
  signIn,
  step,
} from './harness.mjs';

const BASE = baseUrl('supervisor-bulk.mjs');
const MINUTE = 60_000;
const RUN = Date.now().toString(36);
const NEW_ENGINEER = 'engineer2';

const api = apiClient(BASE);

/** A level-2 fault (impact MEDIUM × urgency MEDIUM) taken 45 minutes ago: its response clock is already overdue. */
async function overdueCase(site, device, label) {
  const ticket = await api(
    'desk',
    'POST',
    '/tickets',
    {
      channel: 'HOTLINE',
      requesterName: 'Han Meimei',
      requesterPhone: '010-5555-0103',
      siteId: site.id,
      ...(device ? { deviceId: device.id } : {}),
      category: 'DEFECT',
      impact: 'MEDIUM',
      urgency: 'MEDIUM',
      title: `E2E bulk ${label} ${RUN}`,
      description: 'Taken 45 minutes before it was typed in (browser test of bulk reassignment).',
      receivedAt: new Date(Date.now() - 45 * MINUTE).toISOString(),
    },
    { 'Idempotency-Key': `e2e-bulk-${label}-${RUN}` },
  );
  check(ticket && ticket.id && ticket.number, `POST /api/tickets answered ${JSON.stringify(ticket)}`);
  return ticket;
}

const { browser, page } = await openBrowser({ viewport: { width: 1440, height: 900 } });
const rowOf = (number) => `${byTestId('board-row')}[data-ticket-number="${number}"]`;

await run(browser, page, 'e2e-supervisor-bulk-failure.png', async () => {
  step('two overdue cases: one waiting for dispatch, one dispatched to "engineer" and not yet accepted');
  const { site, device } = await findSiteAndDevice(api);
  const waiting = await overdueCase(site, device, 'waiting');
  await completeTasks(api, 'desk', waiting, [['firstLineResolution', { category: 'DEFECT', solvedAtDesk: false }]]);
  const dispatched = await overdueCase(site, device, 'dispatched');
  await completeTasks(api, 'desk', dispatched, [
    ['firstLineResolution', { category: 'DEFECT', solvedAtDesk: false }],
    ['assignEngineer', { engineer: 'engineer' }],
  ]);
  console.log(`[e2e]    ${waiting.number} and ${dispatched.number}`);
  const board = await api('supervisor', 'GET', '/sla/board');
  for (const c of [waiting, dispatched]) {
    const row = board.rows.find((r) => r.ticketId === c.id);
    check(row && row.risk === 'OVERDUE', `${c.number} is ${row ? row.risk : 'missing'} on the board, expected OVERDUE`);
  }
  const picker = await api('supervisor', 'GET', '/supervision/engineers');
  const target = picker.find((e) => e.username === NEW_ENGINEER);
  check(target, `${NEW_ENGINEER} missing from the reassign picker ${JSON.stringify(picker)}`);

  await signIn(page, BASE, 'supervisor');
  step('open the board and select both cases');
  await page.goto(`${BASE}/#/supervisor`);
  await page.waitForSelector(`${byTestId('supervisor-board')}[data-state="ready"]`);
  for (const c of [waiting, dispatched]) {
    await page.locator(`${rowOf(c.number)} .ant-checkbox-input`).check();
  }
  const count = (await page.innerText(byTestId('board-selection-count'))).trim();
  check(/2/.test(count), `selection count reads "${count}"`);

  step(`reassign both to ${NEW_ENGINEER} in one action (the picker shows region and open jobs)`);
  await page.click(byTestId('board-bulk-REASSIGN'));
  await page.waitForSelector(byTestId('supervise-engineer'));
  await page.click(`${byTestId('supervise-engineer')} .ant-select-selector`);
  const option = page.locator('.ant-select-item-option', { hasText: target.displayName });
  await option.waitFor();
  const optionText = (await option.innerText()).trim();
  console.log(`[e2e]    picker option "${optionText}"`);
  check(
    new RegExp(`${target.openJobs} open jobs`).test(optionText),
    `picker option "${optionText}" shows no open-job count`,
  );
  await option.click();
  // the pick must show in the field before submitting: a click that lands while the dropdown is still opening is
  // lost, and the form then (rightly) refuses to send with no engineer (seen under load in full runs)
  const chosen = page.locator(`${byTestId('supervise-engineer')} .ant-select-selection-item`, {
    hasText: target.displayName,
  });
  if (!(await chosen.isVisible())) {
    await page.click(`${byTestId('supervise-engineer')} .ant-select-selector`);
    await option.click();
  }
  await chosen.waitFor();
  await page.fill(byTestId('supervise-reason'), 'Overdue: engineer is stuck on another site');
  const [bulkResponse] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/supervision/bulk') && r.request().method() === 'POST'),
    page.dblclick(byTestId('supervise-submit')),
  ]);
  check(bulkResponse.status() === 200, `bulk answered ${bulkResponse.status()}`);
  await page.waitForSelector(byTestId('supervise-outcome'));
  const summary = (await page.innerText(byTestId('supervise-summary'))).trim();
  console.log(`[e2e]    ${summary}`);
  check(/Done on 2 case/.test(summary) && /not done on 0/.test(summary), `summary reads "${summary}"`);
  check((await page.locator(`${byTestId('supervise-row')}[data-ok="true"]`).count()) === 2, 'not both rows done');
  await page.click(byTestId('supervise-submit'));

  step('the board shows the new engineer on both rows; each case says so too');
  for (const c of [waiting, dispatched]) {
    await page.waitForFunction(
      ([selector, who]) => document.querySelector(selector)?.textContent.includes(who),
      // the board names the engineer as people know them (李娜), not by the user name
      [rowOf(c.number), target.displayName],
    );
    const t = await api('supervisor', 'GET', `/tickets/${c.id}`);
    check(t.assignee === NEW_ENGINEER, `${c.number} is with ${t.assignee}`);
    const lines = (t.timeline ?? []).filter((e) => e.type === 'REASSIGNED');
    check(lines.length === 1, `${c.number} has ${lines.length} reassignment lines (a double click must act once)`);
  }
  const tasks = await api(NEW_ENGINEER, 'GET', '/tasks');
  for (const c of [waiting, dispatched]) {
    check(
      tasks.some((x) => x.ticketId === c.id && x.key === 'acceptAssignment' && x.assignee === NEW_ENGINEER),
      `${NEW_ENGINEER} has no "Accept assignment" of ${c.number}`,
    );
  }
  await page.locator(`${rowOf(dispatched.number)} ${byTestId('board-ticket-link')}`).click();
  await page.waitForURL(new RegExp(`#/tickets/${dispatched.id}$`));
  await page.waitForFunction((who) => document.body.innerText.includes(who), target.displayName);
  // the card shows once the case page knows the reader's roles: wait for it rather than look once
  const superviseCard = page.locator(byTestId('supervise-case'));
  await superviseCard.waitFor({ timeout: 15_000 }).catch(() => undefined);
  check(await superviseCard.isVisible(), 'the case page offers no supervisor actions');

  step('phone (390x844): select a case on its card, the action bar shows, nothing scrolls sideways');
  await page.goto(`${BASE}/#/supervisor`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForSelector(`${byTestId('supervisor-board')}[data-state="ready"]`);
  await page
    .locator(`${rowOf(waiting.number)} ${byTestId('board-row-select')}`)
    .first()
    .click();
  await page.waitForSelector(byTestId('board-bulk-bar'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `the phone board scrolls sideways by ${overflow}px`);

  return `${waiting.number} and ${dispatched.number} reassigned to ${NEW_ENGINEER} from the board in one action`;
});
