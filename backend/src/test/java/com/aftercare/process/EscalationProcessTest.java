package com.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aftercare.notify.NotificationService;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/** escalation.bpmn and the deadline timers of fault-intake.bpmn, fired by executing their jobs. */
class EscalationProcessTest extends IntegrationTest {

    @Autowired
    NotificationService notifications;

    @Test
    void responseTimerIsDueAtTheLevelDeadline() {
        Ticket ticket = report(Category.DEFECT);
        Job timer = timerJob(ticket, "responseDeadline");
        assertThat(timer).isNotNull();
        Ticket t = tickets.get(ticket.getId());
        assertThat(timer.getDuedate().toInstant()).isEqualTo(t.getResponseDue().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(timerJob(ticket, "resolutionDeadline").getDuedate().toInstant())
                .isEqualTo(t.getResolutionDue().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void missedResponseNotifiesSupervisorsInApp() {
        Ticket ticket = report(Category.DEFECT);
        clock.advance(Duration.ofMinutes(31));
        managementService.executeJob(timerJob(ticket, "responseDeadline").getId());

        Ticket t = tickets.get(ticket.getId());
        assertThat(t.isEscalated()).isTrue();
        assertThat(notifications.ofTicket(ticket.getId())).singleElement()
                .satisfies(n -> {
                    assertThat(n.getRecipientRole()).isEqualTo("SUPERVISOR");
                    assertThat(n.getMessage()).contains(t.getNumber()).contains("response deadline missed");
                });
        assertThat(passedActivities(ticket)).contains("escalateResponse", "checkClock", "notifySupervisors", "supervisorsNotified");
        // the case itself goes on: the timer is non-interrupting
        assertThat(openTaskKeys(ticket)).containsExactly("firstLineResolution");
        assertThat(notifications.forUser("t-sup", roles("t-sup"))).anyMatch(n -> n.getTicketId().equals(ticket.getId()));
    }

    @Test
    void responseMetInTimeMeansNoEscalation() {
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        managementService.executeJob(timerJob(ticket, "responseDeadline").getId());

        assertThat(tickets.get(ticket.getId()).isEscalated()).isFalse();
        assertThat(notifications.ofTicket(ticket.getId())).isEmpty();
        assertThat(passedActivities(ticket)).contains("checkClock", "noEscalationNeeded").doesNotContain("notifySupervisors");
    }

    @Test
    void missedResolutionEscalatesAndAResolvedCaseDoesNot() {
        Ticket late = report(Category.DEFECT);
        dispatchAndFix(late);
        DEVICE.down();
        probeWorker.runOnce();
        DEVICE.up();
        managementService.executeJob(timerJob(late, "resolutionDeadline").getId());
        assertThat(tickets.get(late.getId()).isEscalated()).isTrue();
        assertThat(notifications.ofTicket(late.getId())).singleElement()
                .satisfies(n -> assertThat(n.getMessage()).contains("resolution deadline missed"));

        Ticket onTime = report(Category.DEFECT);
        dispatchAndFix(onTime);
        probeWorker.runOnce();
        managementService.executeJob(timerJob(onTime, "resolutionDeadline").getId());
        assertThat(tickets.get(onTime.getId()).isEscalated()).isFalse();
    }

    @Test
    void closingTheCaseRemovesItsTimers() {
        Ticket ticket = report(Category.CONSULTATION);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "CONSULTATION", "solvedAtDesk", true));
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED"));
        assertThat(managementService.createJobQuery().processInstanceId(tickets.get(ticket.getId()).getProcessInstanceId()).count())
                .isZero();
    }
}
