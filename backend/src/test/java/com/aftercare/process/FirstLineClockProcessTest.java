package com.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aftercare.notify.Notification;
import com.aftercare.notify.NotificationService;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.ClockLog;
import com.aftercare.sla.ClockLogBook;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockState;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.ContractSettings;
import com.aftercare.sla.SaveContract;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.Ticket;

/**
 * IN-4's remote-guidance clock (ADR 0041): 5 minutes of natural time from the creation of the desk's first-line task to
 * its completion, on every shipped policy. Solved at the desk in time is met; past 5 minutes the escalation process
 * tells the desk lead (75 % and 100 %) and the project manager (100 %), and the case still goes on; handing the case to
 * dispatch stops it too. Timers are fired by executing the escalation process's job.
 */
class FirstLineClockProcessTest extends IntegrationTest {

    @Autowired SaveContract saveContract;
    @Autowired ClockEvaluation clockEvaluation;
    @Autowired ClockLogBook clockLogBook;
    @Autowired NotificationService notifications;

    private Instant t0;

    /** The shipped THREE_LEVEL policy around the clock; the desk lead is t-desk, the project manager t-sup. */
    @BeforeEach
    void contract() {
        saveContract.save(site.getCustomer().getId(), new ContractSettings("First-line contract", "THREE_LEVEL",
                CalendarKind.SEVEN_BY_24, "Asia/Shanghai", "t-desk", "t-sup", null, "t-admin", false, null, null, null));
    }

    private Ticket reportAtTheDesk() {
        t0 = clock.instant();
        Ticket ticket = reportFault.report(newTicket(Category.DEFECT, Grade.LOW, Grade.LOW), null).ticket();
        assertThat(openTaskKeys(ticket)).containsExactly("firstLineResolution");
        return ticket;
    }

    private ClockStatus guidance(Ticket t) {
        return clockEvaluation.clocks(tickets.clockTicket(t.getId())).stream()
                .filter(c -> c.clock() == ClockName.REMOTE_GUIDANCE).findFirst().orElseThrow();
    }

    private List<ClockLog> log(Ticket t, ClockLog.Kind kind) {
        return clockLogBook.clockLog(t.getId()).stream()
                .filter(l -> l.getClock() == ClockName.REMOTE_GUIDANCE && l.getKind() == kind).toList();
    }

    private List<String> notified(Ticket t, String user) {
        return notifications.ofTicket(t.getId()).stream().filter(n -> user.equals(n.getRecipientUser()))
                .map(Notification::getMessage).toList();
    }

    private Job escalationTimer(Ticket t) {
        ProcessInstance p = runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .processInstanceBusinessKey(tickets.get(t.getId()).getNumber()).singleResult();
        return p == null ? null : managementService.createJobQuery().processInstanceId(p.getId()).timers().singleResult();
    }

    private void fireTimer(Ticket t, Instant expectedDue) {
        Job job = escalationTimer(t);
        assertThat(job).as("escalation timer").isNotNull();
        assertThat(job.getDuedate().toInstant()).as("escalation timer due").isEqualTo(expectedDue);
        clock.set(expectedDue);
        managementService.executeJob(job.getId());
    }

    @Test
    void solvedAtTheDeskWithinFiveMinutesMeetsTheClock() {
        Ticket ticket = reportAtTheDesk();
        ClockStatus running = guidance(ticket);
        assertThat(running.state()).isEqualTo(ClockState.RUNNING);
        assertThat(running.target()).isEqualTo(Duration.ofMinutes(5));
        assertThat(running.dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(5)));
        // the first thing the escalation process waits for: 75 % of the 5 minutes
        assertThat(escalationTimer(ticket).getDuedate().toInstant()).isEqualTo(t0.plus(Duration.ofSeconds(3 * 60 + 45)));

        clock.set(t0.plus(Duration.ofMinutes(3)));
        complete(ticket, "firstLineResolution", "t-desk",
                Map.of("category", "CONSULTATION", "solvedAtDesk", true, "deskNote", "Guided the caller to re-seat the PoE cable"));

