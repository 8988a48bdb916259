package com.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.calendar.ImportHolidayYear;
import com.aftercare.calendar.RecoverOwedRetiming;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.ContractSettings;
import com.aftercare.sla.CreatePolicy;
import com.aftercare.sla.PolicyDefinition;
import com.aftercare.sla.SaveContract;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The re-timing a holiday import owes survives a node stopping after the import's commit, two imports of the same year
 * at once, and reaches the last rung of any ladder (ADR 0078). As in {@link HolidayImportRetimesOpenCasesTest}, each
 * test imports a year of its own far ahead, on 5×8 contracts (09:00–12:00, 13:00–18:00).
 */
class HolidayRetimingSurvivesTest extends IntegrationTest {

    private static final AtomicInteger POLICIES = new AtomicInteger();
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** Resolution within 5 working days; the ladder is given per test. */
    private static final String POLICY = """
            {"name": "Holiday retiming test", "levelDecision": "faultLevel",
             "levels": [
               {"code": "1", "name": "L1", "clocks": [RESOLUTION]},
               {"code": "2", "name": "L2", "clocks": [RESOLUTION]},
               {"code": "3", "name": "L3", "clocks": [RESOLUTION]}],
             "pauseOn": ["WAITING_CUSTOMER"],
             "escalation": [LADDER]}
            """;
    private static final String RESOLUTION = "{\"clock\": \"RESOLUTION\", \"workingDays\": 5, \"basis\": \"WORKING\"}";
    private static final String SHIPPED_LADDER = """
            {"name": "WARNING", "percent": 75, "recipients": ["DESK_LEAD"]},
            {"name": "BREACH", "percent": 100, "recipients": ["DESK_LEAD"]},
            {"name": "HEAD", "percent": 150, "recipients": ["DEPARTMENT_HEAD"]}""";

    @Autowired TestRestTemplate rest;
    @Autowired CreatePolicy createPolicy;
    @Autowired SaveContract saveContract;
    @Autowired ClockEvaluation clockEvaluation;
    @Autowired ImportHolidayYear importHolidayYear;
    @Autowired RecoverOwedRetiming recovery;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    private static Instant bj(String local) {
        return LocalDateTime.parse(local).atZone(BEIJING).toInstant();
    }

    private static String notice(int year, String... moreOffDays) {
        StringBuilder days = new StringBuilder("{\"name\": \"元旦\", \"date\": \"" + year + "-01-01\", \"isOffDay\": true}");
        for (String day : moreOffDays) {
            days.append(", {\"name\": \"元旦\", \"date\": \"").append(day).append("\", \"isOffDay\": true}");
        }
        return "{\"year\": " + year + ", \"papers\": [], \"days\": [" + days + "]}";
    }

    private void contract(String ladder) throws Exception {
        String code = "T_RETIMING_" + POLICIES.incrementAndGet();
        createPolicy.create(new CreatePolicy.Command(code, JSON.readValue(
                POLICY.replace("RESOLUTION", RESOLUTION).replace("LADDER", ladder), PolicyDefinition.class)));
        saveContract.save(site.getCustomer().getId(), new ContractSettings("Test contract", code, CalendarKind.FIVE_BY_8,
                "Asia/Shanghai", "t-desk", "t-sup", null, "t-admin", false, null, null, null));
    }

    private Ticket openAt(String local) {
        clock.set(bj(local));
        return reportFault.report(newTicket(Category.DEFECT, Grade.LOW, Grade.LOW), null).ticket();
    }

    private ClockStatus resolution(Ticket t) {
        return clockEvaluation.clocks(tickets.clockTicket(t.getId())).stream()
                .filter(c -> c.clock() == ClockName.RESOLUTION).findFirst().orElseThrow();
    }

    private Job escalationTimer(Ticket t) {
        ProcessInstance p = runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .processInstanceBusinessKey(tickets.get(t.getId()).getNumber()).singleResult();
        assertThat(p).as("escalation of " + t.getNumber()).isNotNull();
        Job job = managementService.createJobQuery().processInstanceId(p.getId()).timers().singleResult();
        assertThat(job).as("escalation timer of " + t.getNumber()).isNotNull();
        return job;
    }

