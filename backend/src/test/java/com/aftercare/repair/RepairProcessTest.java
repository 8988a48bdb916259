package com.aftercare.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.api.ApiClient;

import com.aftercare.common.ConflictException;
import com.aftercare.identity.AccountService;
import com.aftercare.notify.NotificationService;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.ClockLog;
import com.aftercare.sla.ClockLogBook;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockState;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.TimeBasis;
import com.aftercare.sla.MilestoneKind;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every path of repair-return.bpmn (issue 13, RR-1..RR-4), timers fired by executing their jobs: the device back in
 * time; back late after the vendor's deadline escalated through the clock ladder (VENDOR_RETURN, ADR 0027); progress reports every 3 working days across National Day
 * 2026 (1-7 October off, Saturday 10 October a make-up workday) and a weekend; a loaner out and back. Working days
 * are office days in Asia/Shanghai (the default zone); the figures are worked out by hand in each test.
 */
class RepairProcessTest extends IntegrationTest {

    @Autowired ReadRepair readRepair;
    @Autowired NotificationService notifications;
    @Autowired AccountService accounts;
    @Autowired AddLoaner addLoaner;
    @Autowired InstallLoaner installLoaner;
    @Autowired CollectLoaner collectLoaner;
    @Autowired ListLoaners listLoaners;
    @Autowired ClockEvaluation clocks;
    @Autowired RepairHistory history;
    @Autowired RepairCalendar calendar;
    @Autowired ClockLogBook clockLogBook;
    @Autowired TestRestTemplate rest;

