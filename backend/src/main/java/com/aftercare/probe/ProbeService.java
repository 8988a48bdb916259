package com.aftercare.probe;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.Device;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.ProbeJob;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** Probes the device of a ticket and keeps the evidence on the ticket. */
@Service
public class ProbeService {

    private final DeviceProber prober;
    private final ProbeResultRepository results;
    private final FindTicket tickets;
    private final CaseTimeline timeline;
    private final Clock clock;

    ProbeService(DeviceProber prober, ProbeResultRepository results, FindTicket tickets, CaseTimeline timeline, Clock clock) {
        this.prober = prober;
        this.results = results;
        this.tickets = tickets;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * What to probe for a ticket; read in its own short transaction, the network work runs outside any.
     * job is null when the ticket has no device; siteId says whose prober runs it (the site's agent or this server).
     */
    public record Plan(Long ticketId, Long deviceId, String deviceName, Long siteId, ProbeJob job, String allowList) {
        boolean hasChecks() {
            return job != null && !job.checks().isEmpty();
        }
    }

    public record Outcome(boolean passed, String summary, List<ProbeCheck> checks, Instant startedAt, Instant finishedAt) {
    }

    @Transactional(readOnly = true)
    public Plan plan(Long ticketId) {
        Ticket ticket = tickets.get(ticketId);
        Device device = ticket.getDevice();
        if (device == null) {
            return new Plan(ticketId, null, null, null, null, null);
        }
        List<CheckRequest> checks = new ArrayList<>();
        if (!device.tcpPorts().isEmpty()) {
            checks.add(CheckRequest.of(CheckKind.TCP));
        }
        if (device.getProbeHttpUrl() != null && !device.getProbeHttpUrl().isBlank()) {
            checks.add(CheckRequest.of(CheckKind.HTTP));
        }
        String allowList = device.getSite().getProbeAllowList();
        ProbeJob job = new ProbeJob(DeviceEndpoint.basic(device.getIpAddress(), device.tcpPorts(), device.getProbeHttpUrl(),
                device.isProbeTlsInsecure()), checks, allowList == null || allowList.isBlank() ? List.of()
                        : List.of(allowList.split("[,\\s]+")));
        return new Plan(ticketId, device.getId(), device.getName(), device.getSite().getId(), job, allowList);
    }

    /** Runs the checks on this server. No device or no configured checks is recorded as such and does not block closure. */
    public Outcome run(Plan plan) {
        Instant started = clock.instant();
        if (!plan.hasChecks()) {
            return evaluate(plan, List.of(), started, clock.instant());
        }
        List<CheckOutcome> outcomes = prober.run(plan.job(), plan.allowList());
        return evaluate(plan, outcomes, started, clock.instant());
    }

    /** The verdict on a plan's check outcomes, whoever ran them (this server or the site's probe agent). */
    public Outcome evaluate(Plan plan, List<CheckOutcome> outcomes, Instant started, Instant finished) {
        if (plan.deviceId() == null) {
            return new Outcome(true, "No device on this ticket; nothing to probe", List.of(), started, finished);
        }
        if (!plan.hasChecks()) {
            return new Outcome(true, "Device " + plan.deviceName() + " has no probe configured; not verified automatically",
                    List.of(), started, finished);
        }
        List<ProbeCheck> checks = outcomes.stream().map(ProbeCheck::of).toList();
        long failed = checks.stream().filter(c -> !c.ok()).count();
        boolean passed = failed == 0 && !checks.isEmpty();
        String summary = passed
                ? "Device " + plan.deviceName() + " works: " + checks.size() + " of " + checks.size() + " checks passed"
                : "Device " + plan.deviceName() + " does not work: " + failed + " of " + checks.size() + " checks failed";
        return new Outcome(passed, summary, checks, started, finished);
    }

    @Transactional
    public ProbeResult record(Plan plan, Outcome outcome) {
        ProbeResult saved = results.save(new ProbeResult(plan.ticketId(), plan.deviceId(), outcome.startedAt(), outcome.finishedAt(),
                outcome.passed(), outcome.summary(), outcome.checks()));
        int failed = (int) outcome.checks().stream().filter(c -> !c.ok()).count();
        timeline.record(plan.ticketId(), new CaseEvent.ProbeChecked(plan.deviceName(), outcome.passed(),
                outcome.checks().size(), failed));
        return saved;
    }

    /** The probe itself could not run (after retries): recorded as a failed verification with the reason. */
    @Transactional
    public void recordCouldNotRun(Long ticketId, RuntimeException cause) {
        Instant now = clock.instant();
        String summary = "Probe could not run: " + cause.getMessage();
        results.save(new ProbeResult(ticketId, null, now, now, false, summary, List.of()));
        Device device = tickets.get(ticketId).getDevice();
        // the reason stays in the probe result (case file); the timeline says the check could not run
        timeline.record(ticketId, new CaseEvent.ProbeChecked(device == null ? null : device.getName(), false, 0, 0));
    }

    @Transactional(readOnly = true)
    public List<ProbeResult> resultsOf(Long ticketId) {
        return results.findByTicketIdOrderByStartedAtAscIdAsc(ticketId);
    }
}