    /** Fires the escalation's timer at its due time; returns the next one. */
    private Job fire(Ticket t) {
        Job timer = escalationTimer(t);
        clock.set(timer.getDuedate().toInstant());
        managementService.executeJob(timer.getId());
        return escalationTimer(t);
    }

    private long calendarLines(Ticket t) {
        return jdbc.queryForObject("select count(*) from ticket_event where ticket_id = ? and type = 'CALENDAR'",
                Long.class, t.getId());
    }

    private long policyMilestones(Ticket t) {
        return jdbc.queryForObject("select count(*) from sla_milestone where ticket_id = ? and kind = 'POLICY'",
                Long.class, t.getId());
    }

    private JsonNode coverage() {
        ApiClient.Response r = api.get("t-admin", "/api/calendar/holidays");
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    private List<Integer> pending() {
        List<Integer> years = new ArrayList<>();
        coverage().path("retimingPending").forEach(y -> years.add(y.asInt()));
        return years;
    }

    @Test
    void anImportThatStoppedAfterItsCommitIsFinishedOnceByTheNextLookAfterItsClaimLapsed() throws Exception {
        contract(SHIPPED_LADDER);
        // as 2041 in HolidayImportRetimesOpenCasesTest: Thu 27 Dec 2046 + 5 working days = Wed 2 Jan while 2047 is plain
        Ticket thursday = openAt("2046-12-27T09:00");
        Ticket friday = openAt("2046-12-28T09:00");
        assertThat(tickets.get(thursday.getId()).getResolutionDue()).isEqualTo(bj("2047-01-02T18:00"));
        assertThat(escalationTimer(thursday).getDuedate().toInstant()).isEqualTo(bj("2047-01-01T16:00"));
        long milestones = policyMilestones(thursday);

        // the node stops right after the import's commit: the year is stored, the re-timing owed and still claimed
        clock.set(bj("2046-12-28T10:00"));
        importHolidayYear.store(notice(2047), "t-admin");
        assertThat(pending()).contains(2047);
        assertThat(tickets.get(thursday.getId()).getResolutionDue()).as("the list, not re-timed yet").isEqualTo(bj("2047-01-02T18:00"));
        assertThat(escalationTimer(thursday).getDuedate().toInstant()).isEqualTo(bj("2047-01-01T16:00"));
        assertThat(recovery.runOnce()).as("claimed by the node that stopped, until its claim lapses").isZero();
        assertThat(calendarLines(thursday)).isZero();
        // the same notice again changes no day: it cannot repair anything, the owed row does
        ApiClient.Response again = api.post("t-admin", "/api/calendar/holidays", notice(2047));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().path("openCasesRetimed").asInt(-1)).isZero();
        assertThat(again.body().path("retimingPending").asBoolean()).isFalse();

        clock.set(bj("2046-12-28T10:03"));
        assertThat(recovery.runOnce()).as("another node's look finishes it").isEqualTo(1);
        assertThat(tickets.get(thursday.getId()).getResolutionDue()).isEqualTo(bj("2047-01-03T18:00"));
        assertThat(tickets.get(friday.getId()).getResolutionDue()).isEqualTo(bj("2047-01-04T18:00"));
        assertThat(escalationTimer(thursday).getDuedate().toInstant()).isEqualTo(bj("2047-01-02T16:00"));
        assertThat(policyMilestones(thursday)).isEqualTo(milestones + 1);
        assertThat(calendarLines(thursday)).isEqualTo(1);
        assertThat(calendarLines(friday)).isEqualTo(1);
        assertThat(pending()).doesNotContain(2047);

        // looked at again, later, on any node: done once
        clock.set(bj("2046-12-28T11:00"));
        assertThat(recovery.runOnce()).isZero();
        assertThat(calendarLines(thursday)).isEqualTo(1);
        assertThat(policyMilestones(thursday)).isEqualTo(milestones + 1);
        assertThat(escalationTimer(thursday).getDuedate().toInstant()).isEqualTo(bj("2047-01-02T16:00"));
    }

