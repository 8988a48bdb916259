package com.aftercare.e2e;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aftercare.support.H2Only;

/**
 * Clicks through the UI in headless Chromium (Playwright scripts under frontend/e2e), each against
 * the real jar's classpath with demo data on its own in-memory database:
 * <ul>
 * <li>ticket-flow.mjs: desk reports a fault, engineer accepts and fixes, the probe passes, desk
 * confirms the callback, the case is closed;</li>
 * <li>supervisor-board.mjs: a case taken 25 minutes ago is at risk and one taken 45 minutes ago is
 * overdue on the supervisor's SLA board, with a live countdown, the overdue filter and the Excel
 * export;</li>
 * <li>model-workbench.mjs: a process owner changes the dispatch reminder timer in the BPMN editor,
 * deploys it; a new case follows the new timer, the old one keeps its version until migrated after a
 * dry run.</li>
 * <li>notification-bell.mjs (issue 15): the supervisor lands on the board; a case taken 45 minutes ago escalates,
 * the bell's count rises by itself and falls when read; bell and drawer fit 390x844.</li>
 * <li>supervisor-bulk.mjs (issue 15): a supervisor selects two overdue cases on the board and reassigns both in
 * one action; the board and the cases show the new engineer; the board with a selection fits a phone.</li>
 * </ul>
 * The phone scripts are in {@link PhoneEndToEndTest}; both run through {@link BrowserScript}.
 */
@H2Only
class BrowserEndToEndTest {

    @Test
    void deskAndEngineerCloseATicketThroughTheUi() throws Exception {
        BrowserScript.run("e2e/ticket-flow.mjs", "browser-e2e");
    }

    @Test
    void supervisorSeesAtRiskAndOverdueCasesOnTheSlaBoard() throws Exception {
        BrowserScript.run("e2e/supervisor-board.mjs", "browser-e2e-board");
    }

    @Test
    void processOwnerChangesATimerDeploysAndMigratesARunningCase() throws Exception {
        BrowserScript.run("e2e/model-workbench.mjs", "browser-e2e-models");
    }

    /** Issue 16: the KPI dashboard shows the demo month's hand-counted figures and drills down, at 1440 and 390. */
    @Test
    void kpiDashboardShowsTheFiguresAndDrillsDown() throws Exception {
        BrowserScript.run("e2e/kpi-dashboard.mjs", "browser-e2e-kpi");
    }

    /** Issue 15: the bell's count rises when an escalation fires and falls when read, at 1440x900 and 390x844. */
    @Test
    void theBellCountRisesWhenAnEscalationFiresAndFallsWhenRead() throws Exception {
        // the escalation is fired by the engine's job executor, as in a real start (the test profile turns it off)
        BrowserScript.run("e2e/notification-bell.mjs", "browser-e2e-bell", Map.of("camunda.bpm.job-execution.enabled", "true"));
    }

    /** Issue 15: a supervisor reassigns two overdue cases from the board in one action; the phone board with selection. */
    @Test
    void supervisorReassignsTwoOverdueCasesFromTheBoardInOneAction() throws Exception {
        BrowserScript.run("e2e/supervisor-bulk.mjs", "browser-e2e-bulk");
    }
}
