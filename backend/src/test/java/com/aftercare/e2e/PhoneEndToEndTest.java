package com.aftercare.e2e;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.aftercare.support.H2Only;
import com.aftercare.support.StandaloneApp;

/**
 * Clicks through the UI on a 390x844 phone in headless Chromium (Playwright scripts under frontend/e2e), one after
 * another against one app on the real jar's classpath with demo data on its own in-memory database (the desk's and
 * supervisor's scripts are in {@link BrowserEndToEndTest}; both run through {@link BrowserScript}):
 * <ul>
 * <li>phone-pages.mjs: every page of every demo role at 390×844 in Chinese is no wider than the phone and shows
 * no raw enum code (screenshots in frontend/target/phone-pages/);</li>
 * <li>phone-offline.mjs (issue 12): an engineer submits a form without signal; it is kept, sent by itself when the
 * signal returns, and the task is completed exactly once;</li>
 * <li>field-visit.mjs, repair-loaner.mjs, intake-links.mjs, knowledge-base.mjs, inspection-checklist.mjs: a whole
 * on-site visit, a repair with a loaner, the caller lookup and a duplicate, a knowledge suggestion, an inspection
 * checklist the customer signs (issues 12, 13, 15, 16).</li>
 * </ul>
 * One app for all seven: a start with demo data cost about as much as a script, and each script makes its own cases on
 * a camera of its own. phone-pages.mjs runs first, on the demo data as seeded: it reads every page for raw codes, and
 * the others' cases add rows (in Chinese) it would otherwise read too. The others passed in any order.
 */
@H2Only
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneEndToEndTest {

    private static StandaloneApp app;

    @BeforeAll
    static void startTheApp() {
        app = BrowserScript.startApp("browser-e2e-phone", Map.of());
    }

    @AfterAll
    static void stopTheApp() {
        if (app != null) {
            app.close();
        }
    }

    @Order(1)
    @Test
    void everyPageOfEveryRoleFitsAPhoneInChinese() throws Exception {
        BrowserScript.run(app, "e2e/phone-pages.mjs");
    }

    @Order(2)
    @Test
    void aFormFilledWithoutSignalIsSentOnceWhenTheSignalReturns() throws Exception {
        BrowserScript.run(app, "e2e/phone-offline.mjs");
    }

    /** Issue 12: a whole on-site visit on one 390x844 phone in zh-CN, photos, signature, audit, closed, PDF. */
    @Order(3)
    @Test
    void fieldVisitOnAPhoneEndsInAClosedCaseAndAServiceForm() throws Exception {
        BrowserScript.run(app, "e2e/field-visit.mjs");
    }

    /** Issue 13: a repair at the vendor with a loaner, from the slip to the return, at 390x844 and 1440x900. */
    @Order(4)
    @Test
    void repairWithALoanerFromSlipToReturn() throws Exception {
        BrowserScript.run(app, "e2e/repair-loaner.mjs");
    }

    /**
     * Issue 15: on a 390x844 phone in Chinese the desk finds the caller by the last 4 digits, is warned of the device's
     * open case, records the call as its duplicate and sees the link on both cases.
     */
    @Order(5)
    @Test
    void intakeFindsTheCallerAndRecordsADuplicateOfTheOpenCase() throws Exception {
        BrowserScript.run(app, "e2e/intake-links.mjs");
    }

    /** Issue 15: intake suggests the demo's PoE article for a typed symptom; the knowledge pages fit a phone (zh-CN). */
    @Order(6)
    @Test
    void intakeSuggestsAKnowledgeArticleAndTheKnowledgePagesFitAPhone() throws Exception {
        BrowserScript.run(app, "e2e/knowledge-base.mjs");
    }

    /** Issue 16 (PM-4): an engineer works a monthly inspection's checklist on a phone; the customer signs on it. */
    @Order(7)
    @Test
    void engineerWorksAnInspectionChecklistOnThePhone() throws Exception {
        BrowserScript.run(app, "e2e/inspection-checklist.mjs");
    }
}
