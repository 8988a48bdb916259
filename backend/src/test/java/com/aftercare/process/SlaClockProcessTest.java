package com.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.notify.Notification;
import com.aftercare.notify.NotificationService;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ClockLog;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockState;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.ContractSettings;
import com.aftercare.sla.PolicyDefinition;
import com.aftercare.sla.PolicyCatalog;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.ClockLogBook;
import com.aftercare.sla.SaveContract;
import com.aftercare.sla.CreatePolicy;
import com.aftercare.sla.ChangePolicy;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.AdoptTicketsWithoutPolicy;
import com.aftercare.ticket.ChangeLevel;
import com.aftercare.ticket.DeliverableKind;
import com.aftercare.ticket.HoldReason;
import com.aftercare.ticket.MovePolicyVersion;
import com.aftercare.ticket.PutOnHold;
import com.aftercare.ticket.ReleaseHold;
import com.aftercare.ticket.ReportAbnormalEvent;
import com.aftercare.ticket.SubmitDeliverable;
import com.aftercare.ticket.TakeUpAbnormalEvent;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * escalation.bpmn and the clock engine together: every timer here is fired by executing its job at the
 * instant it is due (the test clock is moved there first), never by sleeping.
 */
class SlaClockProcessTest extends IntegrationTest {

    private static final AtomicInteger POLICIES = new AtomicInteger();
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** Level 3 (LOW x LOW): respond 30 min, resolve 4 h; level 1: 15 min / 2 h. Ladder 75 / 100 / 150 %. */
    private static final String LADDER_POLICY = """
            {"name": "Test ladder", "levelDecision": "faultLevel",
             "levels": [
               {"code": "1", "name": "L1", "clocks": [{"clock": "RESPONSE", "target": "PT15M"}, {"clock": "RESOLUTION", "target": "PT2H"}]},
               {"code": "2", "name": "L2", "clocks": [{"clock": "RESPONSE", "target": "PT30M"}, {"clock": "RESOLUTION", "target": "PT4H"}]},
               {"code": "3", "name": "L3", "clocks": [{"clock": "RESPONSE", "target": "PT30M"}, {"clock": "RESOLUTION", "target": "PT4H"}]}],
             "pauseOn": ["WAITING_CUSTOMER", "WAITING_PARTS", "AWAITING_VENDOR"],
             "escalation": [
               {"name": "WARNING", "percent": 75, "recipients": ["ASSIGNED_ENGINEER", "DESK_LEAD"]},
               {"name": "BREACH", "percent": 100, "recipients": ["ASSIGNED_ENGINEER", "DESK_LEAD", "PROJECT_MANAGER"], "repeat": "PT1H"},
               {"name": "HEAD", "percent": 150, "recipients": ["DEPARTMENT_HEAD"], "repeat": "PT2H"}]}
            """;

    @Autowired PolicyCatalog policyCatalog;
    @Autowired ClockEvaluation clockEvaluation;
    @Autowired ClockLogBook clockLogBook;
    @Autowired SaveContract saveContract;
    @Autowired CreatePolicy createPolicy;
    @Autowired ChangePolicy changePolicy;
    @Autowired PutOnHold putOnHold;
    @Autowired ReleaseHold releaseHold;
    @Autowired ChangeLevel changeLevel;
    @Autowired ReportAbnormalEvent reportAbnormalEvent;
    @Autowired TakeUpAbnormalEvent takeUpAbnormalEvent;
    @Autowired SubmitDeliverable submitDeliverable;
    @Autowired MovePolicyVersion movePolicyVersion;
    @Autowired AdoptTicketsWithoutPolicy adoptTicketsWithoutPolicy;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired NotificationService notifications;

    private Instant t0;

    private String contractOn(String policyJson, CalendarKind calendar, Site on) throws Exception {
        String code = "T_POLICY_" + POLICIES.incrementAndGet();
        createPolicy.create(new CreatePolicy.Command(code, JSON.readValue(policyJson, PolicyDefinition.class)));
        contract(code, calendar, on);
        return code;
    }

