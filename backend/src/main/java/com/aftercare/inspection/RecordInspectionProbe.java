package com.aftercare.inspection;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.labels.Labels;
import com.aftercare.probe.ProbeService;

/**
 * ADR 0052: a probe agent's result for an inspection's device lands on the checklist. The verdict is the server's
 * ({@link ProbeService#evaluate} on the device's own plan, as for a case), never the agent's; it fills only the
 * device's queued automated lines that are still open: a line the engineer marked by hand meanwhile keeps that mark,
 * and a checklist already finished is not touched. Called by the agent endpoints (and by this server's worker when
 * the agent was revoked) inside the transaction that completes the probe job.
 */
@Service
public class RecordInspectionProbe {

    private final InspectionRepository inspections;
    private final InspectionCheckRepository checks;
    private final AssetService assets;
    private final ProbeService probes;
    private final Labels labels;
    private final Clock clock;

    RecordInspectionProbe(InspectionRepository inspections, InspectionCheckRepository checks, AssetService assets,
            ProbeService probes, Labels labels, Clock clock) {
        this.inspections = inspections;
        this.checks = checks;
        this.assets = assets;
        this.probes = probes;
        this.labels = labels;
        this.clock = clock;
    }

    /** The checks the device's policy asks for: what the agent is to run and what its outcomes are held against. */
    @Transactional(readOnly = true)
    public ProbeService.Plan plan(long deviceId) {
        return probes.planForDevice(assets.device(deviceId));
    }

    /** Writes the verdict on the device's queued open lines; returns how many it decided. */
    @Transactional
    public int record(long inspectionId, long deviceId, ProbeService.Outcome outcome, String by) {
        boolean open = inspections.findById(inspectionId).map(i -> i.getStatus() == InspectionStatus.SCHEDULED).orElse(false);
        String note = note(labels, outcome);
        int decided = 0;
        for (InspectionCheck line : queued(inspectionId, deviceId)) {
            line.probeAnswered();
            if (open && line.getResult() == null) {
                line.record(outcome.passed() ? CheckResult.PASS : CheckResult.FAIL, note, null, by, clock.instant());
                decided++;
            }
        }
        checks.flush();
        return decided;
    }

    /** The agent gave up on the job: the lines stay open (待检测) for the engineer to check by hand; nothing passes. */
    @Transactional
    public void couldNotRun(long inspectionId, long deviceId) {
        queued(inspectionId, deviceId).forEach(InspectionCheck::probeAnswered);
        checks.flush();
    }

    private List<InspectionCheck> queued(long inspectionId, long deviceId) {
        return checks.findByInspectionIdOrderById(inspectionId).stream()
                .filter(c -> c.isAutomated() && c.getDeviceId() == deviceId && c.getProbeQueuedAt() != null).toList();
    }

    static String note(Labels labels, ProbeService.Outcome outcome) {
        long passed = outcome.checks().stream().filter(c -> c.ok()).count();
        return labels.text(Labels.ZH, "inspection.probeNote", Map.of("passed", passed, "total", outcome.checks().size()));
    }
}
