package com.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.asset.Site;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.ContractSettings;
import com.aftercare.sla.CreatePolicy;
import com.aftercare.sla.PolicyDefinition;
import com.aftercare.sla.SaveContract;
import com.aftercare.support.MutableClock;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.ReportFault;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The cases the holiday re-timing tests open and look at (ADR 0075, 0078, 0083): a 5×8 contract (09:00–12:00,
 * 13:00–18:00, eight working hours a day, Asia/Shanghai) on a policy with one resolution clock and a ladder, cases
 * opened at a Beijing time, a year's notice, and what a test reads back (the clock, the escalation's timer, the
 * timeline's CALENDAR lines, the POLICY milestones). Shared by {@link HolidayImportRetimesOpenCasesTest} and
 * {@link HolidayRetimingSurvivesTest}, built in each test's set-up from the beans it has.
 */
final class HolidayCases {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** Resolution within 5 working days, in working time. */
    static final String WORKING_DAYS = "{\"clock\": \"RESOLUTION\", \"workingDays\": 5, \"basis\": \"WORKING\"}";
    /** Resolution within 40 hours of natural time, whatever the calendar. */
    static final String NATURAL_HOURS = "{\"clock\": \"RESOLUTION\", \"target\": \"PT40H\"}";
    /** The shipped ladder: 75 / 100 / 150 %. */
    static final String SHIPPED_LADDER = """
            {"name": "WARNING", "percent": 75, "recipients": ["DESK_LEAD"]},
            {"name": "BREACH", "percent": 100, "recipients": ["DESK_LEAD"]},
            {"name": "HEAD", "percent": 150, "recipients": ["DEPARTMENT_HEAD"]}""";

    private static final AtomicInteger POLICIES = new AtomicInteger();
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final String POLICY = """
            {"name": "Holiday test", "levelDecision": "faultLevel",
             "levels": [
               {"code": "1", "name": "L1", "clocks": [RESOLUTION]},
               {"code": "2", "name": "L2", "clocks": [RESOLUTION]},
               {"code": "3", "name": "L3", "clocks": [RESOLUTION]}],
             "pauseOn": ["WAITING_CUSTOMER"],
             "escalation": [LADDER]}
            """;

    private final String policyPrefix;
    private final MutableClock clock;
    private final FindTicket tickets;
    private final ReportFault reportFault;
    private final CreatePolicy createPolicy;
    private final SaveContract saveContract;
    private final ClockEvaluation clockEvaluation;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final JdbcTemplate jdbc;

    /** policyPrefix: each test class its own, so two classes running on one database never make the same policy code. */
    HolidayCases(String policyPrefix, MutableClock clock, FindTicket tickets, ReportFault reportFault,
            CreatePolicy createPolicy, SaveContract saveContract, ClockEvaluation clockEvaluation,
            RuntimeService runtimeService, ManagementService managementService, JdbcTemplate jdbc) {
        this.policyPrefix = policyPrefix;
        this.clock = clock;
        this.tickets = tickets;
        this.reportFault = reportFault;
        this.createPolicy = createPolicy;
        this.saveContract = saveContract;
        this.clockEvaluation = clockEvaluation;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.jdbc = jdbc;
    }

    static Instant bj(String local) {
        return LocalDateTime.parse(local).atZone(BEIJING).toInstant();
    }

    /** A notice with New Year's Day off (and, when given, more off days, listed under 元旦). */
    static String notice(int year, String... moreOffDays) {
        StringBuilder days = new StringBuilder("{\"name\": \"元旦\", \"date\": \"" + year + "-01-01\", \"isOffDay\": true}");
        for (String day : moreOffDays) {
            days.append(", {\"name\": \"元旦\", \"date\": \"").append(day).append("\", \"isOffDay\": true}");
        }
        return "{\"year\": " + year + ", \"papers\": [], \"days\": [" + days + "]}";
    }

    /** The site's customer runs from now on under a new policy with this resolution clock and ladder. */
    void contract(Site on, CalendarKind calendar, String resolution, String ladder) throws Exception {
        String code = policyPrefix + POLICIES.incrementAndGet();
        createPolicy.create(new CreatePolicy.Command(code, JSON.readValue(
                POLICY.replace("RESOLUTION", resolution).replace("LADDER", ladder), PolicyDefinition.class)));
        saveContract.save(on.getCustomer().getId(), new ContractSettings("Test contract", code, calendar, "Asia/Shanghai",
                "t-desk", "t-sup", null, "t-admin", false, null, null, null));
    }

    /** A 5×8 contract with the 5-working-day resolution clock and this ladder. */
    void contract(Site on, String ladder) throws Exception {
        contract(on, CalendarKind.FIVE_BY_8, WORKING_DAYS, ladder);
    }

    /** Reports the ticket at this Beijing time (the clock stays there). */
    Ticket openAt(String local, NewTicket ticket) {
        clock.set(bj(local));
        return reportFault.report(ticket, null).ticket();
    }

    ClockStatus resolution(Ticket t) {
        return clockEvaluation.clocks(tickets.clockTicket(t.getId())).stream()
                .filter(c -> c.clock() == ClockName.RESOLUTION).findFirst().orElseThrow();
    }

    /** The escalation's timer job (its next rung). */
    Job escalationTimer(Ticket t) {
        ProcessInstance p = runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .processInstanceBusinessKey(tickets.get(t.getId()).getNumber()).singleResult();
        assertThat(p).as("escalation of " + t.getNumber()).isNotNull();
        Job job = managementService.createJobQuery().processInstanceId(p.getId()).timers().singleResult();
        assertThat(job).as("escalation timer of " + t.getNumber()).isNotNull();
        return job;
    }

    /** Fires the escalation's timer at its due time; returns the next one. */
    Job fire(Ticket t) {
        Job timer = escalationTimer(t);
        clock.set(timer.getDuedate().toInstant());
        managementService.executeJob(timer.getId());
        return escalationTimer(t);
    }

    long calendarLines(Ticket t) {
        return jdbc.queryForObject("select count(*) from ticket_event where ticket_id = ? and type = 'CALENDAR'",
                Long.class, t.getId());
    }

    long milestones(Ticket t) {
        return jdbc.queryForObject("select count(*) from sla_milestone where ticket_id = ?", Long.class, t.getId());
    }

    long policyMilestones(Ticket t) {
        return jdbc.queryForObject("select count(*) from sla_milestone where ticket_id = ? and kind = 'POLICY'",
                Long.class, t.getId());
    }
}
