package com.aftercare.probe;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.Device;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketService;

/** Probes the device of a ticket and keeps the evidence on the ticket. */
@Service
public class ProbeService {

    private final DeviceProber prober;
    private final ProbeResultRepository results;
    private final TicketService tickets;
    private final Clock clock;

    ProbeService(DeviceProber prober, ProbeResultRepository results, TicketService tickets, Clock clock) {
        this.prober = prober;
        this.results = results;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** What to probe for a ticket; read in its own short transaction, the network work runs outside any. */
    public record Plan(Long ticketId, Long deviceId, String deviceName, DeviceProber.Target target) {
        boolean hasChecks() {
            return target != null && (!target.tcpPorts().isEmpty() || (target.httpUrl() != null && !target.httpUrl().isBlank()));
        }
    }

    public record Outcome(boolean passed, String summary, List<ProbeCheck> checks, Instant startedAt, Instant finishedAt) {
    }

    @Transactional(readOnly = true)
    public Plan plan(Long ticketId) {
        Ticket ticket = tickets.get(ticketId);
        Device device = ticket.getDevice();
        if (device == null) {
            return new Plan(ticketId, null, null, null);
        }
        return new Plan(ticketId, device.getId(), device.getName(),
                new DeviceProber.Target(device.getIpAddress(), device.tcpPorts(), device.getProbeHttpUrl(), device.isProbeTlsInsecure(),
                        device.getSite().getProbeAllowList()));
    }

    /** Runs the checks. No device or no configured checks is recorded as such and does not block closure. */
    public Outcome run(Plan plan) {
        Instant started = clock.instant();
        if (plan.deviceId() == null) {
            return new Outcome(true, "No device on this ticket; nothing to probe", List.of(), started, clock.instant());
        }
        if (!plan.hasChecks()) {
            return new Outcome(true, "Device " + plan.deviceName() + " has no probe configured; not verified automatically",
                    List.of(), started, clock.instant());
        }
        List<ProbeCheck> checks = prober.probe(plan.target());
        long failed = checks.stream().filter(c -> !c.ok()).count();
        boolean passed = failed == 0;
        String summary = passed
                ? "Device " + plan.deviceName() + " works: " + checks.size() + " of " + checks.size() + " checks passed"
                : "Device " + plan.deviceName() + " does not work: " + failed + " of " + checks.size() + " checks failed";
        return new Outcome(passed, summary, checks, started, clock.instant());
    }

    @Transactional
    public ProbeResult record(Plan plan, Outcome outcome) {
        ProbeResult saved = results.save(new ProbeResult(plan.ticketId(), plan.deviceId(), outcome.startedAt(), outcome.finishedAt(),
                outcome.passed(), outcome.summary(), outcome.checks()));
        tickets.note(plan.ticketId(), outcome.passed() ? "PROBE_PASSED" : "PROBE_FAILED", outcome.summary());
        return saved;
    }

    /** The probe itself could not run (after retries): recorded as a failed verification with the reason. */
    @Transactional
    public void recordCouldNotRun(Long ticketId, RuntimeException cause) {
        Instant now = clock.instant();
        String summary = "Probe could not run: " + cause.getMessage();
        results.save(new ProbeResult(ticketId, null, now, now, false, summary, List.of()));
        tickets.note(ticketId, "PROBE_FAILED", summary);
    }

    @Transactional(readOnly = true)
    public List<ProbeResult> resultsOf(Long ticketId) {
        return results.findByTicketIdOrderByStartedAtAscIdAsc(ticketId);
    }
}
