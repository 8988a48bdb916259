package com.aftercare.process;

import static com.aftercare.process.HolidayCases.NATURAL_HOURS;
import static com.aftercare.process.HolidayCases.SHIPPED_LADDER;
import static com.aftercare.process.HolidayCases.WORKING_DAYS;
import static com.aftercare.process.HolidayCases.bj;
import static com.aftercare.process.HolidayCases.notice;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.ClockLog;
import com.aftercare.sla.ClockLogBook;
import com.aftercare.sla.CreatePolicy;
import com.aftercare.sla.SaveContract;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.CloseCase;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An imported year of holidays moves the working-time deadlines of the open cases that run into it, and their
 * escalation timers with them (ADR 0075, SLA-4). Each test imports a year of its own, far ahead, so no other case in
 * the shared database runs into it; the cases are opened in the last week of the year before, on 5×8 contracts
 * (09:00–12:00, 13:00–18:00, eight working hours a day).
 */
class HolidayImportRetimesOpenCasesTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired CreatePolicy createPolicy;
    @Autowired SaveContract saveContract;
    @Autowired ClockEvaluation clockEvaluation;
    @Autowired ClockLogBook clockLogBook;
    @Autowired CloseCase closeCase;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;
    HolidayCases cases;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
        cases = new HolidayCases("T_HOLIDAY_", clock, tickets, reportFault, createPolicy, saveContract, clockEvaluation,
                runtimeService, managementService, jdbc);
    }

    private void contract(Site on, CalendarKind calendar, String resolution) throws Exception {
        cases.contract(on, calendar, resolution, SHIPPED_LADDER);
    }

    private Ticket openAt(String local) {
        return cases.openAt(local, newTicket(Category.DEFECT, Grade.LOW, Grade.LOW));
    }

    private int preview(String json) {
        ApiClient.Response r = api.post("t-admin", "/api/calendar/holidays/preview", json);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("openCasesToRetime").asInt(-1);
    }

    private int importYear(String json) {
        ApiClient.Response r = api.post("t-admin", "/api/calendar/holidays", json);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().path("openCasesRetimed").asInt(-1);
    }

    private List<String> timeline(Ticket t, String language) {
        JsonNode file = api.exchange("t-sup", HttpMethod.GET, "/api/tickets/" + t.getId(), null,
                Map.of("Accept-Language", language)).body();
        List<String> lines = new ArrayList<>();
        file.path("timeline").forEach(e -> lines.add(e.path("type").asText() + ": " + e.path("message").asText()));
        return lines;
    }

    @Test
    void aDeadlineRunningIntoTheImportedYearMovesByItsHolidayAndTheEscalationTimerWithIt() throws Exception {
        contract(site, CalendarKind.FIVE_BY_8, WORKING_DAYS);
        // Thu 27 Dec 2040 09:00 + 40 working hours: Thu, Fri, Mon 31, Tue 1, Wed 2 Jan while 2041 is a plain week
        Ticket thursday = openAt("2040-12-27T09:00");
        Ticket friday = openAt("2040-12-28T09:00");
        assertThat(cases.resolution(thursday).dueAt()).isEqualTo(bj("2041-01-02T18:00"));
        assertThat(cases.resolution(friday).dueAt()).isEqualTo(bj("2041-01-03T18:00"));
        // the warning rung, 75 % = 30 working hours: Tue 1 Jan 16:00
        assertThat(cases.escalationTimer(thursday).getDuedate().toInstant()).isEqualTo(bj("2041-01-01T16:00"));
        long milestonesBefore = cases.milestones(thursday);

        clock.set(bj("2040-12-28T10:00"));
        String year2041 = notice(2041);
        assertThat(preview(year2041)).as("what the preview announces").isEqualTo(2);
        assertThat(cases.resolution(thursday).dueAt()).as("after the preview").isEqualTo(bj("2041-01-02T18:00"));
        assertThat(importYear(year2041)).as("what the import answers").isEqualTo(2);

        // New Year's Day off: one working day later, and the escalation's timer moved with it
        assertThat(cases.resolution(thursday).dueAt()).isEqualTo(bj("2041-01-03T18:00"));
        assertThat(cases.resolution(friday).dueAt()).isEqualTo(bj("2041-01-04T18:00"));
        assertThat(tickets.get(thursday.getId()).getResolutionDue()).as("the list's due time").isEqualTo(bj("2041-01-03T18:00"));
        Job timer = cases.escalationTimer(thursday);
        assertThat(timer.getDuedate().toInstant()).isEqualTo(bj("2041-01-02T16:00"));
        assertThat(cases.milestones(thursday)).as("a POLICY milestone replays the clocks").isEqualTo(milestonesBefore + 1);
        assertThat(timeline(thursday, "zh-CN")).contains("CALENDAR: 已导入 2041 年节假日，期限已按新日历重新计算：修复时限 2041-01-02 18:00 → 2041-01-03 18:00");
        assertThat(timeline(thursday, "en")).contains(
                "CALENDAR: The 2041 holiday calendar was imported and the deadlines recomputed: Resolution due 2041-01-02 18:00 → 2041-01-03 18:00");

        // the timer fires at its new time and the warning is owed from then
        clock.set(timer.getDuedate().toInstant());
        managementService.executeJob(timer.getId());
        List<ClockLog> warned = clockLogBook.clockLog(thursday.getId()).stream()
                .filter(l -> l.getKind() == ClockLog.Kind.ESCALATED).toList();
        assertThat(warned).hasSize(1);
        assertThat(warned.get(0).getDueAt()).isEqualTo(bj("2041-01-02T16:00"));

        // the same notice again changes no day: nothing is re-timed, nobody's timeline gets a line
        List<String> lines = timeline(friday, "zh-CN");
        assertThat(preview(year2041)).isZero();
        assertThat(importYear(year2041)).isZero();
        assertThat(timeline(friday, "zh-CN")).isEqualTo(lines);
        assertThat(cases.resolution(friday).dueAt()).isEqualTo(bj("2041-01-04T18:00"));
    }

    @Test
    void aCorrectedNoticeMovesTheDeadlinesAgain() throws Exception {
        contract(site, CalendarKind.FIVE_BY_8, WORKING_DAYS);
        Ticket thursday = openAt("2042-12-25T09:00");
        // Thu 25 Dec 2042: Thu, Fri, Mon 29, Tue 30, Wed 31 Dec; nothing of 2043 counts
        assertThat(cases.resolution(thursday).dueAt()).isEqualTo(bj("2042-12-31T18:00"));
        Ticket friday = openAt("2042-12-26T09:00");
        assertThat(cases.resolution(friday).dueAt()).isEqualTo(bj("2043-01-01T18:00"));
        assertThat(importYear(notice(2043))).as("only the case due in 2043").isEqualTo(1);
        assertThat(cases.resolution(friday).dueAt()).isEqualTo(bj("2043-01-02T18:00"));

        // the corrected notice adds Fri 2 Jan
        String corrected = notice(2043, "2043-01-02");
        assertThat(preview(corrected)).isEqualTo(1);
        assertThat(importYear(corrected)).isEqualTo(1);
        assertThat(cases.resolution(friday).dueAt()).isEqualTo(bj("2043-01-05T18:00"));
        assertThat(cases.resolution(thursday).dueAt()).isEqualTo(bj("2042-12-31T18:00"));
        assertThat(timeline(friday, "zh-CN")).contains("CALENDAR: 已导入 2043 年节假日，期限已按新日历重新计算：修复时限 2043-01-02 18:00 → 2043-01-05 18:00");
        assertThat(timeline(thursday, "zh-CN")).noneMatch(l -> l.startsWith("CALENDAR"));
    }

    @Test
    void naturalTimeAndClosedCasesAreLeftAlone() throws Exception {
        contract(site, CalendarKind.FIVE_BY_8, NATURAL_HOURS);
        // 40 hours of natural time from Fri 30 Dec 2044 09:00: Sun 1 Jan 01:00, whatever the holidays
        Ticket natural = openAt("2044-12-30T09:00");
        assertThat(cases.resolution(natural).dueAt()).isEqualTo(bj("2045-01-01T01:00"));

        String unique = "closed-" + System.nanoTime();
        site = assets.createSite(new NewSite(assets.createCustomer("Customer " + unique).getId(), "Site " + unique,
                "Road 2", Region.CITY, "Contact", "123"));
        device = assets.createDevice(new NewDevice(site.getId(), DeviceType.OTHER, "Camera " + unique, "X1", "SN-" + unique,
                "127.0.0.1", null, String.valueOf(DEVICE.port()), DEVICE.url(), false));
        contract(site, CalendarKind.FIVE_BY_8, WORKING_DAYS);
        // Wed 28 Dec 2044 09:00 + 5 working days: Wed, Thu, Fri, Mon 2 Jan, Tue 3 Jan 18:00 while 2045 is a plain week
        Ticket open = openAt("2044-12-28T09:00");
        Ticket closed = openAt("2044-12-28T09:00");
        assertThat(cases.resolution(closed).dueAt()).isEqualTo(bj("2045-01-03T18:00"));
        clock.set(bj("2044-12-28T10:00"));
        closeCase.close(closed.getId());
        long naturalMilestones = cases.milestones(natural);
        long closedMilestones = cases.milestones(closed);
        List<String> naturalLines = timeline(natural, "zh-CN");
        List<String> closedLines = timeline(closed, "zh-CN");

        // 1 Jan 2045 is a Sunday: the notice gives Monday the 2nd off instead
        String year2045 = notice(2045, "2045-01-02");
        assertThat(preview(year2045)).as("only the open working-time case").isEqualTo(1);
        assertThat(importYear(year2045)).isEqualTo(1);
        assertThat(cases.resolution(open).dueAt()).isEqualTo(bj("2045-01-04T18:00"));
        assertThat(cases.resolution(natural).dueAt()).isEqualTo(bj("2045-01-01T01:00"));
        assertThat(cases.milestones(natural)).isEqualTo(naturalMilestones);
        assertThat(cases.milestones(closed)).isEqualTo(closedMilestones);
        assertThat(timeline(natural, "zh-CN")).isEqualTo(naturalLines);
        assertThat(timeline(closed, "zh-CN")).isEqualTo(closedLines);
    }
}
