package com.aftercare.probe;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.AfterCommit;
import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.probe.policy.PolicyCheck;
import com.aftercare.probe.policy.VerificationPolicies;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.ProbeJob;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Verifies the device of a ticket against its type's verification policy (VC-3, issue 14) and keeps the evidence on
 * the ticket. A required check whose settings the device lacks is NOT_CONFIGURED and fails verification, unless the
 * desk waived verification for the case ({@link WaiveVerification}); a check that ran and failed always fails it.
 */
@Service
public class ProbeService {

    private final DeviceProber prober;
    private final ProbeResultRepository results;
    private final FindTicket tickets;
    private final CaseTimeline timeline;
    private final Clock clock;
    private final VerificationPolicies policies;
    private final VerificationWaiverRepository waivers;
    private final MeterRegistry meters;

    /** Prometheus: {@code aftercare_probe_results_total{outcome}}, one per verification of a case's device. */
    static final String RESULTS = "aftercare.probe.results";
    /** Prometheus: {@code aftercare_probe_checks_total{kind,outcome}}, one per check within it. */
    static final String CHECKS = "aftercare.probe.checks";

    ProbeService(DeviceProber prober, ProbeResultRepository results, FindTicket tickets, CaseTimeline timeline, Clock clock,
            VerificationPolicies policies, VerificationWaiverRepository waivers, MeterRegistry meters) {
        this.meters = meters;
        this.prober = prober;
        this.results = results;
        this.tickets = tickets;
        this.timeline = timeline;
        this.clock = clock;
        this.policies = policies;
        this.waivers = waivers;
    }

    /**
     * What to probe for a ticket; read in its own short transaction, the network work runs outside any.
     * job is null when the ticket has no device; siteId says whose prober runs it (the site's agent or this server).
     * notConfigured: the policy's required checks the device lacks settings for (not in the job, already failed);
     * waiver: the desk's waiver for this case, or null.
     */
    public record Plan(Long ticketId, Long deviceId, String deviceName, Long siteId, ProbeJob job, String allowList,
            List<CheckOutcome> notConfigured, Waiver waiver) {

        public Plan {
            notConfigured = notConfigured == null ? List.of() : List.copyOf(notConfigured);
        }

        public Plan(Long ticketId, Long deviceId, String deviceName, Long siteId, ProbeJob job, String allowList) {
            this(ticketId, deviceId, deviceName, siteId, job, allowList, List.of(), null);
        }

        boolean hasChecks() {
            return job != null && !job.checks().isEmpty();
        }
    }

    /** Who waived verification of the case and why (the reason stays on the timeline and waiver, not in results). */
    public record Waiver(String by, String reason) {
    }

    public record Outcome(boolean passed, String summary, List<ProbeCheck> checks, Instant startedAt, Instant finishedAt) {
    }

    @Transactional(readOnly = true)
    public Plan plan(Long ticketId) {
        Ticket ticket = tickets.get(ticketId);
        return plan(ticketId, ticket.getDevice());
    }

    /**
     * A device's checks outside any case (a preventive inspection's automated items, issue 16): the same policy and
     * settings as a case's verification, no waiver. The caller holds the transaction the device was read in.
     */
    public Plan planForDevice(Device device) {
        return plan(null, device);
    }

    private Plan plan(Long ticketId, Device device) {
        if (device == null) {
            return new Plan(ticketId, null, null, null, null, null);
        }
        List<CheckRequest> checks = new ArrayList<>();
        List<CheckOutcome> notConfigured = new ArrayList<>();
        List<CheckOutcome> optionalMissing = new ArrayList<>();
        for (PolicyCheck check : policies.checksFor(device.getType())) {
            if (check.ptzOnly() && !device.isPtz()) {
                continue;
            }
            String missing = missingSettings(check.kind(), device);
            if (missing == null) {
                checks.add(new CheckRequest(check.kind(), check.params()));
            } else if (check.optional()) {
                optionalMissing.add(CheckOutcome.notConfigured(check.kind(), missing));
            } else {
                notConfigured.add(CheckOutcome.notConfigured(check.kind(), missing));
            }
        }
        if (checks.isEmpty() && notConfigured.isEmpty()) {
            // "as configured" and nothing is: the device cannot be verified, which is no pass (issue 14)
            notConfigured.addAll(optionalMissing);
        }
        String allowList = device.getSite().getProbeAllowList();
        ProbeJob job = new ProbeJob(endpoint(device, true), checks, allowList == null || allowList.isBlank() ? List.of()
                : List.of(allowList.trim().split("[,\\s]+")));
        Waiver waiver = ticketId == null ? null : waivers.findFirstByTicketIdOrderByWaivedAtDescIdDesc(ticketId)
                .map(w -> new Waiver(w.getWaivedBy(), w.getReason())).orElse(null);
        return new Plan(ticketId, device.getId(), device.getName(), device.getSite().getId(), job, allowList, notConfigured, waiver);
    }

