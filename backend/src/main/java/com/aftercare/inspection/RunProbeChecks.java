package com.aftercare.inspection;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.identity.CurrentUser;
import com.aftercare.labels.Labels;
import com.aftercare.probe.ProbeService;

/**
 * PM-4: the checklist items a device probe can check are run automatically: each device with such items is probed once
 * with its verification policy (the same checks as a case's verification), and its automated items pass or fail with
 * the count of checks passed as the note. Items checked by hand are left alone.
 */
@Service
public class RunProbeChecks {

    private final Inspections inspections;
    private final InspectionCheckRepository checks;
    private final AssetService assets;
    private final ProbeService probes;
    private final Labels labels;
    private final Clock clock;

    RunProbeChecks(Inspections inspections, InspectionCheckRepository checks, AssetService assets, ProbeService probes,
            Labels labels, Clock clock) {
        this.inspections = inspections;
        this.checks = checks;
        this.assets = assets;
        this.probes = probes;
        this.labels = labels;
        this.clock = clock;
    }

    /** Runs the probes; returns how many checklist lines they decided. */
    @Transactional
    public int run(long inspectionId) {
        Inspection inspection = inspections.visible(inspectionId);
        inspection.requireStatus(InspectionStatus.SCHEDULED, "is not waiting for its checklist");
        List<InspectionCheck> automated = checks.findByInspectionIdOrderById(inspectionId).stream()
                .filter(InspectionCheck::isAutomated).toList();
        Map<Long, ProbeService.Outcome> byDevice = new HashMap<>();
        for (InspectionCheck check : automated) {
            ProbeService.Outcome outcome = byDevice.computeIfAbsent(check.getDeviceId(),
                    id -> probes.run(probes.planForDevice(assets.device(id))));
            long passed = outcome.checks().stream().filter(c -> c.ok()).count();
            String note = labels.text(Labels.ZH, "inspection.probeNote",
                    Map.of("passed", passed, "total", outcome.checks().size()));
            check.record(outcome.passed() ? CheckResult.PASS : CheckResult.FAIL, note, null, CurrentUser.username(),
                    clock.instant());
        }
        checks.flush();
        return automated.size();
    }
}