    private Ticket shipped(Instant at) {
        clock.set(at);
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        checkInAndReport(ticket);
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("symptom", "No video", "cause", "Sensor board failure",
                "fixOutcome", "SEND_TO_VENDOR"));
        assertThat(openTaskKeys(ticket)).containsExactly("shipToVendor");
        complete(ticket, "shipToVendor", "t-eng", Map.of("vendorName", "海康威视", "repairSlipNumber", "RS-2026-001",
                "shippingNote", "顺丰 SF123"));
        return ticket;
    }

    private RepairView.Slip slip(Ticket ticket) {
        return readRepair.read(ticket.getId()).slips().get(0);
    }

    @Test
    void deviceBackInTimeEndsTheDeadlineAndTheReports() {
        // Monday 2 November 2026 10:00 in Shanghai; five office days (40 h) later is Monday 9 November 10:00
        Ticket ticket = shipped(Instant.parse("2026-11-02T02:00:00Z"));

        RepairView.Slip slip = slip(ticket);
        assertThat(slip.deviceName()).isEqualTo(device.getName());
        assertThat(slip.deviceSerial()).isEqualTo(device.getSerialNumber());
        assertThat(slip.fault()).isEqualTo("Sensor board failure");
        assertThat(slip.vendorName()).isEqualTo("海康威视");
        assertThat(slip.slipNumber()).isEqualTo("RS-2026-001");
        assertThat(slip.note()).isEqualTo("顺丰 SF123");
        assertThat(slip.sentAt()).isEqualTo(Instant.parse("2026-11-02T02:00:00Z"));
        assertThat(slip.expectedReturnAt()).isEqualTo(Instant.parse("2026-11-09T02:00:00Z"));
        assertThat(slip.outcome()).isEqualTo("AWAY");
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.AWAITING_VENDOR);
        assertThat(openTaskKeys(ticket)).containsExactly("receiveFromVendor");
        // the vendor's deadline is a clock of the case (ADR 0027): natural time, running while the case's own clocks wait
        ClockStatus vendor = vendorClock(ticket);
        assertThat(vendor.state()).isEqualTo(ClockState.RUNNING);
        assertThat(vendor.basis()).isEqualTo(TimeBasis.NATURAL);
        assertThat(vendor.startedAt()).isEqualTo(Instant.parse("2026-11-02T02:00:00Z"));
        assertThat(vendor.dueAt()).isEqualTo(Instant.parse("2026-11-09T02:00:00Z"));
        assertThat(vendor.target()).isEqualTo(Duration.ofDays(7));
        assertThat(clocks.clocks(tickets.clockTicket(ticket.getId())))
                .filteredOn(c -> c.clock() == ClockName.RESOLUTION).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(ClockState.PAUSED));
        // three office days after Monday 10:00 is Thursday 5 November 10:00
        assertThat(timerJob(ticket, "progressTimer").getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-05T02:00:00Z"));

        clock.set(Instant.parse("2026-11-04T06:00:00Z"));
        complete(ticket, "receiveFromVendor", "t-desk", Map.of("vendorOutcome", "REPAIRED", "vendorReport", "更换传感器板"));

        assertThat(timerJob(ticket, "progressTimer")).isNull();
        vendor = vendorClock(ticket);
        assertThat(vendor.state()).isEqualTo(ClockState.MET);
        assertThat(vendor.stoppedAt()).isEqualTo(Instant.parse("2026-11-04T06:00:00Z"));
        // met with 4 days 20 hours to spare (Wednesday 14:00 against Monday 10:00)
        assertThat(vendor.margin()).isEqualTo(Duration.ofHours(4 * 24 + 20));
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        slip = slip(ticket);
        assertThat(slip.outcome()).isEqualTo("REPAIRED");
        assertThat(slip.vendorReport()).isEqualTo("更换传感器板");
        assertThat(slip.returnedAt()).isEqualTo(Instant.parse("2026-11-04T06:00:00Z"));
        assertThat(slip.overdue()).isFalse();
        assertThat(notifications.ofTicket(ticket.getId())).noneMatch(n -> "SUPERVISOR".equals(n.getRecipientRole()));
        assertThat(readTimeline.of(ticket.getId())).noneMatch(e -> "VENDOR_OVERDUE".equals(e.getType()));
        assertThat(passedActivities(ticket)).contains("recordRepairSlip", "recordVendorReturn", "repairDone", "deviceReturned")
                .doesNotContain("remindProgressReport");
        String dispatch = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ticket.getNumber())
                .processDefinitionKey("dispatch").singleResult().getId();
        String outcome = recordedHistory.variable(dispatch, "vendorOutcome").orElse(null);
        assertThat(outcome).as("dispatch.bpmn reads the outcome after the call").isEqualTo("REPAIRED");

        // the repair reports read it through the RepairHistory port, dates in the contract's zone
        Long unit = site.getCustomer().getId();
        assertThat(history.sentBetween(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), unit)).singleElement()
                .satisfies(r -> {
                    assertThat(r.ticketId()).isEqualTo(ticket.getId());
                    assertThat(r.slipNumber()).isEqualTo("RS-2026-001");
                    assertThat(r.deviceSerial()).isEqualTo(device.getSerialNumber());
                    assertThat(r.sentOn()).isEqualTo(LocalDate.of(2026, 11, 2));
                    assertThat(r.expectedReturnOn()).isEqualTo(LocalDate.of(2026, 11, 9));
                    assertThat(r.returnedOn()).isEqualTo(LocalDate.of(2026, 11, 4));
                    assertThat(r.outcome()).isEqualTo("REPAIRED");
                    assertThat(r.loanerInstalled()).isFalse();
                });
        assertThat(history.sentBetween(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 10), unit)).isEmpty();
        assertThat(history.sentBetween(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), unit + 100_000)).isEmpty();
    }

    @Test
    void beforeTheSecondWeekendIsMidnightOfTheSecondSaturdayAfterTheDaySent() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        // sent Monday 2 or Friday 6 November: weekends 7-8 and 14-15 November, due 00:00 on Saturday 14
        assertThat(calendar.returnDue(ReturnRule.BEFORE_SECOND_WEEKEND, Instant.parse("2026-11-02T02:00:00Z"), shanghai))
                .isEqualTo(Instant.parse("2026-11-13T16:00:00Z"));
        assertThat(calendar.returnDue(ReturnRule.BEFORE_SECOND_WEEKEND, Instant.parse("2026-11-06T09:00:00Z"), shanghai))
                .isEqualTo(Instant.parse("2026-11-13T16:00:00Z"));
        // sent on Saturday 7 November: the weekend it was sent in does not count
        assertThat(calendar.returnDue(ReturnRule.BEFORE_SECOND_WEEKEND, Instant.parse("2026-11-07T02:00:00Z"), shanghai))
                .isEqualTo(Instant.parse("2026-11-20T16:00:00Z"));
        // five working days from Friday 6 November 17:00: Fri 1 h, Mon-Thu 32 h, Fri 13 November 7 h -> 17:00
        assertThat(calendar.returnDue(ReturnRule.FIVE_WORKING_DAYS, Instant.parse("2026-11-06T09:00:00Z"), shanghai))
                .isEqualTo(Instant.parse("2026-11-13T09:00:00Z"));
    }

    @Test
    void vendorLateEscalatesThroughTheClockLadderAndTheBoardShowsItOverdue() {
        // sent Tuesday 29 September 2026 10:00 in Shanghai. Five office days (40 h): Tue 7 h, Wed 30 Sep 8 h, 1-7
        // October National Day off, Thu 8 8 h, Fri 9 8 h, Saturday 10 October (make-up workday) 8 h, Mon 12 1 h
        Ticket ticket = shipped(Instant.parse("2026-09-29T02:00:00Z"));
        ClockStatus vendor = vendorClock(ticket);
        assertThat(vendor.dueAt()).isEqualTo(Instant.parse("2026-10-12T02:00:00Z"));
        assertThat(vendor.target()).isEqualTo(Duration.ofHours(13 * 24));
        // the ladder of the case's policy: WARNING at 75 % of 312 h = 234 h after sending (Thursday 8 October 20:00 UTC)
        assertThat(vendor.nextEscalationAt()).isEqualTo(Instant.parse("2026-10-08T20:00:00Z"));
        Job rung = escalationTimer(ticket);
        assertThat(rung.getDuedate().toInstant()).isBeforeOrEqualTo(Instant.parse("2026-10-08T20:00:00Z"));

        // the escalation's timer runs only a minute after the vendor's deadline: both rungs are owed, in one message
        clock.set(Instant.parse("2026-10-12T02:01:00Z"));
        managementService.executeJob(rung.getId());

        assertThat(clockLogBook.clockLog(ticket.getId()))
                .filteredOn(l -> l.getClock() == ClockName.VENDOR_RETURN && l.getKind() == ClockLog.Kind.ESCALATED)
                .extracting(ClockLog::getLevelName, ClockLog::getDueAt)
                .containsExactly(tuple("WARNING", Instant.parse("2026-10-08T20:00:00Z")),
                        tuple("BREACH", Instant.parse("2026-10-12T02:00:00Z")));
        assertThat(notifications.ofTicket(ticket.getId()))
                .anyMatch(n -> "t-eng".equals(n.getRecipientUser()) && n.getMessage().contains("送修返回"));
        assertThat(readTimeline.of(ticket.getId()))
                .anyMatch(e -> "ESCALATED".equals(e.getType()) && e.getMessage().contains("送修返回"));
        assertThat(vendorClock(ticket).state()).isEqualTo(ClockState.BREACHED);
        // BREACH repeats every hour while the device is away
        assertThat(vendorClock(ticket).nextEscalationAt()).isEqualTo(Instant.parse("2026-10-12T03:01:00Z"));
        assertThat(escalationTimer(ticket).getDuedate().toInstant()).isBeforeOrEqualTo(Instant.parse("2026-10-12T03:01:00Z"));
        assertThat(openTaskKeys(ticket)).contains("receiveFromVendor");
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.AWAITING_VENDOR);
        assertThat(slip(ticket).overdue()).isTrue();

        // the supervisor board shows the case at the vendor with the vendor's due time, overdue
        JsonNode row = new ApiClient(rest).boardRow("t-sup", "clock=VENDOR_RETURN&risk=OVERDUE", ticket.getId());
        assertThat(row).as("the case on the board").isNotNull();
        assertThat(row.path("risk").asText()).isEqualTo("OVERDUE");
        JsonNode first = row.path("clocks").get(0);
        assertThat(first.path("clock").asText()).as("the running clock comes first; the paused ones after").isEqualTo("VENDOR_RETURN");
        assertThat(first.path("state").asText()).isEqualTo("BREACHED");
        assertThat(first.path("risk").asText()).isEqualTo("OVERDUE");
        assertThat(Instant.parse(first.path("dueAt").asText())).isEqualTo(Instant.parse("2026-10-12T02:00:00Z"));
        assertThat(first.path("remainingSeconds").asLong()).isEqualTo(-60);
        assertThat(first.path("escalationName").asText()).isEqualTo("BREACH");

        clock.set(Instant.parse("2026-10-13T03:00:00Z"));
        complete(ticket, "receiveFromVendor", "t-desk", Map.of("vendorOutcome", "UNREPAIRABLE", "vendorReport", "主板损坏，无法修复"));
        vendor = vendorClock(ticket);
        assertThat(vendor.state()).isEqualTo(ClockState.MISSED);
        assertThat(vendor.margin()).isEqualTo(Duration.ofHours(-25));
        assertThat(slip(ticket).outcome()).isEqualTo("UNREPAIRABLE");
        assertThat(slip(ticket).overdue()).isTrue();
        assertThat(readTimeline.of(ticket.getId())).anyMatch(e -> "VENDOR".equals(e.getType()) && e.getMessage().contains("已超期")
                && e.getMessage().contains("无法修复"));
        // the clock stopped while escalated: the people of its rung hear it is over, and nothing repeats any more
        assertThat(clockLogBook.clockLog(ticket.getId()))
                .anyMatch(l -> l.getClock() == ClockName.VENDOR_RETURN && l.getKind() == ClockLog.Kind.DEESCALATED);
        assertThat(clockLogBook.clockLog(ticket.getId()))
                .anyMatch(l -> l.getClock() == ClockName.VENDOR_RETURN && l.getKind() == ClockLog.Kind.MISSED);
        assertThat(passedActivities(ticket)).contains("deviceReturned");
    }

    private ClockStatus vendorClock(Ticket ticket) {
        return clocks.clocks(tickets.clockTicket(ticket.getId())).stream().filter(c -> c.clock() == ClockName.VENDOR_RETURN)
                .findFirst().orElseThrow(() -> new AssertionError("no vendor-return clock"));
    }

    private Job escalationTimer(Ticket ticket) {
        ProcessInstance p = runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .processInstanceBusinessKey(tickets.get(ticket.getId()).getNumber()).singleResult();
        return p == null ? null : managementService.createJobQuery().processInstanceId(p.getId()).timers().singleResult();
    }

    @Test
    void progressReportsEveryThreeWorkingDaysAcrossNationalDayAndAWeekend() {
        String customerUser = "cust-repair-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customerUser, PASSWORD, "Customer IT", site.getCustomer().getId());
        // Tuesday 29 September 2026 10:00. Three office days (24 h): Tue 7 h, Wed 8 h, 1-7 October off, Thu 8 October
        // 8 h, Friday 9 October 09:00-10:00
        Ticket ticket = shipped(Instant.parse("2026-09-29T02:00:00Z"));
        // five office days (40 h): ... Fri 9 October 8 h, Saturday 10 October (make-up workday) 8 h, Monday 12 October 1 h
        assertThat(slip(ticket).expectedReturnAt()).isEqualTo(Instant.parse("2026-10-12T02:00:00Z"));
        Job first = timerJob(ticket, "progressTimer");
        assertThat(first.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-10-09T02:00:00Z"));

        clock.set(Instant.parse("2026-10-09T02:00:00Z"));
        managementService.executeJob(first.getId());
        assertThat(openTaskKeys(ticket)).containsExactlyInAnyOrder("receiveFromVendor", "writeProgressReport");
        assertThat(task(ticket, "writeProgressReport").assignee()).isEqualTo("t-eng");
        assertThat(notifications.ofTicket(ticket.getId()))
                .anyMatch(n -> "t-eng".equals(n.getRecipientUser()) && n.getMessage().contains("进度报告"));
        // next: Fri 9 October 10:00 + 24 office hours = Fri 7 h, Sat 10 (make-up) 8 h, Sun off, Mon 12 8 h, Tue 13 1 h
        Job second = timerJob(ticket, "progressTimer");
        assertThat(second.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-10-13T02:00:00Z"));

        complete(ticket, "writeProgressReport", "t-eng", Map.of("progressReport", "厂家已确认传感器板故障，预计 10 月 12 日寄回"));
        assertThat(openTaskKeys(ticket)).containsExactly("receiveFromVendor");
        assertThat(slip(ticket).progressReports()).singleElement()
                .satisfies(r -> {
                    assertThat(r.body()).isEqualTo("厂家已确认传感器板故障，预计 10 月 12 日寄回");
                    assertThat(r.writtenBy()).isEqualTo("t-eng");
                });
        assertThat(readTimeline.of(ticket.getId()))
                .anyMatch(e -> "PROGRESS_REPORT".equals(e.getType()) && e.getMessage().contains("预计 10 月 12 日寄回"));
        assertThat(notifications.ofTicket(ticket.getId()))
                .anyMatch(n -> customerUser.equals(n.getRecipientUser()) && n.getMessage().contains("预计 10 月 12 日寄回"));

        // the second report is due even if nobody wrote one in between; then the device comes back and they stop
        clock.set(Instant.parse("2026-10-13T02:00:00Z"));
        managementService.executeJob(second.getId());
        assertThat(openTaskKeys(ticket)).containsExactlyInAnyOrder("receiveFromVendor", "writeProgressReport");
        complete(ticket, "receiveFromVendor", "t-desk", Map.of("vendorOutcome", "REPAIRED", "vendorReport", "已修复"));
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        assertThat(timerJob(ticket, "progressTimer")).isNull();
    }

    @Test
    void anUnwrittenReportIsChasedWhenTheNextFallsDueNotOpenedTwice() {
        // Monday 2 November 2026 10:00; three office days (24 h) later is Thursday 5 November 10:00
        Ticket ticket = shipped(Instant.parse("2026-11-02T02:00:00Z"));
        Job first = timerJob(ticket, "progressTimer");
        assertThat(first.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-05T02:00:00Z"));
        clock.set(Instant.parse("2026-11-05T02:00:00Z"));
        managementService.executeJob(first.getId());
        assertThat(openTasks(ticket, "writeProgressReport")).isEqualTo(1);

        // nobody writes it. Thursday 10:00 + 24 office hours: Thu 7 h, Fri 8 h, Mon 8 h, Tuesday 10 November 10:00
        Job second = timerJob(ticket, "progressTimer");
        assertThat(second.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-10T02:00:00Z"));
        clock.set(Instant.parse("2026-11-10T02:00:00Z"));
        managementService.executeJob(second.getId());

        assertThat(openTasks(ticket, "writeProgressReport")).as("still the one open report").isEqualTo(1);
        assertThat(readTimeline.of(ticket.getId())).filteredOn(e -> "PROGRESS_LATE".equals(e.getType())).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("2026-11-05 10:00").contains("已催办 Test Engineer"));
        assertThat(notifications.ofTicket(ticket.getId()))
                .anyMatch(n -> "t-eng".equals(n.getRecipientUser()) && n.getMessage().contains("仍未填写")
                        && n.getMessage().contains("2026-11-05 10:00"))
                .anyMatch(n -> "SERVICE_DESK".equals(n.getRecipientRole()) && n.getMessage().contains("仍未填写"));
        // the loop goes on: Tuesday 10:00 + 24 office hours is Friday 13 November 10:00
        Job third = timerJob(ticket, "progressTimer");
        assertThat(third.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-13T02:00:00Z"));

        // written late: the next one due opens a task again, and is not late
        complete(ticket, "writeProgressReport", "t-eng", Map.of("progressReport", "厂家仍在检测"));
        assertThat(openTasks(ticket, "writeProgressReport")).isZero();
        clock.set(Instant.parse("2026-11-13T02:00:00Z"));
        managementService.executeJob(third.getId());
        assertThat(openTasks(ticket, "writeProgressReport")).isEqualTo(1);
        assertThat(readTimeline.of(ticket.getId())).filteredOn(e -> "PROGRESS_LATE".equals(e.getType())).hasSize(1);
    }

    private long openTasks(Ticket ticket, String key) {
        return tasks.openTaskKeys(tickets.get(ticket.getId()).getNumber()).getOrDefault(key, 0L);
    }

    @Test
    void loanerRestoresServiceAndGoesBackToThePoolAfterTheDeviceIsBack() {
        Ticket ticket = shipped(Instant.parse("2026-11-02T02:00:00Z"));
        LoanerView unit = addLoaner.add(new AddLoaner.NewLoaner("DS-2CD3T46", "LN-" + System.nanoTime(), "备件库 A-3"));

        clock.set(Instant.parse("2026-11-02T05:00:00Z"));
        LoanerView installed = installLoaner.install(ticket.getId(), unit.id());
        assertThat(installed.status()).isEqualTo("ON_LOAN");
        assertThat(installed.ticketId()).isEqualTo(ticket.getId());
        assertThat(clocks.milestones(ticket.getId()))
                .anyMatch(m -> m.getKind() == MilestoneKind.RESOLVED && m.getOccurredAt().equals(Instant.parse("2026-11-02T05:00:00Z")));
        assertThat(readTimeline.of(ticket.getId())).anyMatch(e -> "LOANER".equals(e.getType()) && e.getMessage().contains("服务已恢复"));
        assertThat(slip(ticket).loaner().serial()).isEqualTo(unit.serial());
        assertThatThrownBy(() -> collectLoaner.collect(ticket.getId())).isInstanceOf(ConflictException.class);

        complete(ticket, "receiveFromVendor", "t-desk", Map.of("vendorOutcome", "REPAIRED", "vendorReport", "已修复"));
        LoanerView back = collectLoaner.collect(ticket.getId());
        assertThat(back.status()).isEqualTo("AVAILABLE");
        assertThat(back.ticketId()).isNull();
        assertThat(listLoaners.all()).anyMatch(l -> l.id() == unit.id() && l.status().equals("AVAILABLE"));
        assertThat(slip(ticket).loanerCollectedAt()).isNotNull();
        assertThat(history.sentBetween(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), null))
                .anyMatch(r -> r.ticketId() == ticket.getId() && r.loanerInstalled());
        assertThat(readTimeline.of(ticket.getId())).anyMatch(e -> "LOANER".equals(e.getType()) && e.getMessage().contains("回收"));
        assertThatThrownBy(() -> collectLoaner.collect(ticket.getId())).isInstanceOf(ConflictException.class);
    }
}
