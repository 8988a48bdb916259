package com.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;

import org.junit.jupiter.api.Test;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.notify.NotificationService;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;

/** Every path of dispatch.bpmn, repair-return.bpmn and verification.bpmn. */
class DispatchProcessTest extends IntegrationTest {

    @Autowired NotificationService notifications;

    private Ticket atEngineer() {
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng", "vehicleNeeded", true));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        checkInAndReport(ticket);
        return ticket;
    }

    @Test
    void declinedAssignmentGoesBackToTheDeskForRedispatch() {
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.DISPATCHED);
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", false, "declineReason", "On another site"));

        assertThat(openTaskKeys(ticket)).containsExactly("assignEngineer");
        assertThat(tickets.get(ticket.getId()).getRespondedAt()).isNull();
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng2"));
        assertThat(task(ticket, "acceptAssignment").assignee()).isEqualTo("t-eng2");
        assertThat(passedActivities(ticket)).contains("acceptedGateway").doesNotContain("recordResponse");
    }

    @Test
    void engineerWhoHasNotAcceptedIsRemindedAndTheJobStaysWithThem() {
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        Instant before = ClockUtil.now().toInstant();
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        Instant after = ClockUtil.now().toInstant();

        Job reminder = timerJob(ticket, "acceptReminder");
        assertThat(reminder.getDuedate().toInstant())
                .isBetween(before.plus(Duration.ofMinutes(20)), after.plus(Duration.ofMinutes(20)));
        managementService.executeJob(reminder.getId());

        assertThat(notifications.ofTicket(ticket.getId()))
                .anyMatch(n -> "t-eng".equals(n.getRecipientUser()) && n.getMessage().contains("接单"));
        assertThat(task(ticket, "acceptAssignment").assignee()).isEqualTo("t-eng");
        assertThat(passedActivities(ticket)).contains("remindEngineer", "engineerReminded");
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        assertThat(openTaskKeys(ticket)).containsExactly("checkIn");
    }

    @Test
    void unclaimedJobRemindsTheDesk() {
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("dispatchNote", "whoever is nearest"));

        managementService.executeJob(timerJob(ticket, "acceptReminder").getId());

        assertThat(notifications.ofTicket(ticket.getId()))
                .anyMatch(n -> "SERVICE_DESK".equals(n.getRecipientRole()) && n.getMessage().contains("尚无人接单"));
        assertThat(task(ticket, "acceptAssignment").assignee()).isNull();
    }

    @Test
    void jobOfferedToAllEngineersGoesToWhoeverTakesIt() {
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("dispatchNote", "whoever is nearest"));

        assertThat(task(ticket, "acceptAssignment").assignee()).isNull();
        assertThat(tasks.inbox("t-eng", roles("t-eng"))).anyMatch(t -> t.ticketId().equals(ticket.getId()));
        assertThat(tasks.inbox("t-eng2", roles("t-eng2"))).anyMatch(t -> t.ticketId().equals(ticket.getId()));
        assertThat(tasks.inbox("t-desk", roles("t-desk"))).noneMatch(t -> t.ticketId().equals(ticket.getId()));

        tasks.claim(task(ticket, "acceptAssignment").id(), "t-eng2", roles("t-eng2"));
        assertThat(tasks.inbox("t-eng", roles("t-eng"))).noneMatch(t -> t.ticketId().equals(ticket.getId()));
        complete(ticket, "acceptAssignment", "t-eng2", Map.of("accepted", true));

        assertThat(task(ticket, "checkIn").assignee()).isEqualTo("t-eng2");
        assertThat(tickets.get(ticket.getId()).getAssignee()).isEqualTo("t-eng2");
    }

    @Test
    void deskReassignsAnEngineersTaskAndTheRestOfTheCaseFollows() {
        Ticket ticket = atEngineer();
        String fix = task(ticket, "diagnoseAndFix").id();
        assertThatThrownBy(() -> tasks.reassign(fix, "t-eng2", roles("t-eng"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> tasks.reassign(fix, "ghost", roles("t-desk"))).isInstanceOf(BadRequestException.class);

        tasks.reassign(fix, "t-eng2", roles("t-desk"));
        assertThat(tickets.get(ticket.getId()).getAssignee()).isEqualTo("t-eng2");
        complete(ticket, "diagnoseAndFix", "t-eng2", Map.of("cause", "Fan", "fixOutcome", "THIRD_PARTY"));
        assertThat(task(ticket, "thirdPartyWork").assignee()).isEqualTo("t-eng2");
    }

    @Test
    void holderReleasesATaskAndAnotherEngineerTakesIt() {
        Ticket ticket = atEngineer();
        String fix = task(ticket, "diagnoseAndFix").id();
        assertThatThrownBy(() -> tasks.unclaim(fix, "t-eng2", roles("t-eng2"))).isInstanceOf(ForbiddenException.class);
        tasks.unclaim(fix, "t-eng", roles("t-eng"));
        assertThat(task(ticket, "diagnoseAndFix").assignee()).isNull();
        tasks.claim(fix, "t-eng2", roles("t-eng2"));
        assertThat(tickets.get(ticket.getId()).getAssignee()).isEqualTo("t-eng2");
    }

    @Test
    void correctedProbeSettingsLetAStuckCaseThrough() throws Exception {
        Ticket ticket = atEngineer();
        int closed; // a wrong port where nothing listens (one the test profile lets the probe try)
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        assets.changeProbe(device.getId(), "127.0.0.1", String.valueOf(closed), "http://127.0.0.1:" + closed + "/");
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Bad cable", "fixOutcome", "FIXED"));
        probeWorker.runOnce();
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");

        assets.changeProbe(device.getId(), " 127.0.0.1 ", " " + DEVICE.port() + " ", " " + DEVICE.url() + " ");
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Bad cable", "fixOutcome", "FIXED"));
        probeWorker.runOnce();
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
        confirmAndAudit(ticket);
        assertThat(openTaskKeys(ticket)).containsExactly("callRequester");
    }

    @Test
    void failedProbeSendsTheCaseBackToTheEngineerAndItNeverReachesCallback() {
        Ticket ticket = atEngineer();
        DEVICE.down();
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Bad cable", "fixOutcome", "FIXED"));
        probeWorker.runOnce();

        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        assertThat(task(ticket, "diagnoseAndFix").assignee()).isEqualTo("t-eng");
        Ticket t = tickets.get(ticket.getId());
        assertThat(t.getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(t.getResolvedAt()).isNull();
        assertThat(passedActivities(ticket)).contains("deviceNotWorking", "probePassedGateway").doesNotContain("customerCallback",
                "recordResolution");
        assertThat(readTimeline.of(ticket.getId())).extracting(e -> e.getType()).contains("PROBE_FAILED");

        // the engineer tries again with the device still down: still no way to the callback
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Bad cable", "fixOutcome", "FIXED"));
        probeWorker.runOnce();
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");

        // device works again: verification passes and the case moves on to the callback
        DEVICE.up();
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Bad cable", "fixOutcome", "FIXED", "solution", "Replaced it"));
        probeWorker.runOnce();
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
        confirmAndAudit(ticket);
        assertThat(openTaskKeys(ticket)).containsExactly("callRequester");
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void deviceSentToTheVendorComesBackToTheEngineer() {
        Ticket ticket = atEngineer();
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("symptom", "No video", "cause", "Sensor failure",
                "fixOutcome", "SEND_TO_VENDOR", "solution", "Swap the sensor board"));
        assertThat(openTaskKeys(ticket)).containsExactly("shipToVendor");
        complete(ticket, "shipToVendor", "t-eng", Map.of("vendorName", "Hikvision", "repairSlipNumber", "RS-001"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.AWAITING_VENDOR);
        complete(ticket, "receiveFromVendor", "t-desk", Map.of("vendorReport", "Sensor replaced", "vendorOutcome", "REPAIRED"));

        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Sensor failure", "fixOutcome", "FIXED"));
        probeWorker.runOnce();
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
        confirmAndAudit(ticket);
        assertThat(openTaskKeys(ticket)).containsExactly("callRequester");
        assertThat(passedActivities(ticket)).contains("repairAtVendor", "shipToVendor", "receiveFromVendor", "deviceReturned");
        // the second round left symptom and solution empty: what the first round recorded stays
        Ticket t = tickets.get(ticket.getId());
        assertThat(t.getSymptom()).isEqualTo("No video");
        assertThat(t.getSolution()).isEqualTo("Swap the sensor board");
        // the desk receiving the device back does not become the ticket's engineer
        assertThat(t.getAssignee()).isEqualTo("t-eng");
    }

    @Test
    void thirdPartyFaultIsRecordedThenVerified() {
        Ticket ticket = atEngineer();
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Carrier fibre cut", "fixOutcome", "THIRD_PARTY"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.THIRD_PARTY);
        complete(ticket, "thirdPartyWork", "t-eng", Map.of("thirdPartyName", "China Telecom", "thirdPartyResult", "Fibre spliced"));
        probeWorker.runOnce();

        confirmAndAudit(ticket);
        assertThat(openTaskKeys(ticket)).containsExactly("callRequester");
        assertThat(tickets.get(ticket.getId()).getThirdPartyName()).isEqualTo("China Telecom");
        assertThat(passedActivities(ticket)).contains("fixOutcomeGateway", "thirdPartyWork", "verifyDevice", "deviceVerified");
    }
}
