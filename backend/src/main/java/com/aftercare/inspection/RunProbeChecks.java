package com.aftercare.inspection;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.identity.CurrentUser;
import com.aftercare.labels.Labels;
import com.aftercare.probe.AgentSites;
import com.aftercare.probe.ProbeService;

/**
 * PM-4: the checklist items a device probe can check are run automatically: each device with such items is probed once
 * with its verification policy (the same checks as a case's verification), and its automated items pass or fail with
 * the count of checks passed as the note. Items checked by hand are left alone.
 *
 * <p>A device at a site served by a probe agent is not probed from here (this server does not reach that network; a
 * probe from here would fail the items for the wrong reason): its open automated items are queued for the agent as
 * one probe job (ADR 0052) and stay 待检测 until the agent reports ({@link RecordInspectionProbe}). An agent that is
 * offline leaves them open, never passed; the engineer may still mark them by hand. Pressing again queues nothing twice.
 */
@Service
public class RunProbeChecks {

    /** What pressing "run the probes" did: lines decided here, lines queued for the site's agent. */
    public record Run(int decided, int queued) {
    }

    private final Inspections inspections;
    private final InspectionCheckRepository checks;
    private final AssetService assets;
    private final ProbeService probes;
    private final AgentSites agentSites;
    private final InspectionProcess process;
    private final Labels labels;
    private final Clock clock;

    RunProbeChecks(Inspections inspections, InspectionCheckRepository checks, AssetService assets, ProbeService probes,
            AgentSites agentSites, InspectionProcess process, Labels labels, Clock clock) {
        this.inspections = inspections;
        this.checks = checks;
        this.assets = assets;
        this.probes = probes;
        this.agentSites = agentSites;
        this.process = process;
        this.labels = labels;
        this.clock = clock;
    }

    @Transactional
    public Run run(long inspectionId) {
        Inspection inspection = inspections.visible(inspectionId);
        inspection.requireStatus(InspectionStatus.SCHEDULED, "is not waiting for its checklist");
        Map<Long, List<InspectionCheck>> byDevice = new LinkedHashMap<>();
        checks.findByInspectionIdOrderById(inspectionId).stream().filter(InspectionCheck::isAutomated)
                .forEach(c -> byDevice.computeIfAbsent(c.getDeviceId(), id -> new java.util.ArrayList<>()).add(c));
        int decided = 0;
        int queued = 0;
        Instant now = clock.instant();
        for (Map.Entry<Long, List<InspectionCheck>> entry : byDevice.entrySet()) {
            Device device = assets.device(entry.getKey());
            if (agentSites.servedByAgent(device.getSite().getId())) {
                List<InspectionCheck> open = entry.getValue().stream().filter(c -> c.getResult() == null).toList();
                boolean waiting = entry.getValue().stream().anyMatch(c -> c.getProbeQueuedAt() != null);
                if (open.isEmpty() || waiting) {
                    continue; // nothing left for the agent, or its job is already queued
                }
                open.forEach(c -> c.probeQueued(now));
                process.queueProbe(inspectionId, device.getId());
                queued += open.size();
                continue;
            }
            ProbeService.Outcome outcome = probes.run(probes.planForDevice(device));
            String note = RecordInspectionProbe.note(labels, outcome);
            for (InspectionCheck check : entry.getValue()) {
                check.record(outcome.passed() ? CheckResult.PASS : CheckResult.FAIL, note, null, CurrentUser.username(), now);
                decided++;
            }
        }
        checks.flush();
        return new Run(decided, queued);
    }
}
