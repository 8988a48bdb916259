package com.aftercare.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.support.CaseOverTheApi;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every figure of the four shipped policies (resources/sla/policies/*.json), checked on a real ticket opened over
 * the API under a contract on that policy. The expected due times are worked out by hand from the contracts
 * (requirements SLA-1..SLA-9, IN-5..IN-8), never read from the policy files: changing a figure there must fail a
 * row here (docs/sla-figures.md lists which).
 * <p>
 * Every ticket is received on Friday 20 March 2026 at 17:30 Beijing time, an ordinary working day half an hour
 * before the end of office hours, on a 5×8 contract with the default hours (09:00–12:00, 13:00–18:00). So a
 * natural-time target runs through the night and the weekend, while a working-time target counts the last half
 * hour of Friday and continues on Monday 23 March: "PT2H working" is Monday 10:30, not Friday 19:30.
 */
class ShippedPolicyFiguresTest extends IntegrationTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Friday, 30 minutes before the office closes. */
    private static final Instant RECEIVED = bj("2026-03-20T17:30");
    /** policy, level and region → the ticket the read-only rows share (see untouchedTicket). */
    private static final Map<String, Long> UNTOUCHED = new java.util.HashMap<>();

    @Autowired TestRestTemplate rest;
    CaseOverTheApi cases;

    @BeforeEach
    void client() {
        cases = new CaseOverTheApi(new ApiClient(rest));
    }

    private static Instant bj(String local) {
        return LocalDateTime.parse(local).atZone(BEIJING).toInstant();
    }

    /**
     * Each level × clock target and each region target. Clocks that start at receipt are read right after the
     * report; FAULT_REPORT starts at the resolution, which here comes 10 minutes after receipt (Fri 17:40).
     */
    @ParameterizedTest(name = "{0} level {1} {2} ({3}) due {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # SLA-1, all natural time; SLA-6 contingency plan 16 h; SLA-7 fault report 24 h after resolution
            THREE_LEVEL | 1 | RESPONSE         | CITY   | 2026-03-20T17:45
            THREE_LEVEL | 1 | ON_SITE          | CITY   | 2026-03-20T21:30
            THREE_LEVEL | 1 | RESOLUTION       | CITY   | 2026-03-21T17:30
            THREE_LEVEL | 1 | CONTINGENCY_PLAN | CITY   | 2026-03-21T09:30
            THREE_LEVEL | 1 | FAULT_REPORT     | CITY   | 2026-03-21T17:40
            THREE_LEVEL | 2 | RESPONSE         | CITY   | 2026-03-20T18:00
            THREE_LEVEL | 2 | ON_SITE          | CITY   | 2026-03-20T21:30
            THREE_LEVEL | 2 | RESOLUTION       | CITY   | 2026-03-22T05:30
            THREE_LEVEL | 2 | FAULT_REPORT     | CITY   | 2026-03-21T17:40
            THREE_LEVEL | 3 | RESPONSE         | CITY   | 2026-03-20T18:00
            THREE_LEVEL | 3 | ON_SITE          | CITY   | 2026-03-20T21:30
            THREE_LEVEL | 3 | RESOLUTION       | CITY   | 2026-03-22T17:30
            THREE_LEVEL | 3 | FAULT_REPORT     | CITY   | 2026-03-21T17:40

            # SLA-2, level 0 in working time: 2 working hours = Fri 30 min + Mon 09:00-10:30;
            # 1 working day (8 h) = Fri 30 min + Mon 7.5 h; 2 working days (16 h) = Fri 30 min + Mon 8 h + Tue 7.5 h
            SIX_LEVEL   | 0 | RESPONSE         | CITY   | 2026-03-23T10:30
            SIX_LEVEL   | 0 | ON_SITE          | CITY   | 2026-03-24T17:30
            SIX_LEVEL   | 0 | RESOLUTION       | CITY   | 2026-03-23T17:30
            # SLA-7: every level owes its fault report 2 working days after resolution (Fri 17:40 -> Tue 17:40)
            SIX_LEVEL   | 0 | FAULT_REPORT     | CITY   | 2026-03-24T17:40
            SIX_LEVEL   | 1 | RESPONSE         | CITY   | 2026-03-20T19:30
            SIX_LEVEL   | 1 | ON_SITE          | CITY   | 2026-03-21T17:30
            SIX_LEVEL   | 1 | RESOLUTION       | CITY   | 2026-03-21T17:30
            SIX_LEVEL   | 1 | FAULT_REPORT     | CITY   | 2026-03-24T17:40
            SIX_LEVEL   | 2 | RESPONSE         | CITY   | 2026-03-20T18:00
            SIX_LEVEL   | 2 | ON_SITE          | CITY   | 2026-03-20T19:30
            SIX_LEVEL   | 2 | RESOLUTION       | CITY   | 2026-03-20T21:30
            SIX_LEVEL   | 2 | FAULT_REPORT     | CITY   | 2026-03-24T17:40
            SIX_LEVEL   | 3 | RESPONSE         | CITY   | 2026-03-20T17:45
            SIX_LEVEL   | 3 | ON_SITE          | CITY   | 2026-03-20T19:30
            SIX_LEVEL   | 3 | RESOLUTION       | CITY   | 2026-03-20T19:30
            SIX_LEVEL   | 3 | CONTINGENCY_PLAN | CITY   | 2026-03-21T09:30
            SIX_LEVEL   | 3 | FAULT_REPORT     | CITY   | 2026-03-24T17:40
            SIX_LEVEL   | 4 | RESPONSE         | CITY   | 2026-03-20T17:45
            SIX_LEVEL   | 4 | ON_SITE          | CITY   | 2026-03-20T19:30
            SIX_LEVEL   | 4 | RESOLUTION       | CITY   | 2026-03-20T21:30
            SIX_LEVEL   | 4 | CONTINGENCY_PLAN | CITY   | 2026-03-21T09:30
            SIX_LEVEL   | 4 | FAULT_REPORT     | CITY   | 2026-03-24T17:40
            SIX_LEVEL   | 5 | RESPONSE         | CITY   | 2026-03-20T17:45
            SIX_LEVEL   | 5 | ON_SITE          | CITY   | 2026-03-20T19:30
            SIX_LEVEL   | 5 | RESOLUTION       | CITY   | 2026-03-20T21:30
            SIX_LEVEL   | 5 | CONTINGENCY_PLAN | CITY   | 2026-03-21T09:30
            SIX_LEVEL   | 5 | FAULT_REPORT     | CITY   | 2026-03-24T17:40

            # SLA-3 and SLA-9 (a county site waits 24 h for class A on-site), SLA-6, SLA-7 24 h
            CLASS_ABCD  | A | ON_SITE          | CITY   | 2026-03-20T19:30
            CLASS_ABCD  | A | ON_SITE          | COUNTY | 2026-03-21T17:30
            CLASS_ABCD  | A | SOLUTION_PLAN    | CITY   | 2026-03-22T17:30
            CLASS_ABCD  | A | CONTINGENCY_PLAN | CITY   | 2026-03-21T09:30
            CLASS_ABCD  | A | FAULT_REPORT     | CITY   | 2026-03-21T17:40
            CLASS_ABCD  | B | ON_SITE          | CITY   | 2026-03-22T17:30
            CLASS_ABCD  | B | SOLUTION_PLAN    | CITY   | 2026-03-23T17:30
            CLASS_ABCD  | B | FAULT_REPORT     | CITY   | 2026-03-21T17:40
            CLASS_ABCD  | C | RESPONSE         | CITY   | 2026-03-23T17:30
            CLASS_ABCD  | C | SOLUTION_PLAN    | CITY   | 2026-03-25T05:30
            CLASS_ABCD  | C | FAULT_REPORT     | CITY   | 2026-03-21T17:40

            # SLA-4: respond within 1 working hour (Fri 30 min + Mon 30 min); resolution natural as SLA-1;
            # fault report 2 working days after resolution
            DESK_HOURS  | 1 | RESPONSE         | CITY   | 2026-03-23T09:30
            DESK_HOURS  | 1 | RESOLUTION       | CITY   | 2026-03-21T17:30
            DESK_HOURS  | 1 | CONTINGENCY_PLAN | CITY   | 2026-03-21T09:30
            DESK_HOURS  | 1 | FAULT_REPORT     | CITY   | 2026-03-24T17:40
            DESK_HOURS  | 2 | RESPONSE         | CITY   | 2026-03-23T09:30
            DESK_HOURS  | 2 | RESOLUTION       | CITY   | 2026-03-22T05:30
            DESK_HOURS  | 2 | FAULT_REPORT     | CITY   | 2026-03-24T17:40
            DESK_HOURS  | 3 | RESPONSE         | CITY   | 2026-03-23T09:30
            DESK_HOURS  | 3 | RESOLUTION       | CITY   | 2026-03-22T17:30
            DESK_HOURS  | 3 | FAULT_REPORT     | CITY   | 2026-03-24T17:40
            """)
    void levelClockIsDueWhenTheContractSays(String policy, String level, String clock, Region region, String due) {
        long id;
        if (clock.equals("FAULT_REPORT")) {
            id = reportAtLevel(policy, level, region);
            resolveTenMinutesAfterReceipt(id);
        } else {
            id = untouchedTicket(policy, level, region);
        }

        JsonNode status = cases.clock(id, clock);
        assertThat(status.path("startedAt").asText()).as("started").isNotEmpty();
        assertThat(Instant.parse(status.path("dueAt").asText()))
                .as("%s level %s %s (%s) due", policy, level, clock, region).isEqualTo(bj(due));
    }

    /**
     * The service-desk timings every policy runs (IN-4..IN-8), natural time, on each policy's mildest level:
     * remote guidance 5 min from the first-line step, which starts at receipt; dispatch 10 min from receipt; execution confirmed 30 min from the dispatch at 17:35; re-dispatch 10 min from
     * the engineer declining at 17:38; the project manager takes up an abnormal event 20 min after it is reported
     * at 17:42.
     */
    @ParameterizedTest(name = "{0} common clock {2} due {3}")
    @CsvSource(delimiter = '|', textBlock = """
            THREE_LEVEL | 3 | REMOTE_GUIDANCE     | 2026-03-20T17:35
            THREE_LEVEL | 3 | DISPATCH            | 2026-03-20T17:40
            THREE_LEVEL | 3 | EXECUTION_CONFIRMED | 2026-03-20T18:05
            THREE_LEVEL | 3 | REDISPATCH          | 2026-03-20T17:48
            THREE_LEVEL | 3 | PM_REPORT           | 2026-03-20T18:02
            SIX_LEVEL   | 0 | REMOTE_GUIDANCE     | 2026-03-20T17:35
            SIX_LEVEL   | 0 | DISPATCH            | 2026-03-20T17:40
            SIX_LEVEL   | 0 | EXECUTION_CONFIRMED | 2026-03-20T18:05
            SIX_LEVEL   | 0 | REDISPATCH          | 2026-03-20T17:48
            SIX_LEVEL   | 0 | PM_REPORT           | 2026-03-20T18:02
            CLASS_ABCD  | C | REMOTE_GUIDANCE     | 2026-03-20T17:35
            CLASS_ABCD  | C | DISPATCH            | 2026-03-20T17:40
            CLASS_ABCD  | C | EXECUTION_CONFIRMED | 2026-03-20T18:05
            CLASS_ABCD  | C | REDISPATCH          | 2026-03-20T17:48
            CLASS_ABCD  | C | PM_REPORT           | 2026-03-20T18:02
            DESK_HOURS  | 3 | REMOTE_GUIDANCE     | 2026-03-20T17:35
            DESK_HOURS  | 3 | DISPATCH            | 2026-03-20T17:40
            DESK_HOURS  | 3 | EXECUTION_CONFIRMED | 2026-03-20T18:05
            DESK_HOURS  | 3 | REDISPATCH          | 2026-03-20T17:48
            DESK_HOURS  | 3 | PM_REPORT           | 2026-03-20T18:02
            """)
    void commonClockIsDueWhenTheContractSays(String policy, String level, String clock, String due) {
        boolean readAtReceipt = clock.equals("DISPATCH") || clock.equals("REMOTE_GUIDANCE");
        long id = readAtReceipt ? untouchedTicket(policy, level, Region.CITY) : reportAtLevel(policy, level, Region.CITY);
        switch (clock) {
            case "DISPATCH", "REMOTE_GUIDANCE" -> { }
            case "EXECUTION_CONFIRMED" -> {
                at("2026-03-20T17:35");
                cases.dispatch(id);
            }
            case "REDISPATCH" -> {
                at("2026-03-20T17:35");
                cases.dispatch(id);
                at("2026-03-20T17:38");
                cases.decline(id);
            }
            case "PM_REPORT" -> {
                at("2026-03-20T17:35");
                cases.dispatch(id);
                cases.accept(id);
                at("2026-03-20T17:42");
                cases.reportAbnormalEvent(id);
            }
            default -> throw new IllegalArgumentException("no common clock " + clock);
        }

        JsonNode status = cases.clock(id, clock);
        assertThat(Instant.parse(status.path("dueAt").asText())).as("%s %s due", policy, clock).isEqualTo(bj(due));
    }

    /**
     * Which clocks each level runs: a clock added to or dropped from a level in a policy file changes this list.
     * The five service-desk clocks run on every level; CLASS_ABCD D (negotiated plan) has nothing else.
     */
    @ParameterizedTest(name = "{0} level {1} runs {2}")
    @CsvSource(delimiter = '|', textBlock = """
            THREE_LEVEL | 1 | RESPONSE ON_SITE RESOLUTION CONTINGENCY_PLAN FAULT_REPORT
            THREE_LEVEL | 2 | RESPONSE ON_SITE RESOLUTION FAULT_REPORT
            THREE_LEVEL | 3 | RESPONSE ON_SITE RESOLUTION FAULT_REPORT
            SIX_LEVEL   | 0 | RESPONSE ON_SITE RESOLUTION FAULT_REPORT
            SIX_LEVEL   | 1 | RESPONSE ON_SITE RESOLUTION FAULT_REPORT
            SIX_LEVEL   | 2 | RESPONSE ON_SITE RESOLUTION FAULT_REPORT
            SIX_LEVEL   | 3 | RESPONSE ON_SITE RESOLUTION CONTINGENCY_PLAN FAULT_REPORT
            SIX_LEVEL   | 4 | RESPONSE ON_SITE RESOLUTION CONTINGENCY_PLAN FAULT_REPORT
            SIX_LEVEL   | 5 | RESPONSE ON_SITE RESOLUTION CONTINGENCY_PLAN FAULT_REPORT
            CLASS_ABCD  | A | ON_SITE SOLUTION_PLAN CONTINGENCY_PLAN FAULT_REPORT
            CLASS_ABCD  | B | ON_SITE SOLUTION_PLAN FAULT_REPORT
            CLASS_ABCD  | C | RESPONSE SOLUTION_PLAN FAULT_REPORT
            CLASS_ABCD  | D | ''
            DESK_HOURS  | 1 | RESPONSE RESOLUTION CONTINGENCY_PLAN FAULT_REPORT
            DESK_HOURS  | 2 | RESPONSE RESOLUTION FAULT_REPORT
            DESK_HOURS  | 3 | RESPONSE RESOLUTION FAULT_REPORT
            """)
    void eachLevelRunsItsOwnClocksAndTheServiceDeskOnes(String policy, String level, String levelClocks) {
        long id = untouchedTicket(policy, level, Region.CITY);

        String[] expected = (levelClocks.isBlank() ? "" : levelClocks + " ")
                .concat("REMOTE_GUIDANCE DISPATCH EXECUTION_CONFIRMED REDISPATCH PM_REPORT").split(" ");
        assertThat(cases.clocks(id).path("clocks").findValuesAsText("clock")).as("%s level %s clocks", policy, level)
                .containsExactlyInAnyOrder(expected);
    }

    /**
     * The escalation ladder of each policy (warning at 75 %, breach at 100 % repeated hourly, head at 150 % repeated
     * every 4 h), seen as the escalation process's timer: each step names the instant the next timer must be due,
     * the clock it is for and the rung that clock reaches when the timer is run. Offsets worked out by hand from
     * Friday 17:30: e.g. the 10-minute dispatch clock warns at 17:37:30, breaches at 17:40, goes to the head at
     * 17:45 and repeats that at 21:45; the 5-minute remote-guidance clock (IN-4; the case stays at first line) warns
     * at 17:33:45, breaches at 17:35 and goes to the head at 17:37:30, in the same run as the dispatch warning.
     */
    @ParameterizedTest(name = "{0} level {1} escalation ladder")
    @CsvSource(delimiter = '|', textBlock = """
            THREE_LEVEL | 3 | 03-20T17:33:45 REMOTE_GUIDANCE WARNING, 03-20T17:35 REMOTE_GUIDANCE BREACH, \
            03-20T17:37:30 REMOTE_GUIDANCE HEAD, 03-20T17:37:30 DISPATCH WARNING, 03-20T17:40 DISPATCH BREACH, \
            03-20T17:45 DISPATCH HEAD, \
            03-20T17:52:30 RESPONSE WARNING, 03-20T18:00 RESPONSE BREACH, 03-20T18:15 RESPONSE HEAD, \
            03-20T20:30 ON_SITE WARNING, 03-20T21:30 ON_SITE BREACH, 03-20T21:37:30 REMOTE_GUIDANCE HEAD, \
            03-20T21:45 DISPATCH HEAD, 03-20T22:15 RESPONSE HEAD, 03-20T22:30 ON_SITE BREACH, 03-20T23:30 ON_SITE HEAD
            SIX_LEVEL   | 2 | 03-20T17:33:45 REMOTE_GUIDANCE WARNING, 03-20T17:35 REMOTE_GUIDANCE BREACH, \
            03-20T17:37:30 REMOTE_GUIDANCE HEAD, 03-20T17:37:30 DISPATCH WARNING, 03-20T17:40 DISPATCH BREACH, \
            03-20T17:45 DISPATCH HEAD, \
            03-20T17:52:30 RESPONSE WARNING, 03-20T18:00 RESPONSE BREACH, 03-20T18:15 RESPONSE HEAD, \
            03-20T19:00 ON_SITE WARNING, 03-20T19:30 ON_SITE BREACH, 03-20T20:30 ON_SITE HEAD, \
            03-20T20:30 RESOLUTION WARNING, 03-20T21:30 RESOLUTION BREACH, 03-20T21:37:30 REMOTE_GUIDANCE HEAD, \
            03-20T21:45 DISPATCH HEAD, 03-20T22:15 RESPONSE HEAD, 03-20T22:30 RESOLUTION BREACH, 03-20T23:30 RESOLUTION HEAD
            CLASS_ABCD  | A | 03-20T17:33:45 REMOTE_GUIDANCE WARNING, 03-20T17:35 REMOTE_GUIDANCE BREACH, \
            03-20T17:37:30 REMOTE_GUIDANCE HEAD, 03-20T17:37:30 DISPATCH WARNING, 03-20T17:40 DISPATCH BREACH, \
            03-20T17:45 DISPATCH HEAD, \
            03-20T19:00 ON_SITE WARNING, 03-20T19:30 ON_SITE BREACH, 03-20T20:30 ON_SITE HEAD, \
            03-20T21:37:30 REMOTE_GUIDANCE HEAD, 03-20T21:45 DISPATCH HEAD, 03-21T00:30 ON_SITE HEAD, \
            03-21T01:37:30 REMOTE_GUIDANCE HEAD, 03-21T01:45 DISPATCH HEAD, 03-21T04:30 ON_SITE HEAD, \
            03-21T05:30 CONTINGENCY_PLAN WARNING, 03-21T05:37:30 REMOTE_GUIDANCE HEAD, 03-21T05:45 DISPATCH HEAD, \
            03-21T08:30 ON_SITE HEAD, 03-21T09:30 CONTINGENCY_PLAN BREACH, 03-21T09:37:30 REMOTE_GUIDANCE HEAD, \
            03-21T09:45 DISPATCH HEAD, 03-21T10:30 CONTINGENCY_PLAN BREACH
            DESK_HOURS  | 1 | 03-20T17:33:45 REMOTE_GUIDANCE WARNING, 03-20T17:35 REMOTE_GUIDANCE BREACH, \
            03-20T17:37:30 REMOTE_GUIDANCE HEAD, 03-20T17:37:30 DISPATCH WARNING, 03-20T17:40 DISPATCH BREACH, \
            03-20T17:45 DISPATCH HEAD, \
            03-20T21:37:30 REMOTE_GUIDANCE HEAD, 03-20T21:45 DISPATCH HEAD, 03-21T01:37:30 REMOTE_GUIDANCE HEAD, \
            03-21T01:45 DISPATCH HEAD, 03-21T05:30 CONTINGENCY_PLAN WARNING, 03-21T05:37:30 REMOTE_GUIDANCE HEAD, \
            03-21T05:45 DISPATCH HEAD, 03-21T09:30 CONTINGENCY_PLAN BREACH, 03-21T09:37:30 REMOTE_GUIDANCE HEAD, \
            03-21T09:45 DISPATCH HEAD, 03-21T10:30 CONTINGENCY_PLAN BREACH
            """)
    void escalationLadderFiresAtItsShareOfEachClock(String policy, String level, String steps) {
        long id = reportAtLevel(policy, level, Region.CITY);
        String number = cases.number(id);

        Instant fired = null;
        for (String step : steps.split(",")) {
            String[] atClockRung = step.trim().split(" ");
            Instant due = bj("2026-" + atClockRung[0]);
            if (!due.equals(fired)) { // two clocks may share one run of the timer
                Job timer = escalationTimer(number);
                assertThat(timer).as("%s: a timer for %s", policy, step).isNotNull();
                assertThat(timer.getDuedate().toInstant()).as("%s: timer for %s", policy, step).isEqualTo(due);
                clock.set(due);
                managementService.executeJob(timer.getId());
                fired = due;
            }
            assertThat(cases.clock(id, atClockRung[1]).path("escalationName").asText())
                    .as("%s: rung of %s after the run at %s", policy, atClockRung[1], atClockRung[0]).isEqualTo(atClockRung[2]);
        }
    }

    /** The one timer of the case's escalation process: when it must next look at the clocks. */
    private Job escalationTimer(String ticketNumber) {
        ProcessInstance escalation = runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .processInstanceBusinessKey(ticketNumber).singleResult();
        assertThat(escalation).as("escalation process of %s", ticketNumber).isNotNull();
        return managementService.createJobQuery().processInstanceId(escalation.getId()).timers().singleResult();
    }

    /**
     * Rows that only read a ticket as it stands right after the report (no step taken, no timer run) read the same
     * ticket: one per policy, level and region instead of one per row, about half the tickets of this class. The
     * test clock is put back to the receipt, so each row reads at the very instant it would on a ticket of its own.
     * Rows that move a case (resolve, dispatch, decline, run the escalation timer) still open their own.
     */
    private long untouchedTicket(String policy, String level, Region region) {
        Long id = UNTOUCHED.get(policy + " " + level + " " + region);
        if (id == null) {
            id = reportAtLevel(policy, level, region);
            UNTOUCHED.put(policy + " " + level + " " + region, id);
        }
        clock.set(RECEIVED);
        return id;
    }

    /** Moves the test clock; what happens next happens at this Beijing time. */
    private void at(String local) {
        clock.set(bj(local));
    }

    /**
     * Opens a ticket at {@link #RECEIVED} for a new customer whose 5×8 contract runs {@code policy}, with the
     * impact, urgency and category the policy's decision table turns into {@code level}; levels no row of the
     * table gives (SIX_LEVEL 4 and 5, CLASS_ABCD D) are set by the desk through the level API.
     */
    private long reportAtLevel(String policy, String level, Region region) {
        cases.contract(site.getCustomer().getId(), policy, "FIVE_BY_8");
        clock.set(RECEIVED);
        Map<String, Object> body = ticketBody("HOTLINE", "HIGH", "HIGH");
        String[] categoryImpactUrgency = decisionInputs(policy, level);
        body.put("category", categoryImpactUrgency[0]);
        body.put("impact", categoryImpactUrgency[1]);
        body.put("urgency", categoryImpactUrgency[2]);
        if (region == Region.COUNTY) {
            Site county = assets.createSite(new NewSite(site.getCustomer().getId(), "County site " + System.nanoTime(),
                    "Village 3", Region.COUNTY, "Contact", "123"));
            body.put("siteId", county.getId());
            body.remove("deviceId");
        }
        JsonNode created = cases.report(body);
        long id = created.path("id").asLong();
        if (!created.path("level").asText().equals(level)) {
            cases.changeLevel(id, level);
        }
        assertThat(cases.clocks(id).path("level").asText()).as("level").isEqualTo(level);
        assertThat(cases.clocks(id).path("policy").path("code").asText()).as("policy").isEqualTo(policy);
        return id;
    }

    /** Category, impact and urgency that the policy's decision table (fault-level*.dmn, fault-class.dmn) maps to the level. */
    private static String[] decisionInputs(String policy, String level) {
        String key = policy + " " + level;
        return switch (key) {
            case "THREE_LEVEL 1", "DESK_HOURS 1", "SIX_LEVEL 3", "CLASS_ABCD A" -> new String[] {"DEFECT", "HIGH", "HIGH"};
            case "THREE_LEVEL 2", "DESK_HOURS 2", "SIX_LEVEL 1", "CLASS_ABCD B" -> new String[] {"DEFECT", "MEDIUM", "MEDIUM"};
            case "THREE_LEVEL 3", "DESK_HOURS 3", "SIX_LEVEL 0", "CLASS_ABCD C" -> new String[] {"DEFECT", "LOW", "LOW"};
            case "SIX_LEVEL 2" -> new String[] {"DEFECT", "HIGH", "MEDIUM"};
            // no row of the table gives these: the desk sets them (reportAtLevel)
            case "SIX_LEVEL 4", "SIX_LEVEL 5", "CLASS_ABCD D" -> new String[] {"DEFECT", "HIGH", "HIGH"};
            default -> throw new IllegalArgumentException("no decision inputs for " + key);
        };
    }

    /** Desk dispatches, engineer accepts and fixes at receipt; the device probe passes at 17:40: the case is resolved. */
    private void resolveTenMinutesAfterReceipt(long id) {
        cases.dispatch(id);
        cases.accept(id);
        cases.fix(id);
        at("2026-03-20T17:40");
        probeWorker.runOnce();
        cases.confirmAndAudit(id);
        assertThat(cases.status(id)).as("resolved, waiting for the callback").isEqualTo("AWAITING_CALLBACK");
    }
}
