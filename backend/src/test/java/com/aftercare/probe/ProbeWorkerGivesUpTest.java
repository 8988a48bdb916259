package com.aftercare.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.camunda.bpm.engine.ExternalTaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;

/** A probe that keeps crashing must not leave the case stuck in VERIFYING behind an invisible incident. */
class ProbeWorkerGivesUpTest extends IntegrationTest {

    @Autowired ExternalTaskService externalTasks;
    @Autowired DeviceProber prober;
    @Autowired TransactionTemplate transaction;
    @Autowired Clock appClock;
    @Autowired ProbeResultRepository results;

    /** A probe service whose planning always fails, as a broken database read or bug would. */
    static class CrashingProbeService extends ProbeService {
        CrashingProbeService(ProbeResultRepository results, DeviceProber prober,
                com.aftercare.ticket.TicketService tickets, Clock clock) {
            super(prober, results, tickets, clock);
        }

        @Override
        public Plan plan(Long ticketId) {
            throw new IllegalStateException("device table unreadable");
        }
    }

    @Test
    void afterItsRetriesTheProbeCountsAsFailedAndTheCaseGoesBackToTheEngineer() {
        Ticket ticket = report(Category.DEFECT);
        dispatchAndFix(ticket);
        long incidentsBefore = runtimeService.createIncidentQuery().count();
        ProbeService crashing = new CrashingProbeService(results, prober, tickets, appClock);
        ProbeWorker worker = new ProbeWorker(externalTasks, crashing, transaction, false, 60_000, 0);

        for (int i = 0; i < ProbeWorker.MAX_TRIES; i++) {
            assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.VERIFYING);
            worker.runOnce();
        }

        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        assertThat(tickets.timeline(ticket.getId())).anyMatch(e -> e.getType().equals("PROBE_FAILED")
                && e.getMessage().contains("could not run") && e.getMessage().contains("device table unreadable"));
        assertThat(runtimeService.createIncidentQuery().count()).isEqualTo(incidentsBefore);
    }
}