    private void contract(String code, CalendarKind calendar, Site on) {
        saveContract.save(on.getCustomer().getId(), new ContractSettings("Test contract", code, calendar, "Asia/Shanghai",
                "t-desk", "t-sup", null, "t-admin", false, null, null, null));
    }

    private Ticket reportLowLow() {
        t0 = clock.instant();
        return reportFault.report(newTicket(Category.DEFECT, Grade.LOW, Grade.LOW), null).ticket();
    }

    private ProcessInstance escalationProcess(Ticket t) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .processInstanceBusinessKey(tickets.get(t.getId()).getNumber()).singleResult();
    }

    /** The escalation's timer job, or null when it waits for a change (paused, nothing due). */
    private Job escalationTimer(Ticket t) {
        ProcessInstance p = escalationProcess(t);
        return p == null ? null : managementService.createJobQuery().processInstanceId(p.getId()).timers().singleResult();
    }

    /** Moves the clock to the timer's due time and runs the job, as the job executor would. */
    private void fireTimer(Ticket t, Instant expectedDue) {
        Job job = escalationTimer(t);
        assertThat(job).as("escalation timer").isNotNull();
        assertThat(job.getDuedate().toInstant()).isEqualTo(expectedDue);
        clock.set(expectedDue);
        managementService.executeJob(job.getId());
    }

    private List<ClockLog> log(Ticket t, ClockName clock, ClockLog.Kind kind) {
        return clockLogBook.clockLog(t.getId()).stream().filter(l -> l.getClock() == clock && l.getKind() == kind).toList();
    }

    private ClockStatus clockOf(Ticket t, ClockName name) {
        return clockEvaluation.clocks(tickets.clockTicket(t.getId())).stream().filter(c -> c.clock() == name).findFirst().orElseThrow();
    }

    private List<String> notified(Ticket t, String user) {
        return notifications.ofTicket(t.getId()).stream().filter(n -> user.equals(n.getRecipientUser()))
                .map(Notification::getMessage).toList();
    }

    @Test
    void warningBreachAndHeadLevelFireAtTheirShareOfTheClockThenRepeat() throws Exception {
        contractOn(LADDER_POLICY, CalendarKind.SEVEN_BY_24, site);
        Ticket ticket = reportLowLow();

        fireTimer(ticket, t0.plus(Duration.ofSeconds(22 * 60 + 30))); // 75 % of 30 min
        assertThat(log(ticket, ClockName.RESPONSE, ClockLog.Kind.ESCALATED)).extracting(ClockLog::getLevelName)
                .containsExactly("WARNING");
        assertThat(notified(ticket, "t-desk")).hasSize(1).allMatch(m -> m.contains("第1档升级") && m.contains("响应"));
        assertThat(notified(ticket, "t-sup")).isEmpty();
        assertThat(tickets.get(ticket.getId()).getEscalationLevel()).isEqualTo(1);

        fireTimer(ticket, t0.plus(Duration.ofMinutes(30)));
        assertThat(notified(ticket, "t-sup")).hasSize(1).allMatch(m -> m.contains("第2档升级"));
        fireTimer(ticket, t0.plus(Duration.ofMinutes(45)));
        assertThat(notified(ticket, "t-admin")).hasSize(1).allMatch(m -> m.contains("第3档升级") && m.contains("已超时 15分钟"));
        assertThat(tickets.get(ticket.getId()).getEscalationLevel()).isEqualTo(3);

        // the head rung repeats every 2 h; the resolution clock's warning (3 h) comes later
        fireTimer(ticket, t0.plus(Duration.ofMinutes(45 + 120)));
        assertThat(log(ticket, ClockName.RESPONSE, ClockLog.Kind.ESCALATED)).extracting(ClockLog::getLevelName)
                .containsExactly("WARNING", "BREACH", "HEAD", "HEAD");
        assertThat(notified(ticket, "t-admin")).hasSize(2);
        assertThat(escalationTimer(ticket).getDuedate().toInstant()).isEqualTo(t0.plus(Duration.ofHours(3)));
        ClockLog head = log(ticket, ClockName.RESPONSE, ClockLog.Kind.ESCALATED).get(2);
        assertThat(head.getDueAt()).isEqualTo(t0.plus(Duration.ofMinutes(45)));
    }

    @Test
    void aClockMetAfterEscalationDeEscalatesAndIsRecordedWithItsMargin() throws Exception {
        contractOn(LADDER_POLICY, CalendarKind.SEVEN_BY_24, site);
        Ticket ticket = reportLowLow();
        fireTimer(ticket, t0.plus(Duration.ofSeconds(22 * 60 + 30)));
        fireTimer(ticket, t0.plus(Duration.ofMinutes(30)));
        clock.set(t0.plus(Duration.ofMinutes(35)));

        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));

        assertThat(log(ticket, ClockName.RESPONSE, ClockLog.Kind.MISSED)).singleElement()
                .satisfies(l -> assertThat(l.getDetail()).isEqualTo("missed by 5m 00s"));
        assertThat(log(ticket, ClockName.RESPONSE, ClockLog.Kind.DEESCALATED)).hasSize(1);
        assertThat(notified(ticket, "t-sup")).anyMatch(m -> m.contains("解除升级") && m.contains("超时 5分钟"));
        assertThat(tickets.get(ticket.getId()).getEscalationLevel()).isZero();
        assertThat(clockOf(ticket, ClockName.RESPONSE).state()).isEqualTo(ClockState.MISSED);
        // nothing further for the response clock: the next timer is the resolution warning at 3 h
        assertThat(escalationTimer(ticket).getDuedate().toInstant()).isEqualTo(t0.plus(Duration.ofHours(3)));
    }

    @Test
    void aPausedClockNeverFiresAndResumesWithTheTimeItHadLeft() throws Exception {
        contractOn(LADDER_POLICY, CalendarKind.SEVEN_BY_24, site);
        Ticket ticket = reportLowLow();
        clock.set(t0.plus(Duration.ofMinutes(10)));
        putOnHold.hold(new PutOnHold.Command(ticket.getId(), HoldReason.WAITING_CUSTOMER, "customer not on site until the afternoon"));

        assertThat(escalationTimer(ticket)).as("no timer while paused").isNull();
        ClockStatus paused = clockOf(ticket, ClockName.RESPONSE);
        assertThat(paused.state()).isEqualTo(ClockState.PAUSED);
        assertThat(paused.remaining()).isEqualTo(Duration.ofMinutes(20));
        assertThat(paused.dueAt()).isNull();

        clock.set(t0.plus(Duration.ofHours(2).plusMinutes(10)));
        assertThat(escalationTimer(ticket)).isNull();
        releaseHold.release(ticket.getId());

        // 10 min counted before the pause, 2 h paused: warning at 2 h 22.5 min, due at 2 h 30 min
        assertThat(escalationTimer(ticket).getDuedate().toInstant()).isEqualTo(t0.plus(Duration.ofSeconds(2 * 3600 + 22 * 60 + 30)));
        ClockStatus resumed = clockOf(ticket, ClockName.RESPONSE);
        assertThat(resumed.dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(150)));
        assertThat(resumed.paused()).isEqualTo(Duration.ofHours(2));
        assertThat(resumed.pauses()).singleElement().satisfies(p -> assertThat(p.reason()).isEqualTo("WAITING_CUSTOMER"));
        assertThat(resumed.history()).extracting(ClockStatus.HistoryEntry::kind).containsSubsequence("STARTED", "PAUSED", "RESUMED");
        assertThat(log(ticket, ClockName.RESPONSE, ClockLog.Kind.ESCALATED)).isEmpty();
    }

    @Test
    void aLevelChangeRecomputesFromReceiptAndKeepsThePausedTime() throws Exception {
        contractOn(LADDER_POLICY, CalendarKind.SEVEN_BY_24, site);
        Ticket ticket = reportLowLow(); // level 3: resolve in 4 h
        clock.set(t0.plus(Duration.ofMinutes(10)));
        putOnHold.hold(new PutOnHold.Command(ticket.getId(), HoldReason.WAITING_PARTS, null));
        clock.set(t0.plus(Duration.ofMinutes(70)));
        releaseHold.release(ticket.getId());
        assertThat(clockOf(ticket, ClockName.RESOLUTION).dueAt()).isEqualTo(t0.plus(Duration.ofHours(5)));

        clock.set(t0.plus(Duration.ofMinutes(80)));
        changeLevel.change(new ChangeLevel.Command(ticket.getId(), "1", "whole control room is down, not one user"));

        ClockStatus resolution = clockOf(ticket, ClockName.RESOLUTION);
        assertThat(resolution.target()).isEqualTo(Duration.ofHours(2));
        assertThat(resolution.dueAt()).isEqualTo(t0.plus(Duration.ofHours(3))); // 2 h + 1 h paused
        assertThat(resolution.history()).anyMatch(h -> h.kind().equals("RECALCULATED") && h.detail().contains("3 -> 1"));
        // level 1 responds in 15 min: 10 min before the pause + 5 after it = 75 min, already past at 80 min
        ClockStatus response = clockOf(ticket, ClockName.RESPONSE);
        assertThat(response.dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(75)));
        assertThat(response.state()).isEqualTo(ClockState.BREACHED);
        Job overdue = escalationTimer(ticket);
        assertThat(overdue.getDuedate().toInstant()).isBefore(clock.instant().plusSeconds(1));
        managementService.executeJob(overdue.getId());
        // both rungs the shorter clock put behind it are owed; the run is not late, the change made them due just now
        assertThat(log(ticket, ClockName.RESPONSE, ClockLog.Kind.ESCALATED)).extracting(ClockLog::getLevelName)
                .containsExactly("WARNING", "BREACH");
        assertThat(notified(ticket, "t-desk")).singleElement().satisfies(m -> assertThat(m).doesNotContain("迟发"));
    }

    @Test
    void aReopenedCaseResumesItsResolutionClockAndOwesANewFaultReport() throws Exception {
        contractOn(LADDER_POLICY.replace("\"clocks\": [{\"clock\": \"RESPONSE\", \"target\": \"PT30M\"}, {\"clock\": \"RESOLUTION\", \"target\": \"PT4H\"}]}]",
                "\"clocks\": [{\"clock\": \"RESPONSE\", \"target\": \"PT30M\"}, {\"clock\": \"RESOLUTION\", \"target\": \"PT4H\"}, {\"clock\": \"FAULT_REPORT\", \"target\": \"PT24H\"}]}]"),
                CalendarKind.SEVEN_BY_24, site);
        Ticket ticket = reportLowLow();
        clock.set(t0.plus(Duration.ofMinutes(20)));
        dispatchAndFix(ticket);
        clock.set(t0.plus(Duration.ofHours(1)));
        probeWorker.runOnce();
        confirmAndAudit(ticket); // resolved after 1 h of 4, when the customer's tester confirms
        assertThat(clockOf(ticket, ClockName.RESOLUTION).state()).isEqualTo(ClockState.MET);
        assertThat(clockOf(ticket, ClockName.FAULT_REPORT).dueAt()).isEqualTo(t0.plus(Duration.ofHours(25)));

        clock.set(t0.plus(Duration.ofHours(10)));
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "NOT_FIXED"));

        ClockStatus resolution = clockOf(ticket, ClockName.RESOLUTION);
        assertThat(resolution.state()).isEqualTo(ClockState.RUNNING);
        assertThat(resolution.dueAt()).isEqualTo(t0.plus(Duration.ofHours(13))); // 3 h left, counted from the reopening
        // the accepted service form was the first resolution's report (ADR 0026); the next resolution restarts the clock
        assertThat(clockOf(ticket, ClockName.FAULT_REPORT).state()).isEqualTo(ClockState.MET);
    }

    @Test
    void serviceDeskTimingsOfTheContractRunAsClocks() {
        Ticket ticket = reportLowLow(); // no contract: the shipped THREE_LEVEL policy, 7x24
        // IN-4 comes first: 75 % of the 5-minute remote-guidance clock (FirstLineClockProcessTest)
        assertThat(escalationTimer(ticket).getDuedate().toInstant()).isEqualTo(t0.plus(Duration.ofSeconds(3 * 60 + 45)));
        clock.set(t0.plus(Duration.ofMinutes(11)));
        managementService.executeJob(escalationTimer(ticket).getId());
        assertThat(log(ticket, ClockName.DISPATCH, ClockLog.Kind.ESCALATED)).extracting(ClockLog::getLevelName)
                .containsExactly("WARNING", "BREACH"); // IN-5: 10 min passed; the late run owes the warning too

        clock.set(t0.plus(Duration.ofMinutes(12)));
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        assertThat(clockOf(ticket, ClockName.DISPATCH).state()).isEqualTo(ClockState.MISSED);
        assertThat(clockOf(ticket, ClockName.EXECUTION_CONFIRMED).dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(42))); // IN-6

        clock.set(t0.plus(Duration.ofMinutes(20)));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", false, "declineReason", "car broke down"));
        assertThat(clockOf(ticket, ClockName.EXECUTION_CONFIRMED).state()).isEqualTo(ClockState.NOT_NEEDED);
        assertThat(clockOf(ticket, ClockName.REDISPATCH).dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(30))); // IN-7

        clock.set(t0.plus(Duration.ofMinutes(25)));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng2"));
        assertThat(clockOf(ticket, ClockName.REDISPATCH).state()).isEqualTo(ClockState.MET);
        assertThat(clockOf(ticket, ClockName.REDISPATCH).margin()).isEqualTo(Duration.ofMinutes(5));
        complete(ticket, "acceptAssignment", "t-eng2", Map.of("accepted", true));

        clock.set(t0.plus(Duration.ofMinutes(40)));
        reportAbnormalEvent.report(new ReportAbnormalEvent.Command(ticket.getId(), "cabinet flooded, power cut to the whole pole", false));
        assertThat(clockOf(ticket, ClockName.PM_REPORT).dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(60))); // IN-8
        clock.set(t0.plus(Duration.ofMinutes(50)));
        takeUpAbnormalEvent.takeUp(ticket.getId());
        assertThat(clockOf(ticket, ClockName.PM_REPORT).state()).isEqualTo(ClockState.MET);
        assertThat(clockOf(ticket, ClockName.PM_REPORT).margin()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void workingTimeClocksSkipNightsWeekendsAndHolidaysAndUseMakeUpDays() {
        contract("DESK_HOURS", CalendarKind.FIVE_BY_8, site);
        // Friday 13 Feb 2026 17:30: Saturday the 14th is a make-up workday before Spring Festival
        clock.set(LocalDateTime.parse("2026-02-13T17:30").atZone(BEIJING).toInstant());
        Ticket ticket = reportLowLow();
        assertThat(clockOf(ticket, ClockName.RESPONSE).dueAt())
                .isEqualTo(LocalDateTime.parse("2026-02-14T09:30").atZone(BEIJING).toInstant());
        // received during an ordinary Friday evening: due Monday 09:30
        clock.set(LocalDateTime.parse("2026-03-13T17:30").atZone(BEIJING).toInstant());
        Ticket friday = reportLowLow();
        assertThat(clockOf(friday, ClockName.RESPONSE).dueAt())
                .isEqualTo(LocalDateTime.parse("2026-03-16T09:30").atZone(BEIJING).toInstant());
        // the resolution clock of the same policy is natural time (SLA-1: natural unless stated)
        assertThat(clockOf(friday, ClockName.RESOLUTION).dueAt())
                .isEqualTo(LocalDateTime.parse("2026-03-15T17:30").atZone(BEIJING).toInstant());
    }

    @Test
    void aCountySiteGetsTheCountyOnSiteTimeAndParalysedSystemsOweAContingencyPlan() {
        contract("CLASS_ABCD", CalendarKind.SEVEN_BY_24, site);
        Site county = assets.createSite(new NewSite(site.getCustomer().getId(), "County site " + System.nanoTime(), "Village 3",
                Region.COUNTY, "Contact", "123"));
        t0 = clock.instant();
        Ticket inCity = reportFault.report(newTicket(Category.DEFECT, Grade.HIGH, Grade.HIGH), null).ticket();
        Ticket inCounty = reportFault.report(new NewTicket(Channel.HOTLINE, "Wang", null, "13900000001", county.getId(), null,
                Category.DEFECT, Grade.HIGH, Grade.HIGH, "Whole county system down", "No video at all"), null).ticket();
        assertThat(tickets.get(inCity.getId()).getLevel()).isEqualTo("A");
        assertThat(clockOf(inCity, ClockName.ON_SITE).dueAt()).isEqualTo(t0.plus(Duration.ofHours(2)));
        assertThat(clockOf(inCounty, ClockName.ON_SITE).dueAt()).isEqualTo(t0.plus(Duration.ofHours(24)));
        assertThat(clockOf(inCity, ClockName.SOLUTION_PLAN).dueAt()).isEqualTo(t0.plus(Duration.ofHours(48)));
        assertThat(clockOf(inCity, ClockName.CONTINGENCY_PLAN).dueAt()).isEqualTo(t0.plus(Duration.ofHours(16)));

        clock.set(t0.plus(Duration.ofHours(13)));
        submitDeliverable.submit(new SubmitDeliverable.Command(inCity.getId(), DeliverableKind.CONTINGENCY_PLAN,
                "Switch to the backup NVR; patrol by car meanwhile"));
        assertThat(clockOf(inCity, ClockName.CONTINGENCY_PLAN).state()).isEqualTo(ClockState.MET);
        assertThat(clockOf(inCity, ClockName.CONTINGENCY_PLAN).margin()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void aChangedPolicyAppliesToNewTicketsAndToOpenOnesOnlyWhenAsked() throws Exception {
        String code = contractOn(LADDER_POLICY, CalendarKind.SEVEN_BY_24, site);
        Ticket before = reportLowLow();
        PolicyDefinition longer = JSON.readValue(LADDER_POLICY.replace("PT30M", "PT60M"), PolicyDefinition.class);
        changePolicy.change(new ChangePolicy.Command(code, longer));
        Ticket after = reportLowLow();
        assertThat(clockOf(before, ClockName.RESPONSE).target()).isEqualTo(Duration.ofMinutes(30));
        assertThat(clockOf(after, ClockName.RESPONSE).target()).isEqualTo(Duration.ofMinutes(60));

        Long current = policyCatalog.currentPolicy(code).id();
        assertThat(movePolicyVersion.move(before.getId(), current, code, 2)).isTrue();
        ClockStatus recalculated = clockOf(before, ClockName.RESPONSE);
        assertThat(recalculated.target()).isEqualTo(Duration.ofMinutes(60));
        assertThat(recalculated.history()).anyMatch(h -> h.kind().equals("RECALCULATED"));
        assertThat(escalationTimer(before).getDuedate().toInstant()).isEqualTo(before.getReceivedAt().plus(Duration.ofMinutes(45)));
    }

    @Test
    void aTicketFromBeforeSlaPoliciesIsAdoptedByItsCustomersPolicy() {
        Ticket ticket = reportLowLow();
        // as a database upgraded from the foundation release leaves it: no policy, no milestones
        jdbc.update("delete from sla_milestone where ticket_id = ?", ticket.getId());
        jdbc.update("update ticket set policy_id = null where id = ?", ticket.getId());

        assertThat(adoptTicketsWithoutPolicy.adopt()).isGreaterThanOrEqualTo(1);
        assertThat(adoptTicketsWithoutPolicy.adopt()).isZero();
        Ticket adopted = tickets.get(ticket.getId());
        assertThat(policyCatalog.policyVersion(adopted.getPolicyId()).code()).isEqualTo("THREE_LEVEL");
        assertThat(clockOf(ticket, ClockName.RESPONSE).dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(30)));
    }
}
