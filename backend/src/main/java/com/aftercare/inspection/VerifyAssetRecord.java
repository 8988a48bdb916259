package com.aftercare.inspection;

import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.common.BadRequestException;
import com.aftercare.identity.CurrentUser;

/**
 * PM-5: during an inspection that verifies asset records, the engineer confirms each device's record as it stands, or
 * records what was found on site (model, serial number, installed location, IP address, out of service): a proposal
 * the asset keeper decides ({@link DecideAssetCorrection}); nothing of the device changes here. Once decided, the
 * line is closed (409), so an approval is never silently replaced by a later proposal.
 */
@Service
@Validated
public class VerifyAssetRecord {

    public record AssetCommand(@NotNull Long deviceId, @NotNull Boolean confirmed, @Size(max = 100) String model,
            @Size(max = 100) String serialNumber, @Size(max = 200) String location,
            @Size(max = 64) @Pattern(regexp = "(\\d{1,3}(\\.\\d{1,3}){3})|([0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7})",
                    message = "must be an IPv4 or IPv6 address") String ipAddress,
            Boolean outOfService) {
    }

    private final Inspections inspections;
    private final AssetCheckRepository assetChecks;
    private final InspectionCheckRepository checks;
    private final AssetService assets;
    private final Clock clock;

    VerifyAssetRecord(Inspections inspections, AssetCheckRepository assetChecks, InspectionCheckRepository checks,
            AssetService assets, Clock clock) {
        this.inspections = inspections;
        this.assetChecks = assetChecks;
        this.checks = checks;
        this.assets = assets;
        this.clock = clock;
    }

    @Transactional
    public AssetCheck verify(long inspectionId, @Valid AssetCommand command) {
        Inspection inspection = inspections.visible(inspectionId);
        if (!inspection.isVerifyAssets()) {
            throw new BadRequestException("deviceId", "this inspection does not verify asset records");
        }
        inspection.requireStatus(InspectionStatus.SCHEDULED, "is not waiting for its checklist");
        boolean inChecklist = checks.findByInspectionIdOrderById(inspectionId).stream()
                .anyMatch(c -> c.getDeviceId().equals(command.deviceId()));
        if (!inChecklist) {
            throw new BadRequestException("deviceId", "device " + command.deviceId() + " is not in this inspection");
        }
        Device device = assets.device(command.deviceId());
        boolean confirmed = command.confirmed();
        boolean outOfService = Boolean.TRUE.equals(command.outOfService());
        if (!confirmed && blank(command.model()) && blank(command.serialNumber()) && blank(command.location())
                && blank(command.ipAddress()) && !outOfService) {
            throw new BadRequestException("model", "give the model, serial number, location or IP address found on site");
        }
        if (!blank(command.ipAddress()) && command.ipAddress().contains(".")
                && java.util.Arrays.stream(command.ipAddress().trim().split("\\.")).anyMatch(p -> Integer.parseInt(p) > 255)) {
            throw new BadRequestException("ipAddress", "must be an IPv4 or IPv6 address");
        }
        AssetCheck check = assetChecks.findByInspectionIdAndDeviceId(inspectionId, device.getId())
                .orElseGet(() -> new AssetCheck(inspectionId, inspection.getCustomerId(), device.getId()));
        // confirmed: the record as it stood; corrected: only what differs on site (blank: as recorded)
        check.record(confirmed, confirmed ? device.getModel() : trim(command.model()),
                confirmed ? device.getSerialNumber() : trim(command.serialNumber()),
                confirmed ? device.getLocation() : trim(command.location()),
                confirmed ? device.getIpAddress() : trim(command.ipAddress()),
                confirmed ? null : (outOfService ? Boolean.TRUE : null), device.getName(), CurrentUser.username(),
                clock.instant());
        return assetChecks.saveAndFlush(check);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
