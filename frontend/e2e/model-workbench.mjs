// Browser test of the process-owner workbench, against a running Aftercare with demo data:
//   node e2e/model-workbench.mjs http://localhost:18080     (or: npm run e2e:models -- <baseUrl>)
// A case is started on the shipped dispatch model; the process owner opens the dispatch model in the
// editor, changes the "not accepted" reminder timer from 20 to 5 minutes in the properties panel, checks
// and deploys it. A new case follows the new timer while the old case stays on its version, until the
// owner migrates it after a dry run.
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

const BASE = baseUrl('model-workbench.mjs');
const api = apiClient(BASE);
const RUN = Date.now().toString(36);
const MINUTE = 60_000;
/** Due times are computed on the server a moment after our own clock reading. */
const SLACK_MS = 20_000;

async function startCase(label) {
  const { site, device } = await findSiteAndDevice(api);
  const ticket = await api('desk', 'POST', '/tickets', {
    channel: 'HOTLINE',
    requesterName: 'Li Lei',
    requesterUnit: 'Traffic Police Brigade',
    requesterPhone: '010-5555-0103',
    siteId: site.id,
    ...(device ? { deviceId: device.id } : {}),
    category: 'DEFECT',
    impact: 'LOW',
    urgency: 'LOW',
    title: `E2E workbench ${label} ${RUN}`,
    description: 'Started by the workbench browser test.',
  });
  await completeTasks(api, 'desk', ticket, [
    ['firstLineResolution', { category: 'DEFECT', solvedAtDesk: false }],
    ['assignEngineer', { engineer: 'engineer' }],
  ]);
  return ticket;
}

/** The ticket's dispatch process instance: version, definition and the reminder timer's due time. */
async function dispatchOf(ticket) {
  const workflow = await api('owner', 'GET', `/tickets/${ticket.id}/workflow`);
  const instance = workflow.instances.find((i) => i.processKey === 'dispatch');
  check(instance, `${ticket.number} has no dispatch instance: ${JSON.stringify(workflow)}`);
  const timer = instance.timers.find((t) => t.activityId === 'acceptReminder');
  check(timer, `${ticket.number} has no acceptReminder timer: ${JSON.stringify(instance)}`);
  return { ...instance, reminderDue: Date.parse(timer.dueAt) };
}

function checkDueIn(due, minutes, from, what) {
  const expected = from + minutes * MINUTE;
  check(
    due >= expected - SLACK_MS && due <= expected + SLACK_MS,
    `${what}: reminder due ${new Date(due).toISOString()}, expected about ${new Date(expected).toISOString()} (${minutes} min)`,
  );
}

const { browser, page } = await openBrowser({ viewport: { width: 1600, height: 1000 } });

