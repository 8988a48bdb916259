package com.aftercare.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.aftercare.support.StandaloneApp;
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
 * <li>phone-offline.mjs (issue 12): on a 390x844 phone an engineer submits a form without signal; it is kept,
 * sent by itself when the signal returns, and the task is completed exactly once;</li>
 * <li>phone-pages.mjs: every page of every demo role at 390×844 in Chinese is no wider than the phone and shows
 * no raw enum code (screenshots in frontend/target/phone-pages/).</li>
 * <li>notification-bell.mjs (issue 15): the supervisor lands on the board; a case taken 45 minutes ago escalates,
 * the bell's count rises by itself and falls when read; bell and drawer fit 390x844.</li>
 * <li>supervisor-bulk.mjs (issue 15): a supervisor selects two overdue cases on the board and reassigns both in
 * one action; the board and the cases show the new engineer; the board with a selection fits a phone.</li>
 * <li>intake-links.mjs (issue 15): caller lookup by phone digits, the open-case warning and a duplicate, on a phone.</li>
 * <li>inspection-checklist.mjs (issue 16): an engineer works an inspection checklist on a phone, the customer signs.</li>
 * </ul>
 * Needs Debian's chromium; on CI (CI=true) a missing browser is a failure, locally a skip.
 */
@H2Only
class BrowserEndToEndTest {

    @Test
    void deskAndEngineerCloseATicketThroughTheUi() throws Exception {
        runBrowserScript("e2e/ticket-flow.mjs", "browser-e2e");
    }

    @Test
    void supervisorSeesAtRiskAndOverdueCasesOnTheSlaBoard() throws Exception {
        runBrowserScript("e2e/supervisor-board.mjs", "browser-e2e-board");
    }

    @Test
    void processOwnerChangesATimerDeploysAndMigratesARunningCase() throws Exception {
        runBrowserScript("e2e/model-workbench.mjs", "browser-e2e-models");
    }

    @Test
    void everyPageOfEveryRoleFitsAPhoneInChinese() throws Exception {
        runBrowserScript("e2e/phone-pages.mjs", "browser-e2e-phone");
    }

    /** Issue 16: the KPI dashboard shows the demo month's hand-counted figures and drills down, at 1440 and 390. */
    @Test
    void kpiDashboardShowsTheFiguresAndDrillsDown() throws Exception {
        runBrowserScript("e2e/kpi-dashboard.mjs", "browser-e2e-kpi");
    }

    /** Starts the app on a fresh H2 database named {@code name}, runs {@code script} with node against it. */
    @Test
    void aFormFilledWithoutSignalIsSentOnceWhenTheSignalReturns() throws Exception {
        runBrowserScript("e2e/phone-offline.mjs", "browser-e2e-offline");
    }

    /** Issue 12: a whole on-site visit on one 390x844 phone in zh-CN, photos, signature, audit, closed, PDF. */
    @Test
    void fieldVisitOnAPhoneEndsInAClosedCaseAndAServiceForm() throws Exception {
        runBrowserScript("e2e/field-visit.mjs", "browser-e2e-visit");
    }

    /** Issue 13: a repair at the vendor with a loaner, from the slip to the return, at 390x844 and 1440x900. */
    @Test
    void repairWithALoanerFromSlipToReturn() throws Exception {
        runBrowserScript("e2e/repair-loaner.mjs", "browser-e2e-repair");
    }

    /** Issue 15: the bell's count rises when an escalation fires and falls when read, at 1440x900 and 390x844. */
    @Test
    void theBellCountRisesWhenAnEscalationFiresAndFallsWhenRead() throws Exception {
        // the escalation is fired by the engine's job executor, as in a real start (the test profile turns it off)
        runBrowserScript("e2e/notification-bell.mjs", "browser-e2e-bell", Map.of("camunda.bpm.job-execution.enabled", "true"));
    }

    /** Issue 15: a supervisor reassigns two overdue cases from the board in one action; the phone board with selection. */
    @Test
    void supervisorReassignsTwoOverdueCasesFromTheBoardInOneAction() throws Exception {
        runBrowserScript("e2e/supervisor-bulk.mjs", "browser-e2e-bulk");
    }

    /**
     * Issue 15: on a 390x844 phone in Chinese the desk finds the caller by the last 4 digits, is warned of the device's
     * open case, records the call as its duplicate and sees the link on both cases.
     */
    @Test
    void intakeFindsTheCallerAndRecordsADuplicateOfTheOpenCase() throws Exception {
        runBrowserScript("e2e/intake-links.mjs", "browser-e2e-intake-links");
    }

    /** Issue 15: intake suggests the demo's PoE article for a typed symptom; the knowledge pages fit a phone (zh-CN). */
    @Test
    void intakeSuggestsAKnowledgeArticleAndTheKnowledgePagesFitAPhone() throws Exception {
        runBrowserScript("e2e/knowledge-base.mjs", "browser-e2e-knowledge");
    }

    /** Issue 16 (PM-4): an engineer works a monthly inspection's checklist on a phone; the customer signs on it. */
    @Test
    void engineerWorksAnInspectionChecklistOnThePhone() throws Exception {
        runBrowserScript("e2e/inspection-checklist.mjs", "browser-e2e-inspection");
    }

    private static void runBrowserScript(String script, String name) throws Exception {
        runBrowserScript(script, name, Map.of());
    }

    private static void runBrowserScript(String script, String name, Map<String, String> extraSettings) throws Exception {
        String profiles = System.getProperty("spring.profiles.active", "");
        assumeTrue(!profiles.contains("postgres"), "browser test runs once, in the H2 pass");
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        Path frontend = Path.of(System.getProperty("aftercare.frontend.dir", "../frontend")).toAbsolutePath().normalize();
        Path scriptPath = frontend.resolve(script);
        boolean onCi = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!onCi) {
            assumeTrue(Files.isExecutable(chromium), "chromium not installed (apt-get install chromium)");
        }
        assertThat(chromium).as("Chromium for the browser test").isExecutable();
        assertThat(scriptPath).exists();
        assertThat(frontend.resolve("node_modules/playwright-core")).as("npm ci ran in frontend/").exists();

        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "aftercare.demo.enabled", "true",
                // the demo devices are probed on this server's own loopback port, as in the demo profile
                "aftercare.outbound.allow", "127.0.0.0/8",
                "aftercare.probe.worker-enabled", "true",
                "aftercare.probe.poll-interval-ms", "300"));
        settings.putAll(extraSettings);
        try (StandaloneApp app = StandaloneApp.start(name, settings)) {
            Path log = Files.createTempFile("e2e", ".log");
            Process node = new ProcessBuilder("node", scriptPath.toString(), "http://127.0.0.1:" + app.port())
                    .directory(frontend.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean finished = node.waitFor(4, TimeUnit.MINUTES);
            if (!finished) {
                node.destroyForcibly();
            }
            String output = Files.readString(log);
            System.out.println(output);
            assertThat(finished).as(script + " finished in time:\n" + output).isTrue();
            assertThat(node.exitValue()).as(script + " output:\n" + output).isZero();
            new File(log.toString()).delete();
        }
    }
}
