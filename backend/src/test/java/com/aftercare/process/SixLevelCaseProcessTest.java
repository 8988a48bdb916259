package com.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.support.CaseOverTheApi;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A case under a SIX_LEVEL contract (SLA-2) from the report to its fault report, through the API and the engine:
 * intake, dispatch, acceptance, on-site arrival, resolution by the device probe, the customer callback, closure and
 * the fault report owed after it (SLA-7). The escalation process's timers are fired by executing their jobs at the
 * instant they are due, and each clock ends met, missed or not needed as the contract says. The contract is 5×8 on
 * the default office hours (09:00–12:00, 13:00–18:00), so the fault report's 2 working days skip the lunch break,
 * the evening and the weekend. Times are Beijing time in March 2026 (Friday the 20th is an ordinary working day).
 */
class SixLevelCaseProcessTest extends IntegrationTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired TestRestTemplate rest;
    CaseOverTheApi cases;

    @BeforeEach
    void contractOnTheSixLevelScheme() {
        cases = new CaseOverTheApi(new ApiClient(rest));
        cases.contract(site.getCustomer().getId(), "SIX_LEVEL", "FIVE_BY_8");
    }

    private static Instant bj(String local) {
        return LocalDateTime.parse("2026-" + local).atZone(BEIJING).toInstant();
    }

    private void at(String local) {
        clock.set(bj(local));
    }

    @Test
    void levelThreeFaultRunsEveryClockToItsOutcomeThroughDispatchOnSiteResolutionCallbackAndFaultReport() {
        at("03-20T10:00");
        Map<String, Object> body = ticketBody("HOTLINE", "HIGH", "HIGH"); // primary and backup down
        JsonNode created = cases.report(body);
        long id = created.path("id").asLong();
        String number = created.path("number").asText();
        assertThat(created.path("level").asText()).as("faultLevelSix: HIGH x HIGH").isEqualTo("3");

        // level 3: remote response 15 min, on site 2 h, restored 2 h, contingency plan 16 h; dispatch 10 min (IN-5)
        assertDue(id, "RESPONSE", "03-20T10:15");
        assertDue(id, "ON_SITE", "03-20T12:00");
        assertDue(id, "RESOLUTION", "03-20T12:00");
        assertDue(id, "CONTINGENCY_PLAN", "03-21T02:00");
        assertDue(id, "DISPATCH", "03-20T10:10");
        assertThat(state(id, "FAULT_REPORT")).isEqualTo("NOT_STARTED");

        // the desk keeps it at first line: remote guidance (IN-4, 5 min) warns at 75 %, breaches at 100 %, heads at 150 %
        assertDue(id, "REMOTE_GUIDANCE", "03-20T10:05");
        fireEscalation(number, "03-20T10:03:45");
        assertThat(rung(id, "REMOTE_GUIDANCE")).isEqualTo("WARNING");
        fireEscalation(number, "03-20T10:05");
        assertThat(rung(id, "REMOTE_GUIDANCE")).isEqualTo("BREACH");
        // nobody dispatches in time: the dispatch clock warns at 75 % and breaches at 100 %, the response clock warns
        fireEscalation(number, "03-20T10:07:30");
        assertThat(rung(id, "REMOTE_GUIDANCE")).isEqualTo("HEAD");
        assertThat(rung(id, "DISPATCH")).isEqualTo("WARNING");
        fireEscalation(number, "03-20T10:10");
        assertThat(rung(id, "DISPATCH")).isEqualTo("BREACH");
        assertThat(state(id, "DISPATCH")).as("at the due instant itself").isEqualTo("RUNNING");
        fireEscalation(number, "03-20T10:11:15");
        assertThat(rung(id, "RESPONSE")).isEqualTo("WARNING");
        assertThat(state(id, "DISPATCH")).isEqualTo("BREACHED");

        at("03-20T10:12");
        cases.dispatch(id);
        assertThat(state(id, "DISPATCH")).isEqualTo("MISSED");
        assertThat(margin(id, "DISPATCH")).isEqualTo(-2 * 60);
        assertThat(state(id, "REMOTE_GUIDANCE")).as("first line finished by the dispatch").isEqualTo("MISSED");
        assertThat(margin(id, "REMOTE_GUIDANCE")).isEqualTo(-7 * 60);
        assertDue(id, "EXECUTION_CONFIRMED", "03-20T10:42"); // IN-6: 30 min from the dispatch

        at("03-20T10:14");
        cases.accept(id);
        assertThat(state(id, "RESPONSE")).isEqualTo("MET");
        assertThat(margin(id, "RESPONSE")).isEqualTo(60);
        assertThat(state(id, "EXECUTION_CONFIRMED")).isEqualTo("MET");
        assertThat(rung(id, "RESPONSE")).as("met after its warning: de-escalated").isEmpty();

        // on-site and restore clocks both warn at 75 % of 2 h
        fireEscalation(number, "03-20T11:30");
        assertThat(rung(id, "ON_SITE")).isEqualTo("WARNING");
        assertThat(rung(id, "RESOLUTION")).isEqualTo("WARNING");

        at("03-20T11:45");
        cases.arriveOnSite(id);
        assertThat(state(id, "ON_SITE")).isEqualTo("MET");
        assertThat(margin(id, "ON_SITE")).isEqualTo(15 * 60);

        fireEscalation(number, "03-20T12:00");
        assertThat(rung(id, "RESOLUTION")).isEqualTo("BREACH");

        at("03-20T12:30");
        assertThat(state(id, "RESOLUTION")).isEqualTo("BREACHED");
        cases.fix(id);
        probeWorker.runOnce();
        cases.complete(id, "confirmCompletion", "t-eng", Map.of("testerName", "Wang Wu", "confirmed", true));
        assertThat(cases.status(id)).as("the service form waits for the desk").isEqualTo("VERIFYING");
        assertThat(state(id, "RESOLUTION")).isEqualTo("MISSED");
        assertThat(margin(id, "RESOLUTION")).isEqualTo(-30 * 60);
        assertThat(state(id, "CONTINGENCY_PLAN")).as("restored before the plan was due").isEqualTo("NOT_NEEDED");
        // SLA-7, 2 working days from 12:30: Fri 13:00-18:00 (5 h), Mon 8 h, Tue 09:00-12:00 (3 h)
        assertDue(id, "FAULT_REPORT", "03-24T12:00");

        // 75 % of 16 working hours = 12 h: Fri 5 h, Mon 09:00-12:00 and 13:00-17:00
        fireEscalation(number, "03-23T17:00");
        assertThat(rung(id, "FAULT_REPORT")).isEqualTo("WARNING");

        // the desk accepts the service form, which is the fault report (ADR 0026)
        at("03-24T10:00");
        cases.complete(id, "auditServiceForm", "t-desk", Map.of("auditAccepted", true));
        assertThat(cases.status(id)).isEqualTo("AWAITING_CALLBACK");
        assertThat(state(id, "FAULT_REPORT")).isEqualTo("MET");
        assertThat(margin(id, "FAULT_REPORT")).as("16 h - (5 + 8 + 1) working hours").isEqualTo(2 * 3600);

        at("03-24T10:30");
        cases.complete(id, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED", "satisfaction", "4"));
        assertThat(cases.status(id)).isEqualTo("CLOSED");
        assertThat(state(id, "REDISPATCH")).isEqualTo("NOT_STARTED");
        assertThat(state(id, "PM_REPORT")).isEqualTo("NOT_STARTED");
        assertThat(caseProcessesEnded(number)).as("nothing is owed after the callback").isTrue();
    }

    @Test
    void levelZeroSupportRequestSolvedAtTheDeskOwesItsFaultReportInWorkingDaysAndMissesIt() {
        at("03-20T17:30");
        JsonNode created = cases.report(Map.of("channel", "HOTLINE", "requesterName", "Li Lei", "requesterPhone", "13900000000",
                "siteId", site.getId(), "category", "CONSULTATION", "impact", "LOW", "urgency", "LOW",
                "title", "How to replay last night's video", "description", "Needs the replay steps"));
        long id = created.path("id").asLong();
        String number = created.path("number").asText();
        assertThat(created.path("level").asText()).as("faultLevelSix: a consultation is a support request").isEqualTo("0");
        // level 0 in working time: 2 working hours = Fri 30 min + Mon 09:00-10:30; 1 working day = Fri 30 min + Mon 7.5 h
        assertDue(id, "RESPONSE", "03-23T10:30");
        assertDue(id, "RESOLUTION", "03-23T17:30");
        assertDue(id, "ON_SITE", "03-24T17:30");

        at("03-20T17:36");
        cases.complete(id, "firstLineResolution", "t-desk",
                Map.of("category", "CONSULTATION", "solvedAtDesk", true, "deskNote", "Walked the caller through the replay"));
        assertThat(state(id, "RESPONSE")).isEqualTo("MET");
        assertThat(state(id, "RESOLUTION")).isEqualTo("MET");
        assertThat(state(id, "ON_SITE")).isEqualTo("NOT_NEEDED");
        assertThat(state(id, "DISPATCH")).isEqualTo("NOT_NEEDED");
        assertThat(state(id, "REMOTE_GUIDANCE")).as("6 minutes of guidance, 1 too many").isEqualTo("MISSED");
        // 2 working days from Fri 17:36: Fri 24 min, Mon 8 h, Tue 09:00-12:00 and 13:00-17:36
        assertDue(id, "FAULT_REPORT", "03-24T17:36");

        at("03-20T17:50");
        cases.complete(id, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED"));
        assertThat(cases.status(id)).isEqualTo("CLOSED");

        // warning at 12 working hours (Tue 13:36), breach at 16 (Tue 17:36)
        fireEscalation(number, "03-24T13:36");
        assertThat(rung(id, "FAULT_REPORT")).isEqualTo("WARNING");
        fireEscalation(number, "03-24T17:36");
        assertThat(rung(id, "FAULT_REPORT")).isEqualTo("BREACH");

        at("03-24T18:00"); // after office hours: still 24 working minutes late
        assertThat(state(id, "FAULT_REPORT")).isEqualTo("BREACHED");
        cases.submit(id, "FAULT_REPORT");
        assertThat(state(id, "FAULT_REPORT")).isEqualTo("MISSED");
        assertThat(margin(id, "FAULT_REPORT")).isEqualTo(-24 * 60);
        assertThat(caseProcessesEnded(number)).isTrue();
    }

    private JsonNode clockOf(long id, String name) {
        return cases.clock(id, name);
    }

    private void assertDue(long id, String clock, String local) {
        assertThat(Instant.parse(clockOf(id, clock).path("dueAt").asText())).as("%s due", clock).isEqualTo(bj(local));
    }

    private String state(long id, String clock) {
        return clockOf(id, clock).path("state").asText();
    }

    private String rung(long id, String clock) {
        JsonNode name = clockOf(id, clock).path("escalationName");
        return name.isNull() ? "" : name.asText();
    }

    private long margin(long id, String clock) {
        return clockOf(id, clock).path("marginSeconds").asLong();
    }

    /** The escalation's one timer must be due at this instant; the test clock moves there and the job runs. */
    private void fireEscalation(String number, String local) {
        ProcessInstance escalation = runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .processInstanceBusinessKey(number).singleResult();
        assertThat(escalation).as("escalation process of %s", number).isNotNull();
        Job timer = managementService.createJobQuery().processInstanceId(escalation.getId()).timers().singleResult();
        assertThat(timer).as("escalation timer due %s", local).isNotNull();
        assertThat(timer.getDuedate().toInstant()).as("escalation timer").isEqualTo(bj(local));
        clock.set(bj(local));
        managementService.executeJob(timer.getId());
    }

    private boolean caseProcessesEnded(String number) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count() == 0;
    }
}
