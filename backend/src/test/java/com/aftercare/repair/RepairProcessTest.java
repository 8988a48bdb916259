package com.aftercare.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aftercare.common.ConflictException;
import com.aftercare.identity.AccountService;
import com.aftercare.notify.NotificationService;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.MilestoneKind;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;

/**
 * Every path of repair-return.bpmn (issue 13, RR-1..RR-4), timers fired by executing their jobs: the device back in
 * time; back late after the vendor's deadline escalated; progress reports every 3 working days across National Day
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
        assertThat(timerJob(ticket, "vendorReturnDeadline").getDuedate().toInstant())
                .isEqualTo(Instant.parse("2026-11-09T02:00:00Z"));
        // three office days after Monday 10:00 is Thursday 5 November 10:00
        assertThat(timerJob(ticket, "progressTimer").getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-05T02:00:00Z"));

        clock.set(Instant.parse("2026-11-04T06:00:00Z"));
        complete(ticket, "receiveFromVendor", "t-desk", Map.of("vendorOutcome", "REPAIRED", "vendorReport", "更换传感器板"));

        assertThat(timerJob(ticket, "vendorReturnDeadline")).isNull();
        assertThat(timerJob(ticket, "progressTimer")).isNull();
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        slip = slip(ticket);
        assertThat(slip.outcome()).isEqualTo("REPAIRED");
        assertThat(slip.vendorReport()).isEqualTo("更换传感器板");
        assertThat(slip.returnedAt()).isEqualTo(Instant.parse("2026-11-04T06:00:00Z"));
        assertThat(slip.overdue()).isFalse();
        assertThat(notifications.ofTicket(ticket.getId())).noneMatch(n -> "SUPERVISOR".equals(n.getRecipientRole()));
        assertThat(readTimeline.of(ticket.getId())).noneMatch(e -> "VENDOR_OVERDUE".equals(e.getType()));
        assertThat(passedActivities(ticket)).contains("recordRepairSlip", "recordVendorReturn", "repairDone", "deviceReturned")
                .doesNotContain("notifyVendorOverdue", "remindProgressReport");
        String dispatch = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ticket.getNumber())
                .processDefinitionKey("dispatch").singleResult().getId();
        String outcome = String.valueOf(historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(dispatch).variableName("vendorOutcome").singleResult().getValue());
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
    void vendorLateEscalatesWithoutEndingTheWait() {
        Ticket ticket = shipped(Instant.parse("2026-11-02T02:00:00Z"));

        clock.set(Instant.parse("2026-11-09T02:01:00Z")); // the job executor picks it up a moment after its due time
        managementService.executeJob(timerJob(ticket, "vendorReturnDeadline").getId());

        assertThat(notifications.ofTicket(ticket.getId()))
                .anyMatch(n -> "SUPERVISOR".equals(n.getRecipientRole()) && n.getMessage().contains("RS-2026-001")
                        && n.getMessage().contains("2026-11-09 10:00"))
                .anyMatch(n -> "SERVICE_DESK".equals(n.getRecipientRole()) && n.getMessage().contains("RS-2026-001"))
                .anyMatch(n -> "t-eng".equals(n.getRecipientUser()) && n.getMessage().contains("RS-2026-001"));
        assertThat(readTimeline.of(ticket.getId())).anyMatch(e -> "VENDOR_OVERDUE".equals(e.getType()));
        assertThat(openTaskKeys(ticket)).containsExactly("receiveFromVendor");
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.AWAITING_VENDOR);
        assertThat(slip(ticket).overdue()).isTrue();

        clock.set(Instant.parse("2026-11-10T03:00:00Z"));
        complete(ticket, "receiveFromVendor", "t-desk", Map.of("vendorOutcome", "UNREPAIRABLE", "vendorReport", "主板损坏，无法修复"));
        assertThat(slip(ticket).outcome()).isEqualTo("UNREPAIRABLE");
        assertThat(slip(ticket).overdue()).isTrue();
        assertThat(readTimeline.of(ticket.getId())).anyMatch(e -> "VENDOR".equals(e.getType()) && e.getMessage().contains("已超期")
                && e.getMessage().contains("无法修复"));
        assertThat(passedActivities(ticket)).contains("notifyVendorOverdue", "vendorOverdueNotified", "deviceReturned");
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