    /** How the checks reach the device, secrets decrypted (in memory only); a camera's recorder as its own endpoint. */
    private static DeviceEndpoint endpoint(Device d, boolean withRecorder) {
        DeviceEndpoint.Snmp snmp = d.getSnmpVersion() == null ? null
                : new DeviceEndpoint.Snmp(d.getSnmpPort() == null ? 161 : d.getSnmpPort(), d.getSnmpVersion(), d.snmpCommunity(),
                        d.getSnmpUser(), d.getSnmpAuthProtocol(), d.snmpAuthPassword(), d.getSnmpPrivProtocol(), d.snmpPrivPassword());
        DeviceEndpoint recorder = withRecorder && d.getRecorder() != null ? endpoint(d.getRecorder(), false) : null;
        return new DeviceEndpoint(d.getIpAddress(), d.tcpPorts(), d.getProbeHttpUrl(), d.isProbeTlsInsecure(), d.getProbeUsername(),
                d.probePassword(), d.getProbeRtspUrl(), d.getProbeOnvifUrl(), d.getProbeIsapiUrl(), d.getRecorderChannel(), recorder, snmp);
    }

    /**
     * Which setting a check needs and the device lacks (the names of the device form's fields), or null when it can run.
     * A camera's recordings and channel are checked on its recorder; an NVR's on its own ISAPI.
     */
    static String missingSettings(CheckKind kind, Device d) {
        boolean camera = d.getType() == DeviceType.CAMERA;
        return switch (kind) {
            case TCP -> d.getIpAddress() == null ? "ipAddress" : d.tcpPorts().isEmpty() ? "probeTcpPorts" : null;
            case HTTP -> blank(d.getProbeHttpUrl()) ? "probeHttpUrl" : null;
            case RTSP_STREAM -> blank(d.getProbeRtspUrl()) ? "rtspUrl" : null;
            case ONVIF_MEDIA, ONVIF_PTZ -> blank(d.getProbeOnvifUrl()) ? "onvifUrl" : null;
            case SNMP_UPTIME, SNMP_INTERFACES, SNMP_UPS -> snmpMissing(d);
            case NVR_STORAGE -> camera ? recorderMissing(d, false) : blank(d.getProbeIsapiUrl()) ? "isapiUrl" : null;
            case NVR_RECORDINGS, NVR_CHANNELS -> camera ? recorderMissing(d, true) : blank(d.getProbeIsapiUrl()) ? "isapiUrl" : null;
        };
    }

    private static String snmpMissing(Device d) {
        if (d.getIpAddress() == null) {
            return "ipAddress";
        }
        if (d.getSnmpVersion() == null) {
            return "snmpVersion";
        }
        if ("3".equals(d.getSnmpVersion())) {
            return blank(d.getSnmpUser()) ? "snmpUser" : null;
        }
        return d.hasSnmpCommunity() ? null : "snmpCommunity";
    }

