package com.aftercare.process;

import static com.aftercare.process.HolidayCases.SHIPPED_LADDER;
import static com.aftercare.process.HolidayCases.bj;
import static com.aftercare.process.HolidayCases.notice;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.calendar.ImportHolidayYear;
import com.aftercare.calendar.RecoverOwedRetiming;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.CreatePolicy;
import com.aftercare.sla.SaveContract;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The re-timing a holiday import owes survives a node stopping after the import's commit, two imports of the same year
 * at once, and reaches the last rung of any ladder (ADR 0078). As in {@link HolidayImportRetimesOpenCasesTest}, each
 * test imports a year of its own far ahead, on 5×8 contracts (09:00–12:00, 13:00–18:00).
 */
class HolidayRetimingSurvivesTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired CreatePolicy createPolicy;
    @Autowired SaveContract saveContract;
    @Autowired ClockEvaluation clockEvaluation;
    @Autowired ImportHolidayYear importHolidayYear;
    @Autowired RecoverOwedRetiming recovery;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;
    HolidayCases cases;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
        cases = new HolidayCases("T_RETIMING_", clock, tickets, reportFault, createPolicy, saveContract, clockEvaluation,
                runtimeService, managementService, jdbc);
    }

    private void contract(String ladder) throws Exception {
        cases.contract(site, ladder);
    }

    private Ticket openAt(String local) {
        return cases.openAt(local, newTicket(Category.DEFECT, Grade.LOW, Grade.LOW));
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
        assertThat(cases.escalationTimer(thursday).getDuedate().toInstant()).isEqualTo(bj("2047-01-01T16:00"));
        long milestones = cases.policyMilestones(thursday);

        // the node stops right after the import's commit: the year is stored, the re-timing owed and still claimed
        clock.set(bj("2046-12-28T10:00"));
        importHolidayYear.store(notice(2047), "t-admin");
        assertThat(pending()).contains(2047);
        assertThat(tickets.get(thursday.getId()).getResolutionDue()).as("the list, not re-timed yet").isEqualTo(bj("2047-01-02T18:00"));
        assertThat(cases.escalationTimer(thursday).getDuedate().toInstant()).isEqualTo(bj("2047-01-01T16:00"));
        assertThat(recovery.runOnce()).as("claimed by the node that stopped, until its claim lapses").isZero();
        assertThat(cases.calendarLines(thursday)).isZero();
        // the same notice again changes no day: it cannot repair anything, the owed row does
        ApiClient.Response again = api.post("t-admin", "/api/calendar/holidays", notice(2047));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().path("openCasesRetimed").asInt(-1)).isZero();
        assertThat(again.body().path("retimingPending").asBoolean()).isFalse();

        clock.set(bj("2046-12-28T10:03"));
        assertThat(recovery.runOnce()).as("another node's look finishes it").isEqualTo(1);
        assertThat(tickets.get(thursday.getId()).getResolutionDue()).isEqualTo(bj("2047-01-03T18:00"));
        assertThat(tickets.get(friday.getId()).getResolutionDue()).isEqualTo(bj("2047-01-04T18:00"));
        assertThat(cases.escalationTimer(thursday).getDuedate().toInstant()).isEqualTo(bj("2047-01-02T16:00"));
        assertThat(cases.policyMilestones(thursday)).isEqualTo(milestones + 1);
        assertThat(cases.calendarLines(thursday)).isEqualTo(1);
        assertThat(cases.calendarLines(friday)).isEqualTo(1);
        assertThat(pending()).doesNotContain(2047);

        // looked at again, later, on any node: done once
        clock.set(bj("2046-12-28T11:00"));
        assertThat(recovery.runOnce()).isZero();
        assertThat(cases.calendarLines(thursday)).isEqualTo(1);
        assertThat(cases.policyMilestones(thursday)).isEqualTo(milestones + 1);
        assertThat(cases.escalationTimer(thursday).getDuedate().toInstant()).isEqualTo(bj("2047-01-02T16:00"));
    }

    @Test
    void aNodeThatStalledPastItsClaimWritesNothingOnceAnotherNodeTookItsReTimingOver() throws Exception {
        contract(SHIPPED_LADDER);
        // as above, a year later: Thu 27 Dec 2063 + 5 working days = Wed 2 Jan 2064 while 2064 is plain (1 January a Tuesday)
        Ticket thursday = openAt("2063-12-27T09:00");
        long milestones = cases.policyMilestones(thursday);
        clock.set(bj("2063-12-28T10:00"));
        ImportHolidayYear.Stored stalled = importHolidayYear.store(notice(2064), "t-admin");

        clock.set(bj("2063-12-28T10:03"));
        assertThat(recovery.runOnce()).isEqualTo(1);
        assertThat(cases.calendarLines(thursday)).isEqualTo(1);
        assertThat(cases.escalationTimer(thursday).getDuedate().toInstant()).isEqualTo(bj("2064-01-02T16:00"));

        // the first node wakes up and goes on with the claim it had
        ImportHolidayYear.HolidaysImported late = importHolidayYear.retime(stalled);
        assertThat(late.openCasesRetimed()).as("what the run that finished it counted").isEqualTo(1);
        assertThat(late.retimingPending()).as("the other node finished it").isFalse();
        assertThat(cases.calendarLines(thursday)).isEqualTo(1);
        assertThat(cases.policyMilestones(thursday)).isEqualTo(milestones + 1);
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
        long thursdayMilestones = cases.policyMilestones(thursday);
        long fridayMilestones = cases.policyMilestones(friday);
        clock.set(bj("2057-12-28T10:00"));

        // a year not stored yet: both insert its row, one waits for the other and finds nothing left to change
        List<ImportHolidayYear.HolidaysImported> first = twoAtOnce(notice(2058));
        assertThat(first).allMatch(a -> a.year() == 2058 && !a.retimingPending());
        assertThat(first.stream().mapToInt(ImportHolidayYear.HolidaysImported::openCasesRetimed).sum()).isEqualTo(2);
        assertThat(cases.calendarLines(thursday)).isEqualTo(1);
        assertThat(cases.calendarLines(friday)).isEqualTo(1);
        assertThat(cases.policyMilestones(thursday)).isEqualTo(thursdayMilestones + 1);
        assertThat(cases.policyMilestones(friday)).isEqualTo(fridayMilestones + 1);
        assertThat(cases.resolution(friday).dueAt()).isEqualTo(bj("2058-01-04T18:00"));

        // a corrected notice (Fri 4 Jan off too) imported twice at once: the year's row exists and is locked in turn
        // (only Friday's case moves: Thursday's is due on the 3rd, and its next rung, at 75 %, lies before the 4th)
        List<ImportHolidayYear.HolidaysImported> corrected = twoAtOnce(notice(2058, "2058-01-04"));
        assertThat(corrected.stream().mapToInt(ImportHolidayYear.HolidaysImported::openCasesRetimed).sum()).isEqualTo(1);
        assertThat(corrected).anyMatch(a -> a.openCasesRetimed() == 0);
        assertThat(cases.calendarLines(thursday)).isEqualTo(1);
        assertThat(cases.calendarLines(friday)).isEqualTo(2);
        assertThat(cases.policyMilestones(thursday)).isEqualTo(thursdayMilestones + 1);
        assertThat(cases.policyMilestones(friday)).isEqualTo(fridayMilestones + 2);
        assertThat(cases.resolution(friday).dueAt()).isEqualTo(bj("2058-01-07T18:00"));
        assertThat(tickets.get(friday.getId()).getResolutionDue()).isEqualTo(bj("2058-01-07T18:00"));
        assertThat(pending()).doesNotContain(2058);
    }

    @Test
    void aLastRungPastTheHolidayMovesThoughItsDueTimeIsBeforeTheYear() throws Exception {
        contract(SHIPPED_LADDER);
        // Fri 20 Dec 2047 15:00 + 5 working days: Fri 27 Dec 15:00; 150 % = 2.5 more working days: Mon 30, Tue 31 and
        // Wed 1 Jan 2048 10:00 while 2048 is plain
        Ticket late = openAt("2047-12-20T15:00");
        assertThat(cases.resolution(late).dueAt()).isEqualTo(bj("2047-12-27T15:00"));
        cases.fire(late); // 75 %
        Job head = cases.fire(late); // 100 %: the next rung is the last
        assertThat(head.getDuedate().toInstant()).isEqualTo(bj("2048-01-01T10:00"));
        long milestones = cases.policyMilestones(late);

        clock.set(bj("2047-12-30T09:00"));
        ApiClient.Response r = api.post("t-admin", "/api/calendar/holidays", notice(2048));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("openCasesRetimed").asInt(-1)).as("the case due four days before the year").isEqualTo(1);
        assertThat(cases.escalationTimer(late).getDuedate().toInstant()).isEqualTo(bj("2048-01-02T10:00"));
        assertThat(cases.resolution(late).dueAt()).as("the due time itself stays").isEqualTo(bj("2047-12-27T15:00"));
        assertThat(cases.policyMilestones(late)).isEqualTo(milestones + 1);
        assertThat(cases.calendarLines(late)).isEqualTo(1);
    }

    @Test
    void aCustomRungThreeWeeksPastDueMovesToo() throws Exception {
        contract("""
                {"name": "BREACH", "percent": 100, "recipients": ["DESK_LEAD"]},
                {"name": "HEAD", "percent": 400, "recipients": ["DEPARTMENT_HEAD"]}""");
        // Thu 4 Dec 2053 10:00 + 5 working days: Thu 11 Dec 10:00, three weeks before the year; 400 % = 15 more working
        // days: Thu 1 Jan 2054 10:00 while 2054 is plain
        Ticket longLadder = openAt("2053-12-04T10:00");
        assertThat(cases.resolution(longLadder).dueAt()).isEqualTo(bj("2053-12-11T10:00"));
        Job head = cases.fire(longLadder); // 100 %
        assertThat(head.getDuedate().toInstant()).isEqualTo(bj("2054-01-01T10:00"));

        clock.set(bj("2053-12-12T09:00"));
        ApiClient.Response r = api.post("t-admin", "/api/calendar/holidays", notice(2054));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("openCasesRetimed").asInt(-1)).isEqualTo(1);
        assertThat(cases.escalationTimer(longLadder).getDuedate().toInstant()).isEqualTo(bj("2054-01-02T10:00"));
        assertThat(cases.calendarLines(longLadder)).isEqualTo(1);
        assertThat(Duration.between(cases.resolution(longLadder).dueAt(), bj("2054-01-01T00:00")).toDays()).isGreaterThan(14);
    }
}