        ClockStatus met = guidance(ticket);
        assertThat(met.state()).isEqualTo(ClockState.MET);
        assertThat(met.stoppedAt()).isEqualTo(t0.plus(Duration.ofMinutes(3)));
        assertThat(met.margin()).isEqualTo(Duration.ofMinutes(2));
        assertThat(log(ticket, ClockLog.Kind.ESCALATED)).isEmpty();
        assertThat(openTaskKeys(ticket)).containsExactly("callRequester");
        // a run of the escalation process after the 5 minutes owes remote guidance nothing
        clock.set(t0.plus(Duration.ofMinutes(10)));
        Job next = escalationTimer(ticket);
        if (next != null && !next.getDuedate().toInstant().isAfter(clock.instant())) {
            managementService.executeJob(next.getId());
        }
        assertThat(log(ticket, ClockLog.Kind.ESCALATED)).isEmpty();
        assertThat(guidance(ticket).state()).isEqualTo(ClockState.MET);
    }

    @Test
    void guidancePastFiveMinutesEscalatesToTheDeskAndSupervisorAndTheCaseGoesOn() {
        Ticket ticket = reportAtTheDesk();

        fireTimer(ticket, t0.plus(Duration.ofSeconds(3 * 60 + 45)));
        assertThat(log(ticket, ClockLog.Kind.ESCALATED)).extracting(ClockLog::getLevelName).containsExactly("WARNING");
        assertThat(notified(ticket, "t-desk")).singleElement()
                .satisfies(m -> assertThat(m).contains("第1档升级", "远程指导"));

        fireTimer(ticket, t0.plus(Duration.ofMinutes(5)));
        assertThat(log(ticket, ClockLog.Kind.ESCALATED)).extracting(ClockLog::getLevelName).containsExactly("WARNING", "BREACH");
        assertThat(guidance(ticket).state()).as("at the due instant itself").isEqualTo(ClockState.RUNNING);
        clock.set(t0.plus(Duration.ofSeconds(5 * 60 + 30)));
        assertThat(guidance(ticket).state()).isEqualTo(ClockState.BREACHED);
        assertThat(guidance(ticket).risk()).isEqualTo(ClockStatus.Risk.OVERDUE);
        assertThat(notified(ticket, "t-desk")).hasSize(2).last().satisfies(m -> assertThat(m).contains("第2档升级", "远程指导"));
        assertThat(notified(ticket, "t-sup")).singleElement().satisfies(m -> assertThat(m).contains("第2档升级", "远程指导"));
        assertThat(tickets.get(ticket.getId()).isEscalated()).isTrue();

        clock.set(t0.plus(Duration.ofMinutes(7)));
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));

        ClockStatus missed = guidance(ticket);
        assertThat(missed.state()).isEqualTo(ClockState.MISSED);
        assertThat(missed.margin()).isEqualTo(Duration.ofMinutes(-2));
        assertThat(log(ticket, ClockLog.Kind.MISSED)).singleElement()
                .satisfies(l -> assertThat(l.getDetail()).isEqualTo("missed by 2m 00s"));
        assertThat(openTaskKeys(ticket)).as("the case goes on to dispatch").containsExactly("assignEngineer");
    }

    @Test
    void handingTheCaseToDispatchStopsTheClock() {
        Ticket ticket = reportAtTheDesk();
        clock.set(t0.plus(Duration.ofMinutes(2)));
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));

        assertThat(openTaskKeys(ticket)).containsExactly("assignEngineer");
        ClockStatus stopped = guidance(ticket);
        assertThat(stopped.state()).isEqualTo(ClockState.MET);
        assertThat(stopped.stoppedAt()).isEqualTo(t0.plus(Duration.ofMinutes(2)));
        // what the escalation process waits for now is the dispatch clock (IN-5), not remote guidance
        assertThat(escalationTimer(ticket).getDuedate().toInstant()).isEqualTo(t0.plus(Duration.ofSeconds(7 * 60 + 30)));

        clock.set(t0.plus(Duration.ofMinutes(20)));
        assertThat(guidance(ticket).state()).as("stays met long after").isEqualTo(ClockState.MET);
        assertThat(log(ticket, ClockLog.Kind.ESCALATED)).isEmpty();
    }
}