    private static String recorderMissing(Device d, boolean needsChannel) {
        if (d.getRecorder() == null) {
            return "recorderId";
        }
        if (needsChannel && d.getRecorderChannel() == null) {
            return "channel";
        }
        return blank(d.getRecorder().getProbeIsapiUrl()) ? "recorder.isapiUrl" : null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Runs the checks on this server; checks not configured are already in the plan and run nowhere. */
    public Outcome run(Plan plan) {
        Instant started = clock.instant();
        if (!plan.hasChecks()) {
            return evaluate(plan, List.of(), started, clock.instant());
        }
        List<CheckOutcome> outcomes = prober.run(plan.job(), plan.allowList());
        return evaluate(plan, outcomes, started, clock.instant());
    }

    /**
     * The verdict on a plan's check outcomes, whoever ran them (this server or the site's probe agent): every check must
     * pass; checks not configured pass only under the desk's waiver; a device whose policy yields no check at all fails.
     */
    public Outcome evaluate(Plan plan, List<CheckOutcome> outcomes, Instant started, Instant finished) {
        if (plan.deviceId() == null) {
            return new Outcome(true, "No device on this ticket; nothing to probe", List.of(), started, finished);
        }
        List<CheckOutcome> all = new ArrayList<>(plan.notConfigured());
        all.addAll(outcomes);
        List<ProbeCheck> checks = all.stream().map(ProbeCheck::of).toList();
        if (checks.isEmpty()) {
            return new Outcome(false, "Device " + plan.deviceName() + " has no check to run; not verified", checks, started, finished);
        }
        long notConfigured = all.stream().filter(o -> !o.ok() && o.reason() == CheckReason.NOT_CONFIGURED).count();
        long failed = all.stream().filter(o -> !o.ok() && o.reason() != CheckReason.NOT_CONFIGURED).count();
        String summary;
        boolean passed;
        if (failed > 0) {
            passed = false;
            summary = "Device " + plan.deviceName() + " does not work: " + (failed + notConfigured) + " of " + checks.size()
                    + " checks failed" + (notConfigured > 0 ? " (" + notConfigured + " not configured)" : "");
        } else if (notConfigured > 0 && plan.waiver() == null) {
            passed = false;
            summary = "Device " + plan.deviceName() + " is not configured for " + notConfigured + " of " + checks.size()
                    + " checks; not verified";
        } else if (notConfigured > 0) {
            passed = true;
            summary = "Device " + plan.deviceName() + ": verification waived by " + plan.waiver().by() + " for " + notConfigured
                    + " checks not configured; " + (checks.size() - notConfigured) + " of " + checks.size() + " checks passed";
        } else {
            passed = true;
            summary = "Device " + plan.deviceName() + " works: " + checks.size() + " of " + checks.size() + " checks passed";
        }
        return new Outcome(passed, summary, checks, started, finished);
    }

    @Transactional
    public ProbeResult record(Plan plan, Outcome outcome) {
        ProbeResult saved = results.save(new ProbeResult(plan.ticketId(), plan.deviceId(), outcome.startedAt(), outcome.finishedAt(),
                outcome.passed(), outcome.summary(), outcome.checks()));
        int failed = (int) outcome.checks().stream().filter(c -> !c.ok()).count();
        int notConfigured = (int) outcome.checks().stream()
                .filter(c -> !c.ok() && CheckReason.NOT_CONFIGURED.name().equals(c.reason())).count();
        String waivedBy = outcome.passed() && notConfigured > 0 && plan.waiver() != null ? plan.waiver().by() : null;
        timeline.record(plan.ticketId(), new CaseEvent.ProbeChecked(plan.deviceName(), outcome.passed(),
                outcome.checks().size(), failed, notConfigured, waivedBy));
        count(outcome.passed() ? "passed" : "failed", outcome.checks());
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
        count("could_not_run", List.of());
    }

    /** Probe results by outcome and checks by kind and outcome (README "Metrics"), once the result is kept. */
    private void count(String outcome, List<ProbeCheck> checks) {
        AfterCommit.run(() -> {
            meters.counter(RESULTS, "outcome", outcome).increment();
            for (ProbeCheck check : checks) {
                String verdict = check.ok() ? "ok" : CheckReason.NOT_CONFIGURED.name().equals(check.reason()) ? "not_configured" : "failed";
                meters.counter(CHECKS, "kind", check.kind(), "outcome", verdict).increment();
            }
        });
    }

    @Transactional(readOnly = true)
    public List<ProbeResult> resultsOf(Long ticketId) {
        return results.findByTicketIdOrderByStartedAtAscIdAsc(ticketId);
    }
}
