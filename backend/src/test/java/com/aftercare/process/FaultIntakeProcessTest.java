package com.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;

/** Every path of fault-intake.bpmn and customer-callback.bpmn, driven through the task service as users would. */
class FaultIntakeProcessTest extends IntegrationTest {


    @Test
    void defectGoesThroughDispatchProbeAndCallbackToClosure() {
        Ticket ticket = report(Category.DEFECT);
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.AT_DESK);
        assertThat(ticket.getNumber()).matches("INC-\\d{4}-\\d{6}");

        dispatchAndFix(ticket);
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.VERIFYING);
        assertThat(probeWorker.runOnce()).isGreaterThanOrEqualTo(1);

        // issue 12: the customer's tester confirms and the desk audits the service form before the callback
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
        confirmAndAudit(ticket);
        assertThat(openTaskKeys(ticket)).containsExactly("callRequester");
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.AWAITING_CALLBACK);
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED", "satisfaction", "5"));

        Ticket closed = tickets.get(ticket.getId());
        assertThat(closed.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.getClosedAt()).isNotNull();
        assertThat(closed.getCause()).isEqualTo("Loose power cable");
        assertThat(closed.getSatisfaction()).isEqualTo(5);
        assertThat(closed.getRespondedAt()).isNotNull();
        assertThat(closed.getResolvedAt()).isNotNull();
        // SLA-7: the service form the desk accepted is the fault report (ADR 0026), so nothing is owed after closure
        assertThat(caseProcessEnded(ticket)).isTrue();
        assertThat(passedActivities(ticket)).contains("determineLevel", "applyLevelAndDeadlines", "firstLineResolution",
                "dispatchCase", "checkIn", "diagnosisReport", "probeDevice", "deviceVerified", "confirmCompletion",
                "recordResolution", "auditServiceForm", "customerCallback", "fixConfirmed",
                "caseResolved", "closeTicket", "caseClosed");
        assertThat(readTimeline.of(ticket.getId())).extracting(e -> e.getType())
                .contains("CREATED", "LEVEL", "ASSIGNED", "RESPONDED", "PROBE_PASSED", "RESOLVED", "FAULT_REPORT", "CLOSED");
    }

    @Test
    void consultationSolvedAtTheDeskGoesStraightToCallback() {
        Ticket ticket = report(Category.CONSULTATION);
        complete(ticket, "firstLineResolution", "t-desk",
                Map.of("category", "CONSULTATION", "solvedAtDesk", true, "deskNote", "Explained how to replay video"));

        assertThat(openTaskKeys(ticket)).containsExactly("callRequester");
        Ticket t = tickets.get(ticket.getId());
        assertThat(t.getRespondedAt()).isNotNull();
        assertThat(t.getResolvedAt()).isNotNull();
        assertThat(t.getDeskNote()).isEqualTo("Explained how to replay video");

        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(passedActivities(ticket)).contains("recordDeskResolution").doesNotContain("dispatchCase",
                "probeDevice");
    }

    @Test
    void operationProblemReclassifiedAsConsultationButNotSolvedGoesToDispatch() {
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "CONSULTATION", "solvedAtDesk", false));
        assertThat(openTaskKeys(ticket)).containsExactly("assignEngineer");
        assertThat(tickets.get(ticket.getId()).getCategory()).isEqualTo(Category.CONSULTATION);
    }

    @Test
    void defectSolvedAtTheDeskStillNeedsAnEngineer() {
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", true));
        assertThat(openTaskKeys(ticket)).containsExactly("assignEngineer");
    }

    @Test
    void customerSaysNotFixedReopensTheCaseAndSendsItBackToDispatch() {
        Ticket ticket = report(Category.DEFECT);
        dispatchAndFix(ticket);
        probeWorker.runOnce();
        confirmAndAudit(ticket);
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "NOT_FIXED", "customerFeedback", "Still black at night"));

        Ticket reopened = tickets.get(ticket.getId());
        assertThat(reopened.getReopenCount()).isEqualTo(1);
        assertThat(reopened.getResolvedAt()).isNull();
        assertThat(reopened.getStatus()).isEqualTo(TicketStatus.AWAITING_DISPATCH);
        assertThat(openTaskKeys(ticket)).containsExactly("assignEngineer");
        assertThat(passedActivities(ticket)).contains("fixNotConfirmed", "reopenCase")
                .doesNotContain("escalateReopenedOverdue");
        assertThat(reopened.isEscalated()).isFalse();

        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng2"));
        complete(ticket, "acceptAssignment", "t-eng2", Map.of("accepted", true));
        complete(ticket, "checkIn", "t-eng2", Map.of("emergency", false));
        complete(ticket, "diagnosisReport", "t-eng2", Map.of("symptom", "Black at night", "diagnosis", "IR lamp dead"));
        complete(ticket, "diagnoseAndFix", "t-eng2", Map.of("cause", "IR lamp broken", "fixOutcome", "FIXED"));
        probeWorker.runOnce();
        complete(ticket, "confirmCompletion", "t-eng2", Map.of("testerName", "Wang Wu", "confirmed", true));
        complete(ticket, "auditServiceForm", "t-desk", Map.of("auditAccepted", true));
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(tickets.get(ticket.getId()).getAssignee()).isEqualTo("t-eng2");
    }

    @Test
    void levelFollowsImpactAndUrgency() {
        Ticket high = reportFault.report(newTicket(Category.DEFECT, Grade.HIGH, Grade.HIGH), null).ticket();
        Ticket low = reportFault.report(newTicket(Category.DEFECT, Grade.LOW, Grade.LOW), null).ticket();
        Ticket highLow = reportFault.report(newTicket(Category.DEFECT, Grade.HIGH, Grade.LOW), null).ticket();
        assertThat(tickets.get(high.getId()).getLevel()).isEqualTo("1");
        assertThat(tickets.get(low.getId()).getLevel()).isEqualTo("3");
        assertThat(tickets.get(highLow.getId()).getLevel()).isEqualTo("2");
        // level 1: respond within 15 minutes, resolve within 24 hours (natural time)
        Ticket t = tickets.get(high.getId());
        assertThat(java.time.Duration.between(t.getCreatedAt(), t.getResponseDue())).hasMinutes(15);
        assertThat(java.time.Duration.between(t.getCreatedAt(), t.getResolutionDue())).hasHours(24);
    }
}