    @Test
    void aNodeThatStalledPastItsClaimWritesNothingOnceAnotherNodeTookItsReTimingOver() throws Exception {
        contract(SHIPPED_LADDER);
        // as above, a year later: Thu 27 Dec 2063 + 5 working days = Wed 2 Jan 2064 while 2064 is plain (1 January a Tuesday)
        Ticket thursday = openAt("2063-12-27T09:00");
        long milestones = policyMilestones(thursday);
        clock.set(bj("2063-12-28T10:00"));
        ImportHolidayYear.Stored stalled = importHolidayYear.store(notice(2064), "t-admin");

        clock.set(bj("2063-12-28T10:03"));
        assertThat(recovery.runOnce()).isEqualTo(1);
        assertThat(calendarLines(thursday)).isEqualTo(1);
        assertThat(escalationTimer(thursday).getDuedate().toInstant()).isEqualTo(bj("2064-01-02T16:00"));

        // the first node wakes up and goes on with the claim it had
        ImportHolidayYear.HolidaysImported late = importHolidayYear.retime(stalled);
        assertThat(late.openCasesRetimed()).as("what the run that finished it counted").isEqualTo(1);
        assertThat(late.retimingPending()).as("the other node finished it").isFalse();
        assertThat(calendarLines(thursday)).isEqualTo(1);
        assertThat(policyMilestones(thursday)).isEqualTo(milestones + 1);
        assertThat(pending()).doesNotContain(2064);
    }

