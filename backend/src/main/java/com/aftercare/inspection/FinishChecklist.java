package com.aftercare.inspection;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.identity.CurrentUser;

/**
 * PM-4: the engineer finishes the checklist once every line has a result (and, in an inspection that verifies asset
 * records, every device's record is confirmed or corrected). The model then opens a fault case for every failed line
 * in the same transaction, so a finished checklist without its fault cases never exists.
 */
@Service
public class FinishChecklist {

    private final Inspections inspections;
    private final InspectionRepository repository;
    private final InspectionCheckRepository checks;
    private final AssetCheckRepository assetChecks;
    private final InspectionProcess process;
    private final Clock clock;

    FinishChecklist(Inspections inspections, InspectionRepository repository, InspectionCheckRepository checks,
            AssetCheckRepository assetChecks, InspectionProcess process, Clock clock) {
        this.inspections = inspections;
        this.repository = repository;
        this.checks = checks;
        this.assetChecks = assetChecks;
        this.process = process;
        this.clock = clock;
    }

    @Transactional
    public Inspection finish(long id) {
        Inspection inspection = inspections.visible(id);
        List<InspectionCheck> lines = checks.findByInspectionIdOrderById(id);
        long open = lines.stream().filter(c -> c.getResult() == null).count();
        inspection.requireStatus(InspectionStatus.SCHEDULED, "is not waiting for its checklist");
        if (open > 0) {
            throw new BadRequestException("checks", open + " checklist items have no result yet");
        }
        if (inspection.isVerifyAssets()) {
            Set<Long> devices = lines.stream().map(InspectionCheck::getDeviceId).collect(Collectors.toSet());
            assetChecks.findByInspectionIdOrderById(id).forEach(a -> devices.remove(a.getDeviceId()));
            if (!devices.isEmpty()) {
                throw new BadRequestException("assetChecks", devices.size() + " devices' records are not yet verified");
            }
        }
        inspection.checklistDone(CurrentUser.username(), clock.instant());
        repository.saveAndFlush(inspection);
        process.checklistDone(id);
        return inspection;
    }
}
