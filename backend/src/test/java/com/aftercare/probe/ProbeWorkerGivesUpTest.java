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

        /** Tries per case: other classes of this test JVM may have left probe jobs waiting, and they crash too. */
        final java.util.Map<Long, Integer> tries = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Plan plan(Long ticketId) {
            tries.merge(ticketId, 1, Integer::sum);
            throw new IllegalStateException("device table unreadable");
        }
    }

    @Test
    void afterItsRetriesTheProbeCountsAsFailedAndTheCaseGoesBackToTheEngineer() {
        Ticket ticket = report(Category.DEFECT);
        dispatchAndFix(ticket);
        long incidentsBefore = runtimeService.createIncidentQuery().count();
        CrashingProbeService crashing = new CrashingProbeService(results, prober, tickets, timeline, appClock, policies, waivers);
        ProbeWorker worker = new ProbeWorker(probeJobs, crashing, agentSites, tickets, assets, inspectionProbes, transaction, false,
                60_000, 0);

        // a run serves at most ten waiting jobs, and jobs other classes left behind may come first: run until this
        // case's job has had its tries (bounded), checking that it stays in verification until the last one
        for (int run = 0; run < 20 * ProbeWorker.MAX_TRIES
                && crashing.tries.getOrDefault(ticket.getId(), 0) < ProbeWorker.MAX_TRIES; run++) {
            assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.VERIFYING);
            worker.runOnce();
        }

        assertThat(crashing.tries.get(ticket.getId())).as("tries of this case's probe").isEqualTo(ProbeWorker.MAX_TRIES);
        assertThat(tickets.get(ticket.getId()).getStatus()).isNotEqualTo(TicketStatus.VERIFYING);
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        assertThat(readTimeline.of(ticket.getId())).anyMatch(e -> e.getType().equals("PROBE_FAILED"));
        // the reason is kept with the probe evidence the case file shows
        assertThat(results.findByTicketIdOrderByStartedAtAscIdAsc(ticket.getId())).anyMatch(r -> !r.isPassed()
                && r.getSummary().contains("could not run") && r.getSummary().contains("device table unreadable"));
        assertThat(runtimeService.createIncidentQuery().count()).isEqualTo(incidentsBefore);
    }
}