    /** Two admins (or a double click) import the same notice at the same moment, on two threads of this node. */
    private List<ImportHolidayYear.HolidaysImported> twoAtOnce(String notice) throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ImportHolidayYear.HolidaysImported>> answers = new ArrayList<>();
            for (String admin : List.of("t-admin", "t-admin2")) {
                answers.add(two.submit(() -> {
                    ready.countDown();
                    go.await();
                    return importHolidayYear.importYear(notice, admin);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<ImportHolidayYear.HolidaysImported> result = new ArrayList<>();
            for (Future<ImportHolidayYear.HolidaysImported> a : answers) {
                result.add(a.get(60, TimeUnit.SECONDS));
            }
            return result;
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void twoImportsOfTheSameYearAtOnceRetimeEachCaseOnce() throws Exception {
        contract(SHIPPED_LADDER);
        // Thu 27 Dec 2057 and Fri 28 Dec: due Wed 2 and Thu 3 Jan 2058 while 2058 is plain (1 January a Tuesday)
        Ticket thursday = openAt("2057-12-27T09:00");
        Ticket friday = openAt("2057-12-28T09:00");
        long thursdayMilestones = policyMilestones(thursday);
        long fridayMilestones = policyMilestones(friday);
        clock.set(bj("2057-12-28T10:00"));

        // a year not stored yet: both insert its row, one waits for the other and finds nothing left to change
        List<ImportHolidayYear.HolidaysImported> first = twoAtOnce(notice(2058));
        assertThat(first).allMatch(a -> a.year() == 2058 && !a.retimingPending());
        assertThat(first.stream().mapToInt(ImportHolidayYear.HolidaysImported::openCasesRetimed).sum()).isEqualTo(2);
        assertThat(calendarLines(thursday)).isEqualTo(1);
        assertThat(calendarLines(friday)).isEqualTo(1);
        assertThat(policyMilestones(thursday)).isEqualTo(thursdayMilestones + 1);
        assertThat(policyMilestones(friday)).isEqualTo(fridayMilestones + 1);
        assertThat(resolution(friday).dueAt()).isEqualTo(bj("2058-01-04T18:00"));

        // a corrected notice (Fri 4 Jan off too) imported twice at once: the year's row exists and is locked in turn
        // (only Friday's case moves: Thursday's is due on the 3rd, and its next rung, at 75 %, lies before the 4th)
        List<ImportHolidayYear.HolidaysImported> corrected = twoAtOnce(notice(2058, "2058-01-04"));
        assertThat(corrected.stream().mapToInt(ImportHolidayYear.HolidaysImported::openCasesRetimed).sum()).isEqualTo(1);
        assertThat(corrected).anyMatch(a -> a.openCasesRetimed() == 0);
        assertThat(calendarLines(thursday)).isEqualTo(1);
        assertThat(calendarLines(friday)).isEqualTo(2);
        assertThat(policyMilestones(thursday)).isEqualTo(thursdayMilestones + 1);
        assertThat(policyMilestones(friday)).isEqualTo(fridayMilestones + 2);
        assertThat(resolution(friday).dueAt()).isEqualTo(bj("2058-01-07T18:00"));
        assertThat(tickets.get(friday.getId()).getResolutionDue()).isEqualTo(bj("2058-01-07T18:00"));
        assertThat(pending()).doesNotContain(2058);
    }

    @Test
    void aLastRungPastTheHolidayMovesThoughItsDueTimeIsBeforeTheYear() throws Exception {
        contract(SHIPPED_LADDER);
        // Fri 20 Dec 2047 15:00 + 5 working days: Fri 27 Dec 15:00; 150 % = 2.5 more working days: Mon 30, Tue 31 and
        // Wed 1 Jan 2048 10:00 while 2048 is plain
        Ticket late = openAt("2047-12-20T15:00");
        assertThat(resolution(late).dueAt()).isEqualTo(bj("2047-12-27T15:00"));
        fire(late); // 75 %
        Job head = fire(late); // 100 %: the next rung is the last
        assertThat(head.getDuedate().toInstant()).isEqualTo(bj("2048-01-01T10:00"));
        long milestones = policyMilestones(late);

        clock.set(bj("2047-12-30T09:00"));
        ApiClient.Response r = api.post("t-admin", "/api/calendar/holidays", notice(2048));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("openCasesRetimed").asInt(-1)).as("the case due four days before the year").isEqualTo(1);
        assertThat(escalationTimer(late).getDuedate().toInstant()).isEqualTo(bj("2048-01-02T10:00"));
        assertThat(resolution(late).dueAt()).as("the due time itself stays").isEqualTo(bj("2047-12-27T15:00"));
        assertThat(policyMilestones(late)).isEqualTo(milestones + 1);
        assertThat(calendarLines(late)).isEqualTo(1);
    }

    @Test
    void aCustomRungThreeWeeksPastDueMovesToo() throws Exception {
        contract("""
                {"name": "BREACH", "percent": 100, "recipients": ["DESK_LEAD"]},
                {"name": "HEAD", "percent": 400, "recipients": ["DEPARTMENT_HEAD"]}""");
        // Thu 4 Dec 2053 10:00 + 5 working days: Thu 11 Dec 10:00, three weeks before the year; 400 % = 15 more working
        // days: Thu 1 Jan 2054 10:00 while 2054 is plain
        Ticket longLadder = openAt("2053-12-04T10:00");
        assertThat(resolution(longLadder).dueAt()).isEqualTo(bj("2053-12-11T10:00"));
        Job head = fire(longLadder); // 100 %
        assertThat(head.getDuedate().toInstant()).isEqualTo(bj("2054-01-01T10:00"));

        clock.set(bj("2053-12-12T09:00"));
        ApiClient.Response r = api.post("t-admin", "/api/calendar/holidays", notice(2054));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("openCasesRetimed").asInt(-1)).isEqualTo(1);
        assertThat(escalationTimer(longLadder).getDuedate().toInstant()).isEqualTo(bj("2054-01-02T10:00"));
        assertThat(calendarLines(longLadder)).isEqualTo(1);
        assertThat(Duration.between(resolution(longLadder).dueAt(), bj("2054-01-01T00:00")).toDays()).isGreaterThan(14);
    }
}
