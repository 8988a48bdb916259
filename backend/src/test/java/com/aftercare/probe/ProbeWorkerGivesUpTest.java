package com.aftercare.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.aftercare.ticket.event.CaseTimeline;
import com.aftercare.workflow.steps.ProbeWorker;

/** A probe that keeps crashing must not leave the case stuck in VERIFYING behind an invisible incident. */
class ProbeWorkerGivesUpTest extends IntegrationTest {

    @Autowired com.aftercare.workflow.ProbeJobs probeJobs;
    @Autowired com.aftercare.inspection.RecordInspectionProbe inspectionProbes;
    @Autowired DeviceProber prober;
    @Autowired TransactionTemplate transaction;
    @Autowired Clock appClock;
    @Autowired ProbeResultRepository results;
    @Autowired CaseTimeline timeline;
    @Autowired AgentSites agentSites;
    @Autowired com.aftercare.probe.policy.VerificationPolicies policies;
    @Autowired VerificationWaiverRepository waivers;

    /** A probe service whose planning always fails, as a broken database read or bug would. */
    static class CrashingProbeService extends ProbeService {
        CrashingProbeService(ProbeResultRepository results, DeviceProber prober,
                com.aftercare.ticket.FindTicket tickets, CaseTimeline timeline, Clock clock,
                com.aftercare.probe.policy.VerificationPolicies policies, VerificationWaiverRepository waivers) {
            super(prober, results, tickets, timeline, clock, policies, waivers, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
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
        ProbeService crashing = new CrashingProbeService(results, prober, tickets, timeline, appClock, policies, waivers);
        ProbeWorker worker = new ProbeWorker(probeJobs, crashing, agentSites, tickets, assets, inspectionProbes, transaction, false,
                60_000, 0);

        for (int i = 0; i < ProbeWorker.MAX_TRIES; i++) {
            assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.VERIFYING);
            worker.runOnce();
        }

        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        assertThat(readTimeline.of(ticket.getId())).anyMatch(e -> e.getType().equals("PROBE_FAILED"));
        // the reason is kept with the probe evidence the case file shows
        assertThat(results.findByTicketIdOrderByStartedAtAscIdAsc(ticket.getId())).anyMatch(r -> !r.isPassed()
                && r.getSummary().contains("could not run") && r.getSummary().contains("device table unreadable"));
        assertThat(runtimeService.createIncidentQuery().count()).isEqualTo(incidentsBefore);
    }
}
