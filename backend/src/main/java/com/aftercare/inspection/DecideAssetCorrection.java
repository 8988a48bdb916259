package com.aftercare.inspection;

import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.CorrectDeviceRecord;
import com.aftercare.asset.Device;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;

/**
 * PM-5: the asset keeper (process owner or administrator: the archive is theirs, RP-3) approves or rejects what an
 * engineer found on site. An approval writes the correction into the device's record in the same transaction as the
 * decision, so the inspection never says "applied" over an unchanged device; both rows are audited. A rejection needs
 * a reason, which the inspection shows. A second decision is a 409 in the reader's language.
 */
@Service
@Validated
public class DecideAssetCorrection {

    public record DecisionCommand(@NotNull Boolean approve, @Size(max = 500) String note) {
    }

    private final Inspections inspections;
    private final AssetCheckRepository assetChecks;
    private final AssetService assets;
    private final CorrectDeviceRecord correct;
    private final Clock clock;

    DecideAssetCorrection(Inspections inspections, AssetCheckRepository assetChecks, AssetService assets,
            CorrectDeviceRecord correct, Clock clock) {
        this.inspections = inspections;
        this.assetChecks = assetChecks;
        this.assets = assets;
        this.correct = correct;
        this.clock = clock;
    }

    @Transactional
    public AssetCheck decide(long inspectionId, long deviceId, @Valid DecisionCommand command) {
        inspections.visible(inspectionId);
        AssetCheck check = assetChecks.findByInspectionIdAndDeviceId(inspectionId, deviceId)
                .orElseThrow(() -> new NotFoundException("No asset check of device " + deviceId + " in inspection " + inspectionId));
        Device device = assets.device(deviceId);
        String note = command.note() == null || command.note().isBlank() ? null : command.note().trim();
        if (!command.approve() && note == null) {
            throw new BadRequestException("note", "say why the correction is rejected: the engineer reads it on the inspection");
        }
        check.decide(command.approve(), note, device.getName(), CurrentUser.username(), clock.instant());
        if (command.approve()) {
            correct.correct(deviceId, new CorrectDeviceRecord.Correction(check.getModel(), check.getSerialNumber(),
                    check.getLocation(), check.getIpAddress(), check.getOutOfService()));
        }
        return assetChecks.saveAndFlush(check);
    }
}