await run(browser, page, 'e2e-workbench-failure.png', async () => {
  step('start a case on the shipped dispatch model: it waits for the engineer to accept');
  const models = await api('owner', 'GET', '/models');
  const dispatchModel = models.models.find((m) => m.key === 'dispatch');
  const v1 = dispatchModel.latestDefinitionId;
  const oldStarted = Date.now();
  const oldTicket = await startCase('old');
  const oldBefore = await dispatchOf(oldTicket);
  check(oldBefore.definitionId === v1, `old case runs on ${oldBefore.definitionId}, expected ${v1}`);
  checkDueIn(oldBefore.reminderDue, 20, oldStarted, 'old case');
  console.log(`[e2e]    ${oldTicket.number} on dispatch v${oldBefore.version}`);

  await signIn(page, BASE, 'owner');

  step('the Models page lists dispatch with its running case');
  await page.click(byTestId('nav-models'));
  await page.waitForSelector(byTestId('model-row-dispatch'));
  const row = await page.textContent(byTestId('model-row-dispatch'));
  check(row.includes('Dispatch'), `dispatch row reads "${row}"`);

  step('open the dispatch model in the editor');
  await page.goto(`${BASE}/#/models/edit/${encodeURIComponent(v1)}`);
  await page.waitForSelector(`${byTestId('editor-canvas')} [data-element-id="acceptReminder"]`, { timeout: 30_000 });

  step('select the reminder timer and change it to 5 minutes in the properties panel');
  await page.click(`${byTestId('editor-canvas')} [data-element-id="acceptReminder"]`);
  const timerHeader = page.locator(
    `${byTestId('editor-properties')} [data-group-id="group-timer"] .bio-properties-panel-group-header`,
  );
  await timerHeader.waitFor();
  if (!(await timerHeader.getAttribute('class')).includes('open')) await timerHeader.click();
  const timerValue = page.locator(`${byTestId('editor-properties')} #bio-properties-panel-timerEventDefinitionValue`);
  await timerValue.waitFor();
  const before = await timerValue.inputValue();
  check(before === 'PT20M', `timer value in the panel is "${before}", expected PT20M`);
  await timerValue.fill('PT5M');
  await timerValue.press('Tab');

  step('check on the server: no violations, the change is listed');
  await page.click(byTestId('editor-check'));
  await page.waitForSelector(`${byTestId('violations-list')}[data-count="0"]`);
  await page.click(byTestId('editor-changes'));
  await page.waitForSelector(`${byTestId('changes-list')} >> text=acceptReminder`);
  const changes = await page.textContent(byTestId('changes-list'));
  check(changes.includes('PT20M') && changes.includes('PT5M'), `changes list reads "${changes}"`);

  step('deploy as a new version with a comment');
  await page.click(byTestId('editor-deploy'));
  await page.fill(byTestId('deploy-comment'), 'Remind engineers after 5 minutes');
  await page.click(byTestId('deploy-confirm'));
  await page.waitForSelector(byTestId('models-table'));
  const after = await api('owner', 'GET', '/models');
  const dispatchAfter = after.models.find((m) => m.key === 'dispatch');
  check(
    dispatchAfter.latestVersion === dispatchModel.latestVersion + 1,
    `dispatch is at v${dispatchAfter.latestVersion}`,
  );
  const v2 = dispatchAfter.latestDefinitionId;
  check(dispatchAfter.versions[0].deployedBy === 'owner', `deployed by ${dispatchAfter.versions[0].deployedBy}`);

  step('a new case follows the new timer; the old case stays on its version');
  const newStarted = Date.now();
  const newTicket = await startCase('new');
  const fresh = await dispatchOf(newTicket);
  check(fresh.definitionId === v2, `new case runs on ${fresh.definitionId}, expected ${v2}`);
  checkDueIn(fresh.reminderDue, 5, newStarted, 'new case');
  const oldStill = await dispatchOf(oldTicket);
  check(oldStill.definitionId === v1, `old case moved to ${oldStill.definitionId} before any migration`);
  check(oldStill.reminderDue === oldBefore.reminderDue, 'old case timer changed before any migration');

  step('migrate the old case after a dry run');
  await page.goto(`${BASE}/#/models`);
  await page.waitForSelector(byTestId('model-row-dispatch'));
  await page.click(byTestId('expand-dispatch'));
  await page.click(byTestId(`migrate-${v1}`));
  await page.click(byTestId('migration-dry-run'));
  const caseRow = page.locator(byTestId(`migration-case-${oldBefore.processInstanceId}`));
  // the dry run checks each running case against the new model: on a loaded CI machine this took over 15 s
  await caseRow.waitFor({ timeout: 45_000 });
  const verdict = await caseRow.textContent();
  check(verdict.includes(oldTicket.number), `dry-run row reads "${verdict}"`);
  const stillOld = await dispatchOf(oldTicket);
  check(stillOld.definitionId === v1, 'the dry run moved the case');
  const migratedAt = Date.now();
  await page.click(byTestId('migration-run'));
  for (let i = 0; i < 30; i += 1) {
    if ((await dispatchOf(oldTicket)).definitionId === v2) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const oldAfter = await dispatchOf(oldTicket);
  check(oldAfter.definitionId === v2, `old case is on ${oldAfter.definitionId} after migrating, expected ${v2}`);
  checkDueIn(oldAfter.reminderDue, 5, migratedAt, 'migrated case (timer restarted under the new model)');

  step('the change log shows the deployment and the migration');
  // The migration is one request that moves every chosen case in turn and writes its log entry at the end; the old
  // case above may already be on v2 while other running dispatch cases (the other scripts' cases on this shared app,
  // ADR 0085) are still being moved, so wait for the entry as the page waits for the answer.
  let log = await api('owner', 'GET', '/models/changes?key=dispatch');
  for (let i = 0; i < 60 && log.changes[0].action !== 'MIGRATED'; i += 1) {
    await new Promise((r) => setTimeout(r, 500));
    log = await api('owner', 'GET', '/models/changes?key=dispatch');
  }
  check(
    log.changes[0].action === 'MIGRATED' && log.changes[0].actor === 'owner',
    `change log: ${JSON.stringify(log.changes[0])}`,
  );
  check(log.changes[1].action === 'DEPLOYED', `change log: ${JSON.stringify(log.changes[1])}`);

  return `owner changed the dispatch reminder to 5 min, ${newTicket.number} followed it, ${oldTicket.number} moved after a dry run`;
});
